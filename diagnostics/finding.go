// Package diagnostics holds what nixsec reports: findings with ranges,
// severities and fixes, rule metadata, suppressions, and the output formats.
// It knows nothing of NixOS or of editors.
package diagnostics

import (
	"fmt"
	"strings"

	"github.com/nixsec/nixsec/nixast"
)

// Severity orders findings; the zero value is Info.
type Severity int

const (
	Info Severity = iota
	Low
	Medium
	High
	Critical
)

var severityNames = [...]string{"info", "low", "medium", "high", "critical"}

func (s Severity) String() string {
	if s >= Info && s <= Critical {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "info", "low", "medium", "high" or "critical".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want one of %s)", s, strings.Join(severityNames[:], ", "))
}

// MarshalText and UnmarshalText make severities plain words in JSON and TOML.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// Confidence says whether a finding is certain or depends on something
// nixsec could not resolve statically (a condition, an imported value).
type Confidence int

const (
	Definite Confidence = iota
	Possible
)

func (c Confidence) String() string {
	if c == Possible {
		return "possible"
	}
	return "definite"
}

func (c Confidence) MarshalText() ([]byte, error) { return []byte(c.String()), nil }
func (c *Confidence) UnmarshalText(b []byte) error {
	switch string(b) {
	case "definite":
		*c = Definite
	case "possible":
		*c = Possible
	default:
		return fmt.Errorf("unknown confidence %q", b)
	}
	return nil
}

// Location is a byte range in a file.
type Location struct {
	Path string
	Span nixast.Span
}

// Related points at another place that explains a finding (the mkForce that
// overrides, the substituter that lacks a key).
type Related struct {
	Location
	Message string
}

// Edit replaces the bytes of Location with NewText.
type Edit struct {
	Location
	NewText string
}

// Fix is a set of edits that resolves a finding. Safe fixes may be applied
// unattended (--fix, source.fixAll); others are offered for review.
type Fix struct {
	Title string
	Edits []Edit
	Safe  bool
}

// Finding is one problem found by a rule.
type Finding struct {
	RuleID     string
	Severity   Severity // after escalations
	Confidence Confidence
	Message    string // names the option and the value seen
	Location
	// System names where the definition applies when it is not the
	// top-level system, e.g. `containers.web` or `nodes.machine`.
	System  string
	Related []Related
	Fixes   []Fix
}

// SortKey orders findings deterministically: path, offset, rule.
func (f *Finding) Less(g *Finding) bool {
	if f.Path != g.Path {
		return f.Path < g.Path
	}
	if f.Span.Start != g.Span.Start {
		return f.Span.Start < g.Span.Start
	}
	if f.RuleID != g.RuleID {
		return f.RuleID < g.RuleID
	}
	if f.Span.End != g.Span.End {
		return f.Span.End < g.Span.End
	}
	return f.Message < g.Message
}
