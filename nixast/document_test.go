package nixast

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/internal/tsnix"
)

// sameTree reports how two parses of the same text differ (node kinds,
// fields, spans, flags, shape and syntax errors), or "" if they do not.
func sameTree(a, b *File) string {
	if string(a.Src) != string(b.Src) {
		return "different source text"
	}
	if len(a.nodes) != len(b.nodes) {
		return fmt.Sprintf("%d nodes vs %d", len(a.nodes), len(b.nodes))
	}
	for i := range a.nodes {
		if x, y := a.nodes[i], b.nodes[i]; x != y {
			return fmt.Sprintf("node %d: %+v (%v) vs %+v (%v)", i, x, Node{a, int32(i)}.Kind(), y, Node{b, int32(i)}.Kind())
		}
	}
	if !reflect.DeepEqual(a.Errors, b.Errors) {
		return fmt.Sprintf("errors %v vs %v", a.Errors, b.Errors)
	}
	return ""
}

// checkTree verifies the structural invariants of a parse: spans inside the
// source, children inside their parent and in order, preorder links sound.
func checkTree(t *testing.T, f *File) {
	t.Helper()
	n := len(f.nodes)
	for i, x := range f.nodes {
		if x.Start > x.End || int(x.End) > len(f.Src) {
			t.Fatalf("node %d span [%d,%d) outside the %d-byte source", i, x.Start, x.End, len(f.Src))
		}
		if int(x.Next) <= i || int(x.Next) > n {
			t.Fatalf("node %d: next %d", i, x.Next)
		}
		if i == 0 {
			if x.Parent != -1 || int(x.Next) != n {
				t.Fatalf("root: %+v of %d nodes", x, n)
			}
			continue
		}
		p := x.Parent
		if p < 0 || int(p) >= i {
			t.Fatalf("node %d: parent %d", i, p)
		}
		pp := f.nodes[p]
		if x.Start < pp.Start || x.End > pp.End {
			t.Fatalf("node %d [%d,%d) not inside parent %d [%d,%d)", i, x.Start, x.End, p, pp.Start, pp.End)
		}
		if x.Next > pp.Next {
			t.Fatalf("node %d subtree ends after its parent's", i)
		}
	}
	for i := range f.nodes {
		node := Node{f, int32(i)}
		prevEnd := node.Start()
		for c := node.FirstChild(); c.Valid(); c = c.NextSibling() {
			if c.Parent().Index() != i {
				t.Fatalf("child %d of %d has parent %d", c.Index(), i, c.Parent().Index())
			}
			if c.Start() < prevEnd {
				t.Fatalf("child %d of %d starts at %d before its sibling ends (%d)", c.Index(), i, c.Start(), prevEnd)
			}
			prevEnd = c.End()
		}
	}
	for _, e := range f.Errors {
		if e.Span.Start < 0 || e.Span.Start > e.Span.End || e.Span.End > len(f.Src) || e.Message == "" {
			t.Fatalf("bad syntax error %+v in a %d-byte source", e, len(f.Src))
		}
	}
}

// editSnippets are the texts random edits insert: tokens that make and
// break Nix syntax.
var editSnippets = []string{
	"", " ", "\n", ";", "=", "{", "}", "[", "]", "(", ")", "\"", "''", "${", "x", "a.b", "1", "1.5",
	"let ", " in ", "inherit ", "rec ", "with ", "if ", " then ", " else ", ":", "@", "...", ",", "?",
	"# c\n", "/*", "*/", "./p", "<n>", "//", "++", "-", "!", "or", "日本", "😀", "\r\n", "\t", "\\", "$",
	"{ a = 1; }", "x: x", "\"s ${y} t\"",
}

func randomEdit(r *rand.Rand, src []byte) Edit {
	start := r.IntN(len(src) + 1)
	end := start
	if r.IntN(2) == 0 {
		end = min(len(src), start+r.IntN(12))
	}
	return Edit{Start: start, End: end, Text: editSnippets[r.IntN(len(editSnippets))]}
}

func applyEdit(src []byte, e Edit) []byte {
	out := append([]byte{}, src[:e.Start]...)
	out = append(out, e.Text...)
	return append(out, src[e.End:]...)
}

// applyAndCompare applies edits to d and requires the result to be a
// well-formed tree equal to a fresh parse of text (what the edits give).
func applyAndCompare(t *testing.T, d *Document, edits []Edit, text []byte, where string) *File {
	t.Helper()
	got, err := d.Apply(edits)
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	want, err := Parse("d.nix", text)
	if err != nil {
		t.Fatal(err)
	}
	checkTree(t, got)
	if diff := sameTree(got, want); diff != "" {
		t.Fatalf("%s: incremental parse differs from a fresh one: %s\nedits %+v\ntext %q", where, diff, edits, text)
	}
	return got
}

