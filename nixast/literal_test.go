package nixast

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

// litNix runs real Nix for the differential tests of this file and
// check_test.go. It skips when nix-instantiate is absent, unless CI is set.
type litNix struct {
	bin, home string
}

func newLitNix(t testing.TB) *litNix {
	bin, err := exec.LookPath("nix-instantiate")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("nix-instantiate not found, and CI is set")
		}
		t.Skip("nix-instantiate not found")
	}
	return &litNix{bin: bin, home: t.TempDir()}
}

// run runs nix-instantiate with args and the expression on stdin
// (`-` reads it from stdin, so no quoting issue).
func (r *litNix) run(expr string, args ...string) (stdout, stderr string, ok bool) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.bin, append([]string{"--store", "dummy://"}, append(args, "-")...)...)
	cmd.Env = append(slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "NIX_") || strings.HasPrefix(kv, "HOME=")
	}), "HOME="+r.home, "NIX_PATH=")
	cmd.Stdin = strings.NewReader(expr)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	return o.String(), e.String(), err == nil
}

// evalStrings evaluates string expressions with Nix, all in one run when
// possible.
func (r *litNix) evalStrings(t *testing.T, exprs []string) []string {
	out, errs, ok := r.run("[\n"+strings.Join(exprs, "\n")+"\n]", "--eval", "--strict", "--json")
	if ok {
		var vals []string
		if err := json.Unmarshal([]byte(out), &vals); err != nil || len(vals) != len(exprs) {
			t.Fatalf("nix output %q: %v", out, err)
		}
		return vals
	}
	if len(exprs) == 1 {
		t.Fatalf("nix rejects %q: %s", exprs[0], errs)
	}
	h := len(exprs) / 2
	return append(r.evalStrings(t, exprs[:h]), r.evalStrings(t, exprs[h:])...)
}

