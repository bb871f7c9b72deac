package server

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"sync/atomic"
	"time"

	"go.lsp.dev/protocol"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// The workspace scan analyses at most MaxScanFiles files and MaxScanBytes
// bytes; past that, files are read when first imported and analysed when
// opened.
const (
	MaxScanFiles = 2000
	MaxScanBytes = 16 << 20
)

// ProgressThreshold is the number of files from which the scan reports
// $/progress (to a client that supports work-done progress).
const ProgressThreshold = 1

var progressSeq atomic.Int64

// wsFile is a workspace file that is not open in the editor, whose
// diagnostics the scan published under uri.
type wsFile struct {
	uri       string
	published bool // a non-empty list was sent
}

// RescanDelay is how long the server waits after a change on disk (a save,
// a watched file, a closed document) before analysing the workspace again.
const RescanDelay = 300 * time.Millisecond

// startScan (re)starts the workspace scan in the background, cancelling
// one that is running. s.mu is not held.
func (s *Server) startScan() {
	s.mu.Lock()
	if s.scanCancel != nil {
		s.scanCancel()
	}
	if s.state != stateRunning || s.ctx.Err() != nil {
		s.mu.Unlock()
		return
	}
	ctx, cancel := context.WithCancel(s.ctx)
	s.scanCancel = cancel
	s.scanOn = true
	s.mu.Unlock()
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		defer cancel()
		s.scanWorkspace(ctx)
	}()
}

// scanRoot reports whether a workspace folder may be walked: an editor
// opened outside any project (/, the home directory) must not read the disk.
func scanRoot(root string) bool {
	home, _ := os.UserHomeDir()
	return root != "" && root != "/" && root != home
}

// scanWorkspace analyses the workspace's .nix files together, as
// `nixsec lint DIR` does (a module is analysed in the systems that import
// it), and publishes the diagnostics of the files that are not open, with
// work-done progress when the client supports it. It stops when ctx ends
// (a newer scan, the client cancelling the progress, the session ending);
// the analysis itself is one call, so cancelling during it only drops
// its result.
func (s *Server) scanWorkspace(ctx context.Context) {
	s.mu.Lock()
	roots := append([]string(nil), s.roots...)
	cfg := s.cfg
	gen := s.gen
	enc := s.enc
	docsBase := s.docsBaseLocked()
	progress := s.caps.Window != nil && s.caps.Window.WorkDoneProgress
	s.mu.Unlock()
	var paths []string
	var total int64
	for _, root := range roots {
		if !scanRoot(root) {
			s.logToFile("workspace scan: skipping root %q", root)
			continue
		}
		walkNix(root, func(p string) bool { return cfg.ignored(p, roots) }, func(p string, size int64) bool {
			if ctx.Err() != nil || len(paths) >= MaxScanFiles || total+size > MaxScanBytes {
				return false
			}
			paths = append(paths, p)
			total += size
			return true
		})
	}
	token := ""
	if progress && len(paths) >= ProgressThreshold {
		token = "nixsec-scan-" + strconv.FormatInt(progressSeq.Add(1), 10)
		if err := s.call(ctx, mWorkDoneProgressNew, workDoneProgressCreate{Token: token}, nil); err != nil {
			token = ""
		}
	}
	s.mu.Lock()
	s.scanToken = token
	s.mu.Unlock()
	report := func(v progressValue) {
		if token != "" {
			s.notify(mProgress, progressParams{Token: token, Value: v})
		}
	}
	report(progressValue{Kind: "begin", Title: "nixsec: analysing workspace", Message: fmt.Sprintf("reading 0/%d files", len(paths)), Percentage: ptr(0), Cancellable: true})
	// Read and parse (through the workspace cache: open documents'
	// current text, the disk for the others); 0–50%.
	var files []*nixast.File
	last := 0
	for i, p := range paths {
		if ctx.Err() != nil {
			break
		}
		s.ws.Invalidate(p)
		if f, err := s.ws.File(p); err == nil && f != nil {
			files = append(files, f)
		}
		if pct := (i + 1) * 50 / len(paths); pct >= last+5 {
			last = pct
			report(progressValue{Kind: "report", Message: fmt.Sprintf("reading %d/%d files", i+1, len(paths)), Percentage: ptr(pct)})
		}
	}
	published := 0
	if ctx.Err() == nil && s.waitIdle(ctx) {
		report(progressValue{Kind: "report", Message: fmt.Sprintf("analysing %d files", len(files)), Percentage: ptr(50)})
		byPath := s.analyzeWorkspace(files, cfg)
		if ctx.Err() == nil {
			listed := make(map[string]bool, len(files))
			for _, f := range files {
				listed[f.Path] = true
				res := &analysis{gen: gen, file: f, findings: byPath[f.Path]}
				s.convert(res, snapshot{uri: pathToURI(f.Path), path: f.Path, file: f, gen: gen, cfg: cfg, enc: enc, docsBase: docsBase})
				published += s.publishWorkspace(f.Path, pathToURI(f.Path), res)
			}
			// Files no longer in the workspace (now ignored, deleted
			// while nobody watched): their old diagnostics go.
			s.mu.Lock()
			var gone []string
			for p := range s.wsFiles {
				if !listed[p] {
					gone = append(gone, p)
				}
			}
			s.mu.Unlock()
			for _, p := range gone {
				s.clearWorkspaceFile(p)
			}
		}
	}
	msg := fmt.Sprintf("%d files, %d findings in files that are not open", len(files), published)
	if ctx.Err() != nil {
		msg = "stopped"
	}
	report(progressValue{Kind: "end", Message: msg})
	s.mu.Lock()
	if s.scanToken == token {
		s.scanToken = ""
	}
	s.mu.Unlock()
	s.logToFile("workspace scan: %s", msg)
}

