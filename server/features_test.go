package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

type wireEdit struct {
	Range struct {
		Start struct{ Line, Character int } `json:"start"`
		End   struct{ Line, Character int } `json:"end"`
	} `json:"range"`
	NewText string `json:"newText"`
}

type wireAction struct {
	Title       string     `json:"title"`
	Kind        string     `json:"kind"`
	IsPreferred bool       `json:"isPreferred"`
	Diagnostics []wireDiag `json:"diagnostics"`
	Edit        *struct {
		DocumentChanges []struct {
			TextDocument struct {
				URI     string `json:"uri"`
				Version *int32 `json:"version"`
			} `json:"textDocument"`
			Edits []wireEdit `json:"edits"`
		} `json:"documentChanges"`
	} `json:"edit"`
}

// applyEdits applies LSP edits (UTF-16 positions) to text as an editor does.
func applyEdits(t *testing.T, text string, edits []wireEdit) string {
	t.Helper()
	idx := func(line, char int) int {
		lines := strings.SplitAfter(text, "\n")
		off := 0
		for i := 0; i < line && i < len(lines); i++ {
			off += len(lines[i])
		}
		if line >= len(lines) {
			return len(text)
		}
		units := 0
		for j, r := range lines[line] {
			if units >= char || r == '\n' || r == '\r' {
				return off + j
			}
			if r >= 0x10000 {
				units += 2
			} else {
				units++
			}
		}
		return off + len(strings.TrimRight(lines[line], "\r\n"))
	}
	type abs struct {
		s, e int
		text string
	}
	var as []abs
	for _, e := range edits {
		as = append(as, abs{idx(e.Range.Start.Line, e.Range.Start.Character), idx(e.Range.End.Line, e.Range.End.Character), e.NewText})
	}
	sort.SliceStable(as, func(i, j int) bool { return as[i].s > as[j].s })
	for _, a := range as {
		text = text[:a.s] + a.text + text[a.e:]
	}
	return text
}

func (c *client) codeActions(uri string, r map[string]any, only []string) []wireAction {
	c.t.Helper()
	ctx := map[string]any{"diagnostics": []any{}}
	if only != nil {
		ctx["only"] = only
	}
	var acts []wireAction
	c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": r, "context": ctx}, &acts)
	return acts
}

func TestQuickFixRoundTrip(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize(map[string]any{}, nil)
	text := "{\n  # 😀 emoji before\n  a = \"😀\" + insecure;\n}\n"
	c.open(uriA, text, 7)
	p, _ := c.waitPublish(0, uriA, v32(7))
	d := ofCode(p.Diagnostics, testRuleID)[0]
	acts := c.codeActions(uriA, rng(d.Range.Start.Line, d.Range.Start.Character, d.Range.Start.Line, d.Range.Start.Character), nil)
	var fix, suppress *wireAction
	for i := range acts {
		switch {
		case acts[i].Title == "Use secure":
			fix = &acts[i]
		case strings.HasPrefix(acts[i].Title, "Suppress "+testRuleID):
			suppress = &acts[i]
		}
		if acts[i].Kind == "source.fixAll.nixsec" {
			t.Errorf("fix-all offered without being asked for")
		}
	}
	if fix == nil || suppress == nil {
		t.Fatalf("actions %+v", acts)
	}
	if fix.Kind != "quickfix" || !fix.IsPreferred || len(fix.Diagnostics) != 1 || fix.Diagnostics[0].Code != testRuleID {
		t.Errorf("fix %+v", fix)
	}
	dc := fix.Edit.DocumentChanges
	if len(dc) != 1 || dc[0].TextDocument.URI != uriA || dc[0].TextDocument.Version == nil || *dc[0].TextDocument.Version != 7 {
		t.Fatalf("fix edit not versioned for version 7: %+v", fix.Edit)
	}
	fixed := applyEdits(t, text, dc[0].Edits)
	if want := strings.Replace(text, "insecure", "secure", 1); fixed != want {
		t.Fatalf("fixed text %q, want %q", fixed, want)
	}
	// Send the edit back as the editor would and check the finding is gone.
	c.change(uriA, 8, map[string]any{"text": fixed})
	p, _ = c.waitPublish(0, uriA, v32(8))
	if len(ofCode(p.Diagnostics, testRuleID)) != 0 {
		t.Errorf("finding survived its fix: %+v", p.Diagnostics)
	}
	// The suppression comment goes on its own line above, indented alike.
	sup := applyEdits(t, text, suppress.Edit.DocumentChanges[0].Edits)
	want := "{\n  # 😀 emoji before\n  # nixsec-ignore " + testRuleID + ": " + SuppressReason + "\n  a = \"😀\" + insecure;\n}\n"
	if sup != want {
		t.Errorf("suppressed text %q, want %q", sup, want)
	}
	if suppress.IsPreferred {
		t.Errorf("suppression is preferred over the fix")
	}
	// The analyzer honours the comment the action wrote.
	c.change(uriA, 9, map[string]any{"text": sup})
	p, _ = c.waitPublish(0, uriA, v32(9))
	if len(ofCode(p.Diagnostics, testRuleID)) != 0 || len(ofCode(p.Diagnostics, "NIXSEC-CFG-001")) != 0 {
		t.Errorf("after suppression: %+v", p.Diagnostics)
	}
}