func mustParse(t testing.TB, src string) *File {
	t.Helper()
	f, err := Parse("t.nix", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// litValue evaluates a string expression the way a caller of StringParts
// would: text parts as decoded, interpolations of string literals by value.
func litValue(t *testing.T, src string) (string, bool) {
	f := mustParse(t, src)
	if len(f.Errors) > 0 {
		return "", false
	}
	e := f.Expr()
	if v, ok := StringValue(e); ok {
		return v, true
	}
	var b strings.Builder
	for _, p := range StringParts(e) {
		if !p.IsInterpolation() {
			b.WriteString(p.Text)
			continue
		}
		v, ok := StringValue(p.Interp.Child(FieldExpression))
		if !ok {
			return "", false
		}
		b.WriteString(v)
	}
	return b.String(), e.Kind() == KindString || e.Kind() == KindIndentedString
}

var stringCases = []struct{ src, want string }{
	{`""`, ""},
	{`"abc"`, "abc"},
	{`"a\nb\tc\rd"`, "a\nb\tc\rd"},
	{`"\"\\\$\x\{"`, "\"\\$x{"},
	{`"$${x}"`, "$${x}"},
	{`"$$"`, "$$"},
	{`"a$"`, "a$"},
	{`"\${x}"`, "${x}"},
	{"\"a\r\nb\rc\"", "a\nb\nc"},
	{"\"a\\\r\nb\"", "a\r\nb"},
	{`"é ☃ 😀"`, "é ☃ 😀"},
	{`"x${"y"}z"`, "xyz"},
	{"''''", ""},
	{"''abc''", "abc"},
	{"''\n  a\n   b\n''", "a\n b\n"},
	{"''\n  a\n  b''", "a\nb"},
	{"''  \n  x''", "x"},
	{"''\t\n  x''", "\t\n  x"},
	{"''\n  a\n\tb''", "  a\n\tb"},
	{"''\n\n  a\n\n  b\n''", "\na\n\nb\n"},
	{"''\n  a\n    ''", "a\n"},
	{"''\n  a\n  b  ''", "a\nb  "},
	{"''a''$b''", "a$b"},
	{"''a'''b''", "a''b"},
	{"''a''\\nb''", "a\nb"},
	{"''a''\\tb''\\rc''\\\\d''\\xe''", "a\tb\rc\\dxe"},
	{"''$${x}''", "$${x}"},
	{"''''${x}''", "${x}"},
	{"''\n  ''${x}\n  y''", "${x}\ny"},
	{"''\n    a\n  ${\"b\"}\n''", "  a\nb\n"},
	{"''\n  ${\"b\"}\n    a\n''", "b\n  a\n"},
	{"''\n  a''\\n    b\n  c''", "a\n  b\nc"},
	{"''\n    a\n  ''\\n\n  c''", "  a\n\n\nc"},
	{"''a\r\nb''", "a\r\nb"},
	{"''\n  x\n  ${\"y\"}  ''", "x\ny  "},
	{"''it's''", "it's"},
	{"'''$''", "'$"},
	{"''\n  a $ b\n''", "a $ b\n"},
	{"''\n  a\n   ''", "a\n"},
	{"'' a\n  b''", "a\n b"},
	{"''a''\\éb''", "aéb"},
	{"\"a\\éb\"", "aéb"},
}

func TestStringValue(t *testing.T) {
	for _, tc := range stringCases {
		got, ok := litValue(t, tc.src)
		if !ok || got != tc.want {
			t.Errorf("%q: got %q, %v; want %q", tc.src, got, ok, tc.want)
		}
	}
	for _, src := range []string{`"a${x}"`, "''${x}''", "1", "x"} {
		if v, ok := StringValue(mustParse(t, src).Expr()); ok {
			t.Errorf("StringValue(%q) = %q, want not ok", src, v)
		}
	}
}

// TestStringValueMatchesNix checks the table and random strings against
// nix-instantiate --eval.
func TestStringValueMatchesNix(t *testing.T) {
	nix := newLitNix(t)
	var srcs []string
	for _, tc := range stringCases {
		srcs = append(srcs, tc.src)
	}
	rng := rand.New(rand.NewSource(1))
	atoms := []string{" ", " ", "  ", "\n", "\n", "a", "b", "\t", "$", "'", "''$", "'''", "''\\n", "''\\t", "''\\ ", "''\\\\", "$$", "{", "\r\n", "${\"I\"}", "${\"\"}", "é"}
	for len(srcs) < len(stringCases)+400 {
		var b strings.Builder
		b.WriteString("''")
		if rng.Intn(2) == 0 {
			b.WriteString(strings.Repeat(" ", rng.Intn(3)) + "\n")
		}
		for n := rng.Intn(14); n > 0; n-- {
			b.WriteString(atoms[rng.Intn(len(atoms))])
		}
		b.WriteString(strings.Repeat(" ", rng.Intn(3)) + "''")
		src := b.String()
		if _, ok := litValue(t, src); ok && !strings.Contains(src, "'''''") {
			srcs = append(srcs, src)
		}
	}
	for len(srcs) < len(stringCases)+600 {
		da := []string{"a", " ", "\\n", "\\t", "\\r", "\\\\", "\\\"", "\\$", "$$", "$", "{", "\r\n", "\r", "\n", "\\\n", "${\"I\"}", "\\x", "ü"}
		var b strings.Builder
		b.WriteString(`"`)
		for n := rng.Intn(10); n > 0; n-- {
			b.WriteString(da[rng.Intn(len(da))])
		}
		b.WriteString(`"`)
		if _, ok := litValue(t, b.String()); ok {
			srcs = append(srcs, b.String())
		}
	}
	want := nix.evalStrings(t, srcs)
	bad := 0
	for i, src := range srcs {
		got, _ := litValue(t, src)
		if got != want[i] {
			t.Errorf("%q: nixsec %q, nix %q", src, got, want[i])
			if bad++; bad > 20 {
				t.Fatal("too many differences")
			}
		}
	}
	t.Logf("%d strings compared with Nix", len(srcs))
}

func TestStringPartsSourceMap(t *testing.T) {
	src := "{ x = ''\n    first\n    b''\\nc ''$ ok\n  ''; }"
	f := mustParse(t, src)
	s := f.Expr().NamedChildren()[0].ChildrenOf(FieldBinding)[0].Child(FieldExpression)
	parts := StringParts(s)
	if len(parts) != 1 || parts[0].IsInterpolation() {
		t.Fatalf("parts %+v", parts)
	}
	p := parts[0]
	if p.Text != "first\nb\nc $ ok\n" {
		t.Fatalf("text %q", p.Text)
	}
	// Every decoded line maps back to its source text.
	for _, tc := range []struct{ line, source string }{
		{"first", "first"}, {"b", "b"}, {"c $ ok", "c ''$ ok"},
	} {
		i := strings.Index(p.Text, tc.line)
		sp := p.SourceSpan(i, i+len(tc.line))
		if got := src[sp.Start:sp.End]; got != tc.source {
			t.Errorf("line %q maps to %q, want %q", tc.line, got, tc.source)
		}
	}
	// The escape's bytes map to its whole source.
	i := strings.Index(p.Text, "b\n") + 1
	if sp := p.SourceSpan(i, i+1); src[sp.Start:sp.End] != "''\\n" {
		t.Errorf("escape maps to %q", src[sp.Start:sp.End])
	}
	if off := p.SourceOffset(len(p.Text)); src[off-1] != '\n' || !strings.HasPrefix(src[off:], "  ''") {
		t.Errorf("end offset %d: %q", off, src[off:])
	}

	// Replacing a decoded line through the map gives the new value.
	j := strings.Index(p.Text, "first")
	sp := p.SourceSpan(j, j+len("first"))
	edited := src[:sp.Start] + "second" + src[sp.End:]
	f2 := mustParse(t, edited)
	v, ok := StringValue(f2.Expr().NamedChildren()[0].ChildrenOf(FieldBinding)[0].Child(FieldExpression))
	if !ok || v != "second\nb\nc $ ok\n" {
		t.Errorf("after edit %q", v)
	}

	// Double-quoted: escapes and CR LF.
	src = "\"a\\tb\r\nc${x}d\""
	parts = StringParts(mustParse(t, src).Expr())
	if len(parts) != 3 || parts[0].Text != "a\tb\nc" || !parts[1].IsInterpolation() || parts[2].Text != "d" {
		t.Fatalf("parts %+v", parts)
	}
	if sp := parts[0].SourceSpan(1, 2); src[sp.Start:sp.End] != "\\t" {
		t.Errorf("tab maps to %q", src[sp.Start:sp.End])
	}
	if sp := parts[0].SourceSpan(3, 4); src[sp.Start:sp.End] != "\r\n" {
		t.Errorf("newline maps to %q", src[sp.Start:sp.End])
	}
	if parts[1].Interp.Child(FieldExpression).Text() != "x" {
		t.Errorf("interpolation %q", parts[1].Interp.Text())
	}
}

func TestNumberPathURIValues(t *testing.T) {
	f := mustParse(t, `[ 42 9223372036854775807 9223372036854775808 1.5 .5e1 ./a/b /etc/x ~/y <nixpkgs> <a/b> ./a${x} https://x.org/a?b x ]`)
	els := f.Expr().ChildrenOf(FieldElement)
	if v, ok := IntValue(els[0]); !ok || v != 42 {
		t.Errorf("42: %v %v", v, ok)
	}
	if v, ok := IntValue(els[1]); !ok || v != 9223372036854775807 {
		t.Errorf("max: %v %v", v, ok)
	}
	if _, ok := IntValue(els[2]); ok {
		t.Errorf("overflow accepted")
	}
	if v, ok := FloatValue(els[3]); !ok || v != 1.5 {
		t.Errorf("1.5: %v", v)
	}
	if v, ok := FloatValue(els[4]); !ok || v != 5 {
		t.Errorf(".5e1: %v", v)
	}
	for i, want := range []struct {
		text string
		kind PathKind
	}{{"./a/b", PathRelative}, {"/etc/x", PathAbsolute}, {"~/y", PathHome}, {"nixpkgs", PathSearch}, {"a/b", PathSearch}} {
		s, k, ok := PathValue(els[5+i])
		if !ok || s != want.text || k != want.kind {
			t.Errorf("path %d: %q %v %v", i, s, k, ok)
		}
	}
	if _, _, ok := PathValue(els[10]); ok {
		t.Errorf("interpolated path has a value")
	}
	if u, ok := URIValue(els[11]); !ok || u != "https://x.org/a?b" {
		t.Errorf("uri %q %v", u, ok)
	}
	if _, ok := URIValue(els[12]); ok {
		t.Errorf("variable as URI")
	}
}

func TestBoolOrNull(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want Constant
	}{
		{"true", ConstTrue}, {"false", ConstFalse}, {"null", ConstNull}, {"(true)", ConstTrue},
		{"let true = 1; in true", NotConstant},
		{"{ true ? 1 }: true", NotConstant},
		{"true: true", NotConstant},
		{"rec { true = 1; x = true; }", NotConstant},
		{"with { true = 1; }; true", ConstTrue},
		{"{ true = 1; x = true; }", ConstTrue},
		{"x", NotConstant},
	} {
		f := mustParse(t, tc.src)
		var v Node
		f.Root().Walk(func(n Node) bool {
			if n.Kind() == KindVariable && (n.Text() == "true" || n.Text() == "false" || n.Text() == "null" || n.Text() == "x") {
				v = n
			}
			return true
		})
		if tc.src == "(true)" {
			v = f.Expr()
		}
		if got := BoolOrNull(v); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.src, got, tc.want)
		}
	}
}

