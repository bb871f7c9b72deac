package nixast

import (
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// checkCases: source, and the problem codes Check must report (in order).
var checkCases = []struct {
	src   string
	codes []string
}{
	// Duplicate attributes and the merging of nested sets.
	{`{ a = 1; b = 2; }`, nil},
	{`{ a = 1; a = 2; }`, []string{CodeDuplicateAttr}},
	{`{ a.b = 1; a.c = 2; }`, nil},
	{`{ a.b = 1; a = { b = 2; }; }`, []string{CodeDuplicateAttr}},
	{`{ a.b = 1; a = { c = 2; }; }`, nil},
	{`{ a = { b = 1; }; a = { c = 2; }; }`, nil},
	{`{ a = { b = 1; }; a = { b = 2; }; }`, []string{CodeDuplicateAttr}},
	{`{ a = { b = 1; }; a.c = 2; }`, nil},
	{`{ a = { b = 1; }; a.b = 2; }`, []string{CodeDuplicateAttr}},
	{`{ a = 1; a.b = 2; }`, []string{CodeDuplicateAttr}},
	{`{ a.b = 1; a = 2; }`, []string{CodeDuplicateAttr}},
	{`{ a.b = 1; a.b.c = 2; }`, []string{CodeDuplicateAttr}},
	{`{ a.b.c = 1; a.b.d = 2; a.e = 3; }`, nil},
	{`{ a = ({ b = 1; }); a.c = 2; }`, nil},
	{`{ a = rec { b = 1; }; a.c = b; }`, nil},
	{`{ a.c = 1; a = rec { b = c; }; }`, []string{CodeUndefinedVar}},
	{`{ a = rec { b = 1; }; a = rec { c = b; }; }`, nil},
	{`{ a = rec { b = 1; }; a = { c = b; }; }`, nil},
	{`{ a = { b = { c = 1; }; }; a = { b = { d = 2; }; }; }`, nil}, // current Nix merges recursively (Nix 2.8 did not)
	{`{ a.b.c = 1; a = { b = { d = 2; }; }; }`, nil},
	{`{ a.b.c = 1; a = { b = { c = 2; }; }; }`, []string{CodeDuplicateAttr}},
	{`{ a = {}; a = x: {}; }`, []string{CodeDuplicateAttr}},
	{`{ a = {}; a = let in {}; }`, []string{CodeDuplicateAttr}},
	{`{ inherit a; a = 1; }`, []string{CodeUndefinedVar, CodeDuplicateAttr}},
	{`x: { inherit x; x = 1; }`, []string{CodeDuplicateAttr}},
	{`x: { x = 1; inherit x; }`, []string{CodeDuplicateAttr}},
	{`x: { inherit x; x.b = 1; }`, []string{CodeDuplicateAttr}},
	{`x: { inherit (x) a; a.b = 1; }`, []string{CodeDuplicateAttr}},
	{`x: { inherit x x; }`, []string{CodeDuplicateAttr}},
	{`x: { inherit (x) a; inherit (x) a; }`, []string{CodeDuplicateAttr}},
	{`let a = 1; a = 2; in a`, []string{CodeDuplicateAttr}},
	{`rec { a = 1; "a" = 2; }`, []string{CodeDuplicateAttr}},
	{`{ a = 1; ${"a"} = 2; }`, []string{CodeDuplicateAttr}},
	{`{ a = 1; ${("a")} = 2; }`, []string{CodeDuplicateAttr}},
	{"{ a = 1; ${''a''} = 2; }", []string{CodeDuplicateAttr}},
	{"{ ab = 1; ${''a''\\nb''} = 2; }", nil},
	{`{ a = 1; "${"a"}" = 2; }`, nil},
	{`x: { a = 1; ${x} = 2; ${x} = 3; }`, nil},
	{`x: { a = { ${x} = 1; }; a = { c = 2; }; }`, nil},
	{`{ a = { c = 2; }; a = { ${x} = 1; }; }`, nil},
	{`{ ${"a"}.b = 1; a.c = 2; }`, nil},
	{`{ a.${"b"} = 1; a.b = 2; }`, []string{CodeDuplicateAttr}},
	{`x: { a.${x}.b = 1; a.${x}.b = 2; }`, nil},
	{`{ a = { b = 1; }; a = { inherit b; }; }`, []string{CodeDuplicateAttr}},
	{`{ a = f { b = 1; b = 2; }; }`, []string{CodeUndefinedVar, CodeDuplicateAttr}},
	{`{ a = { c = 1; }; a = { d = { b = 1; b = 2; }; }; }`, []string{CodeDuplicateAttr}},
	{`{ "a b" = 1; "a b" = 2; }`, []string{CodeDuplicateAttr}},
	{`{ or = 1; }`, nil},
	{"{\n  a = 1;\n\n  a = 2;\n}", []string{CodeDuplicateAttr}},
	{"{\n  a = {\n    b = 1;\n  };\n  a = {\n    b = 2;\n  };\n}", []string{CodeDuplicateAttr}},

	// Scopes.
	{`x`, []string{CodeUndefinedVar}},
	{`x: x`, nil},
	{`x: y`, []string{CodeUndefinedVar}},
	{`{ a, b ? a }: b`, nil},
	{`{ a ? b, b ? a }: a`, nil},
	{`{ a ? c }@c: a`, nil},
	{`c@{ a ? c, ... }: a`, nil},
	{`{ ... }: a`, []string{CodeUndefinedVar}},
	{`let a = b; b = 1; in a`, nil},
	{`let a = 1; in b`, []string{CodeUndefinedVar}},
	{`let inherit a; in 1`, []string{CodeUndefinedVar}},
	{`a: let inherit a; in a`, nil},
	{`let inherit (a) b; a = { b = 1; }; in b`, nil},
	{`rec { inherit (a) b; a = { b = 1; }; }`, nil},
	{`rec { inherit b; a = 1; }`, []string{CodeUndefinedVar}},
	{`rec { a = 1; b = a; }`, nil},
	{`{ a = 1; b = a; }`, []string{CodeUndefinedVar}},
	{`rec { a.b = c; c = 1; }`, nil},
	{`rec { a.b = 1; x = b; }`, []string{CodeUndefinedVar}},
	{`let { a = 1; body = a; }`, nil},
	{`let { a = 1; body = b; }`, []string{CodeUndefinedVar}},
	{`with x; y`, []string{CodeUndefinedVar}},
	{`x: with x; y`, nil},
	{`x: (with x; 1) + y`, []string{CodeUndefinedVar}},
	{`x: with x; let a = y; in { inherit z; }`, nil},
	{`x: with x; rec { a = y; inherit z; }`, nil},
	{`x: x.${y}`, []string{CodeUndefinedVar}},
	{`x: x.a or y`, []string{CodeUndefinedVar}},
	{`x: x ? ${y}`, []string{CodeUndefinedVar}},
	{`x: "${y}"`, []string{CodeUndefinedVar}},
	{`x: ./a/${y}`, []string{CodeUndefinedVar}},
	{`x: { ${y} = 1; }`, []string{CodeUndefinedVar}},
	{`x: assert y; x`, []string{CodeUndefinedVar}},
	{`if true then null else false`, nil},
	{`[ builtins import map toString __add __curPos fetchTarball fetchGit fromTOML derivation placeholder scopedImport throw abort isNull removeAttrs baseNameOf dirOf ]`, nil},
	{`fetchurl`, []string{CodeUndefinedVar}},
	{`add`, []string{CodeUndefinedVar}},
	{`__fetchurl`, nil},
	{`let true = 1; in true`, nil},
	{`let __curPos = 1; in __curPos`, nil},
	{`x: x or`, []string{CodeUndefinedVar}},
	{`x: let or = 1; in x or`, nil},
	{"let\n  a = 1;\nin\n  a + b", []string{CodeUndefinedVar}},

	// Other parse-time errors.
	{`{ a, a }: 1`, []string{CodeDuplicateFormal}},
	{`a@{ a }: 1`, []string{CodeDuplicateFormal}},
	{`{ a }@a: 1`, []string{CodeDuplicateFormal}},
	{`let ${"a"} = 1; in a`, nil},
	{`x: let a.${x} = 1; in a`, nil},
	{`{ inherit ${"a"}; a = 1; }`, []string{CodeUndefinedVar, CodeDuplicateAttr}},
	{`9223372036854775807`, nil},
}

func problemCodes(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Code)
	}
	return out
}

