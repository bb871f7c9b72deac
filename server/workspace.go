package server

import (
	"crypto/sha256"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Workspace holds the parsed files the server knows: documents open in the
// editor (their current parse) and files read from disk, cached by content
// hash so an unchanged file is parsed once however often it is imported.
// It also answers which files a file imports, the edges along which a
// change must re-analyse dependents.
type Workspace struct {
	read  func(string) ([]byte, error)
	cache *analyzer.FileCache // parses shared with the analyzer's import loader

	mu   sync.Mutex
	open map[string]*nixast.File // by path: the editor's text wins over the disk
	disk map[string]*diskEntry
}

type diskEntry struct {
	hash    [32]byte
	file    *nixast.File
	err     error
	imports []string
}

// MaxUnitFiles bounds how many files one analysis unit reads.
const MaxUnitFiles = 512

// NewWorkspace returns an empty workspace reading files with read (nil:
// analyzer.OSLoader, which refuses directories and oversized files).
func NewWorkspace(read func(string) ([]byte, error)) *Workspace {
	if read == nil {
		read = analyzer.OSLoader
	}
	return &Workspace{read: read, cache: analyzer.NewFileCache(), open: map[string]*nixast.File{}, disk: map[string]*diskEntry{}}
}

// Load is the analyzer's import loader: the editor's text for open files,
// so imports see unsaved edits, and the disk otherwise.
func (w *Workspace) Load(path string) ([]byte, error) {
	w.mu.Lock()
	f, ok := w.open[path]
	w.mu.Unlock()
	if ok {
		return f.Src, nil
	}
	return w.read(path)
}

// SetOpen records the editor's current parse of path; nil forgets it (the
// document was closed, or cannot be parsed).
func (w *Workspace) SetOpen(path string, f *nixast.File) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if f == nil {
		delete(w.open, path)
		return
	}
	w.open[path] = f
}

// Invalidate forgets the cached content of path; the next read checks the
// disk again (and reuses the parse if the hash did not change).
func (w *Workspace) Invalidate(path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if e, ok := w.disk[path]; ok {
		e.err = errStale
	}
}

type staleError struct{}

func (staleError) Error() string { return "stale" }

var errStale error = staleError{}

// File returns the current parse of path: the open document's, or the
// disk's through the content-hash cache.
func (w *Workspace) File(path string) (*nixast.File, error) {
	w.mu.Lock()
	if f, ok := w.open[path]; ok {
		w.mu.Unlock()
		return f, nil
	}
	e := w.disk[path]
	w.mu.Unlock()
	if e != nil && e.err == nil {
		return e.file, nil
	}
	src, err := w.read(path)
	if err != nil {
		w.mu.Lock()
		w.disk[path] = &diskEntry{err: err}
		w.mu.Unlock()
		return nil, err
	}
	h := sha256.Sum256(src)
	if e != nil && e.file != nil && e.hash == h {
		w.mu.Lock()
		e.err = nil
		w.mu.Unlock()
		return e.file, nil
	}
	f, err := w.cache.Parse(path, src)
	w.mu.Lock()
	w.disk[path] = &diskEntry{hash: h, file: f, err: err, imports: importsOf(f)}
	w.mu.Unlock()
	return f, err
}

// Unit is what one analysis sees: the document, the files it imports
// (transitively, as far as a static reading can tell) and the imported
// paths that could not be read.
type Unit struct {
	Root    *nixast.File
	Imports []*nixast.File
	Missing []string
}

// Unit collects root's import graph.
func (w *Workspace) Unit(path string, root *nixast.File) Unit {
	u := Unit{Root: root}
	seen := map[string]bool{path: true}
	queue := importsOf(root)
	for len(queue) > 0 && len(u.Imports) < MaxUnitFiles {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		f, err := w.File(p)
		if err != nil || f == nil {
			u.Missing = append(u.Missing, p)
			continue
		}
		u.Imports = append(u.Imports, f)
		queue = append(queue, importsOf(f)...)
	}
	return u
}

// modelOptions reads imports through the workspace (open documents' text
// first) and its parse cache.
func (w *Workspace) modelOptions() analyzer.ModelOptions {
	return analyzer.ModelOptions{Loader: w.Load, Cache: w.cache}
}

// importsOf lists the local files a file refers to with relative path
// literals (imports = [ ./a.nix ], import ../b, callPackage ./c {}): the
// module graph's edges as far as syntax alone tells. A directory means its
// default.nix.
func importsOf(f *nixast.File) []string {
	if f == nil || strings.Contains(f.Path, "://") {
		return nil
	}
	dir := filepath.Dir(f.Path)
	var out []string
	f.Root().Walk(func(n nixast.Node) bool {
		if n.Kind() != nixast.KindPath {
			return true
		}
		text := n.Text()
		if strings.Contains(text, "${") || !(strings.HasPrefix(text, "./") || strings.HasPrefix(text, "../")) {
			return false
		}
		p := filepath.Join(dir, filepath.FromSlash(text))
		if !strings.HasSuffix(p, ".nix") {
			p = filepath.Join(p, "default.nix")
		}
		out = append(out, p)
		return false
	})
	sort.Strings(out)
	return out
}

// analyzeUnit is the one place the server runs the analyzer. The analyzer
// gets the document and follows its imports itself, through the
// workspace's loader (open documents' text first) and the parse cache it
// shares with the workspace. Only findings located in the document are
// kept: an imported file open in the editor gets its own analysis. The
// model is kept with the result for hovers and lenses.
func analyzeUnit(w *Workspace, u Unit, cfg *Config) ([]diagnostics.Finding, *analyzer.Model) {
	opts := analyzer.Options{Enabled: cfg.enabled, Model: w.modelOptions()}
	if cfg.ExposureThreshold != nil {
		opts.ExposureThreshold = *cfg.ExposureThreshold
	}
	findings, model := analyzer.AnalyzeModel([]*nixast.File{u.Root}, opts)
	out := findings[:0]
	for _, f := range findings {
		if f.Path != "" && f.Path != u.Root.Path {
			continue
		}
		f.Path = u.Root.Path
		f.Severity = cfg.severity(&f)
		out = append(out, f)
	}
	return out, model
}
