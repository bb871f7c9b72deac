package server

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"

	"go.lsp.dev/protocol"
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

// wsFile is a workspace file that is not open in the editor, analysed
// from disk by the scan; its diagnostics were published under uri.
type wsFile struct {
	uri       string
	unit      map[string]bool // files its analysis read
	published bool            // a non-empty list was sent
}

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

// scanWorkspace analyses the workspace's .nix files that are not open and
// publishes their diagnostics, as `nixsec lint` would show them, with
// work-done progress when the client supports it. It stops when ctx ends
// (a newer scan, the client cancelling the progress, the session ending).
func (s *Server) scanWorkspace(ctx context.Context) {
	s.mu.Lock()
	roots := append([]string(nil), s.roots...)
	cfg := s.cfg
	progress := s.caps.Window != nil && s.caps.Window.WorkDoneProgress
	s.mu.Unlock()
	var files []string
	var total int64
	for _, root := range roots {
		if !scanRoot(root) {
			s.logToFile("workspace scan: skipping root %q", root)
			continue
		}
		walkNix(root, func(p string) bool { return cfg.ignored(p, roots) }, func(p string, size int64) bool {
			if ctx.Err() != nil || len(files) >= MaxScanFiles || total+size > MaxScanBytes {
				return false
			}
			files = append(files, p)
			total += size
			return true
		})
	}
	listed := make(map[string]bool, len(files))
	for _, p := range files {
		listed[p] = true
	}
	token := ""
	if progress && len(files) >= ProgressThreshold {
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
	report(progressValue{Kind: "begin", Title: "nixsec: analysing workspace", Message: fmt.Sprintf("0/%d files", len(files)), Percentage: ptr(0), Cancellable: true})
	last, done, findings := 0, 0, 0
	for i, p := range files {
		if ctx.Err() != nil {
			break
		}
		findings += s.analyzeWorkspaceFile(ctx, p)
		done++
		if pct := (i + 1) * 100 / len(files); pct >= last+5 || i+1 == len(files) {
			last = pct
			report(progressValue{Kind: "report", Message: fmt.Sprintf("%d/%d files", i+1, len(files)), Percentage: ptr(pct)})
		}
	}
	if ctx.Err() == nil {
		// Files no longer in the workspace (now ignored, deleted while
		// nobody watched): their old diagnostics go.
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
	msg := fmt.Sprintf("%d files, %d findings", done, findings)
	if ctx.Err() != nil {
		msg = fmt.Sprintf("stopped after %d of %d files", done, len(files))
	}
	report(progressValue{Kind: "end", Message: msg})
	s.mu.Lock()
	if s.scanToken == token {
		s.scanToken = ""
	}
	s.mu.Unlock()
	s.logToFile("workspace scan: %s", msg)
}

func ptr[T any](v T) *T { return &v }

// isOpenLocked reports whether the file at path is open; s.mu is held.
func (s *Server) isOpenLocked(path string) bool {
	for _, d := range s.docs {
		if d.path == path {
			return true
		}
	}
	return false
}

// inWorkspaceLocked reports whether the scan covers path; s.mu is held.
func (s *Server) inWorkspaceLocked(path string) bool {
	if !s.scanOn || !strings.HasSuffix(path, ".nix") || s.cfg.ignored(path, s.roots) {
		return false
	}
	for _, r := range s.roots {
		if rel, err := filepath.Rel(r, path); err == nil && scanRoot(r) && !strings.HasPrefix(rel, "..") {
			return true
		}
	}
	return false
}

// analyzeWorkspaceFile analyses a file that is not open from disk and
// publishes its diagnostics; it returns how many there are.
func (s *Server) analyzeWorkspaceFile(ctx context.Context, path string) int {
	s.mu.Lock()
	if s.isOpenLocked(path) {
		s.mu.Unlock()
		return 0
	}
	snap := snapshot{uri: pathToURI(path), path: path, gen: s.gen, cfg: s.cfg, enc: s.enc, docsBase: s.docsBaseLocked()}
	s.mu.Unlock()
	s.ws.Invalidate(path)
	f, err := s.ws.File(path)
	if err != nil || f == nil || ctx.Err() != nil {
		if err != nil {
			s.clearWorkspaceFile(path)
		}
		return 0
	}
	snap.file = f
	res := s.analyze(snap)
	res.model = nil // not kept: nobody hovers a file that is not open
	return s.publishWorkspace(path, snap.uri, res)
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
	w := &wsFile{uri: uri, unit: res.unit, published: len(res.diags) > 0}
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

// requeueLocked asks the background worker to analyse workspace files
// again (they changed on disk, an import of theirs did, or they were
// closed in the editor); s.mu is held.
func (s *Server) requeueLocked(paths ...string) {
	for _, p := range paths {
		if s.inWorkspaceLocked(p) && !s.isOpenLocked(p) {
			s.queue[p] = true
		}
	}
	if len(s.queue) == 0 || s.queueRunning || s.state != stateRunning {
		return
	}
	s.queueRunning = true
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		for {
			s.mu.Lock()
			var next string
			for p := range s.queue {
				next = p
				break
			}
			if next == "" || s.ctx.Err() != nil {
				s.queueRunning = false
				s.mu.Unlock()
				return
			}
			delete(s.queue, next)
			s.mu.Unlock()
			s.analyzeWorkspaceFile(s.ctx, next)
		}
	}()
}

// dependentsLocked lists the workspace files whose last analysis read
// path; s.mu is held.
func (s *Server) wsDependentsLocked(path string) []string {
	var out []string
	for p, w := range s.wsFiles {
		if p != path && w.unit[path] {
			out = append(out, p)
		}
	}
	return out
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
// open documents and workspace files that import them, analyses created
// and changed workspace files, and clears deleted ones.
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
		s.requeueLocked(s.wsDependentsLocked(path)...)
		if ch.Type == protocol.FileChangeTypeDeleted {
			deleted = append(deleted, path)
			delete(s.queue, path)
		} else {
			s.requeueLocked(path)
		}
	}
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