func TestCheck(t *testing.T) {
	for _, tc := range checkCases {
		f := mustParse(t, tc.src)
		if len(f.Errors) > 0 {
			t.Errorf("%q: syntax errors %v", tc.src, f.Errors)
			continue
		}
		ps := Check(f)
		if got := problemCodes(ps); !slices.Equal(got, tc.codes) {
			t.Errorf("%q: got %v, want %v", tc.src, ps, tc.codes)
		}
	}
}

// TestCheckDynamicAttrs runs the checker on files whose dynamic attributes
// the syntax check may already report (Check is then silent).
func TestCheckDynamicAttrs(t *testing.T) {
	for _, tc := range []struct {
		src   string
		codes []string
	}{
		{`x: let ${x} = 1; in 1`, []string{CodeDynamicAttr}},
		{"x: let ${''a''\\nb''} = 1; in x", []string{CodeDynamicAttr}},
		{`let ${("a")} = 1; in a`, nil},
		{`x: let a.${x} = 1; in a`, nil},
		{`x: { inherit ${x}; }`, []string{CodeDynamicAttr}},
		{`x: { inherit "a${x}"; }`, []string{CodeDynamicAttr}},
		{"x: { inherit ${''a''\\nb''}; }", []string{CodeDynamicAttr}},
		{`{ inherit ${("a")}; a = 1; }`, []string{CodeUndefinedVar, CodeDuplicateAttr}},
	} {
		f := mustParse(t, tc.src)
		c := newChecker(f)
		c.run()
		sortProblems(c.probs)
		if got := problemCodes(c.probs); !slices.Equal(got, tc.codes) {
			t.Errorf("%q: got %v, want %v", tc.src, c.probs, tc.codes)
		}
	}
}

