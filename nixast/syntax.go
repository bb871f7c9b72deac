package nixast

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/nixsec/nixsec/internal/tsnix"
)

// SyntaxError is a place where the source is not valid Nix.
type SyntaxError struct {
	// Span is the offending token for something unexpected, or a zero-width
	// range at the end of the preceding token for something missing.
	Span    Span
	Message string
	// Related are other places the message names, e.g. the opening "{" of
	// an unclosed attribute set.
	Related []Span

	// swallows > 0: everything from this offset on is a consequence of this
	// error (an unterminated string takes in the rest of the file).
	swallows int
}

func (e SyntaxError) String() string {
	return fmt.Sprintf("%d-%d: %s", e.Span.Start, e.Span.End, e.Message)
}

// syntaxErrors reports what Nix refuses at parse time: the ERROR and MISSING
// nodes of the tree (descending only into subtrees that contain one, so a
// clean file costs a single check), then the few checks Nix's parser makes
// that the tree-sitter grammar does not (see compatErrors).
func syntaxErrors(f *File) []SyntaxError {
	root := f.Root()
	if !root.Valid() {
		return nil
	}
	var errs []SyntaxError
	if root.HasError() {
		// Nix stops at the first error in the file, whichever kind it is:
		// report both kinds, in source order.
		errs = treeErrors(f)
		if compat := compatErrors(f, len(errs) > 0); len(compat) > 0 {
			errs = collapse(f, append(errs, compat...))
		}
	} else {
		errs = collapse(f, compatErrors(f, false))
	}
	if len(errs) > maxErrors {
		errs = append(errs[:maxErrors:maxErrors], SyntaxError{
			Span:    Span{errs[maxErrors].Span.Start, errs[maxErrors].Span.Start},
			Message: fmt.Sprintf("too many syntax errors: %d more not shown", len(errs)-maxErrors),
		})
	}
	return errs
}

// maxErrors bounds the errors reported for one file: past the first few, more
// are noise (and a generated or binary-like file can produce thousands).
const maxErrors = 100

// tooDeep reports a node whose children the flattening walk did not record
// (nesting deeper than it follows; Nix itself gives up a little deeper, with
// "memory exhausted").
func tooDeep(n Node) SyntaxError {
	return SyntaxError{Span: Span{n.Start(), n.Start()},
		Message: "expression nested too deeply: more than 4096 levels"}
}

// ---- ERROR and MISSING nodes ----

// errCtx holds what the error messages need about the whole file.
type errCtx struct {
	f       *File
	lastEnd int // end of the last token (comments included) in the file

	lastClose int // 2 + offset of the last "*/" (1 if none), 0 until computed
}

func treeErrors(f *File) []SyntaxError {
	c := &errCtx{f: f, lastEnd: lastTokenEnd(f)}
	var raw []SyntaxError
	var visit func(n Node)
	visit = func(n Node) {
		for ch := n.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
			switch {
			case ch.raw().Flags&tsnix.FlagTooDeep != 0:
				raw = append(raw, tooDeep(ch))
			case ch.Kind() == KindError:
				// before the HasError test: an ERROR token can have a zero
				// error cost, and then no has_error flag.
				raw = append(raw, c.errorNode(ch, visit)...)
			case !ch.HasError():
			case ch.IsMissing():
				if e, ok := c.missing(ch); ok {
					raw = append(raw, e)
				}
			default:
				visit(ch)
			}
		}
	}
	if root := f.Root(); root.Kind() == KindError {
		// tree-sitter makes the root itself an ERROR when nothing fits.
		raw = append(raw, c.errorNode(root, visit)...)
	} else {
		visit(root)
	}
	return collapse(f, raw)
}

