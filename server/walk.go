package server

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	ignore "github.com/nixsec/nixsec/internal/gitignore"
	"github.com/nixsec/nixsec/nixast"
)

// walkNix lists the .nix files under root the way `nixsec lint` walks a
// directory: .git, node_modules, .direnv and `result*` links (nix build
// outputs) are skipped, and so is whatever .gitignore files (and
// .git/info/exclude) ignore; symlinked directories are not followed. skip
// prunes more (ignoredPaths); files larger than nixast.MaxFileSize are
// left out. visit returns false to stop the walk.
func walkNix(root string, skip func(path string) bool, visit func(path string, size int64) bool) {
	ig := ignore.New(root)
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
				ig.Enter(p)
				return nil
			}
			switch name {
			case ".git", "node_modules", ".direnv":
				return filepath.SkipDir
			}
			if ig.Ignored(p, true) || skip(p) {
				return filepath.SkipDir
			}
			ig.Enter(p)
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
		if ig.Ignored(p, false) || skip(p) {
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