func TestCheckMessages(t *testing.T) {
	for _, tc := range []struct {
		src     string
		msg     string
		span    string // source text of the problem's span
		related string
	}{
		{"{ a = 1;\n  a = 2; }", "attribute 'a' already defined at t.nix:1:3", "a", "a"},
		{"{ a.b = 1; a.b.c = 2; }", "attribute 'a.b.c' already defined at t.nix:1:3", "a.b.c", "a.b"},
		{"{ a = 1; a.b = 2; }", "attribute 'a.b' already defined at t.nix:1:3", "a.b", "a"},
		{"{ a = { b = 1; }; a = { b = 2; }; }", "attribute 'a.b' already defined at t.nix:1:25", "b", "b"},
		{"x: { inherit x x; }", "attribute 'x' already defined at t.nix:1:14", "x", "x"},
		{"let a = 1; in b", "undefined variable 'b'", "b", ""},
		{"{ a, b, a }: 1", "duplicate formal function argument 'a'", "a", "a"},
		{"{ a }@a: 1", "duplicate formal function argument 'a'", "a", "a"},
	} {
		f := mustParse(t, tc.src)
		ps := Check(f)
		if len(ps) == 0 {
			t.Errorf("%q: no problem", tc.src)
			continue
		}
		p := ps[0]
		if p.Message != tc.msg || tc.src[p.Span.Start:p.Span.End] != tc.span {
			t.Errorf("%q: %q at %q, want %q at %q", tc.src, p.Message, tc.src[p.Span.Start:p.Span.End], tc.msg, tc.span)
		}
		var rel string
		if len(p.Related) > 0 {
			rel = tc.src[p.Related[0].Start:p.Related[0].End]
		}
		if rel != tc.related {
			t.Errorf("%q: related %q, want %q", tc.src, rel, tc.related)
		}
	}
}

