// Package nixast parses Nix source with tree-sitter and gives a typed,
// pure-Go view of the tree, byte ↔ line/column conversions, syntax errors and
// static values. It knows Nix syntax and nothing about NixOS.
package nixast

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/nixsec/nixsec/internal/tsnix"
)

// MaxFileSize is the largest source Parse accepts; tree-sitter offsets are
// 32-bit and a larger .nix file is not a configuration anyone writes by hand.
const MaxFileSize = 64 << 20

// File is a parsed Nix file. It holds no C memory: the tree-sitter tree is
// flattened and freed inside Parse, so a File is safe to share between goroutines.
type File struct {
	Path   string
	Src    []byte
	Lines  *LineIndex
	Errors []SyntaxError // tree-sitter syntax errors, in source order

	nodes []tsnix.Node
	text  string // Src as a string, so Node.Text does not allocate
}

// Root returns the source_code node.
func (f *File) Root() Node {
	if f == nil || len(f.nodes) == 0 {
		return Node{}
	}
	return Node{f, 0}
}

// Expr returns the top-level expression (inside source_code), or the zero Node
// for an empty file.
func (f *File) Expr() Node { return f.Root().Child(FieldExpression) }

// NodeCount is the number of nodes in the tree.
func (f *File) NodeCount() int { return len(f.nodes) }

// NodeAt returns the smallest named node containing byte offset off.
func (f *File) NodeAt(off int) Node {
	n := f.Root()
	if !n.Valid() {
		return n
	}
	for {
		var next Node
		for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
			if c.IsNamed() && off >= c.Start() && off < c.End() {
				next = c
				break
			}
		}
		if !next.Valid() {
			return n
		}
		n = next
	}
}

// ParseError is returned when a source cannot be parsed at all (as opposed
// to syntax errors, which are reported in File.Errors).
type ParseError struct {
	Path   string
	Reason string
}

func (e *ParseError) Error() string { return e.Path + ": " + e.Reason }

// Parse parses src. It fails only for input that is not Nix text at all
// (too large, binary); ordinary syntax errors are in File.Errors.
func Parse(path string, src []byte) (*File, error) {
	if err := checkInput(path, src); err != nil {
		return nil, err
	}
	t, err := tsnix.Parse(src, nil)
	if err != nil {
		return nil, &ParseError{path, err.Error()}
	}
	defer t.Close()
	return build(path, src, NewLineIndex(src), t.Flatten(nil)), nil
}

func checkInput(path string, src []byte) error {
	if len(src) > MaxFileSize {
		return &ParseError{path, fmt.Sprintf("file is %d MB, larger than the %d MB nixsec parses", len(src)>>20, MaxFileSize>>20)}
	}
	if i := indexNUL(src); i >= 0 {
		return &ParseError{path, fmt.Sprintf("binary file (NUL byte at offset %d), not Nix source", i)}
	}
	return nil
}

func indexNUL(b []byte) int { return bytes.IndexByte(b, 0) }

func build(path string, src []byte, lines *LineIndex, nodes []tsnix.Node) *File {
	f := &File{Path: path, Src: src, Lines: lines, text: string(src), nodes: nodes}
	f.Errors = syntaxErrors(f)
	return f
}

// ValidUTF8 reports whether the source is valid UTF-8; Nix itself accepts
// any bytes, so invalid UTF-8 is not an error, but output encoders must know.
func (f *File) ValidUTF8() bool { return utf8.Valid(f.Src) }