func TestFixAll(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize(map[string]any{}, nil)
	text := "{\r\n  a = insecure;\r\n  b = [ insecure insecure ];\r\n}\r\n"
	c.open(uriA, text, 1)
	c.waitPublish(0, uriA, v32(1))
	acts := c.codeActions(uriA, rng(0, 0, 0, 0), []string{"source.fixAll"})
	if len(acts) != 1 || acts[0].Kind != "source.fixAll.nixsec" {
		t.Fatalf("actions %+v", acts)
	}
	fixed := applyEdits(t, text, acts[0].Edit.DocumentChanges[0].Edits)
	if want := strings.ReplaceAll(text, "insecure", "secure"); fixed != want {
		t.Fatalf("fix-all gave %q", fixed)
	}
	c.change(uriA, 2, map[string]any{"text": fixed})
	p, _ := c.waitPublish(0, uriA, v32(2))
	if len(ofCode(p.Diagnostics, testRuleID)) != 0 {
		t.Errorf("findings after fix-all: %+v", p.Diagnostics)
	}
	// only: quickfix excludes source actions and vice versa.
	for _, a := range c.codeActions(uriA, rng(0, 0, 9, 0), []string{"quickfix"}) {
		if a.Kind != "quickfix" {
			t.Errorf("only quickfix returned %s", a.Kind)
		}
	}
}

func TestHoverExplains(t *testing.T) {
	c := newClient(t, Options{DocsBaseURL: "https://docs.example/"})
	c.initialize(map[string]any{}, nil)
	c.open(uriA, "{ a = insecure; b = 1; }", 1)
	var h struct {
		Contents struct{ Kind, Value string } `json:"contents"`
		Range    struct {
			Start struct{ Line, Character int } `json:"start"`
			End   struct{ Line, Character int } `json:"end"`
		} `json:"range"`
	}
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uriA}, "position": map[string]int{"line": 0, "character": 8}}, &h)
	md := h.Contents.Value
	for _, want := range []string{testRuleID, "Insecure test value", "value is insecure", "Detects the `insecure` variable.", "Tests need a rule.", "Use `secure`.", "https://example.invalid/ref", "CWE-16", "https://docs.example/" + testRuleID + ".md"} {
		if !strings.Contains(md, want) {
			t.Errorf("hover lacks %q:\n%s", want, md)
		}
	}
	if h.Contents.Kind != "markdown" || h.Range.Start.Character != 6 || h.Range.End.Character != 14 {
		t.Errorf("hover %+v", h)
	}
	m := c.await(c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uriA}, "position": map[string]int{"line": 0, "character": 20}}))
	if m.Error != nil || string(m.Result) != "null" {
		t.Errorf("hover off a finding: %s %+v", m.Result, m.Error)
	}
	var lenses []any
	c.call("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": uriA}}, &lenses)
	if lenses == nil || len(lenses) != 0 {
		t.Errorf("code lenses %v, want []", lenses)
	}
}

func TestPullDiagnostics(t *testing.T) {
	c := newClient(t, Options{})
	res := c.initialize(map[string]any{"textDocument": map[string]any{"diagnostic": map[string]any{}}}, nil)
	dp, ok := res["capabilities"].(map[string]any)["diagnosticProvider"].(map[string]any)
	if !ok || dp["interFileDependencies"] != true {
		t.Fatalf("diagnosticProvider %v", res["capabilities"])
	}
	c.open(uriA, "{ a = insecure; }", 1)
	type report struct {
		Kind     string     `json:"kind"`
		ResultID string     `json:"resultId"`
		Items    []wireDiag `json:"items"`
	}
	pull := func(prev string) report {
		var r report
		c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uriA}, "previousResultId": prev}, &r)
		return r
	}
	r := pull("")
	if r.Kind != "full" || len(ofCode(r.Items, testRuleID)) != 1 || r.ResultID == "" {
		t.Fatalf("pull %+v", r)
	}
	if r2 := pull(r.ResultID); r2.Kind != "unchanged" || r2.ResultID != r.ResultID {
		t.Errorf("second pull %+v", r2)
	}
	c.change(uriA, 2, map[string]any{"text": "{ a = 1; }"})
	r3 := pull(r.ResultID)
	if r3.Kind != "full" || len(ofCode(r3.Items, testRuleID)) != 0 || r3.Items == nil {
		t.Errorf("pull after change %+v", r3)
	}
	// Unknown documents: an empty report, not an error.
	var r4 report
	c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": "file:///nope.nix"}}, &r4)
	if r4.Kind != "full" || len(r4.Items) != 0 {
		t.Errorf("unknown document %+v", r4)
	}
	time.Sleep(50 * time.Millisecond)
	if n := len(c.notesOf("textDocument/publishDiagnostics")); n != 0 {
		t.Errorf("%d pushes to a pulling client", n)
	}
}

