package server

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
	"time"
)

const uriA = "file:///work/a.nix"

func TestLifecycle(t *testing.T) {
	c := newClient(t, Options{Debounce: 0})
	// Before initialize: requests are refused, notifications dropped.
	m := c.await(c.request("textDocument/hover", map[string]any{}))
	if m.Error == nil || m.Error.Code != -32002 {
		t.Fatalf("request before initialize: %+v", m.Error)
	}
	res := c.initialize(map[string]any{}, nil)
	caps := res["capabilities"].(map[string]any)
	if _, ok := caps["positionEncoding"]; ok {
		t.Errorf("positionEncoding answered to a client that offered none: %v", caps)
	}
	if sync := caps["textDocumentSync"].(map[string]any); sync["change"] != 2.0 || sync["openClose"] != true {
		t.Errorf("textDocumentSync = %v, want incremental", sync)
	}
	if caps["hoverProvider"] != true || caps["codeActionProvider"] == nil || caps["codeLensProvider"] == nil {
		t.Errorf("capabilities = %v", caps)
	}
	if _, ok := caps["diagnosticProvider"]; ok {
		t.Errorf("diagnosticProvider offered to a client without pull support")
	}
	if info := res["serverInfo"].(map[string]any); info["name"] != "nixsec" {
		t.Errorf("serverInfo = %v", info)
	}
	if m := c.await(c.request("initialize", map[string]any{"capabilities": map[string]any{}})); m.Error == nil {
		t.Errorf("second initialize accepted")
	}
	m = c.await(c.request("textDocument/definition", map[string]any{}))
	if m.Error == nil || m.Error.Code != -32601 {
		t.Errorf("unknown method: %+v", m.Error)
	}
	c.notify("$/unknownNotification", map[string]any{})
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{})
	if _, i := c.waitNote(0, "window/logMessage", func(raw json.RawMessage) bool { return strings.Contains(string(raw), "position encoding utf-16") }, 5*time.Second); i < 0 {
		t.Errorf("no window/logMessage at initialize")
	}
	c.call("shutdown", nil, nil)
	if m := c.await(c.request("textDocument/hover", map[string]any{})); m.Error == nil || m.Error.Code != -32600 {
		t.Errorf("request after shutdown: %+v", m.Error)
	}
	c.notify("exit", nil)
	if code := <-c.exit; code != 0 {
		t.Errorf("exit after shutdown: code %d, want 0", code)
	}
	c.exit <- 0
}

