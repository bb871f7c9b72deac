package nixast

import (
	"strconv"
	"strings"
)

// This file decodes literal values: strings with Nix's exact escape and
// indentation rules (Nix 2.8's lexer and stripIndentation, re-derived and
// checked against nix-instantiate), numbers, paths, URIs and the constants
// true/false/null.

// StringPart is one piece of a string expression: decoded literal text or an
// interpolation (${...}). Literal parts remember which source bytes produced
// each decoded byte, so a caller can edit one line inside an embedded string.
type StringPart struct {
	// Text is the decoded text of a literal part: escapes resolved and, in
	// an indented string, indentation stripped. Empty for an interpolation.
	Text string
	// Interp is the interpolation node (${...}); the zero Node for text.
	Interp Node
	// Span is the source range the part covers. For text that includes
	// escapes and stripped indentation.
	Span Span

	// starts[i] and ends[i] delimit the source construct (a character, an
	// escape, a CR LF pair) that produced byte i of Text.
	starts, ends []int32
}

// IsInterpolation reports whether p is ${...}.
func (p StringPart) IsInterpolation() bool { return p.Interp.Valid() }

// SourceOffset maps byte i of Text to a source offset: for i < len(Text) the
// start of the construct that produced byte i (an escape maps to its first
// byte); for i == len(Text) the end of the construct that produced the last
// byte. Stripped indentation produces no bytes: the offset
// of the first byte of a line is that of its first kept character.
func (p StringPart) SourceOffset(i int) int {
	switch {
	case len(p.starts) == 0:
		return p.Span.Start
	case i <= 0:
		return int(p.starts[0])
	case i < len(p.starts):
		return int(p.starts[i])
	default:
		return int(p.ends[len(p.ends)-1])
	}
}

// SourceSpan maps the decoded byte range [i, j) of Text to the source bytes
// that produce it: replacing that span with new source text replaces exactly
// those decoded bytes (whole escapes included).
func (p StringPart) SourceSpan(i, j int) Span {
	if len(p.starts) == 0 {
		return Span{p.Span.Start, p.Span.Start}
	}
	i = min(max(i, 0), len(p.starts))
	j = min(max(j, i), len(p.starts))
	start := p.SourceOffset(i)
	if j == i {
		return Span{start, start}
	}
	return Span{start, int(p.ends[j-1])}
}

// StringValue returns the value of a string_expression or
// indented_string_expression without interpolation.
// It reports false for anything else, for strings with interpolations and
// for strings containing syntax errors.
func StringValue(n Node) (string, bool) {
	k := n.Kind()
	if (k != KindString && k != KindIndentedString) || n.HasError() {
		return "", false
	}
	parts, _ := stringParts(n)
	var b strings.Builder
	for _, p := range parts {
		if p.IsInterpolation() {
			return "", false
		}
		b.WriteString(p.Text)
	}
	return b.String(), true
}

// StringParts returns the decoded parts of a string_expression or
// indented_string_expression, in order; adjacent text is one part, and text
// that decodes to nothing makes no part (so an empty string has none). It
// returns nil for other nodes. In an indented string the indentation Nix strips is
// computed over the whole string, interpolations included, as Nix does.
func StringParts(n Node) []StringPart {
	k := n.Kind()
	if k != KindString && k != KindIndentedString {
		return nil
	}
	parts, _ := stringParts(n)
	return parts
}

// stringParts also reports whether Nix's parser makes the string a plain
// ExprString (one literal token, or none): only such strings are static
// attribute names.
func stringParts(n Node) ([]StringPart, bool) {
	open, close, interps := stringLayout(n)
	if n.Kind() == KindString {
		var parts []StringPart
		pos := open
		for _, in := range interps {
			if in.Start() > pos {
				parts = append(parts, decodeDouble(n.f.Src, pos, in.Start()))
			}
			parts = append(parts, StringPart{Interp: in, Span: in.Span()})
			pos = in.End()
		}
		if close > pos {
			parts = append(parts, decodeDouble(n.f.Src, pos, close))
		}
		return parts, len(interps) == 0
	}
	return decodeIndented(n.f.Src, open, close, interps)
}

// stringLayout returns the content range of a string node (between the
// delimiters) and its interpolation children.
func stringLayout(n Node) (open, close int, interps []Node) {
	open, close = n.Start(), n.End()
	first := n.FirstChild()
	if first.Kind() == KindToken && (first.Text() == `"` || first.Text() == "''") {
		open = first.End()
	}
	var last Node
	for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
		if c.Kind() == KindInterpolation {
			interps = append(interps, c)
		}
		last = c
	}
	if last.Valid() && last != first && last.Kind() == KindToken && (last.Text() == `"` || last.Text() == "''" || last.IsMissing()) {
		close = last.Start()
	}
	if close < open {
		close = open
	}
	return open, close, interps
}

