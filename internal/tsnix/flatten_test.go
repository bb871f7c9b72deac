package tsnix

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
)

// TestFlattenMatchesCursorAPI checks the C walk, node by node, against
// go-tree-sitter's own cursor API (slow, one cgo call per question, but the
// reference): symbol, field, flags, span and parent, on valid and broken
// fixtures, so an optimization of the walk cannot change its output.
func TestFlattenMatchesCursorAPI(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "parse", "*", "*.nix"))
	srcs := [][]byte{SampleModule(20000), []byte(""), []byte("{ a = 1 }"), []byte("let x = 1; in")}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, b)
	}
	if len(srcs) < 20 {
		t.Fatalf("only %d inputs", len(srcs))
	}
	parser := sitter.NewParser()
	defer parser.Close()
	parser.SetLanguage(Language())
	for si, src := range srcs {
		tr, err := Parse(src, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := tr.Flatten(nil)
		tr.Close()
		if got[0].Flags&FlagTooDeep != 0 || tooDeep(got) {
			continue // the walk stops at 4096 levels by design
		}

		ref, err := parser.ParseCtx(context.Background(), nil, src)
		if err != nil {
			t.Fatal(err)
		}
		var want []Node
		var stack []int32
		c := sitter.NewTreeCursor(ref.RootNode())
		for {
			n := c.CurrentNode()
			var flags uint8
			for _, f := range []struct {
				on  bool
				bit uint8
			}{{n.IsNamed(), FlagNamed}, {n.IsMissing(), FlagMissing}, {n.IsError(), FlagError}, {n.IsExtra(), FlagExtra}, {n.HasError(), FlagHasError}} {
				if f.on {
					flags |= f.bit
				}
			}
			parent := int32(-1)
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			want = append(want, Node{Start: n.StartByte(), End: n.EndByte(), Parent: parent, Sym: uint16(n.Symbol()), Flags: flags})
			field := c.CurrentFieldName()
			if field != "" {
				want[len(want)-1].Field = fieldID(field)
			}
			if c.GoToFirstChild() {
				stack = append(stack, int32(len(want)-1))
				continue
			}
			for !c.GoToNextSibling() {
				if !c.GoToParent() {
					goto done
				}
				stack = stack[:len(stack)-1]
			}
		}
	done:
		c.Close()
		ref.Close()
		if len(got) != len(want) {
			t.Fatalf("input %d: %d nodes, reference %d", si, len(got), len(want))
		}
		for i := range got {
			g := got[i]
			g.Next = 0
			if g != want[i] {
				t.Fatalf("input %d node %d: %+v, reference %+v", si, i, g, want[i])
			}
		}
	}
}

func fieldID(name string) uint16 {
	for id := uint16(1); id < 256; id++ {
		if FieldName(id) == name {
			return id
		}
	}
	return 0
}

func tooDeep(nodes []Node) bool {
	for _, n := range nodes {
		if n.Flags&FlagTooDeep != 0 {
			return true
		}
	}
	return false
}