// collapse keeps the first error of each cascade: an error that starts on
// the line of an error already kept, or inside its span, is a consequence of
// it. Errors are returned in source order.
func collapse(f *File, errs []SyntaxError) []SyntaxError {
	for _, e := range errs {
		if e.swallows > 0 {
			errs = slices.DeleteFunc(errs, func(x SyntaxError) bool { return x.swallows == 0 && x.Span.Start >= e.swallows })
			break
		}
	}
	sortErrors(errs)
	out := errs[:0]
	lastLine := -1
	lastEnd := -1
	for _, e := range errs {
		line := f.Lines.Line(e.Span.Start)
		if line == lastLine || e.Span.Start < lastEnd {
			continue
		}
		out = append(out, e)
		lastLine = f.Lines.Line(e.Span.End)
		lastEnd = e.Span.End
	}
	return out
}

func sortErrors(errs []SyntaxError) {
	slices.SortStableFunc(errs, func(a, b SyntaxError) int { return a.Span.Start - b.Span.Start })
}

// lastTokenEnd is the end of the last non-whitespace token of the file.
func lastTokenEnd(f *File) int {
	end := 0
	for i := len(f.nodes) - 1; i > 0; i-- {
		n := &f.nodes[i]
		if n.Next == uint32(i+1) && n.End > n.Start {
			return int(n.End)
		}
	}
	return end
}

// token returns the text a leaf stands for: its source text, or for a
// MISSING token the grammar's name for it.
func tokenText(n Node) string {
	if n.IsMissing() {
		return symbolText(n)
	}
	return n.Text()
}

// isLeaf reports whether node i has no children.
func (c *errCtx) isLeaf(i int) bool { return c.f.nodes[i].Next == uint32(i+1) }

// prevToken returns the last non-empty, non-comment leaf that ends at or
// before off, or the zero Node.
func (c *errCtx) prevToken(before int) Node {
	for i := before - 1; i > 0; i-- {
		n := Node{c.f, int32(i)}
		if c.isLeaf(i) && n.End() > n.Start() && n.Kind() != KindComment {
			return n
		}
	}
	return Node{}
}

// leaves returns n's non-empty, non-comment leaf tokens in source order.
func leaves(n Node) []Node {
	var out []Node
	n.Walk(func(d Node) bool {
		if d.FirstChild().Valid() {
			return true
		}
		if d.End() > d.Start() && d.Kind() != KindComment {
			out = append(out, d)
		}
		return false
	})
	return out
}

func (c *errCtx) at(n Node) string {
	p := c.f.Lines.Human(n.Start())
	return fmt.Sprintf("line %d, column %d", p.Line, p.Col)
}

// missing describes a node tree-sitter inserted to recover.
func (c *errCtx) missing(n Node) (SyntaxError, bool) {
	prev := c.prevToken(int(n.i))
	pos := n.Start()
	if prev.Valid() {
		pos = prev.End()
	}
	sp := Span{pos, pos}
	after := ""
	if prev.Valid() {
		after = fmt.Sprintf(" after %q", tokenText(prev))
	}
	atEOF := pos >= c.lastEnd
	if n.IsNamed() {
		parent := n.Parent()
		// `inherit;` and `inherit (e);` are valid Nix that the grammar
		// does not accept (it wants at least one name).
		if parent.Kind() == KindInheritedAttrs && len(parent.NamedChildren()) == 1 {
			return SyntaxError{}, false
		}
		what := "expression"
		if parent.Kind() == KindAttrpath || parent.Kind() == KindInheritedAttrs {
			what = "attribute name"
			// `{ = 1; }`: the name is missing, but what the reader must see
			// is the token where one was expected.
			if next := c.nextToken(n); next.Valid() && tokenText(next) != ";" && cannotStart(tokenText(next)) {
				return SyntaxError{Span: next.Span(), Message: fmt.Sprintf("unexpected %s, expected an attribute name", describe(next))}, true
			}
		} else if parent.Kind() == KindFormal || parent.Kind() == KindFormals {
			what = "argument name"
		}
		if atEOF {
			return SyntaxError{Span: sp, Message: "unexpected end of file, expected " + article(what) + after}, true
		}
		return SyntaxError{Span: sp, Message: "missing " + what + after}, true
	}
	tok := symbolText(n)
	if tok == `"` || tok == "''" || opener(tok) != "" {
		// A missing closer: name the opening token it should match.
		for s := n.Parent().FirstChild(); s.Valid() && s.i < n.i; s = s.NextSibling() {
			if t := s.Text(); s.Kind() == KindToken && (t == opener(tok) || t == tok || tok == "}" && t == "${") {
				return c.unclosed(s, sp), true
			}
		}
	}
	msg := fmt.Sprintf("missing %q", tok)
	if atEOF {
		msg = fmt.Sprintf("unexpected end of file, expected %q", tok)
	}
	return SyntaxError{Span: sp, Message: msg}, true
}