// analyzeWorkspace runs the analyzer once over the workspace's files and
// returns the findings by file, with the configured severities.
func (s *Server) analyzeWorkspace(files []*nixast.File, cfg *Config) (byPath map[string][]diagnostics.Finding) {
	byPath = map[string][]diagnostics.Finding{}
	defer func() {
		if v := recover(); v != nil {
			s.logf(protocol.MessageTypeError, "panic analysing the workspace (please report): %v\n%s", v, debug.Stack())
		}
	}()
	opts := analyzer.Options{Enabled: cfg.enabled, Model: analyzer.ModelOptions{Loader: s.ws.Load, Cache: s.ws.cache}}
	if cfg.ExposureThreshold != nil {
		opts.ExposureThreshold = *cfg.ExposureThreshold
	}
	for _, f := range analyzer.Analyze(files, opts) {
		f.Severity = cfg.severity(&f)
		byPath[f.Path] = append(byPath[f.Path], f)
	}
	return byPath
}

func ptr[T any](v T) *T { return &v }

// waitIdle holds the background analyses back while an open document's
// analysis is pending or running, so that typing stays as fast as without
// a scan. It returns false when ctx ends.
func (s *Server) waitIdle(ctx context.Context) bool {
	for {
		if ctx.Err() != nil {
			return false
		}
		s.mu.Lock()
		busy := false
		for _, d := range s.docs {
			if d.running || d.timer != nil {
				busy = true
				break
			}
		}
		s.mu.Unlock()
		if !busy {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// isOpenLocked reports whether the file at path is open; s.mu is held.
func (s *Server) isOpenLocked(path string) bool {
	for _, d := range s.docs {
		if d.path == path {
			return true
		}
	}
	return false
}

// publishWorkspace sends a workspace file's diagnostics unless the file
// was opened meanwhile (then its own analysis speaks) or the
// configuration changed (a new scan is on its way).
func (s *Server) publishWorkspace(path, uri string, res *analysis) int {
	s.wsPubMu.Lock()
	defer s.wsPubMu.Unlock()
	s.mu.Lock()
	if s.isOpenLocked(path) || s.gen != res.gen || s.ctx.Err() != nil || s.state != stateRunning {
		s.mu.Unlock()
		return 0
	}
	prev := s.wsFiles[path]
	w := &wsFile{uri: uri, published: len(res.diags) > 0}
	s.wsFiles[path] = w
	s.mu.Unlock()
	if !w.published && (prev == nil || !prev.published) {
		return 0
	}
	diags := res.diags
	if diags == nil {
		diags = []protocol.Diagnostic{}
	}
	s.notify(mPublishDiagnostics, publishDiagnosticsParams{URI: uri, Diagnostics: diags})
	return len(diags)
}

// clearWorkspaceFile forgets a workspace file and clears what was
// published for it.
func (s *Server) clearWorkspaceFile(path string) {
	s.wsPubMu.Lock()
	defer s.wsPubMu.Unlock()
	s.mu.Lock()
	w := s.wsFiles[path]
	delete(s.wsFiles, path)
	s.mu.Unlock()
	if w != nil && w.published {
		s.notify(mPublishDiagnostics, publishDiagnosticsParams{URI: w.uri, Diagnostics: []protocol.Diagnostic{}})
	}
}

// scheduleRescanLocked analyses the workspace again after RescanDelay
// (files changed on disk, or a document closed: its saved text counts
// again); changes in quick succession give one scan. s.mu is held.
func (s *Server) scheduleRescanLocked() {
	if !s.scanOn || s.state != stateRunning {
		return
	}
	if s.rescanTimer != nil {
		s.rescanTimer.Stop()
	}
	var t *time.Timer
	t = time.AfterFunc(RescanDelay, func() {
		s.mu.Lock()
		current := s.rescanTimer == t
		if current {
			s.rescanTimer = nil
		}
		s.mu.Unlock()
		if current {
			s.startScan()
		}
	})
	s.rescanTimer = t
}

// cancelProgress handles window/workDoneProgress/cancel: the user
// stopped the workspace scan.
func (s *Server) cancelProgress(raw json.RawMessage) error {
	var p struct {
		Token json.RawMessage `json:"token"`
	}
	if err := decode(raw, &p); err != nil {
		return err
	}
	var tok string
	if json.Unmarshal(p.Token, &tok) != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if tok != "" && tok == s.scanToken && s.scanCancel != nil {
		s.scanCancel()
	}
	return nil
}

// didChangeWatchedFiles refreshes changed files on disk, re-analyses the
// open documents that import them and (soon) the workspace, and clears
// deleted files at once.
func (s *Server) didChangeWatchedFiles(raw json.RawMessage) error {
	var p protocol.DidChangeWatchedFilesParams
	if err := decode(raw, &p); err != nil {
		return err
	}
	var deleted []string
	s.mu.Lock()
	for _, ch := range p.Changes {
		if ch == nil {
			continue
		}
		path, err := uriToPath(string(ch.URI))
		if err != nil {
			continue
		}
		s.ws.Invalidate(path)
		s.scheduleDependents(path)
		if ch.Type == protocol.FileChangeTypeDeleted {
			deleted = append(deleted, path)
		}
	}
	s.scheduleRescanLocked()
	s.mu.Unlock()
	if len(deleted) > 0 {
		s.bg.Add(1)
		go func() {
			defer s.bg.Done()
			for _, p := range deleted {
				s.clearWorkspaceFile(p)
			}
		}()
	}
	return nil
}
