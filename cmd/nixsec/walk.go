package main

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"github.com/nixsec/nixsec/diagnostics"
)

// target is one thing to lint: a file path, or an error met while looking
// for files. Targets keep the order of the command line and of a lexical walk.
type target struct {
	path string
	err  *diagnostics.FileError
}

// collect expands the command-line paths into files to lint. A path named
// explicitly is linted whatever its name; directories are walked recursively
// for *.nix files, skipping .git, `result*` symlinks (nix build outputs) and
// whatever .gitignore files ignore. Symlinked directories met while walking
// are not followed; one named on the command line is.
func collect(paths []string) []target {
	var out []target
	seen := map[string]bool{}
	add := func(t target) {
		if t.err == nil {
			key := filepath.Clean(t.path)
			if seen[key] {
				return
			}
			seen[key] = true
		}
		out = append(out, t)
	}
	for _, p := range paths {
		if p == "" {
			add(target{err: &diagnostics.FileError{Kind: diagnostics.ErrUsage, Message: "empty path argument"}})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			add(target{err: ioError(p, err)})
			continue
		}
		if !st.IsDir() {
			add(target{path: p})
			continue
		}
		if lst, err := os.Lstat(p); err == nil && lst.Mode()&fs.ModeSymlink != 0 && !strings.HasSuffix(p, string(filepath.Separator)) {
			p += string(filepath.Separator) // a link named explicitly is followed: walk its target
		}
		walkDir(p, add)
	}
	return out
}

// ioError turns an os error into a FileError with a short message.
func ioError(path string, err error) *diagnostics.FileError {
	var pe *fs.PathError
	msg := err.Error()
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	if errors.Is(err, fs.ErrNotExist) {
		msg = "no such file or directory"
	}
	return &diagnostics.FileError{Path: path, Kind: diagnostics.ErrIO, Message: msg}
}

func walkDir(root string, add func(target)) {
	ign := newIgnorer(root)
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			add(target{err: ioError(p, err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p == root {
				ign.enter(p)
				return nil
			}
			if name == ".git" || ign.ignored(p, true) {
				return fs.SkipDir
			}
			ign.enter(p)
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if strings.HasPrefix(name, "result") {
				return nil // a nix build output link into the store
			}
			if st, err := os.Stat(p); err != nil || st.IsDir() {
				return nil // dangling, or a directory we do not follow
			}
		}
		if !strings.HasSuffix(name, ".nix") || ign.ignored(p, false) {
			return nil
		}
		add(target{path: p})
		return nil
	})
}

// ignorer applies .gitignore files. Patterns are kept relative to top: the
// work tree that contains the walked directory, or the directory itself
// outside a git repository. Each pattern carries the directory it came from,
// so patterns from sibling directories never apply to each other.
type ignorer struct {
	top      string // absolute
	root     string // the walked root, as given
	absRoot  string
	patterns []gitignore.Pattern
	matcher  gitignore.Matcher
}

func newIgnorer(root string) *ignorer {
	abs, err := filepath.Abs(root)
	if err != nil {
		abs = root
	}
	ig := &ignorer{root: root, absRoot: abs, top: abs}
	// Find the enclosing work tree and apply its exclude file and the
	// .gitignore files of the directories above root.
	for dir := abs; ; {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			ig.top = dir
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	ig.read(filepath.Join(ig.top, ".git", "info", "exclude"), nil)
	if rel, err := filepath.Rel(ig.top, abs); err == nil && rel != "." {
		parts := strings.Split(filepath.ToSlash(rel), "/")
		for i := 0; i < len(parts); i++ { // .gitignore of top and of each directory strictly above root
			dom := parts[:i]
			ig.read(filepath.Join(append([]string{ig.top}, dom...)...)+string(filepath.Separator)+".gitignore", dom)
		}
		// A directory named explicitly is linted even when it is itself
		// ignored (say .bench/corpus): then the patterns above it do not apply.
		for i := 1; ig.matcher != nil && i <= len(parts); i++ {
			if ig.matcher.Match(parts[:i], true) {
				ig.patterns, ig.matcher = nil, nil
			}
		}
	}
	return ig
}

// components returns p (a path under root) relative to top, split.
func (ig *ignorer) components(p string) []string {
	rel, err := filepath.Rel(ig.root, p)
	if err != nil {
		return nil
	}
	full, err := filepath.Rel(ig.top, filepath.Join(ig.absRoot, rel))
	if err != nil || full == "." {
		return nil
	}
	return strings.Split(filepath.ToSlash(full), "/")
}

// enter reads dir's .gitignore.
func (ig *ignorer) enter(dir string) {
	ig.read(filepath.Join(dir, ".gitignore"), ig.components(dir))
}

func (ig *ignorer) read(file string, domain []string) {
	f, err := os.Open(file)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	added := false
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		ig.patterns = append(ig.patterns, gitignore.ParsePattern(line, append([]string(nil), domain...)))
		added = true
	}
	if added {
		ig.matcher = gitignore.NewMatcher(ig.patterns)
	}
}

func (ig *ignorer) ignored(p string, isDir bool) bool {
	if ig.matcher == nil {
		return false
	}
	c := ig.components(p)
	return len(c) > 0 && ig.matcher.Match(c, isDir)
}
