package server

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/nixast"
)

// exposureFixture opens testdata/lsp/exposure/configuration.nix (which
// imports hardening.nix from disk) and returns its URI and text.
func exposureFixture(t *testing.T, c *client) (string, string) {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("..", "testdata", "lsp", "exposure", "configuration.nix"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	uri := pathToURI(path)
	c.open(uri, string(src), 1)
	c.waitPublish(0, uri, v32(1))
	return uri, string(src)
}

// posOf is the LSP position of the k-th byte of the first needle (ASCII text).
func posOf(t *testing.T, text, needle string, k int) map[string]int {
	t.Helper()
	i := strings.Index(text, needle)
	if i < 0 {
		t.Fatalf("%q not in the fixture", needle)
	}
	i += k
	line := strings.Count(text[:i], "\n")
	return map[string]int{"line": line, "character": i - (strings.LastIndex(text[:i], "\n") + 1)}
}

type wireHover struct {
	Contents struct{ Kind, Value string } `json:"contents"`
	Range    struct {
		Start struct{ Line, Character int } `json:"start"`
		End   struct{ Line, Character int } `json:"end"`
	} `json:"range"`
}

func (c *client) hoverAt(uri string, pos map[string]int) (wireHover, bool) {
	m := c.await(c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos}))
	if m.Error != nil {
		c.t.Fatalf("hover: %+v", m.Error)
	}
	if string(m.Result) == "null" {
		return wireHover{}, false
	}
	var h wireHover
	if err := json.Unmarshal(m.Result, &h); err != nil {
		c.t.Fatal(err)
	}
	return h, true
}

func TestOptionHover(t *testing.T) {
	c := newClient(t, Options{DocsBaseURL: "https://docs.example/"})
	c.initialize(map[string]any{}, nil)
	uri, text := exposureFixture(t, c)

	// Every segment of the attrpath: the whole option, its definitions in
	// both files with priorities and statuses, the system, the rules.
	for _, k := range []int{0, len("networking.fire"), len("networking.firewall.en")} {
		h, ok := c.hoverAt(uri, posOf(t, text, "networking.firewall.enable", k))
		if !ok {
			t.Fatalf("no hover on segment at %d", k)
		}
		md := h.Contents.Value
		for _, want := range []string{
			"**`networking.firewall.enable`** · system host",
			"Effective value: `false` — from [configuration.nix:5]",
			"configuration.nix:5](file://", "mkForce — **effective**",
			"[hardening.nix:3]", "`true`, plain — overridden by [configuration.nix:5]",
			"[NIXSEC-FW-001](https://docs.example/NIXSEC-FW-001.md)",
		} {
			if !strings.Contains(md, want) {
				t.Errorf("segment %d: hover lacks %q:\n%s", k, want, md)
			}
		}
		if h.Contents.Kind != "markdown" || h.Range.Start.Line != 4 {
			t.Errorf("hover %+v", h)
		}
	}
	// A nested key in the container: its own system.
	h, ok := c.hoverAt(uri, posOf(t, text, "guest.script", 7))
	if !ok || !strings.Contains(h.Contents.Value, "**`systemd.services.guest.script`** · system containers.web (container)") {
		t.Errorf("container hover: %v %q", ok, h.Contents.Value)
	}
	// The key of a set: what it sets here.
	h, ok = c.hoverAt(uri, posOf(t, text, "systemd.services.myapp", len("systemd.services.")))
	if !ok || !strings.Contains(h.Contents.Value, "**`systemd.services.myapp`**") || !strings.Contains(h.Contents.Value, "`script` = ") {
		t.Errorf("set hover: %v %q", ok, h.Contents.Value)
	}
	// A condition that is false: inactive, with the condition and its truth.
	h, ok = c.hoverAt(uri, posOf(t, text, "PrivateTmp", 1))
	if !ok || !strings.Contains(h.Contents.Value, "if `config.networking.firewall.enable` (false via config) — inactive") {
		t.Errorf("conditional hover: %v %q", ok, h.Contents.Value)
	}
	// Not on a name: no option hover.
	if h, ok := c.hoverAt(uri, posOf(t, text, "\"An app", 2)); ok {
		t.Errorf("hover on a string value: %q", h.Contents.Value)
	}
}

