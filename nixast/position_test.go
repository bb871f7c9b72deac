package nixast

import (
	"testing"
	"unicode/utf8"
)

func TestLineIndexTable(t *testing.T) {
	type conv struct {
		off         int
		utf16, utf8 Pos // 0-based
		human       Pos // 1-based, characters
	}
	for _, tc := range []struct {
		name  string
		src   string
		lines int
		convs []conv
	}{
		{"empty", "", 1, []conv{
			{0, Pos{0, 0}, Pos{0, 0}, Pos{1, 1}},
			{5, Pos{0, 0}, Pos{0, 0}, Pos{1, 1}}, // clamped
			{-3, Pos{0, 0}, Pos{0, 0}, Pos{1, 1}},
		}},
		{"no trailing newline", "ab\ncd", 2, []conv{
			{2, Pos{0, 2}, Pos{0, 2}, Pos{1, 3}},
			{3, Pos{1, 0}, Pos{1, 0}, Pos{2, 1}},
			{5, Pos{1, 2}, Pos{1, 2}, Pos{2, 3}},
		}},
		{"trailing newline", "ab\n", 2, []conv{
			{3, Pos{1, 0}, Pos{1, 0}, Pos{2, 1}},
		}},
		{"CRLF", "a\r\nb\r\n", 3, []conv{
			{1, Pos{0, 1}, Pos{0, 1}, Pos{1, 2}},
			{3, Pos{1, 0}, Pos{1, 0}, Pos{2, 1}},
			{4, Pos{1, 1}, Pos{1, 1}, Pos{2, 2}},
			{6, Pos{2, 0}, Pos{2, 0}, Pos{3, 1}},
		}},
		{"tabs", "\t\tx = 1;", 1, []conv{
			{2, Pos{0, 2}, Pos{0, 2}, Pos{1, 3}},
		}},
		{"CJK", "\"日本語\" x", 1, []conv{
			{1, Pos{0, 1}, Pos{0, 1}, Pos{1, 2}},
			{4, Pos{0, 2}, Pos{0, 4}, Pos{1, 3}},
			{11, Pos{0, 5}, Pos{0, 11}, Pos{1, 6}},
			{2, Pos{0, 1}, Pos{0, 2}, Pos{1, 2}}, // inside 日: its start
		}},
		{"emoji surrogate pair", "a😀b\n😀", 2, []conv{
			{1, Pos{0, 1}, Pos{0, 1}, Pos{1, 2}},
			{5, Pos{0, 3}, Pos{0, 5}, Pos{1, 3}},
			{6, Pos{0, 4}, Pos{0, 6}, Pos{1, 4}},
			{11, Pos{1, 2}, Pos{1, 4}, Pos{2, 2}},
			{3, Pos{0, 1}, Pos{0, 3}, Pos{1, 2}}, // inside 😀
		}},
		{"invalid UTF-8", "a\xff\xfeb\n\xc3", 2, []conv{
			{2, Pos{0, 2}, Pos{0, 2}, Pos{1, 3}},
			{3, Pos{0, 3}, Pos{0, 3}, Pos{1, 4}},
			{4, Pos{0, 4}, Pos{0, 4}, Pos{1, 5}},
			{6, Pos{1, 1}, Pos{1, 1}, Pos{2, 2}}, // truncated sequence at EOF
		}},
	} {
		x := NewLineIndex([]byte(tc.src))
		if x.LineCount() != tc.lines {
			t.Errorf("%s: %d lines, want %d", tc.name, x.LineCount(), tc.lines)
		}
		for _, c := range tc.convs {
			if got := x.UTF16(c.off); got != c.utf16 {
				t.Errorf("%s: UTF16(%d) = %v, want %v", tc.name, c.off, got, c.utf16)
			}
			if got := x.UTF8(c.off); got != c.utf8 {
				t.Errorf("%s: UTF8(%d) = %v, want %v", tc.name, c.off, got, c.utf8)
			}
			if got := x.Human(c.off); got != c.human {
				t.Errorf("%s: Human(%d) = %v, want %v", tc.name, c.off, got, c.human)
			}
		}
	}
}

