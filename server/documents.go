package server

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"go.lsp.dev/protocol"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// docState is one open document. Fields other than pubMu are guarded by
// Server.mu.
type docState struct {
	uri, path string
	doc       *nixast.Document // nil while the text cannot be parsed at all
	src       []byte           // the editor's text, always current
	file      *nixast.File     // the current parse, nil with doc
	parseErr  error            // why there is no parse
	version   int32

	timer          *time.Timer
	running, dirty bool
	result         *analysis // newest analysis of the current version, if any
	closed         bool
	unitPaths      map[string]bool // files the last analysis read

	pubMu sync.Mutex // orders publications of this document
}

// touchLocked marks d as the most recently used document and drops the
// trees and models of those beyond Options.LiveTrees; s.mu is held.
func (s *Server) touchLocked(d *docState) {
	for i, x := range s.live {
		if x == d {
			s.live = append(s.live[:i], s.live[i+1:]...)
			break
		}
	}
	if d.doc != nil && !d.closed {
		s.live = append(s.live, d)
	}
	for len(s.live) > max(s.opts.LiveTrees, 0) {
		x := s.live[0]
		s.live = s.live[1:]
		if x.doc != nil {
			x.doc.Release()
		}
		x.result.dropModel()
	}
}

// liveLocked reports whether d keeps its tree and model; s.mu is held.
func (s *Server) liveLocked(d *docState) bool {
	for _, x := range s.live {
		if x == d {
			return true
		}
	}
	return false
}

// touch is touchLocked for the document at uri, if it is open.
func (s *Server) touch(uri string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d, ok := s.docs[uri]; ok {
		s.touchLocked(d)
	}
}

func (d *docState) stopTimer() {
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
}

func (d *docState) close() {
	if d.doc != nil {
		d.doc.Close()
		d.doc = nil
	}
}

func (d *docState) lines() *nixast.LineIndex {
	if d.file != nil {
		return d.file.Lines
	}
	return nixast.NewLineIndex(d.src)
}

// setText replaces the whole text, parsing from scratch.
func (d *docState) setText(src []byte) {
	d.close()
	d.src = src
	doc, err := nixast.NewDocument(d.path, src)
	if err != nil {
		d.doc, d.file, d.parseErr = nil, nil, err
		return
	}
	d.doc, d.file, d.parseErr = doc, doc.File(), nil
}

// snapshot is what one analysis works on.
type snapshot struct {
	uri, path string
	version   int32
	file      *nixast.File
	parseErr  error
	gen       uint64
	cfg       *Config
	enc       string
	docsBase  string
}

// analysis is the result for one version of a document under one
// configuration generation.
type analysis struct {
	version  int32
	gen      uint64
	file     *nixast.File // nil when the text could not be parsed
	findings []diagnostics.Finding
	diags    []protocol.Diagnostic // parallel to findings
	unit     map[string]bool
	// model is the module model the rules saw (nil without a parse):
	// hovers and lenses read it (Model) instead of building it again. Only
	// the most recently used documents keep it (touchLocked): with hundreds
	// of files open the models were most of the server's memory. Model
	// builds a dropped one again with rebuild.
	modelMu sync.Mutex
	model   *analyzer.Model
	rebuild func() *analyzer.Model

	lensOnce sync.Once
	lenses   []exposureLens // computed on the first codeLens request
}

// Model returns the analysis's module model, building it again if it was
// dropped; nil when the text could not be analysed.
func (a *analysis) Model() *analyzer.Model {
	a.modelMu.Lock()
	defer a.modelMu.Unlock()
	if a.model == nil && a.rebuild != nil {
		a.model = a.rebuild()
	}
	return a.model
}

// dropModel frees the model; Model rebuilds it when asked.
func (a *analysis) dropModel() {
	if a == nil {
		return
	}
	a.modelMu.Lock()
	if a.rebuild != nil {
		a.model = nil
	}
	a.modelMu.Unlock()
}