// decodeDouble decodes the text of a "..." string between two interpolations:
// \n \r \t, \x = x for any other byte, and CR or CR LF read as LF.
func decodeDouble(src []byte, from, to int) StringPart {
	p := StringPart{Span: Span{from, to}}
	buf := make([]byte, 0, to-from)
	p.starts = make([]int32, 0, to-from)
	p.ends = make([]int32, 0, to-from)
	emit := func(c byte, s, e int) {
		buf = append(buf, c)
		p.starts = append(p.starts, int32(s))
		p.ends = append(p.ends, int32(e))
	}
	for i := from; i < to; {
		c := src[i]
		switch {
		case c == '\\' && i+1 < to:
			emit(unescapeByte(src[i+1]), i, i+2)
			i += 2
		case c == '\r':
			if i+1 < to && src[i+1] == '\n' {
				emit('\n', i, i+2)
				i += 2
			} else {
				emit('\n', i, i+1)
				i++
			}
		default:
			emit(c, i, i+1)
			i++
		}
	}
	p.Text = string(buf)
	return p
}

func unescapeByte(c byte) byte {
	switch c {
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return c
}

// indToken is one token of Nix's indented-string lexer: raw text (which
// takes part in indentation) or an escape / lone character (which does not).
type indToken struct {
	text           []byte
	starts, ends   []int32
	hasIndentation bool
	interp         Node // set for an interpolation element
}

// lexIndented splits the text between two interpolations of an indented
// string the way Nix's lexer does.
func lexIndented(src []byte, from, to int, out []indToken) []indToken {
	single := func(text string, s, e int) indToken {
		t := indToken{text: []byte(text)}
		for range len(text) {
			t.starts = append(t.starts, int32(s))
			t.ends = append(t.ends, int32(e))
		}
		return t
	}
	for i := from; i < to; {
		// Raw text: ([^$']|\$[^{']|'[^'$])+
		j := i
		for j < to {
			c := src[j]
			if c != '$' && c != '\'' {
				j++
				continue
			}
			if j+1 < to {
				d := src[j+1]
				if c == '$' && d != '{' && d != '\'' {
					j += 2
					continue
				}
				if c == '\'' && d != '\'' && d != '$' {
					j += 2
					continue
				}
			}
			break
		}
		if j > i {
			t := indToken{text: src[i:j], hasIndentation: true}
			t.starts = make([]int32, j-i)
			t.ends = make([]int32, j-i)
			for k := i; k < j; k++ {
				t.starts[k-i], t.ends[k-i] = int32(k), int32(k+1)
			}
			out = append(out, t)
			i = j
			continue
		}
		switch {
		case i+2 < to && src[i] == '\'' && src[i+1] == '\'' && src[i+2] == '$':
			out = append(out, single("$", i, i+3))
			i += 3
		case i+2 < to && src[i] == '\'' && src[i+1] == '\'' && src[i+2] == '\'':
			out = append(out, single("''", i, i+3))
			i += 3
		case i+2 < to && src[i] == '\'' && src[i+1] == '\'' && src[i+2] == '\\':
			if i+3 < to {
				out = append(out, single(string([]byte{unescapeByte(src[i+3])}), i, i+4))
				i += 4
			} else {
				i = to // unterminated escape: a syntax error
			}
		case src[i] == '\'' && i+1 < to && src[i+1] == '\'':
			i += 2 // a stray delimiter: only in broken input
		default: // a lone $ or '
			out = append(out, single(string(src[i:i+1]), i, i+1))
			i++
		}
	}
	return out
}

// decodeIndented applies Nix's indented-string rules: the opening quotes eat
// spaces and a newline that follow it; the smallest indentation (in spaces)
// over lines that have a non-space character, counting interpolations and
// escapes as such characters, is removed from every line; a final line of
// only spaces is dropped when the string ends with text.
func decodeIndented(src []byte, open, close int, interps []Node) ([]StringPart, bool) {
	// The opening token is ''( *\n)?.
	if open >= 2 && src[open-2] == '\'' && src[open-1] == '\'' {
		k := open
		for k < close && src[k] == ' ' {
			k++
		}
		if k < close && src[k] == '\n' {
			open = k + 1
		}
	}
	var es []indToken
	pos := open
	for _, in := range interps {
		es = lexIndented(src, pos, in.Start(), es)
		es = append(es, indToken{interp: in})
		pos = in.End()
	}
	es = lexIndented(src, pos, close, es)
	static := len(interps) == 0 && len(es) <= 1

	// Minimum indentation.
	ind := newIndentScan()
	for _, t := range es {
		if t.interp.Valid() || !t.hasIndentation {
			ind.content()
			continue
		}
		scanIndent(&ind, t.text)
	}
	minIndent := ind.min

	// Strip.
	var parts []StringPart
	var text StringPart
	var buf []byte
	// Text reduced to nothing (indentation before an interpolation, a
	// final line of spaces) makes no part.
	flush := func() {
		if len(buf) > 0 {
			text.Text = string(buf)
			parts = append(parts, text)
		}
		text, buf = StringPart{}, nil
	}
	strip := indentStrip{min: minIndent, atStart: true}
	for n, t := range es {
		if t.interp.Valid() {
			flush()
			strip.atStart, strip.dropped = false, 0
			parts = append(parts, StringPart{Interp: t.interp, Span: t.interp.Span()})
			continue
		}
		if len(t.starts) > 0 {
			if len(buf) == 0 && text.Span == (Span{}) {
				text.Span.Start = int(t.starts[0])
			}
			text.Span.End = int(t.ends[len(t.ends)-1])
		}
		tokStart := len(buf)
		for k, c := range t.text {
			if strip.keep(c) {
				buf = append(buf, c)
				text.starts = append(text.starts, t.starts[k])
				text.ends = append(text.ends, t.ends[k])
			}
		}
		// The last element: drop a final line made only of spaces.
		if n == len(es)-1 {
			tok := buf[tokStart:]
			if nl := lastIndexByte(tok, '\n'); nl >= 0 && onlySpaces(tok[nl+1:]) {
				cut := tokStart + nl + 1
				buf = buf[:cut]
				text.starts, text.ends = text.starts[:cut], text.ends[:cut]
			}
		}
	}
	flush()
	return parts, static
}

func lastIndexByte(b []byte, c byte) int {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == c {
			return i
		}
	}
	return -1
}

