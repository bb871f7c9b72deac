// Package tsnix binds the tree-sitter Nix grammar and walks trees in C.
//
// The tree-sitter runtime is the one compiled by github.com/smacker/go-tree-sitter;
// this package calls its C API directly so that a parse and a full tree walk are
// one cgo call each, and so trees are freed explicitly, never by finalizers.
package tsnix

// #cgo CFLAGS: -I${SRCDIR}/_grammar -std=c11 -O2 -Wno-unused-parameter
// #include <stdlib.h>
// #include "shim.h"
import "C"

import (
	"errors"
	"time"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter" // links the tree-sitter runtime
)

// Node flags as written by the C walk.
const (
	FlagNamed    = 1
	FlagMissing  = 2
	FlagError    = 4
	FlagExtra    = 8
	FlagHasError = 16
	FlagTooDeep  = 32
)

// Node is one tree node in preorder; Next is the index just past its subtree.
type Node struct {
	Start, End uint32
	Parent     int32
	Next       uint32
	Sym, Field uint16
	Flags      uint8
}

var lang = sitter.NewLanguage(unsafe.Pointer(C.tree_sitter_nix()))

// Language returns the Nix grammar for go-tree-sitter's API (queries, names).
func Language() *sitter.Language { return lang }

// SymbolName and FieldName name the numbers found in Node.
func SymbolName(sym uint16) string { return lang.SymbolName(sitter.Symbol(sym)) }
func SymbolCount() int             { return int(lang.SymbolCount()) }
func FieldName(id uint16) string {
	if id == 0 {
		return ""
	}
	return lang.FieldName(int(id))
}

// Tree is a parsed tree owned by the caller; Close frees it.
type Tree struct{ t *C.TSTree }

// Close frees the tree. It is safe to call twice.
func (t *Tree) Close() {
	if t != nil && t.t != nil {
		C.ts_tree_delete(t.t)
		t.t = nil
	}
}

// parsers are reused: creating one per parse costs allocations in C.
var parsers = make(chan *C.TSParser, 16)

func getParser() (*C.TSParser, error) {
	select {
	case p := <-parsers:
		return p, nil
	default:
		p := C.nixsec_parser_new()
		if p == nil {
			return nil, errors.New("tree-sitter: incompatible Nix grammar")
		}
		return p, nil
	}
}

func putParser(p *C.TSParser) {
	C.ts_parser_reset(p)
	select {
	case parsers <- p:
	default:
		C.ts_parser_delete(p)
	}
}

// ErrTimeout is returned when a parse takes longer than its budget.
// tree-sitter is quadratic on some pathological inputs (20,000 unary
// minus signs took 5 s, 40,000 took 17 s); a linter in CI or an editor
// must not hang on them.
var ErrTimeout = errors.New("tree-sitter: parsing took too long (the text is pathologically nested or repetitive)")

// parseBudget is ParseBudget; tests shorten it.
var parseBudget = ParseBudget

// ParseBudget is how long a parse of n bytes may take: far more than any
// real file needs (a few hundred ns per byte), so only pathological input
// reaches it, even on a loaded machine (tree-sitter's clock is wall time).
func ParseBudget(n int) time.Duration {
	return time.Second + time.Duration(n)*10*time.Microsecond
}

// Parse parses src. old, if not nil, must have been edited with Edit to
// describe how src differs from the text it was parsed from.
func Parse(src []byte, old *Tree) (*Tree, error) {
	p, err := getParser()
	if err != nil {
		return nil, err
	}
	defer putParser(p)
	var ptr *C.char
	if len(src) > 0 {
		ptr = (*C.char)(unsafe.Pointer(&src[0]))
	}
	var oldt *C.TSTree
	if old != nil {
		oldt = old.t
	}
	C.ts_parser_set_timeout_micros(p, C.uint64_t(parseBudget(len(src)).Microseconds()))
	t := C.ts_parser_parse_string(p, oldt, ptr, C.uint32_t(len(src)))
	if t == nil {
		// The language is set, so a NULL tree means the budget ran out.
		return nil, ErrTimeout
	}
	return &Tree{t: t}, nil
}

// HasError reports whether the tree contains an ERROR or MISSING node.
func (t *Tree) HasError() bool { return bool(C.ts_node_has_error(C.ts_tree_root_node(t.t))) }

// Point is a tree-sitter position (row, byte column).
type Point struct{ Row, Column uint32 }