func (a *analysis) resultID() string {
	return strconv.Itoa(int(a.version)) + "." + strconv.FormatUint(a.gen, 10)
}

func (s *Server) didOpen(raw json.RawMessage) error {
	var p protocol.DidOpenTextDocumentParams
	if err := decode(raw, &p); err != nil {
		return err
	}
	uri := string(p.TextDocument.URI)
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.docs[uri]; ok { // reopened without a close: start over
		old.stopTimer()
		old.closed = true
		s.touchLocked(old) // out of the live list
		old.close()
	}
	d := &docState{uri: uri, path: docPath(uri), version: p.TextDocument.Version}
	d.setText([]byte(p.TextDocument.Text))
	s.docs[uri] = d
	s.touchLocked(d)
	s.ws.SetOpen(d.path, d.file)
	s.schedule(d)
	s.scheduleDependents(d.path)
	if w := s.wsFiles[d.path]; w != nil {
		// The scan's result for the file on disk gives way to the
		// document's: a pushing client gets the latter under the same URI
		// soon; a pulling one would show both, so clear it now.
		delete(s.wsFiles, d.path)
		if w.published && (s.pull || w.uri != uri) {
			s.bg.Add(1)
			go func() {
				defer s.bg.Done()
				s.wsPubMu.Lock()
				defer s.wsPubMu.Unlock()
				s.notify(mPublishDiagnostics, publishDiagnosticsParams{URI: w.uri, Diagnostics: []protocol.Diagnostic{}})
			}()
		}
	}
	return nil
}

func (s *Server) didChange(raw json.RawMessage) error {
	var p didChangeParams
	if err := decode(raw, &p); err != nil {
		return err
	}
	uri := string(p.TextDocument.URI)
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.docs[uri]
	if !ok {
		return fmt.Errorf("didChange for %s, which is not open", uri)
	}
	if err := s.applyChanges(d, p.ContentChanges); err != nil {
		return err
	}
	d.version = p.TextDocument.Version
	d.result = nil
	s.touchLocked(d)
	s.ws.SetOpen(d.path, d.file)
	s.schedule(d)
	s.scheduleDependents(d.path)
	return nil
}

// applyChanges converts each change's range against the text left by the
// previous one and re-parses incrementally once. When the incremental
// parse is refused (the text grew past the size limit, or became binary),
// the text is still kept so that later changes apply to what the editor has.
func (s *Server) applyChanges(d *docState, changes []contentChange) error {
	src := d.src
	lines := d.lines()
	edits := make([]nixast.Edit, 0, len(changes))
	full := false
	for i, ch := range changes {
		if i > 0 {
			lines = nixast.NewLineIndex(src)
		}
		var e nixast.Edit
		if ch.Range == nil {
			e = nixast.Edit{Start: 0, End: len(src), Text: ch.Text}
			full = true
		} else {
			sp := conv{lines: lines, utf8: s.enc == encUTF8}.span(*ch.Range)
			e = nixast.Edit{Start: sp.Start, End: sp.End, Text: ch.Text}
		}
		next := make([]byte, 0, len(src)-(e.End-e.Start)+len(e.Text))
		next = append(append(append(next, src[:e.Start]...), e.Text...), src[e.End:]...)
		src = next
		edits = append(edits, e)
	}
	if d.doc == nil || (full && len(changes) == 1) {
		d.setText(src)
		return nil
	}
	f, err := d.doc.Apply(edits)
	if err != nil {
		d.setText(src)
		return nil
	}
	d.src, d.file, d.parseErr = f.Src, f, nil
	return nil
}

func (s *Server) didSave(raw json.RawMessage) error {
	var p protocol.DidSaveTextDocumentParams
	if err := decode(raw, &p); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.docs[string(p.TextDocument.URI)]
	if !ok {
		return nil
	}
	if p.Text != "" && p.Text != string(d.src) {
		d.setText([]byte(p.Text))
		s.ws.SetOpen(d.path, d.file)
	}
	// The file on disk changed: files importing it see the new content.
	s.ws.Invalidate(d.path)
	s.schedule(d)
	s.scheduleDependents(d.path)
	s.scheduleRescanLocked()
	return nil
}

