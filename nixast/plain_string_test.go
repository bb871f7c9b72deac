package nixast

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// slowLiteral is the text StringParts decodes, or false when there is an interpolation.
func slowLiteral(n Node) (string, bool) {
	var b strings.Builder
	for _, p := range StringParts(n) {
		if p.IsInterpolation() {
			return "", false
		}
		b.WriteString(p.Text)
	}
	return b.String(), true
}

// checkLiterals compares PlainString with the full decoder on every string
// node of f; it returns how many took the fast path.
func checkLiterals(t *testing.T, f *File) int {
	t.Helper()
	fast := 0
	var walk func(n Node)
	walk = func(n Node) {
		if k := n.Kind(); k == KindString || k == KindIndentedString {
			if got, ok := PlainString(n); ok {
				fast++
				want, wok := slowLiteral(n)
				if !wok || got != want {
					t.Errorf("%s: PlainString(%q) = %q, StringParts decodes %q (%v)", f.Path, n.Text(), got, want, wok)
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

func TestPlainStringRandom(t *testing.T) {
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
		f, err := Parse("lit.nix", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		fast += checkLiterals(t, f)
	}
	if fast < 2000 {
		t.Errorf("only %d literals took the fast path", fast)
	}
}

// TestPlainStringFiles checks every string of the test data, the synthetic
// corpus when present, and NIXSEC_CORPUS.
func TestPlainStringFiles(t *testing.T) {
	roots := []string{"../testdata", "../examples", "../.bench/corpus"}
	if dir := os.Getenv("NIXSEC_CORPUS"); dir != "" {
		roots = append(roots, dir)
	}
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
			f, err := Parse(p, src)
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
