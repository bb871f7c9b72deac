package nixast

// Comment is a `# ...` line comment or a `/* ... */` block comment.
type Comment struct {
	Node Node
	// Span covers the comment with its delimiters; a line comment's span
	// stops before the line ending (a CR of CR LF excluded).
	Span Span
	// Block is true for /* ... */.
	Block bool
	// Text is the comment without its delimiters: what follows "#", or what
	// lies between "/*" and "*/".
	Text string
	// Line and EndLine are the 0-based lines where it starts and ends.
	Line, EndLine int
	// Trailing is true when code precedes the comment on its first line
	// (`enable = false; # why`); such a comment belongs to that line.
	Trailing bool
}

// Comments returns every comment of f in source order.
func Comments(f *File) []Comment {
	var out []Comment
	if f == nil {
		return nil
	}
	for i := range f.nodes {
		n := Node{f, int32(i)}
		if n.Kind() == KindComment {
			out = append(out, commentOf(n))
		}
	}
	return out
}

// CommentOf describes a comment node; ok is false for other nodes.
func CommentOf(n Node) (Comment, bool) {
	if n.Kind() != KindComment {
		return Comment{}, false
	}
	return commentOf(n), true
}

func commentOf(n Node) Comment {
	f := n.f
	sp := n.Span()
	c := Comment{Node: n}
	t := f.Src[sp.Start:sp.End]
	if len(t) >= 2 && t[0] == '/' && t[1] == '*' {
		c.Block = true
		body := t[2:]
		if len(body) >= 2 && body[len(body)-2] == '*' && body[len(body)-1] == '/' {
			body = body[:len(body)-2]
		}
		c.Text = string(body)
	} else {
		for sp.End > sp.Start && (f.Src[sp.End-1] == '\r' || f.Src[sp.End-1] == '\n') {
			sp.End--
		}
		if sp.End > sp.Start {
			c.Text = string(f.Src[sp.Start+1 : sp.End])
		}
	}
	c.Span = sp
	c.Line = f.Lines.Line(sp.Start)
	c.EndLine = f.Lines.Line(max(sp.End-1, sp.Start))
	for k := f.Lines.LineStart(c.Line); k < sp.Start; k++ {
		if b := f.Src[k]; b != ' ' && b != '\t' && b != '\r' {
			c.Trailing = true
			break
		}
	}
	return c
}

// commentEndingAt returns the comment node that ends exactly at off (a line
// comment may be followed by a CR).
func commentEndingAt(f *File, off int) (Node, bool) {
	if off <= 0 || off > len(f.Src) {
		return Node{}, false
	}
	n := f.NodeAt(off - 1)
	if n.Kind() != KindComment {
		return Node{}, false
	}
	end := n.End()
	for end > n.Start() && (f.Src[end-1] == '\r' || f.Src[end-1] == '\n') {
		end--
	}
	if end != off && n.End() != off {
		return Node{}, false
	}
	return n, true
}

// CommentBefore returns the comments directly before n, in source order: the
// run of comments that ends on the line above n (or on n's line, before it),
// with only whitespace between them and n and no blank line. Comments that
// trail code on their line belong to that code and end the run. Typical use:
// a `# nixsec-ignore RULE: reason` line above a binding.
func CommentBefore(n Node) []Comment {
	f := n.File()
	if f == nil {
		return nil
	}
	var out []Comment
	pos := n.Start()
	for {
		j, newlines := pos, 0
		for j > 0 {
			b := f.Src[j-1]
			if b == '\n' {
				newlines++
			} else if b != ' ' && b != '\t' && b != '\r' {
				break
			}
			j--
		}
		if newlines > 1 || j == 0 {
			break
		}
		cn, ok := commentEndingAt(f, j)
		if !ok {
			break
		}
		c := commentOf(cn)
		if c.Trailing {
			break
		}
		out = append(out, c)
		pos = c.Span.Start
	}
	for i, k := 0, len(out)-1; i < k; i, k = i+1, k-1 {
		out[i], out[k] = out[k], out[i]
	}
	return out
}

// TrailingComment returns the comment at the end of a 0-based line that has
// code before it: `enable = false; # nixsec-ignore NIXSEC-FW-001: reason`.
func TrailingComment(f *File, line int) (Comment, bool) {
	if f == nil || line < 0 || line >= f.Lines.LineCount() {
		return Comment{}, false
	}
	start, end := f.Lines.LineStart(line), f.Lines.LineEnd(line)
	for end > start && (f.Src[end-1] == ' ' || f.Src[end-1] == '\t') {
		end--
	}
	cn, ok := commentEndingAt(f, end)
	if !ok {
		return Comment{}, false
	}
	c := commentOf(cn)
	if !c.Trailing || c.Line != line {
		return Comment{}, false
	}
	return c, true
}

// CommentsOnLine returns the comments that start on a 0-based line.
func CommentsOnLine(f *File, line int) []Comment {
	if f == nil || line < 0 || line >= f.Lines.LineCount() {
		return nil
	}
	var out []Comment
	start, end := f.Lines.LineStart(line), f.Lines.LineEnd(line)
	for off := start; off < end; off++ {
		if b := f.Src[off]; b != '#' && b != '/' {
			continue
		}
		n := f.NodeAt(off)
		if n.Kind() == KindComment && n.Start() == off {
			out = append(out, commentOf(n))
			off = n.End() - 1
		}
	}
	return out
}