func (s *Server) didClose(raw json.RawMessage) error {
	var p protocol.DidCloseTextDocumentParams
	if err := decode(raw, &p); err != nil {
		return err
	}
	uri := string(p.TextDocument.URI)
	s.mu.Lock()
	d, ok := s.docs[uri]
	if ok {
		delete(s.docs, uri)
		d.stopTimer()
		d.closed = true
		s.touchLocked(d) // out of the live list
		s.ws.SetOpen(d.path, nil)
		s.scheduleDependents(d.path)
	}
	push := !s.pull
	s.mu.Unlock()
	if !ok {
		return nil
	}
	d.pubMu.Lock()
	if push {
		s.wsPubMu.Lock()
		s.notify(mPublishDiagnostics, publishDiagnosticsParams{URI: uri, Diagnostics: []protocol.Diagnostic{}})
		s.wsPubMu.Unlock()
	}
	d.pubMu.Unlock()
	s.mu.Lock()
	if !d.running {
		d.close()
	}
	// A workspace file shows its saved content's findings again, as
	// `nixsec lint` would.
	if _, err := os.Stat(d.path); err == nil {
		s.scheduleRescanLocked()
	}
	s.mu.Unlock()
	return nil
}

// debounce returns the effective delay; s.mu is held.
func (s *Server) debounce() time.Duration {
	if s.cfg.DebounceMs != nil {
		return time.Duration(*s.cfg.DebounceMs) * time.Millisecond
	}
	return s.opts.Debounce
}

// schedule (re)starts the debounce timer of d; s.mu is held.
func (s *Server) schedule(d *docState) {
	if d.closed || s.state == stateShutdown {
		return
	}
	d.stopTimer()
	delay := s.debounce()
	if delay <= 0 {
		s.startAnalysis(d)
		return
	}
	var t *time.Timer
	t = time.AfterFunc(delay, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if d.timer == t {
			d.timer = nil
			s.startAnalysis(d)
		}
	})
	d.timer = t
}

// scheduleDependents re-analyses the open documents whose last analysis
// read path; s.mu is held.
func (s *Server) scheduleDependents(path string) {
	n := 0
	for _, d := range s.docs {
		if d.path != path && d.unitPaths[path] {
			d.result = nil // hovers and lenses must not read the old model
			s.schedule(d)
			n++
		}
	}
	if n > 0 && s.pull && s.refreshSupportedLocked() {
		// A pulling client only asks again when told to.
		go func() { _ = s.call(s.ctx, mDiagnosticRefresh, nil, nil) }()
	}
	if n > 0 {
		s.refreshLensesLocked()
	}
}

// refreshLensesLocked asks a client that supports it to request code
// lenses again: an import changed the exposure of a document's services
// without the document changing. s.mu is held.
func (s *Server) refreshLensesLocked() {
	if s.caps.Workspace == nil || s.caps.Workspace.CodeLens == nil || !s.caps.Workspace.CodeLens.RefreshSupport {
		return
	}
	go func() { _ = s.call(s.ctx, mCodeLensRefresh, nil, nil) }()
}

func (s *Server) refreshSupportedLocked() bool {
	return s.caps.Workspace != nil && s.caps.Workspace.Diagnostics != nil && s.caps.Workspace.Diagnostics.RefreshSupport
}

