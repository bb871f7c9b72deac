package analyzer

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

func TestSqueezeSpace(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	pieces := []string{" ", "\t", "\n", "\r\n", "\v", "\f", "a", "bc", "é", "\u00a0", "\u0085", "\u2003", "\u3000", "\xe2\x80", "\xff", "x y", "世"}
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for j := r.Intn(12); j > 0; j-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := string(squeezeSpace([]byte("pre"), s)), "pre"+strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("squeezeSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestShort compares short with what it computed with strings.Fields.
func TestShort(t *testing.T) {
	old := func(n nixast.Node) string {
		src := n.File().Src[n.Start():n.End()]
		if len(src) > 160 {
			src = src[:160]
		}
		t := strings.Join(strings.Fields(string(src)), " ")
		if len(t) > 40 {
			t = strings.ToValidUTF8(t[:40], "") + "…"
		}
		return "`" + t + "`"
	}
	src := "{ a = x  y\n\t z; b = \"é très long texte avec des espaces   et des accents éééééééé\"; c = f  (g h)   { x = 1; }; d = \"世界世界世界世界世界世界世界世界世界世界世界世界世界世界\"; }"
	f, err := nixast.Parse("s.nix", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var walk func(x nixast.Node)
	walk = func(x nixast.Node) {
		if got, want := short(x), old(x); got != want {
			t.Errorf("short(%q) = %q, want %q", x.Text(), got, want)
		}
		n++
		for c := x.FirstChild(); c.Valid(); c = c.NextSibling() {
			walk(c)
		}
	}
	walk(f.Root())
	if short(nixast.Node{}) != "``" {
		t.Error("short of no node")
	}
}

func TestReason(t *testing.T) {
	for _, c := range []struct {
		format string
		args   []any
	}{
		{"plain", nil},
		{"100%", nil},
		{"100%%", nil},
		{"`%s` is a function argument", []any{"pkgs"}},
		{"`%s` comes from `with %s`", []any{"x", "lib"}},
		{"%s depends on %s", []any{"`a.b`", "an unknown value"}},
		{"%s is not resolved statically", []any{nixast.KindApply}},
		{"cannot select `%s` from %s", []any{"x", Int}},
		{"%d definitions", []any{3}},
		{"%s", []any{"a", "b"}},
		{"%s %s", []any{"a"}},
		{"%q", []any{"a"}},
		{"trailing %", []any{"a"}},
		{"", nil},
	} {
		if got, want := reason(c.format, c.args), fmt.Sprintf(c.format, c.args...); got != want {
			t.Errorf("reason(%q, %v) = %q, want %q", c.format, c.args, got, want)
		}
	}
}
