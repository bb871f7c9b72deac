package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Test rules: registered once for the server tests. Real rules are written
// in parallel; assertions filter on these IDs.
const (
	testRuleID = "NIXSEC-TEST-001" // `insecure` variable; safe fix → `secure`
	slowRuleID = "NIXSEC-TEST-002" // sleeps on files containing "slowdown"
)

var slowDelay = 300 * time.Millisecond

func init() {
	analyzer.Register(&analyzer.Rule{
		RuleMeta: diagnostics.RuleMeta{
			ID: testRuleID, Slug: "test-insecure", Title: "Insecure test value", Category: "Test",
			Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
			Description: "Detects the `insecure` variable.", Why: "Tests need a rule.",
			Remediation: "Use `secure`.", References: []string{"https://example.invalid/ref"}, CWE: []int{16},
			FixClass: diagnostics.FixAuto,
		},
		Run: func(p *analyzer.Pass) {
			for _, f := range p.Files {
				f.Root().Walk(func(n nixast.Node) bool {
					if n.Kind() == nixast.KindVariable && n.Text() == "insecure" {
						p.Report(diagnostics.Finding{
							Message:  "value is insecure",
							Location: diagnostics.Location{Path: f.Path, Span: n.Span()},
							Related:  []diagnostics.Related{{Location: diagnostics.Location{Path: f.Path, Span: nixast.Span{Start: 0, End: 1}}, Message: "file starts here"}},
							Fixes: []diagnostics.Fix{{Title: "Use secure", Safe: true, Edits: []diagnostics.Edit{{
								Location: diagnostics.Location{Path: f.Path, Span: n.Span()}, NewText: "secure",
							}}}},
						})
					}
					return true
				})
			}
		},
	}, &analyzer.Rule{
		RuleMeta: diagnostics.RuleMeta{ID: slowRuleID, Slug: "test-slow", Title: "Slow test rule", Category: "Test", Severity: diagnostics.Low},
		Run: func(p *analyzer.Pass) {
			for _, f := range p.Files {
				if bytes.Contains(f.Src, []byte("slowdown")) {
					time.Sleep(slowDelay)
				}
			}
		},
	})
	requestHandlers["nixsec/testPanic"] = func(*Server, context.Context, json.RawMessage) (any, error) { panic("boom") }
	notificationHandlers["nixsec/testPanicNote"] = func(*Server, json.RawMessage) error { panic("boom note") }
}

type rpcError struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data"`
}

type rpcMsg struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

// client is an LSP client speaking to a real Server over io.Pipe with full
// Content-Length framing.
type client struct {
	t    testing.TB
	w    *io.PipeWriter
	r    *bufio.Reader
	wmu  sync.Mutex
	exit chan int

	mu        sync.Mutex
	cond      *sync.Cond
	next      int
	responses map[string]*rpcMsg
	notes     []*rpcMsg
	serverReq []*rpcMsg
	// onRequest answers requests from the server (workspace/configuration, ...).
	onRequest func(method string, params json.RawMessage) (any, *rpcError)
	closed    bool
	srv       *Server
	timeout   time.Duration // for waits; 10s by default
}

type duplex struct {
	io.Reader
	io.Writer
	close func() error
}

func (d duplex) Close() error { return d.close() }

func newClient(t testing.TB, opts Options) *client {
	t.Helper()
	c2sR, c2sW := io.Pipe()
	s2cR, s2cW := io.Pipe()
	c := &client{timeout: 10 * time.Second, t: t, w: c2sW, r: bufio.NewReader(s2cR), exit: make(chan int, 1), responses: map[string]*rpcMsg{}}
	c.cond = sync.NewCond(&c.mu)
	srv := New(opts)
	c.srv = srv
	go func() {
		code := srv.Serve(context.Background(), duplex{c2sR, s2cW, func() error { c2sR.Close(); return s2cW.Close() }})
		c.exit <- code
	}()
	go c.readLoop()
	t.Cleanup(func() {
		c2sW.Close()
		select {
		case <-c.exit:
		case <-time.After(c.timeout):
			t.Error("server did not stop after its input closed")
		}
	})
	return c
}

func (c *client) readLoop() {
	for {
		body, err := readFrame(c.r)
		if err != nil {
			c.mu.Lock()
			c.closed = true
			c.cond.Broadcast()
			c.mu.Unlock()
			return
		}
		var m rpcMsg
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("server sent malformed JSON: %v: %s", err, body)
			continue
		}
		switch {
		case m.Method != "" && m.ID != nil:
			c.mu.Lock()
			c.serverReq = append(c.serverReq, &m)
			h := c.onRequest
			c.mu.Unlock()
			var result any
			var rerr *rpcError
			if h != nil {
				result, rerr = h(m.Method, m.Params)
			}
			resp := map[string]any{"jsonrpc": "2.0", "id": m.ID}
			if rerr != nil {
				resp["error"] = rerr
			} else {
				resp["result"] = result
			}
			c.send(resp)
		case m.Method != "":
			c.mu.Lock()
			c.notes = append(c.notes, &m)
			c.cond.Broadcast()
			c.mu.Unlock()
		default:
			c.mu.Lock()
			c.responses[string(m.ID)] = &m
			c.cond.Broadcast()
			c.mu.Unlock()
		}
	}
}

func readFrame(r *bufio.Reader) ([]byte, error) {
	n := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			n, err = strconv.Atoi(v)
			if err != nil {
				return nil, err
			}
		}
	}
	if n < 0 {
		return nil, fmt.Errorf("no Content-Length")
	}
	body := make([]byte, n)
	_, err := io.ReadFull(r, body)
	return body, err
}

