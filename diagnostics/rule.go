package diagnostics

// FixClass says how a rule's fix may be applied (the catalog's quick-fix classes).
type FixClass string

const (
	FixAuto    FixClass = "autofix" // mechanical and behaviour-safe in the common case
	FixSuggest FixClass = "suggest" // offered, needs review
	FixManual  FixClass = "manual"  // no mechanical edit
)

// RuleMeta is a rule's documentation as data: the rules command, explain,
// SARIF's rule table and docs/rules/<ID>.md are all generated from it.
type RuleMeta struct {
	ID             string   // NIXSEC-FW-001, stable
	Slug           string   // firewall-disabled
	Title          string   // Firewall disabled
	Category       string   // Firewall
	Severity       Severity // default severity, before escalation
	MaxSeverity    Severity // worst case after the catalog's escalations
	Description    string   // what the rule detects
	Why            string   // why it matters: the threat
	Remediation    string   // what to do instead
	FixClass       FixClass
	References     []string // URLs
	CWE            []int
	Bad, Good      string // short Nix examples for the docs
	FalsePositives string // when the finding may not apply
}
