package nixast

import "strings"

// AttrName is one component of an attribute path: `a`, `"a b"` or `${e}`.
type AttrName struct {
	// Name is the attribute's name when Static; for a dynamic component it
	// is the source text, e.g. "${x}".
	Name string
	// Static is true for an identifier, a "string" without interpolation and
	// ${"string"} (Nix's parser folds that to a plain name). A dynamic
	// component is only known at evaluation time.
	Static bool
	// Node is the component: an identifier, string_expression or
	// interpolation node.
	Node Node
	// Expr is the expression of a dynamic component: the inside of ${...},
	// or the string_expression itself for "a${x}".
	Expr Node
}

// Span returns the source range of the component.
func (a AttrName) Span() Span { return a.Node.Span() }

// AttrPath returns the components of an attrpath node (a binding's or a
// select's `a.b.c`, or the right operand of `?`) or of an inherited_attrs
// node (`inherit a "b";`). For a binding, select_expression or
// has_attr_expression it uses the node's attrpath; for inherit and
// inherit_from their attribute list. Other nodes give nil.
func AttrPath(n Node) []AttrName {
	switch n.Kind() {
	case KindBinding, KindSelect, KindHasAttr:
		n = n.Child(FieldAttrpath)
	case KindInherit, KindInheritFrom:
		n = n.Child(FieldAttrs)
	}
	if n.Kind() != KindAttrpath && n.Kind() != KindInheritedAttrs {
		return nil
	}
	k := 0
	for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
		if c.FieldName() == FieldAttr {
			k++
		}
	}
	if k == 0 {
		return nil
	}
	out := make([]AttrName, 0, k) // one allocation for the whole path
	for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
		if c.FieldName() == FieldAttr {
			out = append(out, attrName(c))
		}
	}
	return out
}

// AttrNameOf interprets one attribute component node.
func AttrNameOf(n Node) AttrName { return attrName(n) }

func attrName(c Node) AttrName {
	a := AttrName{Node: c, Name: c.Text()}
	switch c.Kind() {
	case KindIdentifier:
		a.Static = true
	case KindString:
		if s, ok := staticString(c); ok {
			a.Name, a.Static = s, true
		} else {
			a.Expr = c
		}
	case KindInterpolation:
		e := c.Child(FieldExpression)
		a.Expr = e
		if s, ok := staticString(e.Unparen()); ok {
			a.Name, a.Static = s, true
		}
	default: // ERROR or MISSING
		if c.Kind() == KindToken && c.Text() == "or" {
			a.Static = true
		}
	}
	return a
}

// staticString reports the value of a string that Nix's parser turns into a
// constant (ExprString): a "..." string without interpolation, or an
// indented string made of a single lexer token. An indented string with an
// escape between two runs of text is three tokens, hence a concatenation,
// hence a dynamic attribute name.
func staticString(n Node) (string, bool) {
	k := n.Kind()
	if (k != KindString && k != KindIndentedString) || n.HasError() {
		return "", false
	}
	parts, static := stringParts(n)
	if !static {
		return "", false
	}
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	return b.String(), true
}

// AttrPathString renders static components joined by dots, quoting names
// that are not identifiers, as Nix prints them in error messages
// ("attribute 'a.b' already defined"); dynamic components appear as their
// source text.
func AttrPathString(path []AttrName) string {
	var b strings.Builder
	for i, a := range path {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(a.Name)
	}
	return b.String()
}

// Formal is one `name ? default` of a function's formals.
type Formal struct {
	Name    string
	Node    Node // the formal node
	Ident   Node // its identifier
	Default Node // the default expression, or the zero Node
}

// FunctionFormals describes a function's parameters.
type FunctionFormals struct {
	// Formals is nil for a plain `x: body` function.
	Formals []Formal
	// HasFormals is true for `{ ... }:` functions, even with no formal.
	HasFormals bool
	// Ellipsis is true when `...` accepts extra attributes.
	Ellipsis bool
	// At is the name bound to the whole argument: `x` in `x: body`, in
	// `args@{ ... }:` or in `{ ... }@args:`; empty if none.
	At string
	// AtNode is the identifier of At.
	AtNode Node
	// AtFirst is true for `args@{ ... }` (the name written before).
	AtFirst bool
}

// Formals describes the parameters of a function_expression; ok is false
// for other nodes.
func Formals(fn Node) (FunctionFormals, bool) {
	if fn.Kind() != KindFunction {
		return FunctionFormals{}, false
	}
	var ff FunctionFormals
	fs := fn.Child(FieldFormals)
	if u := fn.Child(FieldUniversal); u.Valid() {
		ff.At, ff.AtNode = u.Text(), u
		ff.AtFirst = fs.Valid() && u.Start() < fs.Start()
	}
	if !fs.Valid() {
		return ff, true
	}
	ff.HasFormals = true
	for c := fs.FirstChild(); c.Valid(); c = c.NextSibling() {
		switch c.FieldName() {
		case FieldFormal:
			id := c.Child(FieldName)
			ff.Formals = append(ff.Formals, Formal{Name: id.Text(), Node: c, Ident: id, Default: c.Child(FieldDefault)})
		case FieldEllipses:
			ff.Ellipsis = true
		}
	}
	return ff, true
}
