package analyzer

import (
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Quick-fix builders. They follow the catalog's rules: keep the dotted or
// nested shape and any mk* wrapper, remove only the offending list element,
// and never replace an expression (a variable, a function call) with a
// literal: a fix that would is not offered.

// isLiteral reports nodes a fix may replace: literals whose meaning is the text.
func isLiteral(n nixast.Node) bool {
	switch n.Unparen().Kind() {
	case nixast.KindInteger, nixast.KindFloat, nixast.KindString, nixast.KindIndentedString,
		nixast.KindPath, nixast.KindList, nixast.KindURI:
		return true
	case nixast.KindVariable:
		t := n.Unparen().Text()
		return t == "true" || t == "false" || t == "null"
	}
	return false
}

func edit(n nixast.Node, text string) diagnostics.Edit {
	return diagnostics.Edit{Location: diagnostics.Location{Path: n.File().Path, Span: n.Span()}, NewText: text}
}

func spanEdit(f *nixast.File, start, end int, text string) diagnostics.Edit {
	return diagnostics.Edit{Location: diagnostics.Location{Path: f.Path, Span: nixast.Span{Start: start, End: end}}, NewText: text}
}

// ReplaceValue replaces d's value (inside any mk* wrapper) with text. It
// returns false when the value is not a literal written at the definition.
func ReplaceValue(d *Definition, text, title string, safe bool) (diagnostics.Fix, bool) {
	if !d.Node.Valid() || !isLiteral(d.Node) {
		return diagnostics.Fix{}, false
	}
	return diagnostics.Fix{Title: title, Safe: safe, Edits: []diagnostics.Edit{edit(d.Node, text)}}, true
}

// ReplaceNode replaces one node (a list element, a string) with text.
func ReplaceNode(n nixast.Node, text, title string, safe bool) diagnostics.Fix {
	return diagnostics.Fix{Title: title, Safe: safe, Edits: []diagnostics.Edit{edit(n, text)}}
}

// RemoveListElement deletes one element of a list literal, with the space
// that separated it; an element alone on its line takes its line with it.
func RemoveListElement(el nixast.Node, title string, safe bool) diagnostics.Fix {
	return RemoveNode(el, title, safe)
}

// RemoveNode deletes a node (a list element, a whole binding) with the
// space that separated it; a node alone on its line takes its line with it.
func RemoveNode(el nixast.Node, title string, safe bool) diagnostics.Fix {
	f := el.File()
	src := f.Src
	start, end := el.Start(), el.End()
	ls := start
	for ls > 0 && (src[ls-1] == ' ' || src[ls-1] == '\t') {
		ls--
	}
	le := end
	for le < len(src) && (src[le] == ' ' || src[le] == '\t') {
		le++
	}
	// Keep a trailing comment on the line: only the element goes.
	switch {
	case (ls == 0 || src[ls-1] == '\n') && (le == len(src) || src[le] == '\n' || src[le] == '\r'):
		// alone on its line: remove the whole line
		if le < len(src) && src[le] == '\r' {
			le++
		}
		if le < len(src) && src[le] == '\n' {
			le++
		}
		start, end = ls, le
	case ls == 0 || src[ls-1] == '\n':
		end = le // first on its line: keep the indentation, drop the space after
	case ls < start:
		start = ls // take the space before: `[ a b ]` → `[ a ]`
	default:
		end = le
	}
	return diagnostics.Fix{Title: title, Safe: safe, Edits: []diagnostics.Edit{spanEdit(f, start, end, "")}}
}

// lineIndent returns the indentation of the line holding offset off.
func lineIndent(f *nixast.File, off int) string {
	line := f.Lines.Line(off)
	text := f.Lines.LineText(line)
	i := 0
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return string(text[:i])
}

// bindingPrefix is the part of d.Path above the binding that defines d: the
// path of the attrset the binding is written in. It fails for definitions
// that do not end at their binding (values computed through a variable).
func bindingPrefix(d *Definition) ([]string, bool) {
	if d.Binding.Kind() != nixast.KindBinding {
		return nil, false
	}
	segs := nixast.AttrPath(d.KeyPath)
	path := d.Path
	if d.WrittenPath != nil {
		path = d.WrittenPath // edits follow the source, not the canonical name
	}
	k := len(path) - len(segs)
	if len(segs) == 0 || k < 0 {
		return nil, false
	}
	for i, s := range segs {
		if s.Static && s.Name != path[k+i] {
			return nil, false
		}
	}
	return path[:k], true
}

// AddSibling adds `path = value;` as a new binding right after the binding
// of anchor, in the same attrset and with the same indentation, writing
// the path relative to that set (so a nested shape stays nested and a
// dotted one dotted). It returns false when path does not fall under the
// set anchor is written in.
func AddSibling(anchor *Definition, path []string, value, title string, safe bool) (diagnostics.Fix, bool) {
	return AddSiblings(anchor, []Sibling{{path, value}}, title, safe)
}

// Sibling is one binding for AddSiblings to write.
type Sibling struct {
	Path  []string
	Value string
}

// AddSiblings is AddSibling for several bindings, written one after the
// other in one edit: where they go and how they are indented is worked out
// once.
func AddSiblings(anchor *Definition, sibs []Sibling, title string, safe bool) (diagnostics.Fix, bool) {
	prefix, ok := bindingPrefix(anchor)
	if !ok || len(sibs) == 0 {
		return diagnostics.Fix{}, false
	}
	for _, sb := range sibs {
		if len(sb.Path) <= len(prefix) {
			return diagnostics.Fix{}, false
		}
		for i := range prefix {
			if prefix[i] != sb.Path[i] {
				return diagnostics.Fix{}, false
			}
		}
	}
	f := anchor.File
	b := anchor.Binding
	end := b.End()
	sep := "\n" + lineIndent(f, b.Start())
	if line := f.Lines.Line(b.Start()); f.Lines.LineEnd(line) < len(f.Src) && f.Src[f.Lines.LineEnd(line)] == '\r' {
		sep = "\r" + sep
	}
	if f.Lines.Line(b.Start()) == f.Lines.Line(b.End()) && !onOwnLine(f, b) {
		sep = " " // `{ a = 1; }` on one line: stay on it.
	} else if lineEnd := f.Lines.LineEnd(f.Lines.Line(b.End())); !codeAfter(f, b.End(), lineEnd) {
		// After any trailing comment, so the comment stays with its
		// binding; right after the binding when code follows it on its last
		// line (`};` closing the set, another binding): the end of that
		// line can be outside the set.
		end = lineEnd
	}
	var text strings.Builder
	for _, sb := range sibs {
		text.WriteString(sep)
		text.WriteString(JoinPath(sb.Path[len(prefix):]))
		text.WriteString(" = ")
		text.WriteString(sb.Value)
		text.WriteString(";")
	}
	return diagnostics.Fix{Title: title, Safe: safe, Edits: []diagnostics.Edit{spanEdit(f, end, end, text.String())}}, true
}

// codeAfter reports whether src[from:to] holds more than white space and
// a comment.
func codeAfter(f *nixast.File, from, to int) bool {
	after := string(f.Src[from:to])
	if i := strings.Index(after, "#"); i >= 0 {
		after = after[:i]
	}
	return strings.TrimSpace(after) != ""
}

// onOwnLine reports whether only white space surrounds n on its line.
func onOwnLine(f *nixast.File, n nixast.Node) bool {
	line := f.Lines.Line(n.Start())
	before := f.Src[f.Lines.LineStart(line):n.Start()]
	return strings.TrimSpace(string(before)) == "" && !codeAfter(f, n.End(), f.Lines.LineEnd(f.Lines.Line(n.End())))
}

// AppendToList adds an element at the end of a list literal.
func AppendToList(list nixast.Node, elem, title string, safe bool) (diagnostics.Fix, bool) {
	list = list.Unparen()
	if list.Kind() != nixast.KindList {
		return diagnostics.Fix{}, false
	}
	closing := list.End() - 1 // the "]"
	els := list.ChildrenOf(nixast.FieldElement)
	f := list.File()
	if len(els) == 0 {
		return diagnostics.Fix{Title: title, Safe: safe, Edits: []diagnostics.Edit{spanEdit(f, list.Start(), list.End(), "[ "+elem+" ]")}}, true
	}
	last := els[len(els)-1]
	if f.Lines.Line(last.Start()) != f.Lines.Line(closing) {
		return diagnostics.Fix{Title: title, Safe: safe, Edits: []diagnostics.Edit{spanEdit(f, last.End(), last.End(), "\n"+lineIndent(f, last.Start())+elem)}}, true
	}
	return diagnostics.Fix{Title: title, Safe: safe, Edits: []diagnostics.Edit{spanEdit(f, last.End(), last.End(), " "+elem)}}, true
}

// ApplyEdits applies non-overlapping edits of one file to src (test and
// --fix helper). Edits are applied from the end so offsets stay valid.
func ApplyEdits(src []byte, edits []diagnostics.Edit) []byte {
	es := append([]diagnostics.Edit(nil), edits...)
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].Span.Start > es[j-1].Span.Start; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
	out := append([]byte(nil), src...)
	for _, e := range es {
		if e.Span.Start < 0 || e.Span.End > len(out) || e.Span.Start > e.Span.End {
			continue
		}
		out = append(out[:e.Span.Start], append([]byte(e.NewText), out[e.Span.End:]...)...)
	}
	return out
}