// opener returns the token a closing token closes.
func opener(closer string) string {
	switch closer {
	case "}":
		return "{"
	case "]":
		return "["
	case ")":
		return "("
	}
	return ""
}

// unclosed reports the opening token open, never closed, with the place its
// closer belongs (sp).
func (c *errCtx) unclosed(open Node, sp Span) SyntaxError {
	t := tokenText(open)
	var msg string
	switch t {
	case `"`:
		return SyntaxError{Span: open.Span(), Message: "unterminated string", swallows: open.End()}
	case "''":
		return SyntaxError{Span: open.Span(), Message: "unterminated indented string", swallows: open.End()}
	case "/*":
		return SyntaxError{Span: open.Span(), Message: "unterminated comment"}
	case "let":
		msg = fmt.Sprintf(`"let" at %s has no "in"`, c.at(open))
	case "if":
		msg = fmt.Sprintf(`"if" at %s has no "then"`, c.at(open))
	case "then":
		msg = fmt.Sprintf(`"if" … "then" at %s has no "else"`, c.at(open))
	case "assert", "with":
		msg = fmt.Sprintf(`missing ";" after the %q at %s`, t, c.at(open))
	case "${":
		msg = fmt.Sprintf(`unclosed "${" (opened at %s)`, c.at(open))
	default:
		msg = fmt.Sprintf("unclosed %q (opened at %s)", t, c.at(open))
	}
	if sp.Start >= c.lastEnd {
		msg = "unexpected end of file: " + msg
	}
	return SyntaxError{Span: sp, Message: msg, Related: []Span{open.Span()}}
}

// errorNode describes an ERROR node. An ERROR that contains nested errors is
// described by them (they are closer to the mistake); otherwise its tokens
// are replayed through a bracket stack to find what broke.
func (c *errCtx) errorNode(n Node, visit func(Node)) []SyntaxError {
	nested := false
	for ch := n.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
		if ch.HasError() {
			nested = true
			break
		}
	}
	if nested && n.End() < c.lastEnd {
		visit(n)
		return nil
	}
	toks := leaves(n)
	if len(toks) == 0 {
		sp := Span{n.Start(), n.Start()}
		if sp.Start >= c.lastEnd {
			return []SyntaxError{{Span: sp, Message: "unexpected end of file"}}
		}
		return []SyntaxError{{Span: sp, Message: "syntax error"}}
	}
	var out []SyntaxError
	if nested {
		visit(n)
		// The nested errors were appended by visit; an opener this ERROR
		// leaves unclosed at the end of the file is still worth saying.
		if n.End() >= c.lastEnd {
			if e, ok := c.replay(n, toks, true); ok {
				out = append(out, e)
			}
		}
		return out
	}
	e, _ := c.replay(n, toks, false)
	return append(out, e)
}

// stack entries of replay
type opened struct{ tok Node }