func TestCheckQuietOnSyntaxErrors(t *testing.T) {
	for _, src := range []string{"{ a = 1; a = 2; b = }", "let x = y; in", "{ a = 1 } x", `x: { inherit ${"} } }`} {
		if ps := Check(mustParse(t, src)); len(ps) != 0 {
			t.Errorf("%q: %v", src, ps)
		}
	}
	if Check(nil) != nil {
		t.Error("Check(nil)")
	}
	if ps := Check(mustParse(t, "")); ps != nil {
		t.Errorf("empty file: %v", ps)
	}
}

// nixCheckVerdict is what nix-instantiate --parse says about src: "" when
// it accepts, else the problem code its message maps to and the line.
func nixCheckVerdict(t *testing.T, nix *litNix, src string) (code, msg string, line int) {
	_, errs, ok := nix.run(src, "--parse")
	if ok {
		return "", "", 0
	}
	msg, _, _ = strings.Cut(strings.TrimPrefix(errs, "error: "), "\n")
	switch {
	case strings.Contains(msg, "already defined at"):
		code = CodeDuplicateAttr
	case strings.HasPrefix(msg, "undefined variable"):
		code = CodeUndefinedVar
	case strings.HasPrefix(msg, "duplicate formal"):
		code = CodeDuplicateFormal
	case strings.HasPrefix(msg, "dynamic attributes not allowed"):
		code = CodeDynamicAttr
	default:
		code = "other: " + msg
	}
	if m := regexp.MustCompile(`at «stdin»:(\d+):\d+:`).FindStringSubmatch(errs); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	return code, msg, line
}

// agreeWithNix compares Check with nix-instantiate --parse on src: both
// accept, or Nix's error is one Check reports, on the same line, and for an
// undefined variable with the same message.
func agreeWithNix(t *testing.T, nix *litNix, src string) (agree bool, nixCode string) {
	t.Helper()
	f := mustParse(t, src)
	if len(f.Errors) > 0 {
		return true, "syntax" // not Check's business
	}
	ps := Check(f)
	code, msg, line := nixCheckVerdict(t, nix, src)
	if code == "" {
		if len(ps) > 0 {
			t.Errorf("%q: Nix accepts, Check reports %v", src, ps)
			return false, code
		}
		return true, code
	}
	for _, p := range ps {
		if p.Code != code || f.Lines.Human(p.Span.Start).Line != line {
			continue
		}
		if code == CodeUndefinedVar && p.Message != msg {
			continue
		}
		return true, code
	}
	if code == CodeDuplicateAttr {
		// Known divergence: Nix 2.8 merges set literals one level deep,
		// current Nix (and Check) recursively. Check's one-level mode must
		// then agree with Nix 2.8.
		for _, p := range check(f, true) {
			if p.Code == code && f.Lines.Human(p.Span.Start).Line == line {
				return true, code
			}
		}
	}
	t.Errorf("%q: Nix rejects (%s, line %d: %s), Check reports %v", src, code, line, msg, ps)
	return false, code
}

func TestCheckMatchesNix(t *testing.T) {
	nix := newLitNix(t)
	srcs := make(chan string)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for src := range srcs {
				_, _ = agreeWithNix(t, nix, src)
			}
		}()
	}
	for _, tc := range checkCases {
		srcs <- tc.src
	}
	close(srcs)
	wg.Wait()
}

// genNix writes a random expression over few names, so that duplicates,
// merges, shadowing and undefined names are frequent.
type genNix struct {
	rng *rand.Rand
	b   strings.Builder
}

