package nixast

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestSyntaxErrorMessages pins message and exact span of the common mistakes.
// "|" in the source marks where the span starts, and "^" where it ends (a
// lone "|" is a zero-width span); the markers are removed before parsing.
func TestSyntaxErrorMessages(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"{ a = 1| }", `missing ";"`},
		{"{\n  a = 1|\n  b = 2;\n}", `missing ";"`},
		{"{ inherit a| }", `missing ";"`},
		{"{ a =| ; }", `missing expression after "="`},
		{`"${|}"`, `missing expression after "${"`},
		{"{ a = 1 ++| ; }", `missing expression after "++"`},
		{"{ a = 1; } |}^", `unexpected "}"`},
		{"(1)|)^", `unexpected ")"`},
		{"[ 1|,^ 2 ]", `unexpected ","`},
		{"1 |in^ 2", `unexpected "in"`},
		{"1 + |*^ 2", `unexpected "*"`},
		{"{ inherit (builtins length|;^ }", `unexpected ";", expected ")"`},
		{`{ a = |"^abc; }`, "unterminated string"},
		{"{ a = |''^abc; }", "unterminated indented string"},
		{"{ a = 1; } |/*^ never closed", "unterminated comment"},
		{"let x = 1; in|", `unexpected end of file, expected an expression after "in"`},
		{"1 +|", `unexpected end of file, expected an expression after "+"`},
		{"{ } ?|", `unexpected end of file, expected an attribute name after "?"`},
		{"|", "unexpected end of file: the file has no expression"},
		{"# only a comment|", "unexpected end of file: the file has no expression"},
		{"{\n  a = 1;\n  b = {\n    c = 2;|\n", `unexpected end of file: unclosed "{" (opened at line 3, column 7)`},
		{"[ 1 2\n  3|", `unexpected end of file: unclosed "[" (opened at line 1, column 1)`},
		{"(1 + 2|", `unexpected end of file: unclosed "(" (opened at line 1, column 1)`},
		{"{\n  a = [ 1 2|;\n  b = 3;\n}", `unclosed "[" (opened at line 2, column 7)`},
		{"let\n  a = 1;\n  b = 2;|\n", `unexpected end of file: "let" at line 1, column 1 has no "in"`},
		{"if true then 1|", `unexpected end of file: "if" … "then" at line 1, column 9 has no "else"`},
		{"with builtins\nlength [ ]|", `unexpected end of file: missing ";" after the "with" at line 1, column 1`},
		{"1 == 1 |==^ 1", `unexpected "==": comparisons do not chain, add parentheses`},
		{"|9223372036854775808^", `invalid integer "9223372036854775808": out of range`},
		{"|1.0e999^", `invalid float "1.0e999": out of range`},
		{"|./a/^", "path has a trailing slash"},
		{"./a/|/^b", `unexpected "/" in path: empty path segment`},
		{`let x = "a"; in let |${x}^ = 1; in 1`, "dynamic attributes not allowed in let"},
		{`let x = "a"; in { inherit |${x}^; }`, "dynamic attributes not allowed in inherit"},
	} {
		src, want := markedSpan(t, tc.src)
		f, err := Parse("t.nix", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Errors) == 0 {
			t.Errorf("%q: no error, want %s", src, tc.want)
			continue
		}
		got := f.Errors[0]
		if got.Message != tc.want || got.Span != want {
			t.Errorf("%q:\n got %v %q\nwant %v %q", src, got.Span, got.Message, want, tc.want)
		}
		if len(f.Errors) > 1 {
			t.Errorf("%q: one mistake gave %d errors: %v", src, len(f.Errors), f.Errors)
		}
	}
}

// markedSpan removes the "|" and "^" markers from src.
func markedSpan(t *testing.T, src string) (string, Span) {
	start := strings.IndexByte(src, '|')
	if start < 0 {
		t.Fatalf("no | marker in %q", src)
	}
	src = src[:start] + src[start+1:]
	end := start
	if i := strings.IndexByte(src[start:], '^'); i >= 0 {
		end = start + i
		src = src[:end] + src[end+1:]
	}
	return src, Span{start, end}
}

func TestSyntaxErrorRelated(t *testing.T) {
	f, err := Parse("t.nix", []byte("{ a = [ 1;\n}"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Errors) != 1 || len(f.Errors[0].Related) != 1 || f.Errors[0].Related[0] != (Span{6, 7}) {
		t.Fatalf("want the opening [ as related span, got %+v", f.Errors)
	}
}

// TestCleanFileHasNoErrors covers the fast path and the Nix-compat scan on
// valid input that is close to the rejected forms.
func TestCleanFileHasNoErrors(t *testing.T) {
	for _, src := range []string{
		"(1 == 1) == (2 == 2)", "1 < 2 == true", "1 == 2 < 3", "9223372036854775807", "1.0e308",
		"./a/b", `let ${"a"} = 1; in a`, `let a = 1; in { inherit a; inherit "a"; }`, "{ inherit; }",
		"let { body = 1; }", "{ } ? a ? b",
	} {
		f, err := Parse("t.nix", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Errors) != 0 {
			t.Errorf("%q: %v", src, f.Errors)
		}
	}
}

// TestSyntaxErrorGolden records every error nixsec reports for each invalid
// fixture (go test -run Golden -update rewrites the file), so a change in any
// message or span shows up in review.
func TestSyntaxErrorGolden(t *testing.T) {
	root := filepath.Join("..", "testdata", "parse", "invalid")
	var b strings.Builder
	for _, path := range nixFiles(t, root) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(path, src)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s\n", filepath.Base(path))
		for _, e := range f.Errors {
			p := f.Lines.Human(e.Span.Start)
			fmt.Fprintf(&b, "  %d:%d [%d,%d) %s\n", p.Line, p.Col, e.Span.Start, e.Span.End, e.Message)
		}
		for _, p := range Check(f) {
			h := f.Lines.Human(p.Span.Start)
			fmt.Fprintf(&b, "  %d:%d [%d,%d) check: %s\n", h.Line, h.Col, p.Span.Start, p.Span.End, p.Message)
		}
	}
	golden := filepath.Join("..", "testdata", "parse", "invalid.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./nixast -run Golden -update)", err)
	}
	if string(want) != b.String() {
		t.Errorf("syntax errors changed; review and rerun with -update:\n%s", lineDiff(string(want), b.String()))
	}
}

// lineDiff shows the lines that differ (a minimal report, not a real diff).
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out strings.Builder
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			fmt.Fprintf(&out, "line %d:\n- %s\n+ %s\n", i+1, x, y)
		}
	}
	return out.String()
}
