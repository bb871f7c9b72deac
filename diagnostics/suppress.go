package diagnostics

import (
	"regexp"
	"strings"
)

// SuppressionComment is the inline syntax that silences findings:
//
//	# nixsec-ignore NIXSEC-FW-001: the host is behind a hardware firewall
//	# nixsec-ignore NIXSEC-CTR-008, NIXSEC-CTR-010: needs raw sockets
//	# nixsec-ignore-file NIXSEC-SUP-004: classic channel setup
//
// The catalog's `# nixsec:ignore ID reason="…"` spelling is accepted too.
// A comment alone on its line covers the next line and, when that line
// starts a binding, everything inside the binding; a trailing comment covers
// its own line (and its binding). Rule slugs work in place of IDs.
const SuppressionComment = "nixsec-ignore"

// Suppression is one parsed suppression comment.
type Suppression struct {
	Rules  []string // rule IDs or slugs, as written
	Reason string
	File   bool // nixsec-ignore-file: the whole file
}

var suppressRe = regexp.MustCompile(`^(?:#|/\*)\s*nixsec(?:-ignore(-file)?|:ignore(-file)?)\b\s*(.*?)\s*(?:\*/)?\s*$`)
var reasonAttrRe = regexp.MustCompile(`reason\s*=\s*"([^"]*)"`)

// ParseSuppression reads a comment's text (with its # or /* */ markers).
// ok is false when the comment is not a suppression.
func ParseSuppression(comment string) (s Suppression, ok bool) {
	m := suppressRe.FindStringSubmatch(strings.TrimSpace(comment))
	if m == nil {
		return s, false
	}
	s.File = m[1] != "" || m[2] != ""
	rest := m[3]
	if r := reasonAttrRe.FindStringSubmatch(rest); r != nil {
		s.Reason = r[1]
		rest = strings.Replace(rest, r[0], "", 1)
	}
	ids := rest
	if i := strings.Index(rest, ":"); i >= 0 {
		ids, s.Reason = rest[:i], strings.TrimSpace(rest[i+1:])
	}
	for _, f := range strings.FieldsFunc(ids, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		s.Rules = append(s.Rules, f)
	}
	return s, true
}
