// Package server is nixsec's language server: it keeps the editor's open
// documents parsed incrementally, runs the analyzer on them, and turns
// findings into LSP diagnostics, code actions and hovers. It converts and
// orchestrates; it decides nothing about security itself.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime/debug"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/nixsec/nixsec/analyzer"
)

// DefaultDebounce is how long the server waits after the last change to a
// document before analysing it.
const DefaultDebounce = 150 * time.Millisecond

// DefaultDocsBaseURL prefixes a rule ID (plus ".md") in codeDescription.href.
const DefaultDocsBaseURL = analyzer.DocsBaseURL

// Options configure a Server. The zero value is usable.
type Options struct {
	// Debounce is the delay between a change and its analysis; negative
	// means DefaultDebounce. Tests use 0. The client's debounceMs setting
	// overrides it.
	Debounce time.Duration
	// DocsBaseURL overrides DefaultDocsBaseURL (the client's docsBaseURL
	// setting overrides both).
	DocsBaseURL string
	// Log receives the server's log lines (--log FILE); nil discards them.
	Log io.Writer
	// Version is reported in serverInfo.
	Version string
	// ReadFile reads files that are not open in the editor; nil is
	// analyzer.OSLoader.
	ReadFile func(path string) ([]byte, error)
	// LiveTrees is how many documents keep their tree-sitter tree for
	// incremental parsing (the most recently opened or edited ones); 0 is
	// DefaultLiveTrees, negative keeps none.
	LiveTrees int

	analysed func(time.Duration) // test hook: each analysis's duration
}

// DefaultLiveTrees bounds the documents that keep a tree for incremental
// parsing. A tree's C memory is many times its source's size, and with
// hundreds of files open it dominated the server's memory; a document
// whose tree was dropped is parsed from scratch on its next change
// (once), then incrementally again.
const DefaultLiveTrees = 8

type lifecycle int

const (
	stateNew lifecycle = iota
	stateRunning
	stateShutdown
)

// Server is one LSP session. Create it with New and run it with Serve;
// a Server serves one connection.
type Server struct {
	opts   Options
	stream *stream
	conn   jsonrpc2.Conn
	ctx    context.Context // cancelled when the session ends
	cancel context.CancelFunc
	exit   chan int
	logMu  sync.Mutex

	mu       sync.Mutex
	state    lifecycle
	caps     clientCaps
	enc      string // negotiated position encoding
	pull     bool   // client pulls diagnostics: do not push
	trace    string
	initOpts json.RawMessage
	cfg      *Config // effective configuration
	gen      uint64  // bumped when the configuration changes
	docs     map[string]*docState
	live     []*docState // documents holding a tree, least recently touched first
	inflight map[string]context.CancelFunc
	ws       *Workspace
	roots    []string
	hovers   []HoverProvider
	lenses   []CodeLensProvider
	bg       sync.WaitGroup

	// Workspace scan (scan.go); guarded by mu except wsPubMu, which
	// orders publications of workspace files against open documents'.
	scanOn      bool // the first scan started: configuration changes rescan
	scanCancel  context.CancelFunc
	scanToken   string
	wsFiles     map[string]*wsFile
	rescanTimer *time.Timer
	wsPubMu     sync.Mutex
}

// New returns a server with the built-in hover providers (findings, then
// options) and code-lens provider (systemd exposure).
func New(opts Options) *Server {
	if opts.Debounce < 0 {
		opts.Debounce = DefaultDebounce
	}
	if opts.DocsBaseURL == "" {
		opts.DocsBaseURL = DefaultDocsBaseURL
	}
	if opts.LiveTrees == 0 {
		opts.LiveTrees = DefaultLiveTrees
	}
	s := &Server{
		opts:     opts,
		exit:     make(chan int, 1),
		enc:      encUTF16,
		trace:    "off",
		cfg:      defaultConfig(),
		docs:     map[string]*docState{},
		inflight: map[string]context.CancelFunc{},
		wsFiles:  map[string]*wsFile{},
	}
	s.ws = NewWorkspace(opts.ReadFile)
	s.hovers = []HoverProvider{findingHover, optionHover}
	s.lenses = []CodeLensProvider{exposureLenses}
	return s
}

// AddHoverProvider appends a hover provider; call before Serve.
func (s *Server) AddHoverProvider(p HoverProvider) { s.hovers = append(s.hovers, p) }

// AddCodeLensProvider appends a code-lens provider; call before Serve.
func (s *Server) AddCodeLensProvider(p CodeLensProvider) { s.lenses = append(s.lenses, p) }