// replay runs the ERROR's tokens through a stack of openers. It returns the
// first token that closes nothing or the wrong thing, or, at the end of the
// file, the innermost opener left open. eofOnly restricts it to the latter.
func (c *errCtx) replay(n Node, toks []Node, eofOnly bool) (SyntaxError, bool) {
	var stack []opened
	top := func() string {
		if len(stack) == 0 {
			return ""
		}
		return tokenText(stack[len(stack)-1].tok)
	}
	pop := func() { stack = stack[:len(stack)-1] }
	var firstBad Node
	for i, t := range toks {
		s := tokenText(t)
		if t.Kind() != KindToken {
			continue
		}
		switch s {
		case "{", "[", "(", "${", "let", "if", "assert", "with":
			stack = append(stack, opened{t})
		case `"`, "''":
			if top() == s {
				pop()
			} else {
				stack = append(stack, opened{t})
			}
		case "}", "]", ")":
			want := opener(s)
			if s == "}" && top() == "${" {
				want = "${"
			}
			if top() == want {
				pop()
			} else if !firstBad.Valid() {
				firstBad = t
			}
		case "in":
			if top() == "let" {
				pop()
			} else if !firstBad.Valid() {
				firstBad = t
			}
		case "then":
			if top() == "if" {
				stack[len(stack)-1] = opened{t}
			} else if !firstBad.Valid() {
				firstBad = t
			}
		case "else":
			if top() == "then" {
				pop()
			} else if !firstBad.Valid() {
				firstBad = t
			}
		case ";":
			switch top() {
			case "assert", "with":
				pop()
			case "(", "[", "${":
				if !firstBad.Valid() {
					firstBad = t
				}
			}
		case "/":
			// "/*" with no "*/" lexes as a division followed by "*".
			if i+1 < len(toks) && tokenText(toks[i+1]) == "*" && toks[i+1].Start() == t.End() &&
				!c.commentClosedAfter(t.End()) {
				open := Node{c.f, t.i}
				return SyntaxError{Span: Span{open.Start(), open.End() + 1}, Message: "unterminated comment"}, true
			}
		}
	}
	atEOF := n.End() >= c.lastEnd
	if atEOF && len(stack) > 0 {
		last := toks[len(toks)-1]
		inner := stack[len(stack)-1].tok
		return c.unclosed(inner, Span{last.End(), last.End()}), true
	}
	if eofOnly {
		return SyntaxError{}, false
	}
	if firstBad.Valid() {
		msg := fmt.Sprintf("unexpected %q", tokenText(firstBad))
		if len(stack) > 0 {
			if want := closerOf(tokenText(stack[len(stack)-1].tok)); want != "" {
				msg += fmt.Sprintf(", expected %q", want)
			}
		}
		return SyntaxError{Span: firstBad.Span(), Message: msg}, true
	}
	for _, o := range stack {
		if s := tokenText(o.tok); s == `"` || s == "''" {
			return c.unclosed(o.tok, o.tok.Span()), true
		}
	}
	last := toks[len(toks)-1]
	if first := tokenText(toks[0]); len(toks) > 1 && toks[0].Kind() == KindToken && cannotStart(first) {
		return SyntaxError{Span: toks[0].Span(), Message: "unexpected " + describe(toks[0])}, true
	}
	if atEOF && needsOperand(tokenText(last)) {
		return SyntaxError{Span: Span{last.End(), last.End()},
			Message: fmt.Sprintf("unexpected end of file, expected an expression after %q", tokenText(last))}, true
	}
	bad := toks[0]
	for _, t := range toks {
		if t.Kind() == KindToken && cannotStart(tokenText(t)) {
			bad = t
			break
		}
	}
	if s := tokenText(bad); s == "*" {
		// "/*" with no "*/" lexes as a division followed by "*".
		if p := c.prevToken(int(bad.i)); tokenText(p) == "/" && p.End() == bad.Start() &&
			!c.commentClosedAfter(bad.End()) {
			return SyntaxError{Span: Span{p.Start(), bad.End()}, Message: "unterminated comment"}, true
		}
	}
	if tokenText(bad) == "=" {
		if e, ok := c.missingSemicolonBefore(bad); ok {
			return e, true
		}
	}
	if needsOperand(tokenText(last)) && last.i >= bad.i {
		if next := c.nextToken(n); next.Valid() && cannotStart(tokenText(next)) {
			return SyntaxError{Span: Span{last.End(), last.End()},
				Message: fmt.Sprintf("missing expression after %q", tokenText(last))}, true
		}
	}
	return SyntaxError{Span: bad.Span(), Message: fmt.Sprintf("unexpected %s", describe(bad))}, true
}