func TestExitWithoutShutdown(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize(map[string]any{}, nil)
	c.notify("exit", nil)
	select {
	case code := <-c.exit:
		c.exit <- code
		if code != 1 {
			t.Errorf("exit without shutdown: code %d, want 1", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no exit")
	}
}

func TestStreamClosedWithoutExit(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize(map[string]any{}, nil)
	c.w.Close()
	select {
	case code := <-c.exit:
		c.exit <- code
		if code != 1 {
			t.Errorf("code %d, want 1", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server did not stop at EOF")
	}
}

func TestPositionEncodingUTF8(t *testing.T) {
	for _, tc := range []struct {
		offer []string
		want  string
		col   int // column of `insecure` after "{ a = \"😀é\"; b = "
	}{
		{[]string{"utf-8", "utf-16"}, "utf-8", len(`{ a = "😀é"; b = `)},
		{[]string{"utf-16"}, "utf-16", 17},
		{[]string{"utf-32"}, "utf-16", 17},
	} {
		t.Run(tc.want+"-"+strings.Join(tc.offer, ","), func(t *testing.T) {
			c := newClient(t, Options{})
			res := c.initialize(map[string]any{"general": map[string]any{"positionEncodings": tc.offer}}, nil)
			if got := res["capabilities"].(map[string]any)["positionEncoding"]; got != tc.want {
				t.Fatalf("positionEncoding = %v, want %s", got, tc.want)
			}
			c.open(uriA, "{ a = \"😀é\"; b = insecure; }\n", 1)
			p, _ := c.waitPublish(0, uriA, v32(1))
			ds := ofCode(p.Diagnostics, testRuleID)
			if len(ds) != 1 || ds[0].Range.Start.Character != tc.col || ds[0].Range.End.Character != tc.col+len("insecure") {
				t.Fatalf("diagnostics %+v, want start column %d", ds, tc.col)
			}
			// Changes are read in the same encoding: replace `insecure` by range.
			c.change(uriA, 2, map[string]any{"range": rng(0, tc.col, 0, tc.col+8), "text": "insecure2"})
			p, _ = c.waitPublish(0, uriA, v32(2))
			if len(ofCode(p.Diagnostics, testRuleID)) != 0 {
				t.Errorf("after the ranged change the finding is still there: %+v", p.Diagnostics)
			}
			if got := string(c.srv.docSrc(uriA)); got != "{ a = \"😀é\"; b = insecure2; }\n" {
				t.Errorf("server text %q", got)
			}
		})
	}
}

func TestPublishDiagnostics(t *testing.T) {
	c := newClient(t, Options{DocsBaseURL: "https://docs.example/rules/"})
	c.initialize(map[string]any{}, nil)
	c.open(uriA, "{\n  a = insecure;\n}\n", 1)
	p, _ := c.waitPublish(0, uriA, v32(1))
	ds := ofCode(p.Diagnostics, testRuleID)
	if len(ds) != 1 {
		t.Fatalf("diagnostics %+v", p.Diagnostics)
	}
	d := ds[0]
	if d.Range.Start.Line != 1 || d.Range.Start.Character != 6 || d.Range.End.Character != 14 {
		t.Errorf("range %+v", d.Range)
	}
	if d.Severity != 2 || d.Source != "nixsec" || d.Message != "value is insecure" {
		t.Errorf("diagnostic %+v", d)
	}
	if d.CodeDescription == nil || d.CodeDescription.Href != "https://docs.example/rules/"+testRuleID+".md" {
		t.Errorf("codeDescription %+v", d.CodeDescription)
	}
	if len(d.RelatedInformation) != 1 || d.RelatedInformation[0].Location.URI != uriA || d.RelatedInformation[0].Message != "file starts here" {
		t.Errorf("related %+v", d.RelatedInformation)
	}
	// Break the file: the syntax error replaces everything of version 1.
	c.change(uriA, 2, map[string]any{"range": rng(1, 14, 1, 15), "text": ""})
	p, _ = c.waitPublish(0, uriA, v32(2))
	syn := ofCode(p.Diagnostics, "NIXSEC-SYN-001")
	if len(syn) == 0 || syn[0].Severity != 1 {
		t.Fatalf("no syntax error in %+v", p.Diagnostics)
	}
	// Close clears.
	n := c.noteCount()
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uriA}})
	p, _ = c.waitPublish(n, uriA, nil)
	if len(p.Diagnostics) != 0 {
		t.Errorf("close did not clear: %+v", p)
	}
}

func TestSeverityMapping(t *testing.T) {
	for sev, want := range map[string]int{"critical": 1, "high": 1, "medium": 2, "low": 3, "info": 4} {
		c := newClient(t, Options{})
		c.initialize(map[string]any{}, map[string]any{"severityOverrides": map[string]string{testRuleID: sev}})
		c.open(uriA, "{ a = insecure; }", 1)
		p, _ := c.waitPublish(0, uriA, v32(1))
		if ds := ofCode(p.Diagnostics, testRuleID); len(ds) != 1 || ds[0].Severity != want {
			t.Errorf("%s: %+v, want severity %d", sev, ds, want)
		}
	}
}

func TestIncrementalSync(t *testing.T) {
	c := newClient(t, Options{Debounce: time.Hour}) // no analysis: text only
	c.initialize(map[string]any{}, nil)
	text := "{\r\n  a = \"日本\";\r\n  b = \"😀x\";\n}\n"
	c.open(uriA, text, 1)
	// Several changes in one notification, each against the previous text.
	c.change(uriA, 2,
		map[string]any{"range": rng(2, 9, 2, 10), "text": "y"},         // 😀 is two UTF-16 units: x → y
		map[string]any{"range": rng(1, 8, 1, 9), "text": "語"},          // 本 → 語
		map[string]any{"range": rng(3, 1, 3, 1), "text": "\n# tail 🎉"}, // append after }
		map[string]any{"range": rng(0, 0, 0, 0), "text": "# head\n"},
	)
	c.change(uriA, 3, map[string]any{"range": rng(99, 0, 120, 5), "text": "\n"}) // out of range: clamped to the end
	want := "# head\n{\r\n  a = \"日語\";\r\n  b = \"😀y\";\n}\n# tail 🎉\n\n"
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uriA}, "position": map[string]int{"line": 0, "character": 0}}, nil)
	if got := string(c.srv.docSrc(uriA)); got != want {
		t.Fatalf("text after changes:\n%q\nwant\n%q", got, want)
	}
	// Full replacement.
	c.change(uriA, 4, map[string]any{"text": "{ }"})
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uriA}, "position": map[string]int{"line": 0, "character": 0}}, nil)
	if got := string(c.srv.docSrc(uriA)); got != "{ }" {
		t.Fatalf("after full change %q", got)
	}
}