// startAnalysis runs at most one analysis per document at a time; a change
// during a run marks the document dirty and the run is repeated on the
// newest text when it ends. s.mu is held.
func (s *Server) startAnalysis(d *docState) {
	if d.closed || s.state == stateShutdown || s.ctx.Err() != nil {
		return
	}
	if d.running {
		d.dirty = true
		return
	}
	d.running = true
	snap := s.snapshotLocked(d)
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		t0 := time.Now()
		res := s.analyze(snap)
		took := time.Since(t0)
		s.logToFile("analysed %s version %d in %v: %d findings", snap.uri, snap.version, took.Round(time.Microsecond), len(res.findings))
		if s.opts.analysed != nil {
			s.opts.analysed(took)
		}
		s.mu.Lock()
		d.running = false
		current := !d.closed && d.version == snap.version && s.gen == snap.gen
		if current {
			d.result = res
			d.unitPaths = res.unit
			if !s.liveLocked(d) {
				res.dropModel()
			}
		}
		if d.dirty {
			d.dirty = false
			s.startAnalysis(d)
		}
		if d.closed && !d.running {
			d.close()
		}
		push := !s.pull
		s.mu.Unlock()
		if current && push {
			s.publish(d, res)
		}
	}()
}

// publish sends res unless the document moved on (or closed) meanwhile:
// a result for an old version is never published.
func (s *Server) publish(d *docState, res *analysis) {
	d.pubMu.Lock()
	defer d.pubMu.Unlock()
	s.mu.Lock()
	ok := !d.closed && d.version == res.version && s.gen == res.gen
	s.mu.Unlock()
	if !ok {
		return
	}
	v := res.version
	diags := res.diags
	if diags == nil {
		diags = []protocol.Diagnostic{}
	}
	s.wsPubMu.Lock()
	s.notify(mPublishDiagnostics, publishDiagnosticsParams{URI: d.uri, Version: &v, Diagnostics: diags})
	s.wsPubMu.Unlock()
}

func (s *Server) snapshotLocked(d *docState) snapshot {
	return snapshot{
		uri: d.uri, path: d.path, version: d.version, file: d.file, parseErr: d.parseErr,
		gen: s.gen, cfg: s.cfg, enc: s.enc, docsBase: s.docsBaseLocked(),
	}
}

func (s *Server) docsBaseLocked() string {
	if s.cfg.DocsBaseURL != "" {
		return s.cfg.DocsBaseURL
	}
	return s.opts.DocsBaseURL
}

// current returns the analysis of the document's current version, running
// it now if the scheduled one has not finished. ok is false for a document
// that is not open.
func (s *Server) current(uri string) (*analysis, *docState, bool) {
	s.mu.Lock()
	d, ok := s.docs[uri]
	if !ok {
		s.mu.Unlock()
		return nil, nil, false
	}
	if r := d.result; r != nil && r.version == d.version && r.gen == s.gen {
		s.mu.Unlock()
		return r, d, true
	}
	snap := s.snapshotLocked(d)
	s.mu.Unlock()
	res := s.analyze(snap)
	s.mu.Lock()
	if !d.closed && d.version == snap.version && s.gen == snap.gen && d.result == nil {
		d.result = res
		if !s.liveLocked(d) {
			res.dropModel()
		}
	}
	s.mu.Unlock()
	return res, d, true
}

