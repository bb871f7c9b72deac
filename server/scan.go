package server

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"

	"go.lsp.dev/protocol"
)

// The first workspace scan reads at most MaxScanFiles files and
// MaxScanBytes bytes; past that, files are read when first imported.
const (
	MaxScanFiles = 2000
	MaxScanBytes = 16 << 20
)

// ProgressThreshold is the number of files from which the first scan
// reports $/progress.
const ProgressThreshold = 50

var progressSeq atomic.Int64

// scanWorkspace parses the workspace's .nix files into the cache, so that
// the first analyses and dependents lookups do not wait on the disk. A scan
// of many files reports work-done progress when the client supports it.
func (s *Server) scanWorkspace() {
	s.mu.Lock()
	roots := append([]string(nil), s.roots...)
	cfg := s.cfg
	progress := s.caps.Window != nil && s.caps.Window.WorkDoneProgress
	s.mu.Unlock()
	var files []string
	var total int64
	home, _ := os.UserHomeDir()
	for _, root := range roots {
		if root == "/" || root == home || root == "" {
			// An editor opened outside any project: do not read the disk.
			s.logToFile("workspace scan: skipping root %q", root)
			continue
		}
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if s.ctx.Err() != nil || len(files) >= MaxScanFiles || total >= MaxScanBytes {
				return filepath.SkipAll
			}
			if err != nil {
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				switch d.Name() {
				case ".git", "node_modules", ".direnv", "result":
					return filepath.SkipDir
				}
				if p != root && cfg.ignored(p, roots) {
					return filepath.SkipDir
				}
				return nil
			}
			if filepath.Ext(p) == ".nix" && d.Type().IsRegular() && !cfg.ignored(p, roots) {
				if info, err := d.Info(); err == nil && info.Size() <= 4<<20 {
					files = append(files, p)
					total += info.Size()
				}
			}
			return nil
		})
	}
	if len(files) == 0 {
		return
	}
	token := ""
	if progress && len(files) >= ProgressThreshold {
		token = "nixsec-scan-" + strconv.FormatInt(progressSeq.Add(1), 10)
		if err := s.call(s.ctx, mWorkDoneProgressNew, workDoneProgressCreate{Token: token}, nil); err != nil {
			token = ""
		}
	}
	report := func(v progressValue) {
		if token != "" {
			s.notify(mProgress, progressParams{Token: token, Value: v})
		}
	}
	report(progressValue{Kind: "begin", Title: "nixsec: reading workspace", Message: fmt.Sprintf("0/%d files", len(files)), Percentage: ptr(0)})
	last := 0
	for i, p := range files {
		if s.ctx.Err() != nil {
			break
		}
		_, _ = s.ws.File(p)
		if pct := (i + 1) * 100 / len(files); pct >= last+5 || i+1 == len(files) {
			last = pct
			report(progressValue{Kind: "report", Message: fmt.Sprintf("%d/%d files", i+1, len(files)), Percentage: ptr(pct)})
		}
	}
	report(progressValue{Kind: "end", Message: fmt.Sprintf("read %d files", len(files))})
	s.logToFile("workspace scan: %d files", len(files))
}

func ptr[T any](v T) *T { return &v }

// didChangeWatchedFiles refreshes changed files on disk and re-analyses
// the open documents that import them.
func (s *Server) didChangeWatchedFiles(raw json.RawMessage) error {
	var p protocol.DidChangeWatchedFilesParams
	if err := decode(raw, &p); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
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
	}
	return nil
}