// TestDocumentRandomEdits applies random edit sequences, one at a time and
// in batches, and requires each incremental result to equal a fresh parse.
func TestDocumentRandomEdits(t *testing.T) {
	var seeds [][]byte
	for _, dir := range []string{"valid", "invalid"} {
		paths, _ := filepath.Glob(filepath.Join("..", "testdata", "parse", dir, "*.nix"))
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			seeds = append(seeds, b)
		}
	}
	seeds = append(seeds, tsnix.SampleModule(6000))
	if len(seeds) < 10 {
		t.Fatalf("only %d seed files", len(seeds))
	}
	r := rand.New(rand.NewPCG(1, 2))
	steps := 20
	if testing.Short() {
		steps = 5
	}
	for si, src := range seeds {
		d, err := NewDocument("d.nix", src)
		if err != nil {
			t.Fatal(err)
		}
		text := src
		for step := 0; step < steps; step++ {
			var edits []Edit
			for k := 1 + r.IntN(3); k > 0; k-- {
				e := randomEdit(r, text)
				edits = append(edits, e)
				text = applyEdit(text, e)
			}
			applyAndCompare(t, d, edits, text, fmt.Sprintf("seed %d step %d", si, step))
		}
		d.Close()
	}
}

// validEdit returns an edit that keeps a valid module valid most of the
// time (so the parser reuses subtrees and the flatten copies them): digits,
// blanks, comments, renamed names and whole new bindings.
func validEdit(r *rand.Rand, src []byte) Edit {
	for {
		at := r.IntN(len(src))
		switch c := src[at]; {
		case c >= '0' && c <= '9':
			return Edit{Start: at, End: at + 1, Text: string(rune('0' + r.IntN(10)))}
		case c == ' ' || c == '\n':
			return Edit{Start: at, End: at, Text: []string{" ", "\n", "  ", "# note\n", "/* c */"}[r.IntN(5)]}
		case c == ';' && r.IntN(2) == 0:
			return Edit{Start: at + 1, End: at + 1, Text: " zz" + fmt.Sprint(r.IntN(1000)) + " = [ 1 ];"}
		case c >= 'a' && c <= 'z' && r.IntN(4) == 0:
			return Edit{Start: at, End: at + 1} // often breaks a keyword: error path
		}
	}
}

