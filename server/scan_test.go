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

// TestWorkspaceScanPublishes: files that are not open get their
// diagnostics from the scan (with progress), .gitignore'd and ignoredPaths
// files do not, opening a file replaces its scan result, closing brings
// the disk's back, and deleting it clears them.
func TestWorkspaceScanPublishes(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) string {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bad := write("hosts/bad.nix", "{ x = insecure; }\n")
	write("clean.nix", "{ }\n")
	write("vendor/ignored.nix", "{ x = insecure; }\n")
	write("gen/out.nix", "{ x = insecure; }\n")
	write(".gitignore", "gen/\n")
	write("node_modules/pkg/a.nix", "{ x = insecure; }\n")
	os.Symlink(filepath.Join(dir, "hosts"), filepath.Join(dir, "result"))
	badURI := pathToURI(bad)

	c := newClient(t, Options{})
	c.onRequest = func(string, json.RawMessage) (any, *rpcError) { return nil, nil }
	var res map[string]any
	c.call("initialize", map[string]any{
		"rootUri":               pathToURI(dir),
		"capabilities":          map[string]any{"window": map[string]any{"workDoneProgress": true}},
		"initializationOptions": map[string]any{"ignoredPaths": []string{"vendor/**"}},
	}, &res)
	c.notify("initialized", map[string]any{})
	var token string
	for _, kind := range []string{"begin", "end"} {
		m, _ := c.waitNote(0, "$/progress", func(raw json.RawMessage) bool { return strings.Contains(string(raw), `"kind":"`+kind+`"`) }, 10*time.Second)
		if m == nil {
			t.Fatalf("no $/progress %s", kind)
		}
		var p struct {
			Token string `json:"token"`
			Value struct {
				Title, Message string
				Cancellable    bool
			} `json:"value"`
		}
		json.Unmarshal(m.Params, &p)
		if kind == "begin" {
			token = p.Token
			if !p.Value.Cancellable || p.Value.Title == "" {
				t.Errorf("begin %+v", p.Value)
			}
		} else if p.Token != token || !strings.Contains(p.Value.Message, "2 files") {
			t.Errorf("end %s %+v (begin token %s)", p.Token, p.Value, token)
		}
	}
	p, _ := c.waitPublish(0, badURI, nil)
	if len(ofCode(p.Diagnostics, testRuleID)) != 1 || p.Version != nil {
		t.Fatalf("scan diagnostics for the unopened file: %+v", p)
	}
	for _, m := range c.notesOf("textDocument/publishDiagnostics") {
		for _, skipped := range []string{"ignored.nix", "gen/out.nix", "node_modules", "/result/", "clean.nix"} {
			if strings.Contains(string(m.Params), skipped) {
				t.Errorf("published for %s: %s", skipped, m.Params)
			}
		}
	}

	// Opening the file: its own analysis replaces the scan's.
	n := c.noteCount()
	c.open(badURI, "{ x = secure; }\n", 1)
	p, _ = c.waitPublish(n, badURI, v32(1))
	if len(ofCode(p.Diagnostics, testRuleID)) != 0 {
		t.Errorf("open document shows the disk's finding: %+v", p)
	}
	// Closing it: the disk's content is what counts again.
	n = c.noteCount()
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": badURI}})
	deadline := time.Now().Add(5 * time.Second)
	for {
		p, i := c.waitPublish(n, badURI, nil)
		if len(ofCode(p.Diagnostics, testRuleID)) == 1 && p.Version == nil {
			break
		}
		n = i + 1
		if time.Now().After(deadline) {
			t.Fatalf("closed file's disk findings not back")
		}
	}
	// Changed on disk: analysed again.
	write("hosts/bad.nix", "{ x = insecure; y = insecure; }\n")
	n = c.noteCount()
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": badURI, "type": 2}}})
	if p, _ := c.waitPublish(n, badURI, nil); len(ofCode(p.Diagnostics, testRuleID)) != 2 {
		t.Errorf("after a change on disk: %+v", p)
	}
	// A new file on disk.
	newURI := pathToURI(write("new.nix", "{ z = insecure; }\n"))
	n = c.noteCount()
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": newURI, "type": 1}}})
	if p, _ := c.waitPublish(n, newURI, nil); len(ofCode(p.Diagnostics, testRuleID)) != 1 {
		t.Errorf("created file: %+v", p)
	}
	// Deleted: cleared.
	os.Remove(bad)
	n = c.noteCount()
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": badURI, "type": 3}}})
	if p, _ := c.waitPublish(n, badURI, nil); len(p.Diagnostics) != 0 {
		t.Errorf("deleted file keeps diagnostics: %+v", p)
	}
	// A configuration change rescans: ignoring hosts/ clears nothing more
	// (bad.nix is gone) but new.nix stays; ignoring new.nix clears it.
	n = c.noteCount()
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"nixsec": map[string]any{"ignoredPaths": []string{"new.nix"}}}})
	if p, _ := c.waitPublish(n, newURI, nil); len(p.Diagnostics) != 0 {
		t.Errorf("newly ignored file keeps diagnostics: %+v", p)
	}
}