func TestLineIndexLines(t *testing.T) {
	x := NewLineIndex([]byte("one\r\ntwo\nthree"))
	for line, want := range []string{"one", "two", "three"} {
		if got := string(x.LineText(line)); got != want {
			t.Errorf("LineText(%d) = %q, want %q", line, got, want)
		}
	}
	if x.LineEnd(0) != 3 || x.LineStart(1) != 5 || x.LineEnd(2) != 14 {
		t.Errorf("line bounds: end0 %d start1 %d end2 %d", x.LineEnd(0), x.LineStart(1), x.LineEnd(2))
	}
	if x.LineStart(-1) != 0 || x.LineStart(9) != 14 || x.LineEnd(9) != 14 || x.LineEnd(-1) != 0 {
		t.Error("out-of-range lines must clamp")
	}
}

func TestFromUTF16Clamps(t *testing.T) {
	x := NewLineIndex([]byte("a😀b\r\nxy"))
	for _, tc := range []struct {
		p    Pos
		want int
	}{
		{Pos{0, 0}, 0}, {Pos{0, 1}, 1}, {Pos{0, 3}, 5}, {Pos{0, 4}, 6},
		{Pos{0, 2}, 5},  // inside the surrogate pair: after the character
		{Pos{0, 99}, 6}, // past the end of the line: before "\r\n"
		{Pos{1, 1}, 9}, {Pos{5, 0}, 10}, {Pos{-1, 3}, 0}, {Pos{1, -2}, 8},
	} {
		if got := x.FromUTF16(tc.p); got != tc.want {
			t.Errorf("FromUTF16(%v) = %d, want %d", tc.p, got, tc.want)
		}
	}
	if got := x.FromUTF8(Pos{0, 99}); got != 6 {
		t.Errorf("FromUTF8 past the line end = %d, want 6", got)
	}
	if got := x.FromUTF8(Pos{1, 1}); got != 9 {
		t.Errorf("FromUTF8(1,1) = %d, want 9", got)
	}
}

// checkPositions verifies the invariants of a line index on any input:
// conversions never panic, stay in range, and round-trip on every offset
// that starts a character and lies within a line's text.
func checkPositions(t *testing.T, src []byte) {
	x := NewLineIndex(src)
	line := 0
	for off := 0; off <= len(src); off++ {
		for line+1 < x.LineCount() && x.LineStart(line+1) <= off {
			line++
		}
		if got := x.Line(off); got != line {
			t.Fatalf("Line(%d) = %d, want %d", off, got, line)
		}
		u16, u8, h := x.UTF16(off), x.UTF8(off), x.Human(off)
		if u16.Line != line || u8.Line != line || h.Line != line+1 {
			t.Fatalf("offset %d: lines %v %v %v, want %d", off, u16, u8, h, line)
		}
		if u8.Col != off-x.LineStart(line) || x.FromUTF8(u8) != min(off, x.LineEnd(line)) {
			t.Fatalf("offset %d: UTF8 %v does not round-trip", off, u8)
		}
		if u16.Col < 0 || u16.Col > u8.Col || h.Col < 1 || h.Col > u8.Col+1 {
			t.Fatalf("offset %d: columns out of range: %v %v %v", off, u16, u8, h)
		}
		boundary := validPrefixEndsAt(src, x.LineStart(line), off)
		if boundary && off <= x.LineEnd(line) {
			if back := x.FromUTF16(u16); back != off {
				t.Fatalf("offset %d -> %v -> %d", off, u16, back)
			}
		}
	}
}

// validPrefixEndsAt reports whether decoding src from start lands exactly on
// off, i.e. off is a character boundary as UTF16 counts them (an invalid
// byte is a character of its own).
func validPrefixEndsAt(src []byte, start, off int) bool {
	i := start
	for i < off {
		_, size := utf8.DecodeRune(src[i:])
		i += size
	}
	return i == off
}

func TestPositionsRoundTrip(t *testing.T) {
	for _, s := range positionSeeds {
		checkPositions(t, []byte(s))
	}
}

var positionSeeds = []string{
	"", "\n", "\r\n", "a", "a\r\nb\r\n", "\t{\ta = 1;\t}", "\"日本語\"\n", "a😀b\n😀", "a\xff\xfeb\n\xc3",
	"\xf0\x9f\x98", "x\r", "\r\r\n\n", "é\u0301", "\U0010FFFF\uFFFD",
}

func FuzzPositions(f *testing.F) {
	for _, s := range positionSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4096 {
			return
		}
		checkPositions(t, src)
	})
}