func TestConfiguration(t *testing.T) {
	var mu sync.Mutex
	section := map[string]any{"severityOverrides": map[string]string{testRuleID: "critical"}}
	c := newClient(t, Options{})
	c.onRequest = func(method string, params json.RawMessage) (any, *rpcError) {
		if method != "workspace/configuration" {
			return nil, nil
		}
		if !strings.Contains(string(params), `"section":"nixsec"`) {
			t.Errorf("configuration request %s", params)
		}
		mu.Lock()
		defer mu.Unlock()
		return []any{section}, nil
	}
	c.initialize(map[string]any{"workspace": map[string]any{"configuration": true}},
		map[string]any{"disabledRules": []string{"NIXSEC-TEST-01", slowRuleID}, "bogus": 1, "debounceMs": 0})
	// Unknown keys and rule IDs are shown, with a suggestion.
	if m, _ := c.waitNote(0, "window/showMessage", func(raw json.RawMessage) bool {
		return strings.Contains(string(raw), `unknown setting \"bogus\"`)
	}, 5*time.Second); m == nil {
		t.Errorf("unknown key not reported")
	}
	if m, _ := c.waitNote(0, "window/showMessage", func(raw json.RawMessage) bool {
		return strings.Contains(string(raw), `NIXSEC-TEST-01`) && strings.Contains(string(raw), "did you mean")
	}, 5*time.Second); m == nil {
		t.Errorf("unknown rule not reported")
	}
	c.open(uriA, "{ a = insecure; }", 1)
	// workspace/configuration's severity override applies on top of initializationOptions.
	deadline := time.Now().Add(5 * time.Second)
	for {
		p, _ := c.waitPublish(0, uriA, v32(1))
		ds := ofCode(p.Diagnostics, testRuleID)
		all := c.notesOf("textDocument/publishDiagnostics")
		last := decodePub(t, all[len(all)-1])
		if ls := ofCode(last.Diagnostics, testRuleID); len(ls) == 1 && ls[0].Severity == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("severity override not applied: %+v", ds)
		}
		time.Sleep(10 * time.Millisecond)
	}
	// didChangeConfiguration pulls again and re-analyses: disable the rule.
	mu.Lock()
	section = map[string]any{"disabledRules": []string{"test-insecure"}, "ignoredPaths": []string{"vendor/**"}}
	mu.Unlock()
	n := c.noteCount()
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	p, _ := c.waitPublish(n, uriA, v32(1))
	if len(ofCode(p.Diagnostics, testRuleID)) != 0 {
		t.Errorf("disabled rule still reported: %+v", p.Diagnostics)
	}
}

func TestConfigurationPushedSettings(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize(map[string]any{}, map[string]any{"ignoredPaths": []string{"**/hardware-*.nix"}})
	hw := "file:///etc/nixos/hardware-configuration.nix"
	c.open(hw, "{ a = insecure; }", 1)
	p, _ := c.waitPublish(0, hw, v32(1))
	if len(p.Diagnostics) != 0 {
		t.Errorf("ignored path reported: %+v", p.Diagnostics)
	}
	c.open(uriA, "{ a = insecure; }", 1)
	c.waitPublish(0, uriA, v32(1))
	n := c.noteCount()
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"nixsec": map[string]any{"disabledRules": []string{testRuleID}}, "nil": map[string]any{"x": 1}}})
	p, _ = c.waitPublish(n, uriA, v32(1))
	if len(ofCode(p.Diagnostics, testRuleID)) != 0 {
		t.Errorf("pushed settings not applied: %+v", p.Diagnostics)
	}
	if m, _ := c.waitNote(0, "window/showMessage", nil, 100*time.Millisecond); m != nil {
		t.Errorf("another server's settings were reported: %s", m.Params)
	}
}

