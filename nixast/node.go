package nixast

import "github.com/nixsec/nixsec/internal/tsnix"

// Node is a view of one node of a parsed File. The zero Node is "no node":
// every method on it is safe and returns a zero value.
type Node struct {
	f *File
	i int32
}

func (n Node) raw() *tsnix.Node { return &n.f.nodes[n.i] }

// Valid reports whether n refers to a node.
func (n Node) Valid() bool { return n.f != nil }

// File returns the file n belongs to.
func (n Node) File() *File { return n.f }

// Index is n's preorder index in its file, stable for one parse.
func (n Node) Index() int {
	if n.f == nil {
		return -1
	}
	return int(n.i)
}

func (n Node) Kind() Kind {
	if n.f == nil {
		return KindInvalid
	}
	r := n.raw()
	return kindOf(r.Sym, r.Flags)
}

// Start and End are byte offsets into File.Src.
func (n Node) Start() int {
	if n.f == nil {
		return 0
	}
	return int(n.raw().Start)
}

func (n Node) End() int {
	if n.f == nil {
		return 0
	}
	return int(n.raw().End)
}

// Span returns the node's byte range.
func (n Node) Span() Span { return Span{Start: n.Start(), End: n.End()} }

// Text returns the node's source text. It does not allocate: the string
// shares the file's copy of its source.
func (n Node) Text() string {
	if n.f == nil {
		return ""
	}
	r := n.raw()
	return n.f.text[r.Start:r.End]
}

// IsNamed is false for anonymous tokens such as ";" or "let".
func (n Node) IsNamed() bool { return n.f != nil && n.raw().Flags&tsnix.FlagNamed != 0 }

// IsMissing reports a node tree-sitter inserted to recover from an error.
func (n Node) IsMissing() bool { return n.f != nil && n.raw().Flags&tsnix.FlagMissing != 0 }

// HasError reports whether n or a descendant is an error or missing node.
func (n Node) HasError() bool { return n.f != nil && n.raw().Flags&tsnix.FlagHasError != 0 }

// IsExtra reports comments and other nodes outside the grammar's structure.
func (n Node) IsExtra() bool { return n.f != nil && n.raw().Flags&tsnix.FlagExtra != 0 }

// FieldName is the field under which n sits in its parent.
func (n Node) FieldName() Field {
	if n.f == nil {
		return FieldNone
	}
	id := n.raw().Field
	if int(id) < len(fieldOf) {
		return fieldOf[id]
	}
	return FieldNone
}

// Parent returns the enclosing node, or the zero Node at the root.
func (n Node) Parent() Node {
	if n.f == nil || n.raw().Parent < 0 {
		return Node{}
	}
	return Node{n.f, n.raw().Parent}
}

// FirstChild returns the first child (named or not).
func (n Node) FirstChild() Node {
	if n.f == nil {
		return Node{}
	}
	c := n.i + 1
	if c >= int32(n.raw().Next) {
		return Node{}
	}
	return Node{n.f, c}
}

// NextSibling returns the following sibling (named or not).
func (n Node) NextSibling() Node {
	if n.f == nil {
		return Node{}
	}
	next := int32(n.raw().Next)
	p := n.raw().Parent
	if p < 0 || next >= int32(n.f.nodes[p].Next) {
		return Node{}
	}
	return Node{n.f, next}
}

// Children returns all children, named and anonymous, comments included.
func (n Node) Children() []Node {
	var out []Node
	for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

// NamedChildren returns the named children, comments excluded.
func (n Node) NamedChildren() []Node {
	var out []Node
	for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
		if c.IsNamed() && c.Kind() != KindComment {
			out = append(out, c)
		}
	}
	return out
}

// Child returns the first child under field f.
func (n Node) Child(f Field) Node {
	for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
		if c.FieldName() == f {
			return c
		}
	}
	return Node{}
}

// ChildrenOf returns every child under field f, in order.
func (n Node) ChildrenOf(f Field) []Node {
	var out []Node
	for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
		if c.FieldName() == f {
			out = append(out, c)
		}
	}
	return out
}

// Token returns the first anonymous child whose text is tok (e.g. ";", "=").
func (n Node) Token(tok string) Node {
	for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
		if c.Kind() == KindToken && c.End()-c.Start() == len(tok) && c.Text() == tok {
			return c
		}
	}
	return Node{}
}

// Walk calls fn for n and its descendants in source order; returning false
// from fn skips that node's children.
func (n Node) Walk(fn func(Node) bool) {
	if n.f == nil {
		return
	}
	end := int32(n.raw().Next)
	for i := n.i; i < end; {
		c := Node{n.f, i}
		if fn(c) {
			i++
		} else {
			i = int32(c.raw().Next)
		}
	}
}

// Contains reports whether offset off lies within n (end inclusive, as an
// editor cursor just after a token still belongs to it).
func (n Node) Contains(off int) bool { return n.f != nil && off >= n.Start() && off <= n.End() }

// Unparen strips parentheses: ((x)) is x.
func (n Node) Unparen() Node {
	for n.Kind() == KindParenthesized {
		n = n.Child(FieldExpression)
	}
	return n
}

// Span is a half-open byte range [Start, End).
type Span struct{ Start, End int }

// Len returns the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// symbolText is the grammar's name for n's symbol; for anonymous tokens that
// is the token's literal text, which is what a MISSING node lacks.
func symbolText(n Node) string {
	if n.f == nil {
		return ""
	}
	return tsnix.SymbolName(n.raw().Sym)
}