// TestOptionHoverWithFinding: a finding on the option's key and the option
// itself are both explained, finding first.
func TestOptionHoverWithFinding(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize(map[string]any{}, nil)
	text := "{\n  a.b = 1;\n  a.b = 2;\n}\n"
	c.open(uriA, text, 1)
	p, _ := c.waitPublish(0, uriA, v32(1))
	if len(ofCode(p.Diagnostics, "NIXSEC-SYN-002")) == 0 {
		t.Skipf("no duplicate-attribute finding to combine with: %+v", p.Diagnostics)
	}
	h, ok := c.hoverAt(uriA, map[string]int{"line": 2, "character": 4})
	if !ok {
		t.Fatal("no hover")
	}
	md := h.Contents.Value
	i, j := strings.Index(md, "NIXSEC-SYN-002"), strings.Index(md, "**`a.b`**")
	if i < 0 || j < 0 || i > j {
		t.Errorf("combined hover (finding first, then option):\n%s", md)
	}
}

type wireLens struct {
	Range struct {
		Start struct{ Line, Character int } `json:"start"`
		End   struct{ Line, Character int } `json:"end"`
	} `json:"range"`
	Command *struct {
		Title     string `json:"title"`
		Command   string `json:"command"`
		Arguments []any  `json:"arguments"`
	} `json:"command"`
}

// fixtureScores computes the expected scores with the analyzer directly.
func fixtureScores(t *testing.T) map[string]analyzer.Score {
	t.Helper()
	path, _ := filepath.Abs(filepath.Join("..", "testdata", "lsp", "exposure", "configuration.nix"))
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := nixast.Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	m := analyzer.BuildModelWith([]*nixast.File{f}, analyzer.ModelOptions{})
	out := map[string]analyzer.Score{}
	for _, sys := range m.AllSystems() {
		for _, ss := range analyzer.ServiceScores(sys) {
			key := ss.Name
			if sys.Name != "" {
				key = sys.Name + "/" + ss.Name
			}
			out[key] = analyzer.ScoreService(sys, ss.Name)
		}
	}
	return out
}

