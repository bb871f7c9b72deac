package analyzer

import (
	"path/filepath"
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
)

// Rules about the module graph itself, reported from Model.Problems.

var ImportNotFound = &Rule{RuleMeta: diagnostics.RuleMeta{
	ID: "NIXSEC-MOD-001", Slug: "import-not-found", Title: "Imported file not found",
	Category: "Module model", Severity: diagnostics.Low, MaxSeverity: diagnostics.Low,
	Description: "An `imports` entry (or a flake's `modules` entry, or `import ./x.nix` used as a module) names a " +
		"relative path that does not exist: neither the file nor, for a directory, its `default.nix`.",
	Why: "Nix refuses to evaluate the configuration, or, when the import is behind a condition or the file is " +
		"created by another tool (a generated hardware-configuration.nix, a secret module kept out of git), the " +
		"settings it holds are not what is reviewed. Whatever hardening the missing module was meant to add is " +
		"invisible to nixsec as well, so its other findings may be incomplete.",
	Remediation: "Fix the path, add the file to the repository, or remove the import. If the file is generated " +
		"on the target machine, lint it there too (or pass it to nixsec alongside the importer).",
	FixClass: diagnostics.FixManual, CWE: []int{1059},
	References: []string{
		"https://nixos.org/manual/nixos/stable/#sec-importing-modules",
		"https://nix.dev/manual/nix/stable/language/builtins#builtins-import",
	},
	Bad:  "{ imports = [ ./hardening.nix ]; } # but there is no hardening.nix",
	Good: "{ imports = [ ./hardware-configuration.nix ]; } # the file exists",
	FalsePositives: "A file that exists only on the deployed machine (a generated hardware-configuration.nix); " +
		"a path that another tool writes before evaluation. Files under a `templates/` or `examples/` directory (flake templates, " +
		"configurations meant to be copied) are not reported, and under `tests/` or `test/` the finding is marked possible.",
}, Run: func(p *Pass) {
	for _, pr := range p.Model.Problems {
		if pr.Kind != MissingImport || isFlakeTemplate(pr.File.Path) {
			continue // a template's imports are meant for the copy a user makes
		}
		conf := diagnostics.Definite
		if underDir(pr.File.Path, "tests") || underDir(pr.File.Path, "test") {
			conf = diagnostics.Possible // test fixtures often import what the test run generates
		}
		p.Report(diagnostics.Finding{
			Severity:   p.Rule.Severity,
			Confidence: conf,
			Message:    pr.Message,
			Location:   diagnostics.Location{Path: pr.File.Path, Span: pr.Node.Span()},
		})
	}
}}

func init() { Register(ImportNotFound) }

// underDir reports whether path has a directory named dir among its parents.
func underDir(path, dir string) bool {
	for _, seg := range strings.Split(filepath.ToSlash(filepath.Dir(path)), "/") {
		if seg == dir {
			return true
		}
	}
	return false
}
