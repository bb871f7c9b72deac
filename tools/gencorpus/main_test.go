package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

// The corpus must be valid Nix (the parse benchmarks reject syntax errors),
// deterministic, and hold files over 5,000 lines.
func TestCorpus(t *testing.T) {
	dirs := []string{t.TempDir(), t.TempDir()}
	for _, d := range dirs {
		if err := run(d, 7, 300_000, 1); err != nil {
			t.Fatal(err)
		}
	}
	n, large := 0, 0
	err := filepath.WalkDir(dirs[0], func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dirs[0], p)
		other, err := os.ReadFile(filepath.Join(dirs[1], rel))
		if err != nil || !bytes.Equal(src, other) {
			t.Errorf("%s differs between two runs with the same seed", rel)
		}
		f, err := nixast.Parse(rel, src)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		for _, e := range f.Errors {
			pos := f.Lines.Human(e.Span.Start)
			t.Errorf("%s:%d:%d: %s\n%s", rel, pos.Line, pos.Col, e.Message, f.Lines.LineText(pos.Line-1))
		}
		if strings.Count(string(src), "\n") > 5000 {
			large++
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 || large != 1 {
		t.Errorf("%d files, %d large", n, large)
	}
}
