package diagnostics

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// TextOptions tune the human format.
type TextOptions struct {
	Color   bool // ANSI colors
	Source  bool // quote the source line with a caret underline
	Summary bool // a last line counting findings and errors
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiCyan   = "\x1b[36m"
)

var severityColor = map[Severity]string{
	Critical: ansiBold + ansiRed,
	High:     ansiRed,
	Medium:   ansiYellow,
	Low:      ansiCyan,
	Info:     ansiBlue,
}

// tabWidth is how many columns a tab takes in a quoted source line.
const tabWidth = 4

// WriteText writes findings like a compiler, one per line:
//
//	path:line:col: severity RULE-ID message
//
// with 1-based lines and columns counted in characters, optionally followed
// by the source line with the range underlined and the titles of available
// fixes. File errors are written as "path: error: message". All output is
// valid UTF-8 whatever the source bytes.
func WriteText(w io.Writer, r *Report, opt TextOptions) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !opt.Color || code == "" {
			return s
		}
		return code + s + ansiReset
	}
	for _, f := range r.Findings {
		p := r.Position(f.Path, f.Span.Start)
		loc := validText(f.Path)
		if p.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", loc, p.Line, p.Column)
		}
		msg := validText(f.Message)
		if f.System != "" {
			msg += " (in " + validText(f.System) + ")"
		}
		if f.Confidence == Possible {
			msg += " [possible]"
		}
		first, rest, _ := strings.Cut(msg, "\n")
		fmt.Fprintf(bw, "%s: %s %s %s\n", paint(ansiBold, loc), paint(severityColor[f.Severity], f.Severity.String()),
			paint(ansiBold, f.RuleID), first)
		for _, l := range splitLines(rest) {
			fmt.Fprintf(bw, "    %s\n", l)
		}
		if opt.Source {
			writeSnippet(bw, r, f.Location, paint)
		}
		for _, rel := range f.Related {
			rp := r.Position(rel.Path, rel.Span.Start)
			rloc := validText(rel.Path)
			if rp.Line > 0 {
				rloc = fmt.Sprintf("%s:%d:%d", rloc, rp.Line, rp.Column)
			}
			fmt.Fprintf(bw, "  %s %s: %s\n", paint(ansiDim, "note:"), rloc, validText(rel.Message))
		}
		for _, fix := range f.Fixes {
			kind := "fix available"
			if fix.Safe {
				kind = "safe fix available"
			}
			fmt.Fprintf(bw, "  %s %s\n", paint(ansiGreen, kind+":"), validText(fix.Title))
		}
	}
	for _, e := range r.Errors {
		fmt.Fprintln(bw, FormatErrorText(e, opt.Color))
	}
	if opt.Summary {
		fmt.Fprintln(bw, r.Summary())
	}
	return bw.Flush()
}

// FormatErrorText renders a file error as "path: error: message".
func FormatErrorText(e FileError, color bool) string {
	label := "error:"
	if color {
		label = ansiBold + ansiRed + label + ansiReset
	}
	if e.Path == "" {
		return label + " " + validText(e.Message)
	}
	return validText(e.Path) + ": " + label + " " + validText(e.Message)
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimRight(s, "\n"), "\n")
}

// writeSnippet quotes the first line of loc with a gutter and underlines the
// range on it (to the line's end when the range goes on; one caret when empty).
func writeSnippet(w io.Writer, r *Report, loc Location, paint func(code, s string) string) {
	f := r.Sources[loc.Path]
	if f == nil {
		return
	}
	start := min(max(loc.Span.Start, 0), len(f.Src))
	end := min(max(loc.Span.End, start), len(f.Src))
	line := f.Lines.Line(start)
	ls, le := f.Lines.LineStart(line), f.Lines.LineEnd(line)
	src := f.Src[ls:le]
	a, b := start-ls, min(end, le)-ls
	if b < a {
		b = a
	}
	text, before := displayWidth(src, a)
	_, upto := displayWidth(src, b)
	width := max(upto-before, 1)
	num := fmt.Sprint(line + 1)
	pad := strings.Repeat(" ", len(num))
	fmt.Fprintf(w, " %s %s %s\n", paint(ansiBlue, num), paint(ansiBlue, "|"), text)
	fmt.Fprintf(w, " %s %s %s%s\n", pad, paint(ansiBlue, "|"), strings.Repeat(" ", before), paint(ansiRed, strings.Repeat("^", width)))
}

// displayWidth renders a source line for a terminal (tabs expanded, invalid
// bytes as U+FFFD, control characters as U+FFFD) and returns the display
// width of its first n bytes.
func displayWidth(line []byte, n int) (text string, width int) {
	var b strings.Builder
	col, found := 0, false
	for i := 0; i < len(line); {
		if !found && i >= n {
			width, found = col, true
		}
		r, size := utf8.DecodeRune(line[i:])
		switch {
		case r == '\t':
			sp := tabWidth - col%tabWidth
			b.WriteString(strings.Repeat(" ", sp))
			col += sp
		case r == utf8.RuneError && size <= 1, r < 0x20, r == 0x7f:
			b.WriteRune('\uFFFD')
			col++
		default:
			b.WriteRune(r)
			col += runewidth.RuneWidth(r)
		}
		i += size
	}
	if !found {
		width = col
	}
	return b.String(), width
}
