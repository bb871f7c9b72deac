// Package gitignore decides which files a walk skips the way git does:
// .gitignore files of the walked directories and of the work tree above
// the walk's root, and .git/info/exclude. The CLI's lint walk and the
// language server's workspace scan share it.
package gitignore

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// Matcher applies .gitignore files. Patterns are kept relative to top: the
// work tree that contains the walked directory, or the directory itself
// outside a git repository. Each pattern carries the directory it came from,
// so patterns from sibling directories never apply to each other.
type Matcher struct {
	top      string // absolute
	root     string // the walked root, as given
	absRoot  string
	patterns []gitignore.Pattern
	matcher  gitignore.Matcher
}

// New returns a matcher for a walk of root: the .gitignore files of the
// enclosing work tree above root and its .git/info/exclude apply, unless
// root itself is ignored (a directory named explicitly is walked anyway).
func New(root string) *Matcher {
	abs, err := filepath.Abs(root)
	if err != nil {
		abs = root
	}
	ig := &Matcher{root: root, absRoot: abs, top: abs}
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
func (ig *Matcher) components(p string) []string {
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

// Enter reads dir's .gitignore; call it for each directory walked into.
func (ig *Matcher) Enter(dir string) {
	ig.read(filepath.Join(dir, ".gitignore"), ig.components(dir))
}

func (ig *Matcher) read(file string, domain []string) {
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

// Ignored reports whether p, under the root given to New, is ignored.
func (ig *Matcher) Ignored(p string, isDir bool) bool {
	if ig.matcher == nil {
		return false
	}
	c := ig.components(p)
	return len(c) > 0 && ig.matcher.Match(c, isDir)
}
