package diagnostics

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/nixsec/nixsec/nixast"
)

// RuleDocBase is where each rule's documentation page lives: RuleDocBase + ID + ".md".
const RuleDocBase = "https://github.com/nixsec/nixsec/blob/main/docs/rules/"

// HelpURI is the rule's documentation page.
func (m *RuleMeta) HelpURI() string { return RuleDocBase + m.ID + ".md" }

// Tool describes the program that produced a report.
type Tool struct {
	Name           string // "nixsec"
	Version        string // release version, "dev" for a local build
	InformationURI string
	Grammar        string // tree-sitter grammar module@version
	GoVersion      string
}

// ErrorKind classifies a FileError.
type ErrorKind string

const (
	ErrIO    ErrorKind = "io"    // missing, unreadable, a directory that cannot be listed
	ErrInput ErrorKind = "input" // not Nix source at all: binary, too large
	ErrUsage ErrorKind = "usage" // a bad command-line argument
)

// FileError is a file nixsec could not check. The run goes on without it.
type FileError struct {
	Path    string
	Kind    ErrorKind
	Message string // what went wrong, without the path
}

func (e FileError) Error() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// Report is everything one run found, as the output formats consume it.
// Paths in findings, errors and Sources are as the user named them (or as
// found under a directory they named); Root is the absolute directory that
// relative paths are relative to (SARIF's %SRCROOT%).
type Report struct {
	Tool     Tool
	Root     string
	Rules    []RuleMeta // the rules that ran, for SARIF's rule table
	Findings []Finding  // in the order to print, usually sorted with Finding.Less
	Errors   []FileError
	Files    int // how many files were checked

	// Sources maps a path to its parsed file, to turn byte offsets into
	// lines and columns and to quote source lines.
	Sources map[string]*nixast.File
}

// AddSource records a parsed file for position conversion.
func (r *Report) AddSource(f *nixast.File) {
	if r.Sources == nil {
		r.Sources = map[string]*nixast.File{}
	}
	r.Sources[f.Path] = f
}

// PathsWithoutSource lists, in order of first mention, the paths that
// findings, related locations or fix edits name but Sources lacks (a file
// the analyzer read by itself, such as an import outside the linted set).
func (r *Report) PathsWithoutSource() []string {
	var out []string
	seen := map[string]bool{}
	note := func(p string) {
		if p != "" && r.Sources[p] == nil && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, f := range r.Findings {
		note(f.Path)
		for _, rel := range f.Related {
			note(rel.Path)
		}
		for _, fix := range f.Fixes {
			for _, e := range fix.Edits {
				note(e.Path)
			}
		}
	}
	return out
}

// Rule returns the metadata of rule id, or a minimal description when the
// rule is not in r.Rules (an internal error, a rule from a newer version).
func (r *Report) Rule(id string) RuleMeta {
	for i := range r.Rules {
		if r.Rules[i].ID == id {
			return r.Rules[i]
		}
	}
	return RuleMeta{ID: id, Title: id, Description: id, Severity: Info, MaxSeverity: Info}
}

// documented reports whether rule id is in r.Rules (and so has a docs page).
func (r *Report) documented(id string) bool {
	for i := range r.Rules {
		if r.Rules[i].ID == id {
			return true
		}
	}
	return false
}

// ruleTable returns r.Rules plus a stub for every rule a finding names that
// is not among them, ordered by ID.
func (r *Report) ruleTable() []RuleMeta {
	out := append([]RuleMeta(nil), r.Rules...)
	seen := map[string]bool{}
	for _, m := range out {
		seen[m.ID] = true
	}
	for _, f := range r.Findings {
		if !seen[f.RuleID] {
			seen[f.RuleID] = true
			out = append(out, r.Rule(f.RuleID))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Counts returns the number of findings per severity.
func (r *Report) Counts() map[Severity]int {
	c := map[Severity]int{}
	for _, f := range r.Findings {
		c[f.Severity]++
	}
	return c
}

// Summary is one human line: "3 findings (1 high, 2 low) in 12 files, 1 error".
func (r *Report) Summary() string {
	var b strings.Builder
	n := len(r.Findings)
	fmt.Fprintf(&b, "%d %s", n, plural(n, "finding", "findings"))
	if n > 0 {
		counts := r.Counts()
		var parts []string
		for s := Critical; s >= Info; s-- {
			if counts[s] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
			}
		}
		b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	}
	fmt.Fprintf(&b, " in %d %s", r.Files, plural(r.Files, "file", "files"))
	if e := len(r.Errors); e > 0 {
		fmt.Fprintf(&b, ", %d %s", e, plural(e, "error", "errors"))
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Position is a place in a file as the output formats write it. Line and
// the columns are 1-based; Column counts characters (code points, an invalid
// byte counts as one), ColumnUTF16 counts UTF-16 code units (SARIF's and
// LSP's default); Offset is the 0-based byte offset. A zero Line means the
// file's source was not available.
type Position struct {
	Line        int `json:"line"`
	Column      int `json:"column"`
	ColumnUTF16 int `json:"column_utf16"`
	Offset      int `json:"offset"`
}

// Position converts a byte offset in path.
func (r *Report) Position(path string, off int) Position {
	f := r.Sources[path]
	if f == nil {
		return Position{Offset: off}
	}
	h := f.Lines.Human(off)
	u := f.Lines.UTF16(off)
	off = min(max(off, 0), len(f.Src))
	return Position{Line: h.Line, Column: h.Col, ColumnUTF16: u.Col + 1, Offset: off}
}

// RelPath returns path relative to r.Root when it lies inside it, with
// forward slashes; ok is false for a path outside Root.
func (r *Report) RelPath(path string) (rel string, ok bool) {
	if r.Root == "" {
		if filepath.IsAbs(path) {
			return filepath.ToSlash(path), false
		}
		return filepath.ToSlash(filepath.Clean(path)), true
	}
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(r.Root, path)
	}
	rel, err := filepath.Rel(r.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(filepath.Clean(abs)), false
	}
	return filepath.ToSlash(rel), true
}

// Fingerprints returns one stable identifier per finding, for matching
// findings across runs (SARIF partialFingerprints, JSON fingerprint): a hash
// of the rule, the path relative to Root, the system, the trimmed text of
// the finding's first line and the text it covers, plus an occurrence count
// to tell identical findings apart. Unlike line numbers, it survives edits
// elsewhere in the file.
func (r *Report) Fingerprints() []string {
	out := make([]string, len(r.Findings))
	seen := map[string]int{}
	for i, f := range r.Findings {
		rel, _ := r.RelPath(f.Path)
		var line, covered []byte
		if src := r.Sources[f.Path]; src != nil {
			start := min(max(f.Span.Start, 0), len(src.Src))
			end := min(max(f.Span.End, start), len(src.Src), start+256)
			line = []byte(strings.TrimSpace(string(src.Lines.LineText(src.Lines.Line(start)))))
			covered = src.Src[start:end]
		}
		h := sha256.New()
		for _, part := range [][]byte{[]byte(f.RuleID), []byte(rel), []byte(f.System), line, covered} {
			h.Write(part)
			h.Write([]byte{0})
		}
		key := hex.EncodeToString(h.Sum(nil))[:32]
		seen[key]++
		out[i] = fmt.Sprintf("%s:%d", key, seen[key])
	}
	return out
}

// validText makes s valid UTF-8 for output, replacing invalid bytes with U+FFFD.
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
