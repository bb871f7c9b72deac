package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

func TestHandlerPanicsRecovered(t *testing.T) {
	var log syncBuffer
	c := newClient(t, Options{Log: &log})
	c.initialize(map[string]any{}, nil)
	m := c.await(c.request("nixsec/testPanic", map[string]any{}))
	if m.Error == nil || m.Error.Code != -32603 || !strings.Contains(m.Error.Message, "boom") {
		t.Fatalf("panic answered with %+v", m.Error)
	}
	c.notify("nixsec/testPanicNote", map[string]any{})
	// Still serving.
	c.open(uriA, "{ a = insecure; }", 1)
	c.waitPublish(0, uriA, v32(1))
	if !strings.Contains(log.String(), "panic in nixsec/testPanic") || !strings.Contains(log.String(), "panic in nixsec/testPanicNote") {
		t.Errorf("panics not logged: %s", log.String())
	}
	if code := c.shutdownExit(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

func TestMalformedFrames(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize(map[string]any{}, nil)
	frame := func(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }
	bad := []struct {
		name, raw string
		code      int
	}{
		{"not JSON", frame("{not json"), -32700},
		{"truncated", frame(`{"jsonrpc":"2.0","id":1,"method":`), -32700},
		{"array", frame(`[1,2]`), -32600},
		{"string", frame(`"hello"`), -32600},
		{"wrong version", frame(`{"jsonrpc":"1.0","id":5005,"method":"x"}`), -32600},
		{"no method no id", frame(`{"jsonrpc":"2.0"}`), -32600},
		{"object id", frame(`{"jsonrpc":"2.0","id":{"a":1},"method":"x"}`), -32600},
		{"scalar params", frame(`{"jsonrpc":"2.0","id":9009,"method":"textDocument/hover","params":3}`), -32600},
		{"bad length", "Content-Length: abc\r\n\r\n", -32700},
		{"negative length", "Content-Length: -5\r\n\r\n", -32700},
		{"missing length", "Content-Type: x\r\n\r\n", -32700},
	}
	for _, b := range bad {
		n := c.noteCount()
		_ = n
		c.sendRaw([]byte(b.raw))
		// The server answers with an error and keeps reading.
		var res map[string]any
		id := c.request("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": uriA}})
		m := c.await(id)
		if m.Error != nil {
			t.Errorf("%s: the next request failed: %+v", b.name, m.Error)
		}
		_ = res
		c.mu.Lock()
		var got *rpcMsg
		for k, r := range c.responses {
			if r.Error != nil && r.Error.Code == b.code {
				got = r
				delete(c.responses, k)
			}
		}
		c.mu.Unlock()
		if got == nil {
			t.Errorf("%s: no error %d reply", b.name, b.code)
		}
	}
	// Garbage before a header: the stream resynchronizes.
	body := `{"jsonrpc":"2.0","id":1000,"method":"textDocument/codeLens","params":{"textDocument":{"uri":"file:///x.nix"}}}`
	c.sendRaw([]byte("garbage garbage\r\n\r\n" + frame(body)))
	c.mu.Lock()
	c.next = 1000
	c.mu.Unlock()
	if m := c.await("1000"); m.Error != nil {
		t.Errorf("after garbage: %+v", m.Error)
	}
	// A Content-Length above the limit is refused and its body skipped.
	huge := MaxMessageSize + 1
	c.sendRaw([]byte(fmt.Sprintf("Content-Length: %d\r\n\r\n", huge)))
	c.sendRaw(bytes.Repeat([]byte(" "), huge))
	body = `{"jsonrpc":"2.0","id":1001,"method":"textDocument/codeLens","params":{"textDocument":{"uri":"file:///x.nix"}}}`
	c.sendRaw([]byte(frame(body)))
	if m := c.await("1001"); m.Error != nil {
		t.Errorf("after a huge frame: %+v", m.Error)
	}
}