func TestTraceAndLog(t *testing.T) {
	var log syncBuffer
	c := newClient(t, Options{Log: &log})
	c.initialize(map[string]any{}, nil)
	c.notify("$/setTrace", map[string]any{"value": "verbose"})
	c.open(uriA, "{ }", 1)
	if m, _ := c.waitNote(0, "$/logTrace", func(raw json.RawMessage) bool { return strings.Contains(string(raw), "textDocument/didOpen") }, 5*time.Second); m == nil {
		t.Errorf("no $/logTrace after setTrace verbose")
	}
	c.notify("$/setTrace", map[string]any{"value": "off"})
	c.waitPublish(0, uriA, v32(1))
	if !strings.Contains(log.String(), "position encoding") {
		t.Errorf("log file lacks the initialize line: %q", log.String())
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func TestDependentsReanalysed(t *testing.T) {
	dir := t.TempDir()
	mainPath := filepath.Join(dir, "configuration.nix")
	sub := filepath.Join(dir, "modules", "default.nix")
	os.MkdirAll(filepath.Dir(sub), 0o755)
	os.WriteFile(sub, []byte("{ }"), 0o644)
	os.WriteFile(mainPath, []byte("{ imports = [ ./modules ./missing.nix ]; }"), 0o644)
	mainURI, subURI := pathToURI(mainPath), pathToURI(sub)
	c := newClient(t, Options{})
	c.initialize(map[string]any{}, nil)
	c.open(mainURI, "{ imports = [ ./modules ./missing.nix ]; }", 1)
	c.waitPublish(0, mainURI, v32(1))
	// A watched change of an imported file re-analyses its importer.
	n := c.noteCount()
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": subURI, "type": 2}}})
	c.waitPublish(n, mainURI, v32(1))
	// So does creating a missing import.
	n = c.noteCount()
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": pathToURI(filepath.Join(dir, "missing.nix")), "type": 1}}})
	c.waitPublish(n, mainURI, v32(1))
	// And editing the imported file in the editor.
	c.open(subURI, "{ }", 1)
	n = c.noteCount()
	c.change(subURI, 2, map[string]any{"text": "{ x = 1; }"})
	c.waitPublish(n, mainURI, v32(1))
	// An unrelated file does not.
	time.Sleep(100 * time.Millisecond) // let the re-analyses above settle
	n = c.noteCount()
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": pathToURI(filepath.Join(dir, "other.nix")), "type": 2}}})
	if m, _ := c.waitNote(n, "textDocument/publishDiagnostics", func(raw json.RawMessage) bool { return strings.Contains(string(raw), mainURI) }, 200*time.Millisecond); m != nil {
		t.Errorf("unrelated change re-analysed the importer")
	}
}

func TestWorkspaceScanProgress(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < ProgressThreshold+10; i++ {
		os.WriteFile(filepath.Join(dir, "m"+strings.Repeat("x", i%5)+string(rune('a'+i%26))+string(rune('a'+i/26))+".nix"), []byte("{ }"), 0o644)
	}
	c := newClient(t, Options{})
	var created sync.WaitGroup
	created.Add(1)
	var once sync.Once
	c.onRequest = func(method string, _ json.RawMessage) (any, *rpcError) {
		if method == "window/workDoneProgress/create" {
			once.Do(created.Done)
		}
		return nil, nil
	}
	var res map[string]any
	c.call("initialize", map[string]any{"rootUri": pathToURI(dir), "capabilities": map[string]any{"window": map[string]any{"workDoneProgress": true}}}, &res)
	c.notify("initialized", map[string]any{})
	created.Wait()
	var kinds []string
	for _, want := range []string{"begin", "end"} {
		m, _ := c.waitNote(0, "$/progress", func(raw json.RawMessage) bool { return strings.Contains(string(raw), `"kind":"`+want+`"`) }, 10*time.Second)
		if m == nil {
			t.Fatalf("no $/progress %s", want)
		}
		kinds = append(kinds, want)
	}
	if len(c.notesOf("$/progress")) < 3 {
		t.Errorf("progress %v: no reports", kinds)
	}
}

func TestPullRefreshOnDependencyChange(t *testing.T) {
	dir := t.TempDir()
	mainPath, sub := filepath.Join(dir, "configuration.nix"), filepath.Join(dir, "sub.nix")
	os.WriteFile(sub, []byte("{ }"), 0o644)
	c := newClient(t, Options{})
	refreshed := make(chan struct{}, 10)
	c.onRequest = func(method string, _ json.RawMessage) (any, *rpcError) {
		if method == "workspace/diagnostic/refresh" {
			refreshed <- struct{}{}
		}
		return nil, nil
	}
	c.initialize(map[string]any{
		"textDocument": map[string]any{"diagnostic": map[string]any{}},
		"workspace":    map[string]any{"diagnostics": map[string]any{"refreshSupport": true}},
	}, nil)
	mainURI := pathToURI(mainPath)
	c.open(mainURI, "{ imports = [ ./sub.nix ]; }", 1)
	var r map[string]any
	c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": mainURI}}, &r)
	time.Sleep(50 * time.Millisecond) // the first analysis records what it read
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": pathToURI(sub), "type": 2}}})
	select {
	case <-refreshed:
	case <-time.After(5 * time.Second):
		t.Fatal("no workspace/diagnostic/refresh after an imported file changed")
	}
}

func TestListenAndServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addrc := make(chan net.Addr, 1)
	go ListenAndServe(ctx, "127.0.0.1:0", Options{}, func(a net.Addr) { addrc <- a })
	var addr net.Addr
	select {
	case addr = <-addrc:
	case <-time.After(5 * time.Second):
		t.Fatal("not listening")
	}
	conn, err := net.Dial("tcp", addr.String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`
	fmt.Fprintf(conn, "Content-Length: %d\r\n\r\n%s", len(body), body)
	r := bufio.NewReader(conn)
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		b, err := readFrame(r)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), `"capabilities"`) {
			break
		}
	}
}

func TestRegistersFileWatchers(t *testing.T) {
	c := newClient(t, Options{})
	got := make(chan string, 1)
	c.onRequest = func(method string, params json.RawMessage) (any, *rpcError) {
		if method == "client/registerCapability" {
			got <- string(params)
		}
		return nil, nil
	}
	c.initialize(map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}}, nil)
	select {
	case p := <-got:
		if !strings.Contains(p, `"method":"workspace/didChangeWatchedFiles"`) || !strings.Contains(p, `"globPattern":"**/*.nix"`) {
			t.Errorf("registration %s", p)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no client/registerCapability")
	}
}

// TestImportsSeeOpenDocuments checks the analyzer follows imports through
// the workspace: an import that exists only as an unsaved editor buffer is
// found, and the importer is re-analysed when that buffer opens or closes.
func TestImportsSeeOpenDocuments(t *testing.T) {
	dir := t.TempDir()
	mainURI := pathToURI(filepath.Join(dir, "configuration.nix"))
	newURI := pathToURI(filepath.Join(dir, "new.nix"))
	c := newClient(t, Options{})
	c.initialize(map[string]any{}, nil)
	c.open(mainURI, "{ imports = [ ./new.nix ]; }", 1)
	p, _ := c.waitPublish(0, mainURI, v32(1))
	if len(ofCode(p.Diagnostics, "NIXSEC-MOD-001")) != 1 {
		t.Fatalf("missing import not reported: %+v", p.Diagnostics)
	}
	time.Sleep(50 * time.Millisecond)
	n := c.noteCount()
	c.open(newURI, "{ }", 1)
	deadline := time.Now().Add(5 * time.Second)
	for {
		p, i := c.waitPublish(n, mainURI, v32(1))
		if len(ofCode(p.Diagnostics, "NIXSEC-MOD-001")) == 0 {
			break
		}
		n = i + 1
		if time.Now().After(deadline) {
			t.Fatalf("import open in the editor still missing: %+v", p.Diagnostics)
		}
	}
	n = c.noteCount()
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": newURI}})
	for {
		p, i := c.waitPublish(n, mainURI, v32(1))
		if len(ofCode(p.Diagnostics, "NIXSEC-MOD-001")) == 1 {
			break
		}
		n = i + 1
		if time.Now().After(deadline) {
			t.Fatalf("closed unsaved import not missing again: %+v", p.Diagnostics)
		}
	}
}

func TestPullCancelledWhenDocumentChanges(t *testing.T) {
	c := newClient(t, Options{Debounce: time.Hour})
	c.initialize(map[string]any{"textDocument": map[string]any{"diagnostic": map[string]any{}}}, nil)
	c.open(uriA, "{ a = slowdown; }", 1)
	id := c.request("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uriA}})
	time.Sleep(slowDelay / 3)
	c.change(uriA, 2, map[string]any{"text": "{ a = insecure; }"})
	m := c.await(id)
	if m.Error == nil || m.Error.Code != -32802 || !strings.Contains(string(m.Error.Data), `"retriggerRequest":true`) {
		t.Fatalf("pull over a changing document: %s %+v", m.Result, m.Error)
	}
}
