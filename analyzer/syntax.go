package analyzer

import (
	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// The syntax rules report what Nix itself refuses at parse time. They run on
// every file, before and independently of the module model.
var (
	SyntaxError = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYN-001", Slug: "syntax-error", Title: "Syntax error",
		Category: "Syntax", Severity: diagnostics.High, MaxSeverity: diagnostics.High,
		Description: "The file is not valid Nix: Nix refuses to evaluate it, and nixsec cannot check the configuration it holds.",
		Why:         "A configuration that does not parse is not deployed, and every security check of this file is blind until it is fixed.",
		Remediation: "Fix the syntax error at the reported position.",
		FixClass:    diagnostics.FixManual,
		References:  []string{"https://nix.dev/manual/nix/stable/language/syntax"},
		Bad:         "{ networking.firewall.enable = true }",
		Good:        "{ networking.firewall.enable = true; }",
	}}
)

func init() { Register(SyntaxError) }

// syntaxFindings reports the checks Nix makes at parse time for one file.
func syntaxFindings(f *nixast.File, opts Options) []diagnostics.Finding {
	var out []diagnostics.Finding
	if opts.Enabled == nil || opts.Enabled(SyntaxError) {
		for _, e := range f.Errors {
			out = append(out, diagnostics.Finding{
				RuleID: SyntaxError.ID, Severity: SyntaxError.Severity,
				Message:  e.Message,
				Location: diagnostics.Location{Path: f.Path, Span: e.Span},
			})
		}
	}
	return out
}