func ExampleStringParts() {
	f, _ := Parse("x.nix", []byte("''\n  allow ${port}\n  deny all\n''"))
	for _, p := range StringParts(f.Expr()) {
		if p.IsInterpolation() {
			fmt.Printf("interpolation %s\n", p.Interp.Text())
		} else {
			fmt.Printf("text %q from source %d-%d\n", p.Text, p.SourceOffset(0), p.SourceOffset(len(p.Text)))
		}
	}
	// Output:
	// text "allow " from source 5-11
	// interpolation ${port}
	// text "\ndeny all\n" from source 18-30
}

// TestStringPartsLineEdit is the use the source map is for: replace one line
// of an embedded string by editing only its source bytes. For random
// indented strings, replacing the source span of each decoded line's text
// with "Z" must give the old value with that line's text replaced.
func TestStringPartsLineEdit(t *testing.T) {
	rng := newRand(5)
	atoms := []string{" ", "  ", "\n", "\n", "a", "bc", "$", "'", "''$", "'''", "''\\n", "''\\t", "$$", "{", "é"}
	edits := 0
	for range 3000 {
		var b strings.Builder
		b.WriteString("''\n")
		for n := rng.Intn(6) + 1; n > 0; n-- {
			b.WriteString(strings.Repeat(" ", 2+rng.Intn(3)))
			for k := rng.Intn(4) + 1; k > 0; k-- {
				if a := atoms[rng.Intn(len(atoms))]; a != "\n" {
					b.WriteString(a)
				}
			}
			b.WriteString("\n")
		}
		b.WriteString("''")
		src := b.String()
		f := mustParse(t, src)
		parts := StringParts(f.Expr())
		if len(f.Errors) > 0 || len(parts) != 1 {
			continue
		}
		p := parts[0]
		lines := strings.SplitAfter(p.Text, "\n")
		off := 0
		for _, line := range lines {
			text := strings.TrimRight(strings.TrimLeft(line, " "), "\n")
			start := off + len(line) - len(strings.TrimLeft(line, " "))
			off += len(line)
			if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "\t") || strings.HasSuffix(text, " ") {
				continue
			}
			sp := p.SourceSpan(start, start+len(text))
			edited := src[:sp.Start] + "Z" + src[sp.End:]
			got, ok := StringValue(mustParse(t, edited).Expr())
			want := p.Text[:start] + "Z" + p.Text[start+len(text):]
			if !ok || got != want {
				t.Fatalf("%q: replacing %q (source %q) gives %q, want %q", src, text, src[sp.Start:sp.End], got, want)
			}
			edits++
		}
	}
	t.Logf("%d line edits", edits)
}
