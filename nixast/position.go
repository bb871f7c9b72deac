package nixast

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/nixsec/nixsec/internal/tsnix"
)

// LineIndex converts byte offsets to lines and columns and back. Lines end at
// "\n"; a "\r" before it belongs to the line's end, not its text. Built once
// per source version, each conversion is a binary search plus one line scan.
type LineIndex struct {
	src    []byte
	starts []int // byte offset where each line starts
}

// NewLineIndex indexes src.
func NewLineIndex(src []byte) *LineIndex {
	starts := make([]int, 1, 1+len(src)/32)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return &LineIndex{src: src, starts: starts}
}

// LineCount is the number of lines (a final line without "\n" counts).
func (x *LineIndex) LineCount() int { return len(x.starts) }

// clamp keeps offsets inside the source so conversions never panic.
func (x *LineIndex) clamp(off int) int {
	if off < 0 {
		return 0
	}
	if off > len(x.src) {
		return len(x.src)
	}
	return off
}

// Line returns the 0-based line containing off.
func (x *LineIndex) Line(off int) int {
	off = x.clamp(off)
	return sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
}

// LineStart returns the offset of line's first byte.
func (x *LineIndex) LineStart(line int) int {
	if line < 0 {
		return 0
	}
	if line >= len(x.starts) {
		return len(x.src)
	}
	return x.starts[line]
}

// LineEnd returns the offset just past line's text, before "\r\n" or "\n".
func (x *LineIndex) LineEnd(line int) int {
	if line < 0 {
		return 0
	}
	if line+1 >= len(x.starts) {
		return len(x.src)
	}
	end := x.starts[line+1] - 1
	if end > x.starts[line] && x.src[end-1] == '\r' {
		end--
	}
	return end
}

// LineText returns the text of line without its line ending.
func (x *LineIndex) LineText(line int) []byte {
	return x.src[x.LineStart(line):x.LineEnd(line)]
}

// Pos is a 0-based line and a column in some unit.
type Pos struct{ Line, Col int }

// UTF16 converts off to a line and UTF-16 column, as LSP and SARIF count.
// An invalid UTF-8 byte counts as one unit (it shows as U+FFFD); an offset
// inside a multi-byte character counts as that character's start.
func (x *LineIndex) UTF16(off int) Pos {
	off = x.clamp(off)
	line := x.Line(off)
	col := 0
	for i := x.starts[line]; i < off; {
		r, size := utf8.DecodeRune(x.src[i:])
		if i+size > off {
			break
		}
		if r >= 0x10000 {
			col += 2
		} else {
			col++
		}
		i += size
	}
	return Pos{line, col}
}

// UTF8 converts off to a line and byte column.
func (x *LineIndex) UTF8(off int) Pos {
	off = x.clamp(off)
	line := x.Line(off)
	return Pos{line, off - x.starts[line]}
}

// Human converts off to a 1-based line and 1-based column counted in
// characters (code points; an invalid byte or a tab counts as one), as an
// editor's status bar shows them.
func (x *LineIndex) Human(off int) Pos {
	off = x.clamp(off)
	line := x.Line(off)
	col := 1
	for i := x.starts[line]; i < off; col++ {
		_, size := utf8.DecodeRune(x.src[i:])
		if i+size > off {
			break
		}
		i += size
	}
	return Pos{line + 1, col}
}

// FromUTF16 converts an LSP position to a byte offset. A column past the end
// of the line means the line's end; a line past the end means the file's end;
// a column inside a surrogate pair lands after the character.
func (x *LineIndex) FromUTF16(p Pos) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(x.starts) {
		return len(x.src)
	}
	off, end := x.starts[p.Line], x.LineEnd(p.Line)
	for col := 0; col < p.Col && off < end; {
		r, size := utf8.DecodeRune(x.src[off:end])
		if r >= 0x10000 {
			col += 2
		} else {
			col++
		}
		off += size
	}
	return off
}

// FromUTF8 converts a line and byte column to an offset, clamped to the line.
func (x *LineIndex) FromUTF8(p Pos) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(x.starts) {
		return len(x.src)
	}
	off := x.starts[p.Line] + max(p.Col, 0)
	if end := x.LineEnd(p.Line); off > end {
		off = end
	}
	return off
}

// tsPoint is tree-sitter's (row, byte column) for off.
func (x *LineIndex) tsPoint(off int) tsnix.Point {
	p := x.UTF8(off)
	return tsnix.Point{Row: uint32(p.Line), Column: uint32(p.Col)}
}