// Serve runs the session on rwc until the client sends exit or closes the
// stream, and returns the process exit code LSP asks for: 0 after
// shutdown+exit, 1 otherwise.
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) int {
	s.ctx, s.cancel = context.WithCancel(ctx)
	defer s.cancel()
	startGCTuner()
	s.stream = newStream(rwc, func(err error) { s.logf(protocol.MessageTypeWarning, "bad message from client: %v", err) })
	s.conn = jsonrpc2.NewConn(s.stream)
	s.conn.Go(s.ctx, s.handle)
	code := 1
	select {
	case code = <-s.exit:
	case <-s.conn.Done():
		if err := s.conn.Err(); err != nil && !errors.Is(err, io.EOF) {
			s.logToFile("connection ended: %v", err)
		}
	case <-ctx.Done():
	}
	s.cancel()
	_ = s.conn.Close()
	s.closeAll()
	return code
}

// ListenAndServe accepts connections on addr (for debugging with
// --listen) and serves each with a fresh Server until ctx ends. Only
// loopback addresses make sense: the protocol has no authentication.
func ListenAndServe(ctx context.Context, addr string, opts Options, ready func(net.Addr)) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	if ready != nil {
		ready(ln.Addr())
	}
	go func() { <-ctx.Done(); ln.Close() }()
	for {
		c, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		go New(opts).Serve(ctx, c)
	}
}

// handle is called by jsonrpc2 in its read loop, one message at a time.
// Notifications run here, in order, so that document state is always
// up to date when the next message is read; requests run on goroutines.
// It never returns an error: that would end the connection.
func (s *Server) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	method := req.Method()
	s.traceIn(method, req.Params())
	call, isCall := req.(*jsonrpc2.Call)
	if !isCall {
		s.notification(method, req.Params())
		return nil
	}
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case method == mInitialize:
		if state != stateNew {
			return s.reply(ctx, reply, method, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize sent twice"))
		}
		s.safely(ctx, reply, method, func(ctx context.Context) (any, error) { return s.initialize(req.Params()) })
		return nil
	case state == stateNew:
		return s.reply(ctx, reply, method, nil, jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "server not initialized: send initialize first"))
	case state == stateShutdown:
		return s.reply(ctx, reply, method, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "server is shutting down: only exit is accepted"))
	case method == mShutdown:
		s.safely(ctx, reply, method, func(context.Context) (any, error) { return s.shutdown() })
		return nil
	}
	h, ok := requestHandlers[method]
	if !ok {
		return s.reply(ctx, reply, method, nil, jsonrpc2.NewError(jsonrpc2.MethodNotFound, fmt.Sprintf("method not found: %s", method)))
	}
	key := idKey(call.ID())
	rctx, cancel := context.WithCancel(s.ctx)
	s.mu.Lock()
	s.inflight[key] = cancel
	s.mu.Unlock()
	params := req.Params()
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		defer func() {
			s.mu.Lock()
			delete(s.inflight, key)
			s.mu.Unlock()
			cancel()
		}()
		s.safely(rctx, reply, method, func(ctx context.Context) (any, error) { return h(s, ctx, params) })
	}()
	return nil
}

// safely runs a request handler, turning a panic into an InternalError
// reply and a cancelled context into RequestCancelled.
func (s *Server) safely(ctx context.Context, reply jsonrpc2.Replier, method string, fn func(context.Context) (any, error)) {
	var (
		result any
		err    error
	)
	func() {
		defer func() {
			if v := recover(); v != nil {
				s.logf(protocol.MessageTypeError, "panic in %s (please report): %v\n%s", method, v, debug.Stack())
				result, err = nil, jsonrpc2.NewError(jsonrpc2.InternalError, fmt.Sprintf("internal error in %s: %v", method, v))
			}
		}()
		result, err = fn(ctx)
	}()
	if ctx.Err() != nil && s.ctx.Err() == nil && err == nil {
		result, err = nil, jsonrpc2.NewError(codeRequestCancelled, "request cancelled")
	}
	_ = s.reply(context.Background(), reply, method, result, err)
}

func (s *Server) reply(ctx context.Context, reply jsonrpc2.Replier, method string, result any, err error) error {
	if err != nil {
		var je *jsonrpc2.Error
		if !errors.As(err, &je) {
			err = jsonrpc2.NewError(jsonrpc2.InternalError, err.Error())
		}
		s.logf(protocol.MessageTypeLog, "%s failed: %v", method, err)
	}
	if rerr := reply(ctx, result, err); rerr != nil {
		s.logf(protocol.MessageTypeLog, "replying to %s: %v", method, rerr)
	}
	return nil
}

