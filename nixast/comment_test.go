package nixast

import (
	"strings"
	"testing"
)

func TestComments(t *testing.T) {
	src := "# head\r\n{\n  /* block\n  two */ a = 1; # trailing a\n  s = \"# not a comment\";\n\n  # about b\n  # nixsec-ignore NIXSEC-FW-001: reason\n  b = 2;\n  c = /* inline */ 3;\n}\n"
	f := mustParse(t, src)
	cs := Comments(f)
	var texts []string
	for _, c := range cs {
		texts = append(texts, c.Text)
	}
	want := []string{" head", " block\n  two ", " trailing a", " about b", " nixsec-ignore NIXSEC-FW-001: reason", " inline "}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Fatalf("texts %q", texts)
	}
	if src[cs[0].Span.Start:cs[0].Span.End] != "# head" || cs[0].Block || cs[0].Trailing || cs[0].Line != 0 {
		t.Errorf("head %+v", cs[0])
	}
	if !cs[1].Block || cs[1].Line != 2 || cs[1].EndLine != 3 || cs[1].Trailing {
		t.Errorf("block %+v", cs[1])
	}
	if !cs[2].Trailing || cs[2].Line != 3 {
		t.Errorf("trailing %+v", cs[2])
	}
	if !cs[5].Trailing || !cs[5].Block {
		t.Errorf("inline %+v", cs[5])
	}

	binding := func(name string) Node {
		var out Node
		f.Root().Walk(func(n Node) bool {
			if n.Kind() == KindBinding && n.Child(FieldAttrpath).Text() == name {
				out = n
			}
			return true
		})
		return out
	}
	before := func(name string) []string {
		var out []string
		for _, c := range CommentBefore(binding(name)) {
			out = append(out, c.Text)
		}
		return out
	}
	if got := before("b"); len(got) != 2 || got[1] != " nixsec-ignore NIXSEC-FW-001: reason" {
		t.Errorf("before b: %q", got)
	}
	if got := before("a"); len(got) != 1 || got[0] != " block\n  two " {
		t.Errorf("before a: %q", got)
	}
	if got := before("s"); len(got) != 0 {
		t.Errorf("before s (after a trailing comment): %q", got)
	}
	if got := CommentBefore(f.Expr()); len(got) != 1 || got[0].Text != " head" {
		t.Errorf("before the file's expression: %+v", got)
	}
	if c, ok := TrailingComment(f, 3); !ok || c.Text != " trailing a" {
		t.Errorf("trailing line 3: %+v %v", c, ok)
	}
	for _, line := range []int{0, 1, 4, 7, 8, 9, 100, -1} {
		if c, ok := TrailingComment(f, line); ok {
			t.Errorf("line %d: trailing %+v", line, c)
		}
	}
	if got := CommentsOnLine(f, 3); len(got) != 1 || got[0].Text != " trailing a" {
		t.Errorf("on line 3: %+v", got)
	}
	if got := CommentsOnLine(f, 4); len(got) != 0 {
		t.Errorf("on line 4 (a string): %+v", got)
	}
	if c, ok := CommentOf(cs[3].Node); !ok || c != cs[3] {
		t.Errorf("CommentOf %+v", c)
	}
	if CommentBefore(Node{}) != nil || Comments(nil) != nil {
		t.Error("zero values")
	}
}