func TestUnknownDocumentsAndBadPositions(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize(map[string]any{}, nil)
	unknown := map[string]any{"uri": "file:///not/open.nix"}
	pos := map[string]any{"line": 4000000000, "character": 4000000000}
	for _, req := range []struct {
		method string
		params any
	}{
		{"textDocument/hover", map[string]any{"textDocument": unknown, "position": pos}},
		{"textDocument/codeAction", map[string]any{"textDocument": unknown, "range": map[string]any{"start": pos, "end": pos}, "context": map[string]any{"diagnostics": []any{}}}},
		{"textDocument/codeLens", map[string]any{"textDocument": unknown}},
		{"textDocument/diagnostic", map[string]any{"textDocument": unknown}},
		{"textDocument/hover", map[string]any{"textDocument": 5}},
		{"textDocument/codeAction", nil},
	} {
		m := c.await(c.request(req.method, req.params))
		if m.Error != nil && m.Error.Code != -32602 {
			t.Errorf("%s %v: %+v", req.method, req.params, m.Error)
		}
	}
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///not/open.nix", "version": 2}, "contentChanges": []any{map[string]any{"text": "x"}}})
	c.notify("textDocument/didClose", map[string]any{"textDocument": unknown})
	c.notify("textDocument/didOpen", map[string]any{"textDocument": 7})
	// Open a document and send positions far outside it.
	c.open(uriA, "{ a = insecure; }", 1)
	c.change(uriA, 2, map[string]any{"range": map[string]any{"start": pos, "end": map[string]any{"line": 0, "character": 2}}, "text": "x"})
	var h any
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uriA}, "position": pos}, &h)
	c.codeActions(uriA, map[string]any{"start": pos, "end": map[string]any{"line": 0, "character": 0}}, nil)
	c.waitPublish(0, uriA, v32(2))
	if got := string(c.srv.docSrc(uriA)); got != "{ x" {
		t.Errorf("reversed out-of-range edit gave %q", got)
	}
}

func TestHugeAndBinaryDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("sends 65 MB")
	}
	c := newClient(t, Options{})
	c.timeout = 2 * time.Minute // slow under -race
	c.initialize(map[string]any{}, nil)
	huge := "{ a = \"" + strings.Repeat("x", 64<<20) + "\"; }"
	c.open(uriA, huge, 1)
	p, _ := c.waitPublish(0, uriA, v32(1))
	if len(p.Diagnostics) != 1 || !strings.Contains(p.Diagnostics[0].Message, "cannot analyse") {
		t.Fatalf("huge document: %+v", p.Diagnostics)
	}
	// Shrinking it by an incremental edit makes it analysable again.
	c.change(uriA, 2, map[string]any{"range": rng(0, 7, 0, 7+(64<<20)-1), "text": "insecure"})
	p, _ = c.waitPublish(0, uriA, v32(2))
	if got := string(c.srv.docSrc(uriA)); got != "{ a = \"insecurex\"; }" {
		t.Errorf("text %q", got)
	}
	if len(ofCode(p.Diagnostics, "NIXSEC-SYN-001")) != 0 {
		t.Errorf("after shrinking: %+v", p.Diagnostics)
	}
	c.change(uriA, 3, map[string]any{"text": "{ a = \x00; }"})
	p, _ = c.waitPublish(0, uriA, v32(3))
	if len(p.Diagnostics) != 1 || !strings.Contains(p.Diagnostics[0].Message, "binary") {
		t.Errorf("binary document: %+v", p.Diagnostics)
	}
}

func TestCancelRequest(t *testing.T) {
	c := newClient(t, Options{Debounce: time.Hour}) // nothing analysed until asked
	c.initialize(map[string]any{}, nil)
	c.open(uriA, "{ a = slowdown; }", 1)
	id := c.request("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uriA}, "range": rng(0, 0, 0, 0), "context": map[string]any{"diagnostics": []any{}}})
	time.Sleep(30 * time.Millisecond)
	c.notify("$/cancelRequest", map[string]any{"id": json.RawMessage(id)})
	m := c.await(id)
	if m.Error == nil || m.Error.Code != -32800 {
		t.Errorf("cancelled request answered %s %+v", m.Result, m.Error)
	}
	c.notify("$/cancelRequest", map[string]any{"id": 12345}) // unknown: ignored
	c.notify("$/cancelRequest", map[string]any{"id": "x"})
}

// TestRandomFrames feeds random bytes (and mutations of valid traffic) and
// checks the server neither panics nor hangs: it stops at EOF.
func TestRandomFrames(t *testing.T) {
	seeds := fuzzSeeds()
	for i, seed := range seeds {
		runFuzzInput(t, seed)
		for j := 0; j < 20; j++ {
			runFuzzInput(t, mutate(seed, int64(i*100+j)))
		}
	}
}

func FuzzServerInput(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in []byte) { runFuzzInput(t, in) })
}

