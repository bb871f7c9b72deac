package server

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"github.com/nixsec/nixsec/nixast"
)

// walkNix lists the .nix files under root the way `nixsec lint` walks a
// directory: .git, node_modules, .direnv and `result*` links (nix build
// outputs) are skipped, and so is whatever .gitignore files (and
// .git/info/exclude) ignore; symlinked directories are not followed. skip
// prunes more (ignoredPaths); files larger than nixast.MaxFileSize are
// left out. visit returns false to stop the walk.
func walkNix(root string, skip func(path string) bool, visit func(path string, size int64) bool) {
	ig := newIgnorer(root)
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p == root {
				ig.enter(p)
				return nil
			}
			switch name {
			case ".git", "node_modules", ".direnv":
				return filepath.SkipDir
			}
			if ig.ignored(p, true) || skip(p) {
				return filepath.SkipDir
			}
			ig.enter(p)
			return nil
		}
		if !strings.HasSuffix(name, ".nix") {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if strings.HasPrefix(name, "result") {
				return nil
			}
			if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		if ig.ignored(p, false) || skip(p) {
			return nil
		}
		st, err := os.Stat(p)
		if err != nil || st.Size() > nixast.MaxFileSize {
			return nil
		}
		if !visit(p, st.Size()) {
			return filepath.SkipAll
		}
		return nil
	})
}

// ignorer applies .gitignore files, as cmd/nixsec's walker does: patterns
// are relative to the enclosing work tree (or root outside one) and carry
// the directory they came from.
type ignorer struct {
	top      string
	patterns []gitignore.Pattern
	matcher  gitignore.Matcher
}

func newIgnorer(root string) *ignorer {
	abs, err := filepath.Abs(root)
	if err != nil {
		abs = root
	}
	ig := &ignorer{top: abs}
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
		for i := 0; i < len(parts); i++ {
			dom := parts[:i]
			ig.read(filepath.Join(append([]string{ig.top}, dom...)...)+string(filepath.Separator)+".gitignore", dom)
		}
		// A workspace folder that is itself ignored (say .bench/corpus) is
		// still scanned: then the patterns above it do not apply.
		for i := 1; ig.matcher != nil && i <= len(parts); i++ {
			if ig.matcher.Match(parts[:i], true) {
				ig.patterns, ig.matcher = nil, nil
			}
		}
	}
	return ig
}

func (ig *ignorer) components(p string) []string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil
	}
	rel, err := filepath.Rel(ig.top, abs)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return nil
	}
	return strings.Split(filepath.ToSlash(rel), "/")
}

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