// Edit tells the tree that bytes [start, oldEnd) became [start, newEnd).
func (t *Tree) Edit(start, oldEnd, newEnd uint32, startPt, oldEndPt, newEndPt Point) {
	e := C.TSInputEdit{
		start_byte:    C.uint32_t(start),
		old_end_byte:  C.uint32_t(oldEnd),
		new_end_byte:  C.uint32_t(newEnd),
		start_point:   C.TSPoint{row: C.uint32_t(startPt.Row), column: C.uint32_t(startPt.Column)},
		old_end_point: C.TSPoint{row: C.uint32_t(oldEndPt.Row), column: C.uint32_t(oldEndPt.Column)},
		new_end_point: C.TSPoint{row: C.uint32_t(newEndPt.Row), column: C.uint32_t(newEndPt.Column)},
	}
	C.ts_tree_edit(t.t, &e)
}

// Flatten returns every node of the tree in preorder, reusing buf if it is large enough.
func (t *Tree) Flatten(buf []Node) []Node {
	n := int(C.nixsec_count(t.t))
	if cap(buf) < n {
		buf = make([]Node, n)
	}
	buf = buf[:cap(buf)]
	if len(buf) == 0 {
		return buf
	}
	got := int(C.nixsec_flatten(t.t, (*C.nixsec_node)(unsafe.Pointer(&buf[0])), C.uint32_t(len(buf))))
	if got > len(buf) { // cannot happen if the count is right; be safe anyway
		buf = make([]Node, got)
		got = int(C.nixsec_flatten(t.t, (*C.nixsec_node)(unsafe.Pointer(&buf[0])), C.uint32_t(len(buf))))
	}
	return buf[:got]
}

// static layout check: Go and C structs must agree.
var _ = [1]struct{}{}[unsafe.Sizeof(Node{})-unsafe.Sizeof(C.nixsec_node{})]

// Flat is a flattening kept so that the next one can reuse it: the nodes,
// each node's tree-sitter id, and a bound on the tree's depth.
type Flat struct {
	Nodes    []Node
	IDs      []uintptr
	MaxDepth uint32
	Copied   int // nodes copied from the previous flattening rather than walked
}

// FlattenReuse flattens t like Flatten and records node ids. If old is not
// nil, t must come from an incremental parse of old's tree, which must not
// have been freed yet (its ids would be reused); the bytes of the new text
// before prefix are the old ones, and the last suffix bytes of both texts are
// equal (newLen-suffix >= prefix and oldLen-suffix >= prefix). Subtrees the
// parser reused are then copied from old rather than walked.
func (t *Tree) FlattenReuse(old *Flat, prefix, suffix, newLen, oldLen uint32) Flat {
	n := int(C.nixsec_count(t.t))
	f := Flat{Nodes: make([]Node, n), IDs: make([]uintptr, n)}
	if n == 0 {
		return f
	}
	var oldNodes *C.nixsec_node
	var oldIDs *unsafe.Pointer
	var oldN, oldDepth C.uint32_t
	if old != nil && len(old.Nodes) > 0 && len(old.IDs) == len(old.Nodes) {
		oldNodes = (*C.nixsec_node)(unsafe.Pointer(&old.Nodes[0]))
		oldIDs = (*unsafe.Pointer)(unsafe.Pointer(&old.IDs[0]))
		oldN, oldDepth = C.uint32_t(len(old.Nodes)), C.uint32_t(old.MaxDepth)
	}
	for {
		var depth, copied C.uint32_t
		got := int(C.nixsec_flatten_reuse(t.t, (*C.nixsec_node)(unsafe.Pointer(&f.Nodes[0])),
			(*unsafe.Pointer)(unsafe.Pointer(&f.IDs[0])), C.uint32_t(len(f.Nodes)),
			oldNodes, oldIDs, oldN, oldDepth,
			C.uint32_t(prefix), C.uint32_t(newLen-suffix), C.uint32_t(oldLen-suffix), &depth, &copied))
		if got == len(f.Nodes) {
			f.MaxDepth, f.Copied = uint32(depth), int(copied)
			return f
		}
		// Cannot happen if the count and the reuse are right; be safe anyway:
		// walk the whole tree without reuse, into a buffer of the size found.
		oldNodes, oldIDs, oldN, oldDepth = nil, nil, 0, 0
		if got > len(f.Nodes) {
			f.Nodes, f.IDs = make([]Node, got), make([]uintptr, got)
		} else {
			f.Nodes, f.IDs = f.Nodes[:got], f.IDs[:got]
		}
	}
}