// analyze runs the analyzer on a snapshot and converts the findings. It
// never panics: the analyzer recovers rule panics, and anything else is
// reported as an internal-error finding.
func (s *Server) analyze(snap snapshot) (res *analysis) {
	res = &analysis{version: snap.version, gen: snap.gen, file: snap.file, unit: map[string]bool{}}
	defer func() {
		if v := recover(); v != nil {
			s.logf(protocol.MessageTypeError, "panic analysing %s (please report): %v\n%s", snap.uri, v, debug.Stack())
			res.findings = []diagnostics.Finding{{
				RuleID: analyzer.InternalErrorID, Severity: diagnostics.Info,
				Location: diagnostics.Location{Path: snap.path},
				Message:  fmt.Sprintf("internal error while analysing this file (please report): %v", v),
			}}
			res.diags = nil
			s.convert(res, snap)
		}
	}()
	switch {
	case snap.file == nil:
		msg := "nixsec cannot analyse this file"
		if snap.parseErr != nil {
			msg += ": " + snap.parseErr.Error()
		}
		res.findings = []diagnostics.Finding{{
			RuleID: analyzer.SyntaxError.ID, Severity: diagnostics.Info,
			Location: diagnostics.Location{Path: snap.path}, Message: msg,
		}}
	case snap.cfg.ignored(snap.path, s.rootsCopy()):
		// ignoredPaths: nothing to report.
	default:
		u := s.ws.Unit(snap.path, snap.file)
		for _, f := range u.Imports {
			res.unit[f.Path] = true
		}
		for _, p := range u.Missing {
			res.unit[p] = true
		}
		res.findings, res.model = analyzeUnit(s.ws, u, snap.cfg)
		root, ws := snap.file, s.ws
		res.rebuild = func() *analyzer.Model {
			return analyzer.BuildModelWith([]*nixast.File{root}, ws.modelOptions())
		}
	}
	s.convert(res, snap)
	return res
}

func (s *Server) convert(res *analysis, snap snapshot) {
	var lines *nixast.LineIndex
	if snap.file != nil {
		lines = snap.file.Lines
	} else {
		lines = nixast.NewLineIndex(nil)
	}
	c := conv{lines: lines, utf8: snap.enc == encUTF8}
	lookup := func(path string) *conv {
		f, err := s.ws.File(path)
		if err != nil || f == nil {
			return nil
		}
		return &conv{lines: f.Lines, utf8: c.utf8}
	}
	res.diags = make([]protocol.Diagnostic, len(res.findings))
	for i := range res.findings {
		res.diags[i] = toDiagnostic(&res.findings[i], c, snap.docsBase, snap.uri, lookup)
	}
}

func (s *Server) rootsCopy() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.roots...)
}

// pullDiagnostics answers textDocument/diagnostic (LSP 3.17).
func (s *Server) pullDiagnostics(ctx context.Context, raw json.RawMessage) (any, error) {
	var p documentDiagnosticParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	uri := string(p.TextDocument.URI)
	res, d, ok := s.current(uri)
	if !ok {
		// Not open: nothing to say (the server reports open files only).
		return fullReport{Kind: "full", Items: []protocol.Diagnostic{}}, nil
	}
	s.mu.Lock()
	stale := d.version != res.version || s.gen != res.gen
	s.mu.Unlock()
	if stale {
		return nil, errorWithData(codeServerCancelled, "document changed during analysis", serverCancelledData{RetriggerRequest: true})
	}
	if p.PreviousResultID != "" && p.PreviousResultID == res.resultID() {
		return documentDiagnosticReport{Kind: "unchanged", ResultID: res.resultID()}, nil
	}
	items := res.diags
	if items == nil {
		items = []protocol.Diagnostic{}
	}
	return fullReport{Kind: "full", ResultID: res.resultID(), Items: items}, nil
}

// refreshDiagnostics re-analyses every open document (configuration
// changed) and asks a pulling client to pull again.
func (s *Server) refreshAll() {
	s.mu.Lock()
	s.gen++
	for _, d := range s.docs {
		d.result = nil
		s.schedule(d)
	}
	pull := s.pull
	refresh := s.refreshSupportedLocked()
	rescan := s.scanOn
	if len(s.docs) > 0 {
		s.refreshLensesLocked()
	}
	s.mu.Unlock()
	if pull && refresh {
		go func() { _ = s.call(s.ctx, mDiagnosticRefresh, nil, nil) }()
	}
	if rescan {
		// ignoredPaths, disabled rules, severities: the workspace's
		// files are analysed again.
		s.startScan()
	}
}

// docSrc returns the server's copy of a document's text (for tests and
// debugging).
func (s *Server) docSrc(uri string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d, ok := s.docs[uri]; ok {
		return d.src
	}
	return nil
}