// notification handles a notification in the read loop, recovering panics.
func (s *Server) notification(method string, params json.RawMessage) {
	defer func() {
		if v := recover(); v != nil {
			s.logf(protocol.MessageTypeError, "panic in %s (please report): %v\n%s", method, v, debug.Stack())
		}
	}()
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case method == mExit:
		code := 1
		if state == stateShutdown {
			code = 0
		}
		select {
		case s.exit <- code:
		default:
		}
		return
	case method == mCancelRequest:
		var p cancelParams
		if json.Unmarshal(params, &p) == nil {
			s.mu.Lock()
			if cancel, ok := s.inflight[compactID(p.ID)]; ok {
				cancel()
			}
			s.mu.Unlock()
		}
		return
	case state != stateRunning:
		return // before initialize or after shutdown: dropped, as the spec says
	}
	h, ok := notificationHandlers[method]
	if !ok {
		return // unknown notifications (including $/ ones) are ignored
	}
	if err := h(s, params); err != nil {
		s.logf(protocol.MessageTypeWarning, "%s: %v", method, err)
	}
}

type requestHandler func(s *Server, ctx context.Context, params json.RawMessage) (any, error)
type notificationHandler func(s *Server, params json.RawMessage) error

var requestHandlers map[string]requestHandler
var notificationHandlers map[string]notificationHandler

func init() {
	requestHandlers = map[string]requestHandler{
		mDiagnostic: (*Server).pullDiagnostics,
		mCodeAction: (*Server).codeAction,
		mHover:      (*Server).hover,
		mCodeLens:   (*Server).codeLens,
		mExecute:    (*Server).executeCommand,
	}
	notificationHandlers = map[string]notificationHandler{
		mInitialized:            (*Server).initialized,
		mSetTrace:               (*Server).setTrace,
		mDidOpen:                (*Server).didOpen,
		mDidChange:              (*Server).didChange,
		mDidSave:                (*Server).didSave,
		mDidClose:               (*Server).didClose,
		mDidChangeConfig:        (*Server).didChangeConfiguration,
		mDidChangeWatchedFiles:  (*Server).didChangeWatchedFiles,
		mWorkDoneProgressCancel: (*Server).cancelProgress,
	}
}

func idKey(id jsonrpc2.ID) string {
	b, err := json.Marshal(&id)
	if err != nil {
		return fmt.Sprint(id)
	}
	return compactID(b)
}

func compactID(raw json.RawMessage) string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// decode unmarshals params, turning a failure into InvalidParams.
func decode(params json.RawMessage, v any) error {
	if len(params) == 0 {
		params = json.RawMessage("{}")
	}
	if err := json.Unmarshal(params, v); err != nil {
		return jsonrpc2.NewError(jsonrpc2.InvalidParams, "invalid params: "+err.Error())
	}
	return nil
}

func (s *Server) initialize(raw json.RawMessage) (any, error) {
	var p initializeParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.caps = p.Capabilities
	s.enc = encUTF16
	if g := p.Capabilities.General; g != nil {
		for _, e := range g.PositionEncodings {
			if e == encUTF8 {
				s.enc = encUTF8
				break
			}
		}
	}
	s.pull = p.Capabilities.TextDocument != nil && p.Capabilities.TextDocument.Diagnostic != nil
	if p.Trace != "" {
		s.trace = p.Trace
	}
	s.initOpts = p.InitializationOptions
	cfg, warnings := parseConfig(nil, p.InitializationOptions)
	s.cfg = cfg
	for _, f := range p.WorkspaceFolders {
		if path, err := uriToPath(f.URI); err == nil {
			s.roots = append(s.roots, path)
		}
	}
	if len(s.roots) == 0 && p.RootURI != "" {
		if path, err := uriToPath(p.RootURI); err == nil {
			s.roots = append(s.roots, path)
		}
	} else if len(s.roots) == 0 && p.RootPath != "" {
		s.roots = append(s.roots, p.RootPath)
	}
	s.state = stateRunning
	if p.ProcessID != nil {
		s.watchParent(*p.ProcessID)
	}
	if len(warnings) > 0 {
		go s.showWarnings("initializationOptions", warnings)
	}
	caps := serverCaps{
		TextDocumentSync: textDocumentSync{
			OpenClose: true,
			Change:    protocol.TextDocumentSyncKindIncremental,
			Save:      &protocol.SaveOptions{},
		},
		HoverProvider: true,
		CodeActionProvider: &protocol.CodeActionOptions{
			CodeActionKinds: []protocol.CodeActionKind{kindQuickFix, kindFixAllOurs},
		},
		CodeLensProvider: &protocol.CodeLensOptions{},
		ExecuteCommandProvider: &protocol.ExecuteCommandOptions{
			Commands: []string{CmdShowExposure},
		},
	}
	if p.Capabilities.General != nil {
		caps.PositionEncoding = s.enc
	}
	if s.pull {
		caps.DiagnosticProvider = &diagnosticOptions{Identifier: "nixsec", InterFileDependencies: true}
	}
	s.logf(protocol.MessageTypeInfo, "nixsec %s: position encoding %s, %s diagnostics", s.version(), s.enc, map[bool]string{true: "pull", false: "push"}[s.pull])
	return initializeResult{Capabilities: caps, ServerInfo: &protocol.ServerInfo{Name: "nixsec", Version: s.version()}}, nil
}