// TestWorkspaceScanCancel: the client cancels the scan's progress while
// it reads the files.
func TestWorkspaceScanCancel(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 40; i++ {
		os.WriteFile(filepath.Join(dir, "m"+strings.Repeat("x", i)+".nix"), []byte("{ a = insecure; }"), 0o644)
	}
	slowRead := func(p string) ([]byte, error) { time.Sleep(50 * time.Millisecond); return os.ReadFile(p) }
	c := newClient(t, Options{ReadFile: slowRead})
	c.onRequest = func(string, json.RawMessage) (any, *rpcError) { return nil, nil }
	var res map[string]any
	c.call("initialize", map[string]any{"rootUri": pathToURI(dir), "capabilities": map[string]any{"window": map[string]any{"workDoneProgress": true}}}, &res)
	c.notify("initialized", map[string]any{})
	m, _ := c.waitNote(0, "$/progress", func(raw json.RawMessage) bool { return strings.Contains(string(raw), `"kind":"begin"`) }, 10*time.Second)
	if m == nil {
		t.Fatal("no begin")
	}
	var p struct{ Token string }
	json.Unmarshal(m.Params, &p)
	c.notify("window/workDoneProgress/cancel", map[string]any{"token": p.Token})
	m, _ = c.waitNote(0, "$/progress", func(raw json.RawMessage) bool { return strings.Contains(string(raw), `"kind":"end"`) }, 5*time.Second)
	if m == nil || !strings.Contains(string(m.Params), "stopped") {
		t.Fatalf("cancelled scan: %v", m)
	}
	if ps := c.notesOf("textDocument/publishDiagnostics"); len(ps) != 0 {
		t.Errorf("a cancelled scan published %d times", len(ps))
	}
}

// TestWorkspaceScanLikeLint: the scan reports what one analysis of all the
// workspace's files reports (what `nixsec lint DIR` shows), file by file.
func TestWorkspaceScanLikeLint(t *testing.T) {
	dir := t.TempDir()
	var files []*nixast.File
	for _, name := range []string{"configuration.nix", "hardening.nix"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", "lsp", "exposure", name))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		os.WriteFile(p, src, 0o644)
		f, err := nixast.Parse(p, src)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	want := map[string][]string{}
	for _, f := range analyzer.Analyze(files, analyzer.Options{}) {
		if !strings.HasPrefix(f.RuleID, "NIXSEC-TEST") {
			want[f.Path] = append(want[f.Path], f.RuleID)
		}
	}
	c := newClient(t, Options{})
	c.call("initialize", map[string]any{"rootUri": pathToURI(dir), "capabilities": map[string]any{}}, nil)
	c.notify("initialized", map[string]any{})
	for path, ids := range want {
		p, _ := c.waitPublish(0, pathToURI(path), nil)
		var got []string
		for _, d := range p.Diagnostics {
			got = append(got, d.Code)
		}
		if strings.Join(got, " ") != strings.Join(ids, " ") {
			t.Errorf("%s: scan %v, lint %v", filepath.Base(path), got, ids)
		}
	}
	if len(want) == 0 {
		t.Fatal("the fixture has no findings")
	}
}

// TestWalkIgnoredRoot: a workspace folder that its repository's .gitignore
// ignores is still walked (as `nixsec lint` lints a directory named
// explicitly); .gitignore files inside it still apply.
func TestWalkIgnoredRoot(t *testing.T) {
	top := t.TempDir()
	os.Mkdir(filepath.Join(top, ".git"), 0o755)
	os.WriteFile(filepath.Join(top, ".gitignore"), []byte(".bench/\n"), 0o644)
	root := filepath.Join(top, ".bench", "corpus")
	os.MkdirAll(filepath.Join(root, "out"), 0o755)
	os.WriteFile(filepath.Join(root, "a.nix"), []byte("{ }"), 0o644)
	os.WriteFile(filepath.Join(root, "out", "b.nix"), []byte("{ }"), 0o644)
	os.WriteFile(filepath.Join(root, ".gitignore"), []byte("out/\n"), 0o644)
	var got []string
	walkNix(root, func(string) bool { return false }, func(p string, _ int64) bool { got = append(got, filepath.Base(p)); return true })
	if strings.Join(got, " ") != "a.nix" {
		t.Errorf("walked %v, want [a.nix]", got)
	}
}