func TestStaleVersionNeverPublished(t *testing.T) {
	c := newClient(t, Options{Debounce: 0})
	c.initialize(map[string]any{}, nil)
	// Version 1 is slow to analyse; version 2 arrives meanwhile.
	c.open(uriA, "{ a = slowdown; b = insecure; }", 1)
	time.Sleep(20 * time.Millisecond)
	c.change(uriA, 2, map[string]any{"text": "{ a = 1; }"})
	p, _ := c.waitPublish(0, uriA, v32(2))
	if len(ofCode(p.Diagnostics, testRuleID)) != 0 {
		t.Fatalf("version 2 has version 1's finding: %+v", p)
	}
	// Rapid changes, every one slow: only the newest may be published
	// once it exists, and versions never go back.
	const n = 30
	for v := int32(3); v < 3+n; v++ {
		text := "{ a = slowdown; }"
		if v == 2+n {
			text = "{ a = slowdown; b = insecure; }"
		}
		c.change(uriA, v, map[string]any{"text": text})
	}
	last := int32(2 + n)
	p, _ = c.waitPublish(0, uriA, &last)
	if len(ofCode(p.Diagnostics, testRuleID)) != 1 {
		t.Errorf("newest version's diagnostics wrong: %+v", p)
	}
	time.Sleep(2 * slowDelay)
	prev := int32(0)
	for _, m := range c.notesOf("textDocument/publishDiagnostics") {
		pd := decodePub(t, m)
		if pd.Version == nil {
			continue
		}
		if *pd.Version == 1 {
			t.Errorf("version 1 was published after version 2 existed")
		}
		if *pd.Version < prev {
			t.Errorf("published version %d after %d", *pd.Version, prev)
		}
		prev = *pd.Version
	}
	if prev != last {
		t.Errorf("last published version %d, want %d", prev, last)
	}
	if got := len(c.notesOf("textDocument/publishDiagnostics")); got > 5 {
		t.Errorf("%d publications for %d slow versions: analyses were not coalesced", got, n)
	}
}

func TestDebounce(t *testing.T) {
	c := newClient(t, Options{Debounce: 100 * time.Millisecond})
	c.initialize(map[string]any{}, nil)
	c.open(uriA, "{ a = 1; }", 1)
	for v := int32(2); v <= 10; v++ {
		c.change(uriA, v, map[string]any{"text": "{ a = insecure; }"})
		time.Sleep(10 * time.Millisecond)
	}
	p, _ := c.waitPublish(0, uriA, v32(10))
	if len(ofCode(p.Diagnostics, testRuleID)) != 1 {
		t.Errorf("%+v", p)
	}
	if got := len(c.notesOf("textDocument/publishDiagnostics")); got != 1 {
		t.Errorf("%d publications, want 1 after debouncing", got)
	}
}

func TestExitWhenParentDies(t *testing.T) {
	old := parentPoll
	parentPoll = 20 * time.Millisecond
	defer func() { parentPoll = old }()
	parent := exec.Command("sleep", "30")
	if err := parent.Start(); err != nil {
		t.Skip("no sleep command:", err)
	}
	c := newClient(t, Options{})
	c.call("initialize", map[string]any{"processId": parent.Process.Pid, "capabilities": map[string]any{}}, nil)
	time.Sleep(100 * time.Millisecond)
	select {
	case <-c.exit:
		t.Fatal("exited while the parent lives")
	default:
	}
	parent.Process.Kill()
	parent.Wait()
	select {
	case code := <-c.exit:
		c.exit <- code
		if code != 1 {
			t.Errorf("code %d", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server outlived its parent")
	}
}