func TestExposureLenses(t *testing.T) {
	c := newClient(t, Options{})
	res := c.initialize(map[string]any{}, nil)
	cmds, _ := json.Marshal(res["capabilities"].(map[string]any)["executeCommandProvider"])
	if !strings.Contains(string(cmds), `"nixsec.showExposure"`) {
		t.Errorf("executeCommandProvider %s", cmds)
	}
	uri, text := exposureFixture(t, c)
	want := fixtureScores(t)
	var lenses []wireLens
	c.call("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": uri}}, &lenses)
	titles := map[string]string{}
	for _, l := range lenses {
		if l.Command == nil || l.Command.Command != CmdShowExposure || len(l.Command.Arguments) != 3 {
			t.Fatalf("lens %+v", l)
		}
		name, system := l.Command.Arguments[1].(string), l.Command.Arguments[2].(string)
		key := name
		if system != "" {
			key = system + "/" + name
		}
		titles[key] = l.Command.Title
		if key == "myapp" {
			if at := posOf(t, text, "myapp ", 0); l.Range.Start.Line != at["line"] || l.Range.Start.Character != at["character"] {
				t.Errorf("myapp lens at %+v, want %v", l.Range, at)
			}
		}
	}
	if len(titles) != 3 || len(lenses) != 3 {
		t.Fatalf("lenses %v, want myapp, hardened and containers.web/guest", titles)
	}
	for key, sc := range want {
		title := titles[key]
		num := sc.Text() + " " + sc.Level
		switch {
		case sc.Partial:
			num = "≤" + num
		case sc.Approximate:
			num = "≈" + num
		}
		if !strings.HasPrefix(title, "exposure "+num) {
			t.Errorf("%s: lens %q, want exposure %s", key, title, num)
		}
	}
	if sc := want["myapp"]; sc.Approximate || sc.Partial || sc.Level != "UNSAFE" {
		t.Errorf("myapp scores %s; the fixture expects an exact UNSAFE", sc)
	}
	if sc := want["hardened"]; !sc.Approximate || !strings.Contains(titles["hardened"], "≈") {
		t.Errorf("hardened: %s %q, want an approximate score marked ≈", sc, titles["hardened"])
	}
	if !strings.HasSuffix(titles["containers.web/guest"], " · containers.web") {
		t.Errorf("container lens %q", titles["containers.web/guest"])
	}

	// The lens command: the breakdown as markdown, plus a summary message.
	n := c.noteCount()
	var md string
	c.call("workspace/executeCommand", map[string]any{"command": CmdShowExposure, "arguments": []any{uri, "myapp", ""}}, &md)
	sc := want["myapp"]
	for _, w := range []string{"# Exposure of myapp.service", "| ✗ | `PrivateNetwork=` |", "→ Overall exposure level for myapp.service: **" + sc.Text() + " " + sc.Level + "**"} {
		if !strings.Contains(md, w) {
			t.Errorf("breakdown lacks %q:\n%s", w, md)
		}
	}
	if rows := strings.Count(md, "\n| "); rows < len(sc.Rows) {
		t.Errorf("breakdown has %d rows, score %d", rows, len(sc.Rows))
	}
	if m, _ := c.waitNote(n, "window/showMessage", func(raw json.RawMessage) bool {
		return strings.Contains(string(raw), "myapp.service exposure "+sc.Text())
	}, 5*time.Second); m == nil {
		t.Errorf("no window/showMessage summary")
	}
	c.call("workspace/executeCommand", map[string]any{"command": CmdShowExposure, "arguments": []any{uri, "hardened", ""}}, &md)
	if !strings.Contains(md, "**Approximate:**") || !strings.Contains(md, "≈") {
		t.Errorf("approximate breakdown does not say so:\n%s", md)
	}
	m := c.await(c.request("workspace/executeCommand", map[string]any{"command": CmdShowExposure, "arguments": []any{uri, "myapp", "nodes.nope"}}))
	if m.Error == nil {
		t.Errorf("unknown system accepted")
	}

	// Lenses follow edits.
	c.change(uri, 2, map[string]any{"range": rng(6, 19, 6, 24), "text": "other"})
	c.call("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": uri}}, &lenses)
	found := false
	for _, l := range lenses {
		if l.Command.Arguments[1] == "other" {
			found = true
		}
	}
	if !found {
		t.Errorf("after renaming myapp to other: %+v", lenses)
	}
}

// TestCodeLensRefreshOnImportChange: lenses depend on imported files, so
// a change to one asks the client to fetch them again.
func TestCodeLensRefreshOnImportChange(t *testing.T) {
	c := newClient(t, Options{})
	refreshed := make(chan struct{}, 10)
	c.onRequest = func(method string, _ json.RawMessage) (any, *rpcError) {
		if method == "workspace/codeLens/refresh" {
			refreshed <- struct{}{}
		}
		return nil, nil
	}
	c.initialize(map[string]any{"workspace": map[string]any{"codeLens": map[string]any{"refreshSupport": true}}}, nil)
	uri, _ := exposureFixture(t, c)
	time.Sleep(50 * time.Millisecond) // the first analysis records what it read
	hard := strings.Replace(uri, "configuration.nix", "hardening.nix", 1)
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": hard, "type": 2}}})
	select {
	case <-refreshed:
	case <-time.After(5 * time.Second):
		t.Fatal("no workspace/codeLens/refresh after an imported file changed")
	}
}