// commentClosedAfter reports whether "*/" occurs at or after off. The answer
// is the same for every off before the last "*/", so it is computed once.
func (c *errCtx) commentClosedAfter(off int) bool {
	if c.lastClose == 0 {
		c.lastClose = bytes.LastIndex(c.f.Src, []byte("*/")) + 2 // 1 when absent
	}
	return off <= c.lastClose-2
}

// nextToken returns the first non-comment leaf after n.
func (c *errCtx) nextToken(n Node) Node {
	for i := int(c.f.nodes[n.i].Next); i < len(c.f.nodes); i++ {
		d := Node{c.f, int32(i)}
		if c.isLeaf(i) && d.End() > d.Start() && d.Kind() != KindComment {
			return d
		}
	}
	return Node{}
}

// missingSemicolonBefore recognizes `a = 1 <newline> b = 2;`: the "=" is
// unexpected because the ";" ending the line before is missing.
func (c *errCtx) missingSemicolonBefore(eq Node) (SyntaxError, bool) {
	// Walk back over the attribute path (names, strings, dots).
	i := int(eq.i)
	var name Node
	for {
		p := c.prevToken(i)
		if !p.Valid() {
			return SyntaxError{}, false
		}
		t := tokenText(p)
		if p.Kind() == KindIdentifier || t == "." || t == `"` || p.Kind() == KindStringFragment {
			name = p
			i = int(p.i)
			continue
		}
		if !name.Valid() || !bytesContainNewline(c.f.Src[p.End():name.Start()]) || cannotEnd(t) {
			return SyntaxError{}, false
		}
		return SyntaxError{Span: Span{p.End(), p.End()}, Message: `missing ";"`}, true
	}
}

func bytesContainNewline(b []byte) bool {
	for _, c := range b {
		if c == '\n' {
			return true
		}
	}
	return false
}

func closerOf(open string) string {
	switch open {
	case "{", "${":
		return "}"
	case "[":
		return "]"
	case "(":
		return ")"
	case "let":
		return "in"
	case "if":
		return "then"
	case "then":
		return "else"
	case "assert", "with":
		return ";"
	}
	return ""
}

// cannotStart: tokens that cannot begin an expression or binding.
func cannotStart(t string) bool {
	switch t {
	case ",", ";", "=", "}", "]", ")", ".", "?", ":", "@", "in", "then", "else", "or",
		"==", "!=", "<", "<=", ">", ">=", "&&", "||", "+", "*", "/", "->", "//", "++", "...":
		return true
	}
	return false
}

// cannotEnd: tokens after which an expression cannot be complete.
func cannotEnd(t string) bool {
	return needsOperand(t) || t == "{" || t == "[" || t == "(" || t == "${" || t == ","
}

// needsOperand: tokens that must be followed by an expression.
func needsOperand(t string) bool {
	switch t {
	case "=", ":", "@", ".", "?", "or", "in", "then", "else", "if", "assert", "with", "let",
		"==", "!=", "<", "<=", ">", ">=", "&&", "||", "+", "-", "*", "/", "->", "//", "++", "!":
		return true
	}
	return false
}

func article(what string) string {
	if what == "expression" || what == "attribute name" || what == "argument name" {
		return "an " + what
	}
	return what
}

// describe names a token for "unexpected …": its text, shortened.
func describe(n Node) string {
	t := tokenText(n)
	if len(t) > 24 {
		t = t[:24] + "…"
	}
	return strconv.Quote(t)
}

// ---- checks Nix's parser makes that the grammar does not ----

