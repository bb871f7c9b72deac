package analyzer

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

// slowLiteral is what the evaluator read before literalText: the parts
// nixast decodes, or false when there is an interpolation.
func slowLiteral(n nixast.Node) (string, bool) {
	var b strings.Builder
	for _, p := range nixast.StringParts(n) {
		if p.IsInterpolation() {
			return "", false
		}
		b.WriteString(p.Text)
	}
	return b.String(), true
}

// checkLiterals compares literalText with nixast's decoder on every string
// node of f; it returns how many took the fast path.
func checkLiterals(t *testing.T, f *nixast.File) int {
	t.Helper()
	fast := 0
	var walk func(n nixast.Node)
	walk = func(n nixast.Node) {
		if k := n.Kind(); k == nixast.KindString || k == nixast.KindIndentedString {
			if got, ok := literalText(n); ok {
				fast++
				want, wok := slowLiteral(n)
				if !wok || got != want {
					t.Errorf("%s: literalText(%q) = %q, nixast decodes %q (%v)", f.Path, n.Text(), got, want, wok)
				}
			}
		}
		for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
			walk(c)
		}
	}
	walk(f.Root())
	return fast
}

func TestLiteralTextRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	alphabet := []string{" ", " ", " ", "\n", "\n", "a", "b", "$", "'", "\\", "\r", "{", "}", "\t", "''", "\"", "${x}", "''$", "'''", "''\\n"}
	fast := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := r.Intn(24); j > 0; j-- {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		body := b.String()
		var src string
		if i%2 == 0 {
			src = "{ x = \"" + body + "\"; }"
		} else {
			src = "{ x = ''" + body + "''; }"
		}
		f, err := nixast.Parse("lit.nix", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		fast += checkLiterals(t, f)
	}
	if fast < 2000 {
		t.Errorf("only %d literals took the fast path", fast)
	}
}

// TestLiteralTextFiles checks every string of the test data (and of the
// corpora when present).
func TestLiteralTextFiles(t *testing.T) {
	roots := []string{"../testdata", "../examples", "../.bench/corpus", "/work/corpus"}
	fast, files := 0, 0
	for _, root := range roots {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".nix") || testing.Short() && files > 200 {
				return nil
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			f, err := nixast.Parse(p, src)
			if err != nil {
				return nil
			}
			files++
			fast += checkLiterals(t, f)
			return nil
		})
	}
	t.Logf("%d files, %d literals on the fast path", files, fast)
}
