package nixast

import (
	"errors"
	"fmt"

	"github.com/nixsec/nixsec/internal/tsnix"
)

// Document is an editable source that re-parses incrementally, reusing the
// previous tree. It owns C memory: call Close.
type Document struct {
	path   string
	file   *File
	tree   *tsnix.Tree // nil after Release or a failed parse: the next Apply parses from scratch
	flat   tsnix.Flat  // file's nodes with their ids, for the next flatten
	closed bool
}

// Edit replaces the bytes [Start, End) of the current text with Text.
type Edit struct {
	Start, End int
	Text       string
}

// NewDocument parses src and keeps the tree for incremental re-parses.
func NewDocument(path string, src []byte) (*Document, error) {
	if err := checkInput(path, src); err != nil {
		return nil, err
	}
	t, err := tsnix.Parse(src, nil)
	if err != nil {
		return nil, &ParseError{path, err.Error()}
	}
	flat := t.FlattenReuse(nil, 0, 0, uint32(len(src)), uint32(len(src)))
	return &Document{path: path, file: build(path, src, NewLineIndex(src), flat.Nodes), tree: t, flat: flat}, nil
}

// File returns the current parse. It stays valid after later edits.
func (d *Document) File() *File { return d.file }

// Apply applies edits in order (each against the text left by the previous
// one) and re-parses. On error the document is unchanged.
func (d *Document) Apply(edits []Edit) (*File, error) {
	if d.closed {
		return nil, errors.New("nixast: document is closed")
	}
	src := d.file.Src
	lines := d.file.Lines
	type tsEdit struct {
		start, oldEnd, newEnd   int
		sPt, oldEndPt, newEndPt tsnix.Point
	}
	var pending []tsEdit
	for _, e := range edits {
		if e.Start < 0 || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("nixast: edit [%d,%d) outside the document (%d bytes)", e.Start, e.End, len(src))
		}
		next := make([]byte, 0, len(src)-(e.End-e.Start)+len(e.Text))
		next = append(next, src[:e.Start]...)
		next = append(next, e.Text...)
		next = append(next, src[e.End:]...)
		newLines := NewLineIndex(next)
		pending = append(pending, tsEdit{
			start: e.Start, oldEnd: e.End, newEnd: e.Start + len(e.Text),
			sPt: lines.tsPoint(e.Start), oldEndPt: lines.tsPoint(e.End), newEndPt: newLines.tsPoint(e.Start + len(e.Text)),
		})
		src, lines = next, newLines
	}
	if err := checkInput(d.path, src); err != nil {
		return nil, err
	}
	if d.tree == nil {
		// Released (or a parse failed): nothing to reuse.
		t, err := tsnix.Parse(src, nil)
		if err != nil {
			return nil, &ParseError{d.path, err.Error()}
		}
		d.tree = t
		d.flat = t.FlattenReuse(nil, 0, 0, uint32(len(src)), uint32(len(src)))
		d.file = build(d.path, src, lines, d.flat.Nodes)
		return d.file, nil
	}
	for _, e := range pending {
		d.tree.Edit(uint32(e.start), uint32(e.oldEnd), uint32(e.newEnd), e.sPt, e.oldEndPt, e.newEndPt)
	}
	t, err := tsnix.Parse(src, d.tree)
	if err != nil {
		// The old tree was edited: drop it, the next Apply starts afresh.
		d.Release()
		return nil, &ParseError{d.path, "incremental parse failed"}
	}
	// The old tree stays alive until the new one is flattened: the reuse of
	// its flattening relies on none of its node ids being reallocated.
	old := d.tree
	defer old.Close()
	reuse := &d.flat
	if t.HasError() {
		// Error recovery depends on the parser's history: a tree re-parsed
		// incrementally can place ERROR and MISSING nodes differently from
		// a fresh parse of the same text. Diagnostics must not depend on
		// how the text was reached (the LSP and the CLI must agree), so a
		// broken text is parsed from scratch; valid text keeps the fast path.
		t.Close()
		if t, err = tsnix.Parse(src, nil); err != nil {
			d.tree, d.flat = nil, tsnix.Flat{}
			return nil, &ParseError{d.path, err.Error()}
		}
		reuse = nil
	}
	d.tree = t
	prefix, suffix := commonEnds(d.file.Src, src)
	d.flat = t.FlattenReuse(reuse, uint32(prefix), uint32(suffix), uint32(len(src)), uint32(len(d.file.Src)))
	// The same construction as Parse, so a Document's File can never differ
	// from a parsed one in any field.
	f := build(d.path, src, lines, d.flat.Nodes)
	d.file = f
	return f, nil
}

// commonEnds returns the lengths of the longest common prefix and suffix of
// a and b that do not overlap in either.
func commonEnds(a, b []byte) (prefix, suffix int) {
	n := min(len(a), len(b))
	for prefix < n && a[prefix] == b[prefix] {
		prefix++
	}
	for suffix < n-prefix && a[len(a)-1-suffix] == b[len(b)-1-suffix] {
		suffix++
	}
	return prefix, suffix
}

// Release frees the tree kept for incremental parsing (its C memory is
// several times the source's size); the document stays usable, and its next
// Apply parses from scratch.
func (d *Document) Release() {
	if d.tree != nil {
		d.tree.Close()
		d.tree = nil
	}
	d.flat = tsnix.Flat{}
}

// Live reports whether the document keeps a tree for incremental parsing.
func (d *Document) Live() bool { return d.tree != nil }

// Close frees the tree. The last File stays usable; Apply fails after it.
func (d *Document) Close() {
	d.Release()
	d.closed = true
}
