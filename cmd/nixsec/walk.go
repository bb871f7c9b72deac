package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	ignore "github.com/nixsec/nixsec/internal/gitignore"
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
	ign := ignore.New(root)
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
				ign.Enter(p)
				return nil
			}
			if name == ".git" || ign.Ignored(p, true) {
				return fs.SkipDir
			}
			ign.Enter(p)
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
		if !strings.HasSuffix(name, ".nix") || ign.Ignored(p, false) {
			return nil
		}
		add(target{path: p})
		return nil
	})
}