func onlySpaces(b []byte) bool {
	for _, c := range b {
		if c != ' ' {
			return false
		}
	}
	return true
}

// IntValue returns the value of an integer_expression. Like Nix it rejects
// literals that do not fit in a signed 64-bit integer.
func IntValue(n Node) (int64, bool) {
	if n.Kind() != KindInteger {
		return 0, false
	}
	v, err := strconv.ParseInt(n.Text(), 10, 64)
	return v, err == nil
}

// FloatValue returns the value of a float_expression (or of an integer
// expression, converted).
func FloatValue(n Node) (float64, bool) {
	switch n.Kind() {
	case KindFloat:
		v, err := strconv.ParseFloat(n.Text(), 64)
		return v, err == nil
	case KindInteger:
		v, ok := IntValue(n)
		return float64(v), ok
	}
	return 0, false
}

// PathKind distinguishes the forms of path literals.
type PathKind uint8

const (
	PathRelative PathKind = iota + 1 // ./a, a/b, ../x
	PathAbsolute                     // /etc/nixos
	PathHome                         // ~/x
	PathSearch                       // <nixpkgs>
)

func (k PathKind) String() string {
	switch k {
	case PathRelative:
		return "relative"
	case PathAbsolute:
		return "absolute"
	case PathHome:
		return "home"
	case PathSearch:
		return "search"
	}
	return "invalid"
}

// PathValue returns the source text of a path_expression, hpath_expression
// or spath_expression without interpolation and its kind. For <x> the text is
// the inside, "x". The path is not resolved or normalised (Nix resolves
// relative paths against the file's directory when it parses).
func PathValue(n Node) (string, PathKind, bool) {
	switch n.Kind() {
	case KindSPath:
		t := n.Text()
		if len(t) >= 2 && t[0] == '<' && t[len(t)-1] == '>' {
			return t[1 : len(t)-1], PathSearch, true
		}
		return "", 0, false
	case KindPath, KindHPath:
		if n.HasError() {
			return "", 0, false
		}
		for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
			if c.Kind() == KindInterpolation {
				return "", 0, false
			}
		}
		t := n.Text()
		switch {
		case n.Kind() == KindHPath:
			return t, PathHome, true
		case strings.HasPrefix(t, "/"):
			return t, PathAbsolute, true
		default:
			return t, PathRelative, true
		}
	}
	return "", 0, false
}

// URIValue returns the text of an unquoted URI literal (http://x).
func URIValue(n Node) (string, bool) {
	if n.Kind() != KindURI {
		return "", false
	}
	return n.Text(), true
}

// Constant is the value of true, false or null.
type Constant uint8

const (
	NotConstant Constant = iota
	ConstTrue
	ConstFalse
	ConstNull
)

