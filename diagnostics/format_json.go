package diagnostics

import (
	"encoding/json"
	"io"
)

// JSONSchemaVersion is the version of the JSON output's schema
// (docs/json-schema.md, docs/json-schema.json). It changes only when a field
// is removed or changes meaning; new fields may appear in any release.
const JSONSchemaVersion = 1

type jsonReport struct {
	SchemaVersion int           `json:"schema_version"`
	Tool          jsonTool      `json:"tool"`
	Root          string        `json:"root"`
	FilesChecked  int           `json:"files_checked"`
	Findings      []jsonFinding `json:"findings"`
	Errors        []jsonError   `json:"errors"`
	Summary       jsonSummary   `json:"summary"`
}

type jsonTool struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	InformationURI string `json:"information_uri"`
	Grammar        string `json:"grammar"`
	GoVersion      string `json:"go_version"`
}

type jsonFinding struct {
	Rule        string        `json:"rule"`
	Slug        string        `json:"slug"`
	Title       string        `json:"title"`
	Category    string        `json:"category"`
	Severity    Severity      `json:"severity"`
	Confidence  Confidence    `json:"confidence"`
	Message     string        `json:"message"`
	Path        string        `json:"path"`
	System      string        `json:"system,omitempty"`
	Start       Position      `json:"start"`
	End         Position      `json:"end"`
	Related     []jsonRelated `json:"related"`
	Fixes       []jsonFix     `json:"fixes"`
	HelpURI     string        `json:"help_uri"`
	Fingerprint string        `json:"fingerprint"`
}

type jsonRelated struct {
	Path    string   `json:"path"`
	Start   Position `json:"start"`
	End     Position `json:"end"`
	Message string   `json:"message"`
}

type jsonFix struct {
	Title string     `json:"title"`
	Safe  bool       `json:"safe"`
	Edits []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Path    string   `json:"path"`
	Start   Position `json:"start"`
	End     Position `json:"end"`
	NewText string   `json:"new_text"`
}

type jsonError struct {
	Path    string    `json:"path"`
	Kind    ErrorKind `json:"kind"`
	Message string    `json:"message"`
}

type jsonSummary struct {
	Findings   int              `json:"findings"`
	Errors     int              `json:"errors"`
	BySeverity map[Severity]int `json:"by_severity"`
}

// WriteJSON writes the report as one JSON document in the schema of
// docs/json-schema.md. Strings are valid UTF-8 whatever the source bytes:
// invalid bytes become U+FFFD (offsets still count the original bytes).
func WriteJSON(w io.Writer, r *Report) error {
	out := jsonReport{
		SchemaVersion: JSONSchemaVersion,
		Tool: jsonTool{
			Name: r.Tool.Name, Version: r.Tool.Version, InformationURI: r.Tool.InformationURI,
			Grammar: r.Tool.Grammar, GoVersion: r.Tool.GoVersion,
		},
		Root:         r.Root,
		FilesChecked: r.Files,
		Findings:     []jsonFinding{},
		Errors:       []jsonError{},
		Summary:      jsonSummary{Findings: len(r.Findings), Errors: len(r.Errors), BySeverity: map[Severity]int{}},
	}
	for s := Info; s <= Critical; s++ {
		out.Summary.BySeverity[s] = 0
	}
	prints := r.Fingerprints()
	for i, f := range r.Findings {
		meta := r.Rule(f.RuleID)
		jf := jsonFinding{
			Rule: f.RuleID, Slug: meta.Slug, Title: meta.Title, Category: meta.Category,
			Severity: f.Severity, Confidence: f.Confidence, Message: f.Message,
			Path: f.Path, System: f.System,
			Start: r.Position(f.Path, f.Span.Start), End: r.Position(f.Path, f.Span.End),
			Related: []jsonRelated{}, Fixes: []jsonFix{}, Fingerprint: prints[i],
		}
		if r.documented(f.RuleID) {
			jf.HelpURI = meta.HelpURI()
		}
		for _, rel := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{
				Path: rel.Path, Start: r.Position(rel.Path, rel.Span.Start), End: r.Position(rel.Path, rel.Span.End),
				Message: rel.Message,
			})
		}
		for _, fix := range f.Fixes {
			jx := jsonFix{Title: fix.Title, Safe: fix.Safe, Edits: []jsonEdit{}}
			for _, e := range fix.Edits {
				jx.Edits = append(jx.Edits, jsonEdit{
					Path: e.Path, Start: r.Position(e.Path, e.Span.Start), End: r.Position(e.Path, e.Span.End),
					NewText: e.NewText,
				})
			}
			jf.Fixes = append(jf.Fixes, jx)
		}
		out.Findings = append(out.Findings, jf)
		out.Summary.BySeverity[f.Severity]++
	}
	for _, e := range r.Errors {
		out.Errors = append(out.Errors, jsonError{Path: e.Path, Kind: e.Kind, Message: e.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// RuleJSON is a rule's metadata as the `rules --format json` and
// `explain --format json` commands write it.
type RuleJSON struct {
	ID             string   `json:"id"`
	Slug           string   `json:"slug"`
	Title          string   `json:"title"`
	Category       string   `json:"category"`
	Severity       Severity `json:"severity"`
	MaxSeverity    Severity `json:"max_severity"`
	Description    string   `json:"description"`
	Why            string   `json:"why"`
	Remediation    string   `json:"remediation"`
	FixClass       FixClass `json:"fix_class"`
	References     []string `json:"references"`
	CWE            []int    `json:"cwe"`
	Bad            string   `json:"bad"`
	Good           string   `json:"good"`
	FalsePositives string   `json:"false_positives"`
	HelpURI        string   `json:"help_uri"`
}

// JSON returns the rule's metadata in its JSON form.
func (m *RuleMeta) JSON() RuleJSON {
	j := RuleJSON{
		ID: m.ID, Slug: m.Slug, Title: m.Title, Category: m.Category,
		Severity: m.Severity, MaxSeverity: m.MaxSeverity,
		Description: m.Description, Why: m.Why, Remediation: m.Remediation, FixClass: m.FixClass,
		References: m.References, CWE: m.CWE, Bad: m.Bad, Good: m.Good,
		FalsePositives: m.FalsePositives, HelpURI: m.HelpURI(),
	}
	if j.References == nil {
		j.References = []string{}
	}
	if j.CWE == nil {
		j.CWE = []int{}
	}
	return j
}