func fuzzSeeds() [][]byte {
	frame := func(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }
	init := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`) + frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
	open := frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.nix","languageId":"nix","version":1,"text":"{ a = insecure; }"}}}`)
	change := frame(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.nix","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":3},"end":{"line":0,"character":90}},"text":"😀\n"}]}}`)
	hover := frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.nix"},"position":{"line":0,"character":7}}}`)
	action := frame(`{"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///a.nix"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}},"context":{"diagnostics":[],"only":["source.fixAll"]}}}`)
	return [][]byte{
		[]byte(init + open + change + hover + action),
		[]byte(init + open + hover),
		[]byte("Content-Length: 10\r\n\r\n{}{}{}{}{}"),
		[]byte("Content-Length: 99999999999999999999\r\n\r\n"),
		[]byte(init + "\r\n\r\n\r\n" + frame("null") + frame(`{"jsonrpc":"2.0","id":null,"result":1}`)),
		{},
	}
}

func mutate(b []byte, seed int64) []byte {
	out := append([]byte(nil), b...)
	x := uint64(seed)*6364136223846793005 + 1442695040888963407
	next := func(n int) int {
		x = x*6364136223846793005 + 1442695040888963407
		return int((x >> 33) % uint64(max(n, 1)))
	}
	for k := next(8) + 1; k > 0 && len(out) > 0; k-- {
		switch next(3) {
		case 0:
			out[next(len(out))] = byte(next(256))
		case 1:
			i := next(len(out))
			out = append(out[:i], out[min(len(out), i+next(16)):]...)
		default:
			i := next(len(out))
			out = append(out[:i], append([]byte{`{"}:\r\n[`[next(8)]}, out[i:]...)...)
		}
	}
	return out
}

func runFuzzInput(t *testing.T, in []byte) {
	t.Helper()
	s2cR, s2cW := io.Pipe()
	go io.Copy(io.Discard, s2cR)
	done := make(chan int, 1)
	go func() {
		done <- New(Options{}).Serve(context.Background(), duplex{bytes.NewReader(in), s2cW, func() error { return s2cW.Close() }})
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("server hung on input %q", in)
	}
}

// TestConcurrentTraffic interleaves edits, requests and configuration
// changes on several documents without waiting (run it with -race), then
// checks every document's last publication is its newest version.
func TestConcurrentTraffic(t *testing.T) {
	c := newClient(t, Options{Debounce: time.Millisecond})
	c.initialize(map[string]any{}, nil)
	const docs = 4
	versions := make([]int32, docs)
	uri := func(i int) string { return fmt.Sprintf("file:///stress/m%d.nix", i) }
	for i := 0; i < docs; i++ {
		versions[i] = 1
		c.open(uri(i), "{ a = insecure; }", 1)
	}
	var ids []string
	x := uint32(7)
	rnd := func(n int) int { x = x*1664525 + 1013904223; return int(x>>8) % n }
	for op := 0; op < 300; op++ {
		i := rnd(docs)
		td := map[string]any{"uri": uri(i)}
		switch rnd(6) {
		case 0, 1:
			versions[i]++
			c.change(uri(i), versions[i], map[string]any{"range": rng(0, rnd(20), 0, rnd(20)), "text": []string{"insecure", " ", "x;", "😀", "\n", ""}[rnd(6)]})
		case 2:
			ids = append(ids, c.request("textDocument/hover", map[string]any{"textDocument": td, "position": map[string]int{"line": 0, "character": rnd(30)}}))
		case 3:
			ids = append(ids, c.request("textDocument/codeAction", map[string]any{"textDocument": td, "range": rng(0, 0, 2, 0), "context": map[string]any{"diagnostics": []any{}, "only": []string{"quickfix", "source.fixAll"}}}))
		case 4:
			ids = append(ids, c.request("textDocument/codeLens", map[string]any{"textDocument": td}))
		case 5:
			c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"nixsec": map[string]any{"debounceMs": rnd(3)}}})
		}
	}
	for _, id := range ids {
		if m := c.await(id); m.Error != nil {
			t.Errorf("request %s: %+v", id, m.Error)
		}
	}
	for i := 0; i < docs; i++ {
		v := versions[i]
		c.waitPublish(0, uri(i), &v)
	}
	time.Sleep(50 * time.Millisecond)
	last := map[string]int32{}
	for _, m := range c.notesOf("textDocument/publishDiagnostics") {
		p := decodePub(t, m)
		if p.Version != nil {
			last[p.URI] = *p.Version
		}
	}
	for i := 0; i < docs; i++ {
		if last[uri(i)] != versions[i] {
			t.Errorf("%s: last published version %d, newest %d", uri(i), last[uri(i)], versions[i])
		}
	}
}