func (g *genNix) pick(xs ...string) string { return xs[g.rng.Intn(len(xs))] }

func (g *genNix) name() string { return g.pick("a", "b", "c", "x") }

func (g *genNix) attr() string {
	switch g.rng.Intn(8) {
	case 0:
		return `"` + g.name() + `"`
	case 1:
		return `${"` + g.name() + `"}`
	case 2:
		return "${" + g.name() + "}"
	}
	return g.name()
}

func (g *genNix) bindings(depth int) {
	for n := g.rng.Intn(4); n > 0; n-- {
		switch g.rng.Intn(6) {
		case 0:
			g.b.WriteString("inherit " + g.name() + "; ")
		case 1:
			g.b.WriteString("inherit (")
			g.expr(depth + 1)
			g.b.WriteString(") " + g.name() + " " + g.name() + "; ")
		default:
			g.b.WriteString(g.attr())
			for k := g.rng.Intn(3); k > 0; k-- {
				g.b.WriteString("." + g.attr())
			}
			g.b.WriteString(" = ")
			g.expr(depth + 1)
			g.b.WriteString("; ")
		}
	}
}

func (g *genNix) expr(depth int) {
	k := g.rng.Intn(12)
	if depth > 3 {
		k = g.rng.Intn(2)
	}
	switch k {
	case 0:
		g.b.WriteString(g.pick("a", "b", "c", "x", "true", "map", "y"))
	case 1:
		g.b.WriteString("1")
	case 2, 3:
		open := g.pick("{ ", "rec { ", "({ ")
		g.b.WriteString(open)
		g.bindings(depth)
		g.b.WriteString("}")
		if open == "({ " {
			g.b.WriteString(")")
		}
	case 4:
		g.b.WriteString("let ")
		g.bindings(depth)
		g.b.WriteString("in ")
		g.expr(depth + 1)
	case 5:
		g.b.WriteString(g.name() + ": ")
		g.expr(depth + 1)
	case 6:
		g.b.WriteString("{ " + g.name() + ", " + g.name() + " ? ")
		g.expr(depth + 1)
		g.b.WriteString(g.pick(" }", ", ... }", " }@"+g.name()) + ": ")
		g.expr(depth + 1)
	case 7:
		g.b.WriteString("with ")
		g.expr(depth + 1)
		g.b.WriteString("; ")
		g.expr(depth + 1)
	case 8:
		g.b.WriteString("(")
		g.expr(depth + 1)
		g.b.WriteString(")." + g.attr())
	case 9:
		g.b.WriteString(`"s${`)
		g.expr(depth + 1)
		g.b.WriteString(`}"`)
	case 10:
		g.b.WriteString("[ ")
		g.expr(depth + 1)
		g.b.WriteString(" ")
		g.expr(depth + 1)
		g.b.WriteString(" ]")
	default:
		g.b.WriteString("let { ")
		g.bindings(depth)
		g.b.WriteString("body = ")
		g.expr(depth + 1)
		g.b.WriteString("; }")
	}
}

func TestCheckMatchesNixRandom(t *testing.T) {
	nix := newLitNix(t)
	// NIXSEC_CHECK_RANDOM=N,SEED runs N expressions from another seed.
	n, seed := 600, int64(2)
	if testing.Short() {
		n = 100
	}
	if v := os.Getenv("NIXSEC_CHECK_RANDOM"); v != "" {
		if _, err := fmt.Sscanf(v, "%d,%d", &n, &seed); err != nil {
			t.Fatalf("NIXSEC_CHECK_RANDOM=%q: want N,SEED", v)
		}
	}
	rng := rand.New(rand.NewSource(seed))
	srcs := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	bad := 0
	verdicts := map[string]int{}
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for src := range srcs {
				ok, code := agreeWithNix(t, nix, src)
				mu.Lock()
				if !ok {
					bad++
				}
				if code == "" {
					code = "accepted"
				}
				verdicts[code]++
				mu.Unlock()
			}
		}()
	}
	for range n {
		g := &genNix{rng: rng}
		g.expr(0)
		srcs <- g.b.String()
	}
	close(srcs)
	wg.Wait()
	t.Logf("%d random expressions compared with Nix, %d differ; Nix's verdicts: %v", n, bad, verdicts)
}

