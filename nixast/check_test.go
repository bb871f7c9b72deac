package nixast

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// dumpTree renders n as an indented S-expression with fields, for debugging.
func dumpTree(n Node) string {
	var b strings.Builder
	var rec func(Node, int)
	rec = func(n Node, depth int) {
		b.WriteString(strings.Repeat("  ", depth))
		if fn := n.FieldName(); fn != FieldNone {
			b.WriteString(fn.String() + ": ")
		}
		if n.Kind() == KindToken {
			fmt.Fprintf(&b, "%q", n.Text())
		} else {
			b.WriteString(n.Kind().String())
			if n.FirstChild().Valid() == false {
				fmt.Fprintf(&b, " %q", n.Text())
			}
		}
		fmt.Fprintf(&b, " [%d-%d]", n.Start(), n.End())
		if n.IsMissing() {
			b.WriteString(" MISSING")
		}
		b.WriteString("\n")
		for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
			rec(c, depth+1)
		}
	}
	rec(n, 0)
	return b.String()
}

// TestDump prints the tree of $NIXAST_DUMP (a Nix expression).
func TestDump(t *testing.T) {
	src := os.Getenv("NIXAST_DUMP")
	if src == "" {
		t.Skip("set NIXAST_DUMP to a Nix expression")
	}
	f, err := Parse("dump.nix", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Print(dumpTree(f.Root()))
}
