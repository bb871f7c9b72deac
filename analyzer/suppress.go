package analyzer

import (
	"fmt"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// BadSuppression reports suppression comments nixsec cannot honour, so a
// typo never silently leaves a finding unsuppressed (or the reverse).
var BadSuppression = &Rule{RuleMeta: diagnostics.RuleMeta{
	ID: "NIXSEC-CFG-001", Slug: "invalid-suppression", Title: "Suppression comment names no known rule",
	Category: "Configuration", Severity: diagnostics.Low, MaxSeverity: diagnostics.Low,
	Description: "A `# nixsec-ignore` comment that names no rule, or a rule ID or slug nixsec does not know.",
	Why:         "A mistyped suppression does not suppress anything, and a bare one would hide every future finding: both make the suppression list lie to reviewers.",
	Remediation: "Name the rules to silence by ID (`nixsec rules` lists them) and give a reason: `# nixsec-ignore NIXSEC-FW-001: host sits behind a hardware firewall`.",
	FixClass:    diagnostics.FixManual,
	References:  []string{DocsBaseURL + "README.md"},
	Bad:         "# nixsec-ignore NIXSEC-FW-01: typo\nnetworking.firewall.enable = false;",
	Good:        "# nixsec-ignore NIXSEC-FW-001: behind a hardware firewall\nnetworking.firewall.enable = false;",
}}

func init() { Register(BadSuppression) }

type suppression struct {
	diagnostics.Suppression
	comment nixast.Node
	rules   map[string]bool // rule IDs
	line    int             // 0-based line the comment covers
}

// fileSuppressions parses the suppression comments of f and reports bad ones.
func fileSuppressions(f *nixast.File, bad *[]diagnostics.Finding) (lines map[int][]suppression, file []suppression) {
	lines = map[int][]suppression{}
	f.Root().Walk(func(n nixast.Node) bool {
		if n.Kind() != nixast.KindComment {
			return true
		}
		s, ok := diagnostics.ParseSuppression(n.Text())
		if !ok {
			return false
		}
		sp := suppression{Suppression: s, comment: n, rules: map[string]bool{}}
		for _, id := range s.Rules {
			if r, ok := Lookup(id); ok {
				sp.rules[r.ID] = true
			} else {
				*bad = append(*bad, diagnostics.Finding{RuleID: BadSuppression.ID, Severity: BadSuppression.Severity,
					Message:  fmt.Sprintf("%s names %q, which is not a nixsec rule ID or slug (see `nixsec rules`)", diagnostics.SuppressionComment, id),
					Location: diagnostics.Location{Path: f.Path, Span: n.Span()}})
			}
		}
		if len(s.Rules) == 0 {
			*bad = append(*bad, diagnostics.Finding{RuleID: BadSuppression.ID, Severity: BadSuppression.Severity,
				Message:  diagnostics.SuppressionComment + " names no rule: list the rule IDs it silences",
				Location: diagnostics.Location{Path: f.Path, Span: n.Span()}})
		}
		if s.File {
			file = append(file, sp)
			return false
		}
		line := f.Lines.Line(n.Start())
		if ownLine(f, n) {
			line = nextCodeLine(f, line)
		}
		sp.line = line
		lines[line] = append(lines[line], sp)
		return false
	})
	return lines, file
}

// ownLine reports a comment with nothing but white space before it.
func ownLine(f *nixast.File, n nixast.Node) bool {
	start := f.Lines.LineStart(f.Lines.Line(n.Start()))
	for _, c := range f.Src[start:n.Start()] {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// nextCodeLine skips blank and comment-only lines after line.
func nextCodeLine(f *nixast.File, line int) int {
	for l := line + 1; l < f.Lines.LineCount(); l++ {
		text := string(f.Lines.LineText(l))
		t := trimSpace(text)
		if t != "" && t[0] != '#' {
			return l
		}
	}
	return line + 1
}

func trimSpace(s string) string {
	i, j := 0, len(s)
	for i < j && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t' || s[j-1] == '\r') {
		j--
	}
	return s[i:j]
}

// applySuppressions drops suppressed findings and adds NIXSEC-CFG-001 for
// bad suppression comments.
func applySuppressions(files []*nixast.File, findings []diagnostics.Finding, opts Options) []diagnostics.Finding {
	byPath := map[string]*nixast.File{}
	for _, f := range files {
		byPath[f.Path] = f
	}
	cache := map[string]*fileSup{}
	var bad []diagnostics.Finding
	get := func(f *nixast.File) *fileSup {
		if s, ok := cache[f.Path]; ok {
			return s
		}
		var s fileSup
		if len(f.Errors) == 0 {
			s.lines, s.file = fileSuppressions(f, &bad)
		}
		cache[f.Path] = &s
		return &s
	}
	for _, f := range files {
		get(f)
	}
	out := findings[:0]
	for _, fd := range findings {
		f := byPath[fd.Path]
		if f == nil || fd.RuleID == InternalErrorID || fd.RuleID == SyntaxError.ID {
			out = append(out, fd)
			continue
		}
		if !suppressed(f, get(f), fd) {
			out = append(out, fd)
		}
	}
	if opts.Enabled == nil || opts.Enabled(BadSuppression) {
		out = append(out, bad...)
	}
	return out
}

type fileSup struct {
	lines map[int][]suppression
	file  []suppression
}

func suppressed(f *nixast.File, s *fileSup, fd diagnostics.Finding) bool {
	for _, sp := range s.file {
		if sp.rules[fd.RuleID] {
			return true
		}
	}
	if len(s.lines) == 0 {
		return false
	}
	match := func(line int) bool {
		for _, sp := range s.lines[line] {
			if sp.rules[fd.RuleID] {
				return true
			}
		}
		return false
	}
	if match(f.Lines.Line(fd.Span.Start)) {
		return true
	}
	// A suppression on the first line of an enclosing binding covers it all.
	for n := f.NodeAt(fd.Span.Start); n.Valid(); n = n.Parent() {
		if n.Kind() == nixast.KindBinding && match(f.Lines.Line(n.Start())) {
			return true
		}
	}
	return false
}
