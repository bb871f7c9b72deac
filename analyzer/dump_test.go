package analyzer

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/model")

// TestModelGolden checks the model dump (what `nixsec dump-options`
// prints) of each testdata/model/X.nix, or of all .nix files under a
// directory testdata/model/X/, against X.golden. Run with -update to
// rewrite the golden files.
func TestModelGolden(t *testing.T) {
	const root = "../testdata/model"
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		var paths []string
		switch {
		case e.IsDir():
			filepath.WalkDir(filepath.Join(root, name), func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(p, ".nix") {
					paths = append(paths, p)
				}
				return nil
			})
		case strings.HasSuffix(name, ".nix"):
			paths = []string{filepath.Join(root, name)}
			name = strings.TrimSuffix(name, ".nix")
		default:
			continue
		}
		t.Run(name, func(t *testing.T) {
			var files []*nixast.File
			for _, p := range paths {
				src, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				f, err := nixast.Parse(p, src)
				if err != nil {
					t.Fatal(err)
				}
				files = append(files, f)
			}
			rel := func(p string) string {
				r, err := filepath.Rel(root, p)
				if err != nil {
					return p
				}
				return filepath.ToSlash(r)
			}
			d := BuildModel(files).Dump(rel)
			var got bytes.Buffer
			if err := d.WriteText(&got); err != nil {
				t.Fatal(err)
			}
			if _, err := json.Marshal(d); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join(root, name+".golden")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./analyzer -run TestModelGolden -update)", err)
			}
			if got.String() != string(want) {
				t.Errorf("dump of %s differs from %s:\n%s", name, golden, got.String())
			}
		})
	}
}