// BoolOrNull reports whether n is the variable true, false or null and, if
// so, which. These are variables in Nix, not keywords: `let true = 0; in
// true` is 0. BoolOrNull answers only when the name is not shadowed by an
// enclosing let, rec set, function argument or formal (it resolves n with
// Resolve); under `with` it still answers, as `with` never shadows a
// variable that is bound lexically (the builtins' true is such a binding).
func BoolOrNull(n Node) Constant {
	n = n.Unparen()
	if n.Kind() != KindVariable {
		return NotConstant
	}
	var c Constant
	switch n.Text() {
	case "true":
		c = ConstTrue
	case "false":
		c = ConstFalse
	case "null":
		c = ConstNull
	default:
		return NotConstant
	}
	if b := Resolve(n); b.Kind != BindingBuiltin {
		return NotConstant
	}
	return c
}

// PlainString is the decoded text of a string literal without
// interpolations when it can be read cheaply: a "…" string without
// escapes or CRs (its text is its source), or an indented string without
// escapes (indentation stripped here). It gives what StringParts
// would, without building its offset maps (most strings of a configuration
// are plain, and the analyzer reads every one), and false for anything else.
func PlainString(n Node) (string, bool) {
	k := n.Kind()
	if k != KindString && k != KindIndentedString || n.HasError() {
		return "", false
	}
	delim := 1
	if k == KindIndentedString {
		delim = 2
	}
	first := n.FirstChild()
	if first.Kind() != KindToken || first.Start() != n.Start() || first.End()-first.Start() != delim {
		return "", false
	}
	var last Node
	for c := first.NextSibling(); c.Valid(); c = c.NextSibling() {
		if c.Kind() == KindInterpolation {
			return "", false
		}
		last = c
	}
	if last.Kind() != KindToken || last.IsMissing() || last.End() != n.End() || last.End()-last.Start() != delim {
		return "", false
	}
	t := n.Text()
	if len(t) < 2*delim {
		return "", false
	}
	t = t[delim : len(t)-delim]
	if k == KindString {
		if strings.IndexByte(t, '\\') >= 0 || strings.IndexByte(t, '\r') >= 0 {
			return "", false
		}
		return t, true
	}
	if strings.Contains(t, "''") {
		return "", false
	}
	return stripIndent(t), true
}

// stripIndent applies Nix's indented-string rules to text without escapes
// or interpolations: spaces and a newline right after the opening quotes
// go, the smallest indentation of the lines with a non-space character is
// removed from every line, and a last line of only spaces is dropped.
func stripIndent(t string) string {
	k := 0
	for k < len(t) && t[k] == ' ' {
		k++
	}
	if k < len(t) && t[k] == '\n' {
		t = t[k+1:]
	}
	ind := newIndentScan()
	scanIndent(&ind, t)
	minIndent := ind.min
	var b []byte
	if minIndent > 0 {
		b = make([]byte, 0, len(t))
	}
	n := 0 // bytes kept so far (b holds them once something was dropped)
	strip := indentStrip{min: minIndent, atStart: true}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if strip.keep(c) {
			if b != nil {
				b = append(b, c)
			}
			n++
		}
	}
	var out string
	if b != nil {
		out = string(b)
	} else {
		out = t[:n]
	}
	if nl := strings.LastIndexByte(out, '\n'); nl >= 0 && strings.Trim(out[nl+1:], " ") == "" {
		out = out[:nl+1]
	}
	return out
}

// indentScan finds the indentation an indented string strips: the least
// number of spaces before the first other character of a line (lines of
// only spaces do not count).
type indentScan struct {
	atStart  bool
	cur, min int
}

func newIndentScan() indentScan { return indentScan{atStart: true, min: 1<<31 - 1} }

// scanIndent reads literal text into s.
func scanIndent[T string | []byte](s *indentScan, text T) {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case !s.atStart:
			if c == '\n' {
				s.atStart, s.cur = true, 0
			}
		case c == ' ':
			s.cur++
		case c == '\n':
			s.cur = 0
		default:
			s.content()
		}
	}
}

// content is a character that ends a line's indentation (also an
// interpolation, or text that is not indentation).
func (s *indentScan) content() {
	if s.atStart {
		s.atStart = false
		s.min = min(s.min, s.cur)
	}
}

// indentStrip removes min spaces of indentation from each line of an
// indented string, one character at a time.
type indentStrip struct {
	min, dropped int
	atStart      bool
}

// keep reports whether c stays in the decoded text.
func (s *indentStrip) keep(c byte) bool {
	switch {
	case !s.atStart:
		if c == '\n' {
			s.atStart = true
		}
	case c == ' ':
		s.dropped++
		return s.dropped > s.min
	case c == '\n':
		s.dropped = 0
	default:
		s.atStart, s.dropped = false, 0
	}
	return true
}