func (c *client) send(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendRaw(fmt.Appendf(nil, "Content-Length: %d\r\n\r\n%s", len(b), b))
}

func (c *client) sendRaw(b []byte) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if _, err := c.w.Write(b); err != nil {
		c.t.Logf("write to server: %v", err)
	}
}

func (c *client) notify(method string, params any) {
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// request sends a request and returns its id; await waits for the answer.
func (c *client) request(method string, params any) string {
	c.mu.Lock()
	c.next++
	id := c.next
	c.mu.Unlock()
	c.send(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	return strconv.Itoa(id)
}

func (c *client) await(id string) *rpcMsg {
	c.t.Helper()
	deadline := time.Now().Add(c.timeout)
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		if m, ok := c.responses[id]; ok {
			delete(c.responses, id)
			return m
		}
		if c.closed || time.Now().After(deadline) {
			c.t.Fatalf("no response to request %s", id)
		}
		c.waitLocked(deadline)
	}
}

// waitLocked waits on the condition with a deadline.
func (c *client) waitLocked(deadline time.Time) {
	t := time.AfterFunc(time.Until(deadline), func() { c.mu.Lock(); c.cond.Broadcast(); c.mu.Unlock() })
	c.cond.Wait()
	t.Stop()
}

// call sends a request and decodes its result, failing on an error.
func (c *client) call(method string, params, result any) {
	c.t.Helper()
	m := c.await(c.request(method, params))
	if m.Error != nil {
		c.t.Fatalf("%s: error %d %s", method, m.Error.Code, m.Error.Message)
	}
	if result != nil {
		if err := json.Unmarshal(m.Result, result); err != nil {
			c.t.Fatalf("%s: decoding %s: %v", method, m.Result, err)
		}
	}
}

// waitNote waits for a notification after index `from` matching pred and
// returns it with its index.
func (c *client) waitNote(from int, method string, pred func(json.RawMessage) bool, timeout time.Duration) (*rpcMsg, int) {
	c.t.Helper()
	deadline := time.Now().Add(timeout)
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := from; ; {
		for ; i < len(c.notes); i++ {
			if m := c.notes[i]; m.Method == method && (pred == nil || pred(m.Params)) {
				return m, i
			}
		}
		if c.closed || time.Now().After(deadline) {
			return nil, -1
		}
		c.waitLocked(deadline)
	}
}

func (c *client) noteCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.notes)
}

func (c *client) notesOf(method string) []*rpcMsg {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*rpcMsg
	for _, m := range c.notes {
		if m.Method == method {
			out = append(out, m)
		}
	}
	return out
}

// initialize performs the handshake with the given capabilities and options.
func (c *client) initialize(caps, initOpts any) map[string]any {
	c.t.Helper()
	var res map[string]any
	c.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": caps, "initializationOptions": initOpts}, &res)
	c.notify("initialized", map[string]any{})
	return res
}

func (c *client) shutdownExit() int {
	c.t.Helper()
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case code := <-c.exit:
		c.exit <- code
		return code
	case <-time.After(5 * time.Second):
		c.t.Fatal("server did not exit")
		return -1
	}
}

type pubDiag struct {
	URI         string     `json:"uri"`
	Version     *int32     `json:"version"`
	Diagnostics []wireDiag `json:"diagnostics"`
}

type wireDiag struct {
	Range struct {
		Start struct{ Line, Character int } `json:"start"`
		End   struct{ Line, Character int } `json:"end"`
	} `json:"range"`
	Severity        int    `json:"severity"`
	Code            string `json:"code"`
	Source          string `json:"source"`
	Message         string `json:"message"`
	CodeDescription *struct {
		Href string `json:"href"`
	} `json:"codeDescription"`
	RelatedInformation []struct {
		Location struct {
			URI string `json:"uri"`
		} `json:"location"`
		Message string `json:"message"`
	} `json:"relatedInformation"`
}

func decodePub(t testing.TB, m *rpcMsg) pubDiag {
	t.Helper()
	var p pubDiag
	if err := json.Unmarshal(m.Params, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// waitPublish waits for diagnostics of uri at version (nil: any version).
func (c *client) waitPublish(from int, uri string, version *int32) (pubDiag, int) {
	c.t.Helper()
	m, i := c.waitNote(from, "textDocument/publishDiagnostics", func(raw json.RawMessage) bool {
		var p pubDiag
		_ = json.Unmarshal(raw, &p)
		return p.URI == uri && (version == nil || (p.Version != nil && *p.Version == *version))
	}, c.timeout)
	if m == nil {
		c.t.Fatalf("no publishDiagnostics for %s version %v", uri, deref(version))
	}
	return decodePub(c.t, m), i
}

func deref(v *int32) any {
	if v == nil {
		return "any"
	}
	return *v
}

func v32(v int32) *int32 { return &v }

func ofCode(ds []wireDiag, code string) []wireDiag {
	var out []wireDiag
	for _, d := range ds {
		if d.Code == code {
			out = append(out, d)
		}
	}
	return out
}

func (c *client) open(uri, text string, version int32) {
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "nix", "version": version, "text": text}})
}

func (c *client) change(uri string, version int32, changes ...map[string]any) {
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": changes})
}

func rng(l1, c1, l2, c2 int) map[string]any {
	return map[string]any{"start": map[string]int{"line": l1, "character": c1}, "end": map[string]int{"line": l2, "character": c2}}
}