// TestDocumentReuseMatchesFreshParse drives the flatten's subtree reuse:
// edits that keep the text valid, one or several per change (with unchanged
// text between them), each result equal to a fresh parse node for node.
// It fails if the reuse never happens, so a broken id scheme cannot pass by
// always walking the whole tree.
func TestDocumentReuseMatchesFreshParse(t *testing.T) {
	seeds := [][]byte{tsnix.SampleModule(8000), sample2000Lines()}
	for _, p := range []string{"valid/attrset-nested.nix", "valid/comments.nix", "valid/dynamic-let.nix"} {
		if b, err := os.ReadFile(filepath.Join("..", "testdata", "parse", p)); err == nil {
			seeds = append(seeds, b)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	steps := 150
	if testing.Short() {
		steps = 30
	}
	if dir := os.Getenv("NIXSEC_CORPUS"); dir != "" {
		// Real files: fewer steps each (go test -run Reuse -timeout 1h).
		seeds, steps = nil, 12
		for _, p := range nixFiles(t, dir) {
			if b, err := os.ReadFile(p); err == nil && len(b) > 0 && len(b) < 1<<20 && bytes.IndexByte(b, 0) < 0 {
				seeds = append(seeds, b)
			}
		}
	}
	reused, copied, total := 0, 0, 0
	for si, src := range seeds {
		d, err := NewDocument("d.nix", src)
		if err != nil {
			t.Fatal(err)
		}
		text := src
		for step := 0; step < steps; step++ {
			var edits []Edit
			for k := 1 + r.IntN(3)/2; k > 0; k-- {
				e := validEdit(r, text)
				edits = append(edits, e)
				text = applyEdit(text, e)
			}
			if step%17 == 16 {
				d.Release() // as the server does for documents not edited lately
			}
			got := applyAndCompare(t, d, edits, text, fmt.Sprintf("seed %d step %d", si, step))
			if !d.Live() {
				t.Fatalf("seed %d step %d: no tree after Apply", si, step)
			}
			if d.flat.Copied > 0 {
				reused++
			}
			copied += d.flat.Copied
			total += len(got.nodes)
		}
		d.Close()
	}
	if n := len(seeds) * steps; reused < n/4 || copied < total/2 {
		t.Fatalf("reuse in %d of %d changes, %d of %d nodes copied: the flatten hardly reuses", reused, n, copied, total)
	}
	t.Logf("reuse in %d of %d changes; %d of %d nodes copied", reused, len(seeds)*steps, copied, total)
}

func TestDocumentEditErrors(t *testing.T) {
	d, err := NewDocument("d.nix", []byte("{ a = 1; }"))
	if err != nil {
		t.Fatal(err)
	}
	before := d.File()
	if _, err := d.Apply([]Edit{{Start: 5, End: 99, Text: "x"}}); err == nil {
		t.Fatal("edit past the end accepted")
	}
	if _, err := d.Apply([]Edit{{Start: 1, End: 1, Text: "\x00"}}); err == nil {
		t.Fatal("NUL byte accepted")
	}
	if d.File() != before {
		t.Fatal("a failed Apply changed the document")
	}
	f, err := d.Apply([]Edit{{Start: 6, End: 7, Text: "2"}})
	if err != nil || f.Expr().Text() != "{ a = 2; }" || before.Expr().Text() != "{ a = 1; }" {
		t.Fatalf("apply: %v %q; the earlier File must stay valid", err, f.Expr().Text())
	}
	d.Close()
	d.Close()
	if _, err := d.Apply(nil); err == nil {
		t.Fatal("Apply after Close succeeded")
	}
}

// fuzzSeeds are the fixtures, so `go test` runs FuzzParse over every one.
func fuzzSeeds(f *testing.F) [][]byte {
	var out [][]byte
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "parse", "*", "*.nix"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// FuzzParse: Parse never panics, the tree is well formed, and an incremental
// re-parse after an edit equals a fresh parse of the edited text.
func FuzzParse(f *testing.F) {
	for i, s := range fuzzSeeds(f) {
		f.Add(s, uint16(i*7), uint8(i%5), editSnippets[i%len(editSnippets)])
	}
	f.Fuzz(func(t *testing.T, src []byte, at uint16, del uint8, ins string) {
		if len(src) > 1<<14 || len(ins) > 64 {
			return
		}
		file, err := Parse("f.nix", src)
		if err != nil {
			if strings.IndexByte(string(src), 0) < 0 {
				t.Fatalf("Parse refused text without NUL: %v", err)
			}
			return
		}
		checkTree(t, file)
		d, err := NewDocument("f.nix", src)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		start := int(at) % (len(src) + 1)
		e := Edit{Start: start, End: min(len(src), start+int(del)%16), Text: ins}
		text := applyEdit(src, e)
		got, err := d.Apply([]Edit{e})
		if strings.IndexByte(ins, 0) >= 0 {
			if err == nil {
				t.Fatal("NUL byte accepted by Apply")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		want, err := Parse("f.nix", text)
		if err != nil {
			t.Fatal(err)
		}
		checkTree(t, got)
		if diff := sameTree(got, want); diff != "" {
			t.Fatalf("incremental parse differs from a fresh one: %s\nedit %+v\ntext %q", diff, e, text)
		}
	})
}

// BenchmarkDocumentEdit: a one-character edit (typing, then deleting, a
// character) in a 2,000-line module, incremental re-parse included.
func BenchmarkDocumentEdit(b *testing.B) {
	src := sample2000Lines()
	defer func() { b.ReportMetric(float64(strings.Count(string(src), "\n")), "lines") }()
	d, err := NewDocument("bench.nix", src)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	at := strings.Index(string(src), "RestartSec = 5") + len("RestartSec = ")
	for i := 0; b.Loop(); i++ {
		e := Edit{Start: at, End: at, Text: "1"}
		if i%2 == 1 {
			e = Edit{Start: at, End: at + 1}
		}
		f, err := d.Apply([]Edit{e})
		if err != nil || len(f.Errors) != 0 {
			b.Fatal(err, f.Errors)
		}
	}
}

// sample2000Lines is about 2,000 lines of module text.
func sample2000Lines() []byte {
	one := tsnix.SampleModule(3) // a single copy of the module
	perLine := len(one) / strings.Count(string(one), "\n")
	return tsnix.SampleModule(perLine * 2000)
}

// BenchmarkDocumentFullParse is the same file parsed from scratch.
func BenchmarkDocumentFullParse(b *testing.B) {
	src := sample2000Lines()
	for b.Loop() {
		if _, err := Parse("bench.nix", src); err != nil {
			b.Fatal(err)
		}
	}
}
