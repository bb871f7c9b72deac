package nixast

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// dump renders the tree as an indented outline: kind, field, span, flags.
func dump(f *File) string {
	var b strings.Builder
	var rec func(n Node, depth int)
	rec = func(n Node, depth int) {
		fmt.Fprintf(&b, "%s%s", strings.Repeat("  ", depth), n.Kind())
		if n.Kind() == KindToken || n.IsMissing() {
			fmt.Fprintf(&b, " %q", symbolText(n))
		}
		if fl := n.FieldName(); fl != FieldNone {
			fmt.Fprintf(&b, " [%s]", fl)
		}
		fmt.Fprintf(&b, " %d-%d", n.Start(), n.End())
		if n.IsMissing() {
			b.WriteString(" MISSING")
		}
		if n.HasError() {
			b.WriteString(" !")
		}
		b.WriteString("\n")
		for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
			rec(c, depth+1)
		}
	}
	rec(f.Root(), 0)
	return b.String()
}

// TestDumpTree prints the tree of NIXSEC_DUMP (a file or literal source).
func TestDumpTree(t *testing.T) {
	s := os.Getenv("NIXSEC_DUMP")
	if s == "" {
		t.Skip("NIXSEC_DUMP not set")
	}
	src := []byte(s)
	if b, err := os.ReadFile(s); err == nil {
		src = b
	}
	f, err := Parse("dump.nix", src)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", dump(f))
	for _, e := range f.Errors {
		t.Logf("error %v", e)
	}
}
