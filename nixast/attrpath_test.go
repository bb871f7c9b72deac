package nixast

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

func newRand(seed int64) *rand.Rand { return rand.New(rand.NewSource(seed)) }

func firstOfKind(f *File, k Kind) Node {
	var out Node
	f.Root().Walk(func(n Node) bool {
		if !out.Valid() && n.Kind() == k {
			out = n
		}
		return !out.Valid()
	})
	return out
}

func describePath(p []AttrName) string {
	var parts []string
	for _, a := range p {
		s := a.Name
		if !a.Static {
			s = "dyn(" + a.Expr.Text() + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestAttrPath(t *testing.T) {
	for _, tc := range []struct {
		src  string
		kind Kind
		want string
	}{
		{`{ a.b.c = 1; }`, KindBinding, "a b c"},
		{`{ "a b".c = 1; }`, KindBinding, "a b c"},
		{`{ "a\nb" = 1; }`, KindBinding, "a\nb"},
		{`{ ${"x"}.y = 1; }`, KindBinding, "x y"},
		{`{ ${("x")} = 1; }`, KindBinding, "x"},
		{"{ ${''x''} = 1; }", KindBinding, "x"},
		{"{ ${''x''\\ny''} = 1; }", KindBinding, "dyn(''x''\\ny'')"},
		{`x: { ${x}.y = 1; }`, KindBinding, "dyn(x) y"},
		{`x: { "a${x}" = 1; }`, KindBinding, `dyn("a${x}")`},
		{`x: { "${"a"}" = 1; }`, KindBinding, `dyn("${"a"}")`},
		{`x: x.a."b".${"c"}.${x} or 1`, KindSelect, "a b c dyn(x)"},
		{`x: x ? a.b`, KindHasAttr, "a b"},
		{`x: { inherit a "b" ${"c"}; }`, KindInherit, "a b c"},
		{`x: { inherit (x) a "b"; }`, KindInheritFrom, "a b"},
	} {
		f := mustParse(t, tc.src)
		n := firstOfKind(f, tc.kind)
		if got := describePath(AttrPath(n)); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.src, got, tc.want)
		}
	}
	f := mustParse(t, `{ a."b c".d = 1; }`)
	p := AttrPath(firstOfKind(f, KindAttrpath))
	if AttrPathString(p) != "a.b c.d" || p[1].Span() != p[1].Node.Span() || p[1].Node.Kind() != KindString {
		t.Errorf("path %+v", p)
	}
	if AttrPath(f.Expr()) != nil {
		t.Error("AttrPath of an attrset")
	}
}

func TestFormals(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`x: x`, "at=x formals=false"},
		{`{ }: 1`, "at= formals=true"},
		{`{ a, b ? 1, ... }: a`, "at= formals=true a b?1 ..."},
		{`args@{ a, ... }: a`, "at=args first formals=true a ..."},
		{`{ a ? { }, }@args: a`, "at=args formals=true a?{ }"},
		{`{ ... }: 1`, "at= formals=true ..."},
	} {
		ff, ok := Formals(mustParse(t, tc.src).Expr())
		if !ok {
			t.Fatalf("%q: not a function", tc.src)
		}
		got := fmt.Sprintf("at=%s", ff.At)
		if ff.AtFirst {
			got += " first"
		}
		got += fmt.Sprintf(" formals=%v", ff.HasFormals)
		for _, fm := range ff.Formals {
			got += " " + fm.Name
			if fm.Default.Valid() {
				got += "?" + fm.Default.Text()
			}
			if fm.Ident.Text() != fm.Name || fm.Node.Kind() != KindFormal {
				t.Errorf("%q: formal nodes %+v", tc.src, fm)
			}
		}
		if ff.Ellipsis {
			got += " ..."
		}
		if ff.At != "" && ff.AtNode.Text() != ff.At {
			t.Errorf("%q: at node %q", tc.src, ff.AtNode.Text())
		}
		if got != tc.want {
			t.Errorf("%q: %q, want %q", tc.src, got, tc.want)
		}
	}
	if _, ok := Formals(mustParse(t, "1").Expr()); ok {
		t.Error("Formals of an integer")
	}
}

// TestResolveAgreesWithResolutions compares the cheap upward Resolve with the
// full binding pass on every variable of the Check table and of random
// expressions that Nix accepts.
func TestResolveAgreesWithResolutions(t *testing.T) {
	var srcs []string
	for _, tc := range checkCases {
		srcs = append(srcs, tc.src)
	}
	g := &genNix{}
	g.rng = newRand(3)
	for range 4000 {
		g.b.Reset()
		g.expr(0)
		srcs = append(srcs, g.b.String())
	}
	checked := 0
	for _, src := range srcs {
		f := mustParse(t, src)
		res := Resolutions(f)
		// Only files Nix accepts; not the known divergence (attributes
		// merged into or out of a rec literal).
		if res == nil || len(Check(f)) > 0 || mergesIntoRec(f) {
			continue
		}
		f.Root().Walk(func(n Node) bool {
			if n.Kind() != KindVariable {
				return true
			}
			want, ok := res[n.Index()]
			if !ok {
				return true // never bound by Nix (dropped by a merge)
			}
			got := Resolve(n)
			checked++
			if got.Kind != want.Kind || got.Def != want.Def {
				t.Errorf("%q: %q at %d: Resolve %v %q, Resolutions %v %q", src, n.Text(), n.Start(), got.Kind, got.Def.Text(), want.Kind, want.Def.Text())
			}
			return true
		})
	}
	t.Logf("%d variables resolved both ways", checked)
}

// mergesIntoRec reports a binding whose path descends into a rec literal
// defined by another binding, the case Resolve documents it gets wrong.
func mergesIntoRec(f *File) bool {
	found := false
	f.Root().Walk(func(n Node) bool {
		if n.Kind() == KindRecAttrset && n.Parent().Kind() == KindBinding || n.Kind() == KindRecAttrset && n.Parent().Kind() == KindParenthesized {
			found = true
		}
		return !found
	})
	return found
}