func (s *Server) version() string {
	if s.opts.Version != "" {
		return s.opts.Version
	}
	return "dev"
}

func (s *Server) initialized(json.RawMessage) error {
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		s.registerWatchers()
		if s.clientHasConfiguration() {
			s.pullConfiguration()
		}
		s.startScan()
	}()
	return nil
}

// registerWatchers asks a client that registers capabilities dynamically
// to watch the workspace's .nix files, so that edits outside the editor
// reach workspace/didChangeWatchedFiles.
func (s *Server) registerWatchers() {
	s.mu.Lock()
	ok := s.caps.Workspace != nil && s.caps.Workspace.DidChangeWatchedFiles != nil && s.caps.Workspace.DidChangeWatchedFiles.DynamicRegistration
	s.mu.Unlock()
	if !ok {
		return
	}
	params := map[string]any{"registrations": []any{map[string]any{
		"id": "nixsec-watch-nix", "method": mDidChangeWatchedFiles,
		"registerOptions": map[string]any{"watchers": []any{map[string]any{"globPattern": "**/*.nix"}}},
	}}}
	if err := s.call(s.ctx, mRegisterCapability, params, nil); err != nil {
		s.logToFile("client/registerCapability: %v", err)
	}
}

func (s *Server) shutdown() (any, error) {
	s.mu.Lock()
	s.state = stateShutdown
	if s.scanCancel != nil {
		s.scanCancel()
	}
	if s.rescanTimer != nil {
		s.rescanTimer.Stop()
	}
	for _, d := range s.docs {
		d.stopTimer()
	}
	s.mu.Unlock()
	return nil, nil
}

func (s *Server) setTrace(raw json.RawMessage) error {
	var p setTraceParams
	if err := decode(raw, &p); err != nil {
		return err
	}
	switch p.Value {
	case "off", "messages", "verbose":
	default:
		return fmt.Errorf("unknown trace value %q (want off, messages or verbose)", p.Value)
	}
	s.mu.Lock()
	s.trace = p.Value
	s.mu.Unlock()
	return nil
}

// traceIn reports an incoming message with $/logTrace when tracing is on.
func (s *Server) traceIn(method string, params json.RawMessage) {
	if method == mSetTrace || method == mExit {
		return
	}
	s.mu.Lock()
	trace := s.trace
	s.mu.Unlock()
	if trace == "off" || trace == "" {
		return
	}
	p := map[string]string{"message": "received " + method}
	if trace == "verbose" {
		p["verbose"] = truncate(string(params), 4096)
	}
	s.notify(mLogTrace, p)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// notify sends a notification, logging (not failing) on a broken stream.
func (s *Server) notify(method string, params any) {
	if s.conn == nil {
		return
	}
	if err := s.conn.Notify(context.Background(), method, params); err != nil {
		s.logToFile("notify %s: %v", method, err)
	}
}

// call sends a request to the client and waits for its result.
func (s *Server) call(ctx context.Context, method string, params, result any) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	_, err := s.conn.Call(ctx, method, params, result)
	return err
}

// logf writes to the log file and sends window/logMessage. It takes no
// lock of the server's, so callers may hold s.mu.
func (s *Server) logf(typ protocol.MessageType, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.logToFile("%s", msg)
	s.notify(mLogMessage, logMessageParams{Type: typ, Message: msg})
}

func (s *Server) logToFile(format string, args ...any) {
	if s.opts.Log == nil {
		return
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, "%s %s\n", time.Now().UTC().Format("2006-01-02T15:04:05.000Z"), fmt.Sprintf(format, args...))
}

// showWarnings reports configuration problems with window/showMessage.
func (s *Server) showWarnings(source string, warnings []string) {
	for _, w := range warnings {
		msg := fmt.Sprintf("nixsec: %s: %s", source, w)
		s.logToFile("%s", msg)
		s.notify(mShowMessage, logMessageParams{Type: protocol.MessageTypeWarning, Message: msg})
	}
}

func (s *Server) closeAll() {
	s.mu.Lock()
	docs := s.docs
	s.docs, s.live = map[string]*docState{}, nil
	for _, d := range docs {
		d.stopTimer()
	}
	s.mu.Unlock()
	s.bg.Wait()
	for _, d := range docs {
		d.close()
	}
}
