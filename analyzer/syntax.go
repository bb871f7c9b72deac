package analyzer

import "github.com/nixsec/nixsec/diagnostics"

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
