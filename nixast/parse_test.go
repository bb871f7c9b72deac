package nixast

import "testing"

func TestParseBasics(t *testing.T) {
	f, err := Parse("t.nix", []byte("{ a.b = 1; c = \"x\"; }"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Errors) != 0 {
		t.Fatalf("unexpected errors %v", f.Errors)
	}
	e := f.Expr()
	if e.Kind() != KindAttrset {
		t.Fatalf("expr kind %v", e.Kind())
	}
	bs := e.NamedChildren()
	if len(bs) != 1 || bs[0].Kind() != KindBindingSet {
		t.Fatalf("children %v", bs)
	}
	binds := bs[0].ChildrenOf(FieldBinding)
	if len(binds) != 2 {
		t.Fatalf("bindings %d", len(binds))
	}
	if got := binds[0].Child(FieldAttrpath).Text(); got != "a.b" {
		t.Fatalf("attrpath %q", got)
	}
	if got := binds[1].Child(FieldExpression).Kind(); got != KindString {
		t.Fatalf("value kind %v", got)
	}
	if n := f.NodeAt(8); n.Kind() != KindInteger || n.Text() != "1" {
		t.Fatalf("NodeAt(8) = %v %q", n.Kind(), n.Text())
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"{ a = 1 }", `7-7: missing ";"`},
		{"{ a = ; }", `5-5: missing expression after "="`},
		{"let x = 1; in", `13-13: unexpected end of file, expected an expression after "in"`},
	} {
		f, err := Parse("t.nix", []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Errors) != 1 || f.Errors[0].String() != tc.want {
			t.Errorf("%q: %v, want [%s]", tc.src, f.Errors, tc.want)
		}
	}
}

func TestParseRejectsBinary(t *testing.T) {
	if _, err := Parse("b.nix", []byte("{ a = 1; }\x00\x01")); err == nil {
		t.Fatal("binary input accepted")
	}
}