// compatErrors reports what Nix 2.8 rejects while parsing although the
// tree-sitter grammar accepts it: chained non-associative operators
// (1 == 1 == 1, 1 < 2 < 3), "or" used as a variable, integers and floats out of range, paths with a
// trailing slash or an empty segment, dynamic attributes in let and inherit, and a file with no
// expression. It scans the flat node array once (no tree walk) and runs only
// when the tree itself is clean.
func compatErrors(f *File, broken bool) (errs []SyntaxError) {
	if broken {
		// In a tree with syntax errors, judge only nodes that are sound and
		// not inside an ERROR (error recovery builds odd shapes there).
		defer func() {
			errs = slices.DeleteFunc(errs, func(e SyntaxError) bool {
				n := f.NodeAt(e.Span.Start)
				for ; n.Valid(); n = n.Parent() {
					if n.Kind() == KindError || n.IsMissing() {
						return true
					}
				}
				return false
			})
		}()
	}
	if !broken && !f.Expr().Valid() {
		end := lastTokenEnd(f)
		return []SyntaxError{{Span: Span{end, end}, Message: "unexpected end of file: the file has no expression"}}
	}
	for i := range f.nodes {
		if f.nodes[i].Flags&tsnix.FlagTooDeep != 0 {
			errs = append(errs, tooDeep(Node{f, int32(i)}))
			continue
		}
		if !broken && f.nodes[i].Flags&tsnix.FlagError != 0 {
			// An ERROR with no error cost leaves the root unflagged.
			n := Node{f, int32(i)}
			errs = append(errs, SyntaxError{Span: n.Span(), Message: "unexpected " + describe(n)})
			continue
		}
		switch symKind[symIndex(f.nodes[i].Sym)] {
		case KindBinary, KindInteger, KindFloat, KindPath, KindHPath, KindInheritedAttrs, KindLet, KindVariable, KindIdentifier:
		default:
			continue
		}
		n := Node{f, int32(i)}
		if broken && n.HasError() && n.Kind() != KindBinary {
			continue
		}
		switch n.Kind() {
		case KindBinary:
			op := n.Child(FieldOperator)
			g := nonassocGroup(nodeBytes(op))
			if g == 0 || op.IsMissing() {
				continue
			}
			for _, side := range []Node{n.Child(FieldLeft), n.Child(FieldRight)} {
				if side.Kind() == KindBinary && !side.HasError() && nonassocGroup(nodeBytes(side.Child(FieldOperator))) == g {
					errs = append(errs, SyntaxError{Span: op.Span(),
						Message: fmt.Sprintf("unexpected %q: comparisons do not chain, add parentheses", op.Text())})
					break
				}
			}
		case KindIdentifier:
			if l := n.End() - n.Start(); l >= 2 && l <= 7 && isKeyword(nodeBytes(n)) {
				errs = append(errs, SyntaxError{Span: n.Span(), Message: fmt.Sprintf("unexpected %q: a keyword cannot be a name", n.Text())})
			}
		case KindVariable:
			if n.End()-n.Start() == 2 && string(nodeBytes(n)) == "or" && !orArgument(n) {
				errs = append(errs, SyntaxError{Span: n.Span(), Message: `unexpected "or": it is a keyword, usable as a variable only as an argument (f or)`})
			}
		case KindInteger:
			if n.End()-n.Start() < 19 {
				continue
			}
			if _, err := strconv.ParseInt(n.Text(), 10, 64); err != nil {
				errs = append(errs, SyntaxError{Span: n.Span(), Message: fmt.Sprintf("invalid integer %q: out of range", n.Text())})
			}
		case KindFloat:
			v, err := strconv.ParseFloat(n.Text(), 64)
			if err != nil && (math.IsInf(v, 0) || v == 0) {
				errs = append(errs, SyntaxError{Span: n.Span(), Message: fmt.Sprintf("invalid float %q: out of range", n.Text())})
			}
		case KindPath, KindHPath:
			last := Node{}
			for ch := n.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
				last = ch
			}
			for ch := n.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
				// Nix lexes "a//b" and "1//2" as an update ("//" operator),
				// so only a "//" after a complete path ("./a//b") is an
				// error. (tree-sitter-nix makes a path of "a//b": a known
				// tree divergence, the acceptance agrees.)
				if i := strings.Index(ch.Text(), "//"); i >= 0 && ch.Kind() == KindPathFragment &&
					(ch.Start() > n.Start() || !nameOrInteger(ch.Text()[:i])) {
					at := ch.Start() + i + 1
					errs = append(errs, SyntaxError{Span: Span{at, at + 1}, Message: `unexpected "/" in path: empty path segment`})
				} else if i >= 0 && ch.Kind() == KindPathFragment && n.Parent().Kind() == KindList {
					// "a//b" is an update, which a list element cannot be
					// without parentheses.
					at := ch.Start() + i
					errs = append(errs, SyntaxError{Span: Span{at, at + 2}, Message: `unexpected "//": add parentheses around the update`})
				}
			}
			if last.Kind() == KindPathFragment && strings.HasSuffix(last.Text(), "/") {
				errs = append(errs, SyntaxError{Span: n.Span(), Message: "path has a trailing slash"})
			}
		case KindInheritedAttrs:
			for _, a := range n.ChildrenOf(FieldAttr) {
				if !staticAttr(a) {
					errs = append(errs, SyntaxError{Span: a.Span(), Message: "dynamic attributes not allowed in inherit"})
				}
			}
		case KindLet:
			for ch := n.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
				if ch.Kind() != KindBindingSet {
					continue
				}
				for _, b := range ch.ChildrenOf(FieldBinding) {
					if b.Kind() != KindBinding {
						continue
					}
					if a := b.Child(FieldAttrpath).Child(FieldAttr); a.Valid() && !staticAttr(a) {
						errs = append(errs, SyntaxError{Span: a.Span(), Message: "dynamic attributes not allowed in let"})
					}
				}
			}
		}
	}
	sortErrors(errs)
	return errs
}