// FuzzCheck runs Check and the typed helpers on any input: no panic, and
// every span inside the file.
func FuzzCheck(f *testing.F) {
	for _, tc := range checkCases {
		f.Add([]byte(tc.src))
	}
	for _, tc := range stringCases {
		f.Add([]byte(tc.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := Parse("fuzz.nix", src)
		if err != nil {
			return
		}
		inside := func(what string, sp Span) {
			if sp.Start < 0 || sp.End > len(src) || sp.Start > sp.End {
				t.Fatalf("%s span %v outside [0,%d]", what, sp, len(src))
			}
		}
		for _, p := range Check(file) {
			inside(p.Code, p.Span)
			for _, r := range p.Related {
				inside(p.Code+" related", r)
			}
			if p.Message == "" {
				t.Fatalf("problem without message: %+v", p)
			}
		}
		Resolutions(file)
		for _, c := range Comments(file) {
			inside("comment", c.Span)
		}
		file.Root().Walk(func(n Node) bool {
			switch n.Kind() {
			case KindString, KindIndentedString:
				StringValue(n)
				for _, p := range StringParts(n) {
					inside("string part", p.Span)
					for i := 0; i <= len(p.Text); i++ {
						if off := p.SourceOffset(i); off < 0 || off > len(src) {
							t.Fatalf("SourceOffset(%d) = %d", i, off)
						}
					}
					inside("string part source", p.SourceSpan(0, len(p.Text)))
				}
			case KindAttrpath, KindInheritedAttrs:
				for _, a := range AttrPath(n) {
					inside("attr", a.Span())
				}
			case KindFunction:
				Formals(n)
			case KindVariable:
				Resolve(n)
				BoolOrNull(n)
			case KindInteger, KindFloat:
				IntValue(n)
				FloatValue(n)
			case KindPath, KindHPath, KindSPath:
				PathValue(n)
			}
			CommentBefore(n)
			return true
		})
		for line := range file.Lines.LineCount() {
			TrailingComment(file, line)
			CommentsOnLine(file, line)
		}
	})
}

// TestCheckCorpus compares Check with nix-instantiate --parse on every .nix
// file under $NIXSEC_CHECK_CORPUS (e.g. a nixpkgs or home-manager checkout)
// that tree-sitter parses without error: where Check reports a problem Nix
// must reject the file, and a sample of the files Check accepts must parse.
func TestCheckCorpus(t *testing.T) {
	root := os.Getenv("NIXSEC_CHECK_CORPUS")
	if root == "" {
		t.Skip("set NIXSEC_CHECK_CORPUS to a folder of .nix files")
	}
	nix := newLitNix(t)
	var files []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".nix") {
			files = append(files, p)
		}
		return nil
	})
	checked, flagged, sampled := 0, 0, 0
	for i, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(p, src)
		if err != nil || len(f.Errors) > 0 {
			continue
		}
		checked++
		ps := Check(f)
		if len(ps) == 0 && i%20 != 0 {
			continue
		}
		if len(ps) > 0 {
			flagged++
		} else {
			sampled++
		}
		code, msg, _ := nixCheckVerdict(t, nix, string(src))
		switch {
		case len(ps) > 0 && code == "":
			t.Errorf("%s: Check reports %v, Nix accepts", p, ps[0])
		case len(ps) == 0 && code != "":
			t.Errorf("%s: Nix rejects (%s), Check accepts", p, msg)
		}
	}
	t.Logf("%d files checked, %d flagged, %d accepted ones compared with Nix", checked, flagged, sampled)
}
