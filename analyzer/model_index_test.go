package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

// modelOfDir builds the model of the .nix files under dir, as lint does.
func modelOfDir(t *testing.T, dir string) *Model {
	t.Helper()
	var files []*nixast.File
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".nix") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		if f, err := nixast.Parse(p, src); err == nil {
			files = append(files, f)
		}
		return nil
	})
	return BuildModelWith(files, ModelOptions{NoImports: true})
}

// TestPathIndex checks the index against a scan of the definitions, and
// that the slices it and the collector hand out do not share room for
// appends.
func TestPathIndex(t *testing.T) {
	m := modelOfDir(t, "../testdata")
	checked := 0
	for _, s := range m.AllSystems() {
		for _, d := range s.Defs {
			var want []*Definition
			for _, o := range s.Defs {
				if samePath(o.Path, d.Path) {
					want = append(want, o)
				}
			}
			got := s.Lookup(d.Path...)
			if len(got) != len(want) {
				t.Fatalf("%s: Lookup(%s) has %d definitions, want %d", s.Name, d.PathString(), len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%s: Lookup(%s)[%d] is not in source order", s.Name, d.PathString(), i)
				}
			}
			if cap(got) != len(got) {
				t.Fatalf("%s: Lookup(%s) leaves room to append into the index", s.Name, d.PathString())
			}
			if s.Lookup(append(append([]string(nil), d.Path...), "\x00missing")...) != nil {
				t.Fatalf("%s: a path below %s that nobody defines has definitions", s.Name, d.PathString())
			}
			checked++
		}
		if s.Lookup() != nil || s.Lookup("\x00nothing") != nil {
			t.Fatalf("%s: undefined paths have definitions", s.Name)
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d definitions checked", checked)
	}
}

// TestPathAppendsDoNotAlias: appending to one definition's path or to a
// Lookup result never changes another definition or the index.
func TestPathAppendsDoNotAlias(t *testing.T) {
	f, err := nixast.Parse("a.nix", []byte(`{ a.b = 1; a.c = 2; a.d = { e = 3; f = 4; }; x.y = 5; x.y = 6; }`))
	if err != nil {
		t.Fatal(err)
	}
	s := BuildModelWith([]*nixast.File{f}, ModelOptions{NoImports: true}).Systems[0]
	before := map[*Definition]string{}
	for _, d := range s.Defs {
		before[d] = d.PathString()
	}
	for _, d := range s.Defs {
		_ = append(d.Path, "clobber")
		_ = append(d.WrittenPath, "clobber")
	}
	_ = append(s.Lookup("x", "y"), s.Defs[0])
	for _, d := range s.Defs {
		if d.PathString() != before[d] {
			t.Errorf("path %s became %s", before[d], d.PathString())
		}
	}
	if got := s.Lookup("x", "y"); len(got) != 2 || got[0].Value.Int != 5 || got[1].Value.Int != 6 {
		t.Errorf("Lookup(x.y) changed: %v", got)
	}
	if got := s.Lookup("a", "c"); len(got) != 1 || got[0].Value.Int != 2 {
		t.Errorf("Lookup(a.c) changed: %v", got)
	}
}