// nameOrInteger reports whether s lexes as one identifier or integer in Nix.
func nameOrInteger(s string) bool {
	if s == "" {
		return false
	}
	if s[0] >= '0' && s[0] <= '9' {
		return strings.Trim(s, "0123456789") == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '\'' || c == '-')) {
			return false
		}
	}
	return true
}

// nodeBytes is n's source text without a copy.
func nodeBytes(n Node) []byte { return n.f.Src[n.Start():n.End()] }

// isKeyword: Nix's reserved words, never names ("or" is a keyword that Nix
// does accept as an attribute name, so it is not here).
func isKeyword(s []byte) bool {
	switch string(s) {
	case "if", "then", "else", "assert", "with", "let", "in", "rec", "inherit":
		return true
	}
	return false
}

// orArgument reports whether the variable "or" stands where Nix 2.8 allows
// it: directly after a simple expression, as its argument ("map or [ ]",
// which Nix keeps working for a nixpkgs function named "or").
func orArgument(n Node) bool {
	p := n.Parent()
	if p.Kind() != KindApply || n.FieldName() != FieldArgument {
		return false
	}
	fn := p.Child(FieldFunction)
	if fn.Kind() == KindApply {
		fn = fn.Child(FieldArgument)
	}
	switch fn.Kind() {
	case KindVariable:
		return fn.Text() != "or"
	case KindInteger, KindFloat, KindString, KindIndentedString, KindPath, KindHPath, KindSPath, KindURI,
		KindParenthesized, KindAttrset, KindLetAttrset, KindRecAttrset, KindList:
		return true
	}
	return false
}

func symIndex(sym uint16) int {
	if int(sym) < len(symKind) {
		return int(sym)
	}
	return len(symKind) - 1
}

// nonassocGroup returns the precedence group of a non-associative operator
// in Nix's grammar (0 if it is associative).
func nonassocGroup(op []byte) int {
	switch string(op) {
	case "==", "!=":
		return 1
	case "<", "<=", ">", ">=":
		return 2
	}
	return 0
}

// staticAttr reports whether an attribute name is known at parse time, as
// Nix decides it: an identifier, a string without interpolation, or ${ } of
// such a string.
func staticAttr(a Node) bool {
	switch a.Kind() {
	case KindIdentifier:
		return true
	case KindString, KindIndentedString:
		for ch := a.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
			if ch.Kind() == KindInterpolation {
				return false
			}
		}
		return true
	case KindInterpolation:
		e := a.Child(FieldExpression)
		return (e.Kind() == KindString || e.Kind() == KindIndentedString) && staticAttr(e)
	}
	return true
}
