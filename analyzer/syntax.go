package analyzer

import (
	"fmt"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// The syntax rules report what Nix itself refuses at parse time. They run on
// every file, before and independently of the module model.
var (
	SyntaxError = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYN-001", Slug: "syntax-error", Title: "Syntax error",
		Category: "Syntax", Severity: diagnostics.Low, MaxSeverity: diagnostics.High,
		Description: "The file is not valid Nix: Nix refuses to evaluate it, and nixsec cannot check the configuration it holds " +
			"(high). A file that is valid only with Nix's experimental `pipe-operators` feature (`|>`, `<|`) gets one low " +
			"finding instead: the grammar nixsec uses cannot read those operators, so the file is not checked.",
		Why:         "A configuration that does not parse is not deployed, and every security check of this file is blind until it is fixed.",
		Remediation: "Fix the syntax error at the reported position.",
		FixClass:    diagnostics.FixManual,
		References:  []string{"https://nix.dev/manual/nix/stable/language/syntax"},
		Bad:         "{ networking.firewall.enable = true }",
		Good:        "{ networking.firewall.enable = true; }",
	}}

	DuplicateAttribute = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYN-002", Slug: "duplicate-attribute", Title: "Attribute defined twice",
		Category: "Syntax", Severity: diagnostics.High, MaxSeverity: diagnostics.High,
		Description: "An attribute is defined twice in the same attribute set, let or rec set (also through a dotted path " +
			"such as `a.b = 1;` next to `a = 2;`, or an `inherit` of a name that is also assigned), or a function " +
			"names the same argument twice. Nix refuses the file with \"attribute 'a.b' already defined\" or " +
			"\"duplicate formal function argument\". Nix merges two nested attribute set literals under the same name " +
			"(`a = { b = 1; }; a.c = 2;` or `a = { b = 1; }; a = { c = 2; };`), at every depth in current Nix " +
			"(`a.b.c = 1; a = { b = { d = 2; }; };`); only a name defined in both as something other than a set is reported.",
		Why: "A configuration Nix refuses is not deployed: the settings in it, security fixes included, never reach " +
			"the machine, and the last working generation keeps running. Two definitions of one setting also show " +
			"that one of them was not the intended value.",
		Remediation: "Keep one definition. To set several options under one prefix, write them as `a.b = ...; a.c = ...;` " +
			"or as one `a = { b = ...; c = ...; };`; to combine values of one option from several places, use " +
			"separate modules (NixOS merges option definitions across modules) or lib.mkMerge.",
		FixClass:   diagnostics.FixManual,
		References: []string{"https://nix.dev/manual/nix/stable/language/syntax#attrs-literal", "https://nixos.org/manual/nixos/stable/#sec-writing-modules"},
		Bad:        "{\n  networking.firewall.enable = true;\n  networking.firewall = { enable = false; };\n}",
		Good:       "{\n  networking.firewall = {\n    enable = true;\n    allowedTCPPorts = [ 22 ];\n  };\n}",
	}}

	UndefinedVariable = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYN-003", Slug: "undefined-variable", Title: "Undefined variable",
		Category: "Syntax", Severity: diagnostics.High, MaxSeverity: diagnostics.High,
		Description: "A variable is used that no enclosing let, rec set, function argument or formal defines, that is not " +
			"one of Nix's global builtins (true, import, map, toString, ...), and that no enclosing `with` could provide. " +
			"Nix refuses the file with \"undefined variable 'x'\" before it evaluates anything.",
		Why: "A configuration Nix refuses is not deployed: the settings in it, security fixes included, never reach " +
			"the machine. A misspelt name (`pkgs` in a module that only takes `config`, `lib` not among the formals) " +
			"is the usual cause.",
		Remediation: "Define the variable, take it as a module argument (`{ config, lib, pkgs, ... }:`), or qualify it " +
			"(`lib.mkForce`, `builtins.readFile`, `pkgs.hello`).",
		FixClass:   diagnostics.FixManual,
		References: []string{"https://nix.dev/manual/nix/stable/language/syntax#let-expressions", "https://nix.dev/manual/nix/stable/language/builtins"},
		Bad:        "{ config, ... }:\n{\n  environment.systemPackages = [ pkgs.openssh ];\n}",
		Good:       "{ config, pkgs, ... }:\n{\n  environment.systemPackages = [ pkgs.openssh ];\n}",
	}}
)

func init() { Register(SyntaxError, DuplicateAttribute, UndefinedVariable) }

// problemRule maps a nixast.Check code to its rule.
func problemRule(code string) *Rule {
	switch code {
	case nixast.CodeDuplicateAttr, nixast.CodeDuplicateFormal:
		return DuplicateAttribute
	case nixast.CodeUndefinedVar:
		return UndefinedVariable
	}
	return SyntaxError
}

// isPipeOperator reports a syntax error at the "|" of `|>` or `<|`, the
// experimental pipe operators tree-sitter-nix v0.3.0 does not know.
func isPipeOperator(src []byte, off int) bool {
	if off < 0 || off >= len(src) || src[off] != '|' {
		return false
	}
	return off+1 < len(src) && src[off+1] == '>' || off > 0 && src[off-1] == '<'
}

// syntaxFindings reports the checks Nix makes at parse time for one file:
// tree-sitter's and the Nix-compatibility syntax errors, then, when there are
// none (Nix stops at the first syntax error, and a broken tree cannot be
// trusted to hold every binding), the scope and duplicate checks of
// nixast.Check.
func syntaxFindings(f *nixast.File, opts Options) []diagnostics.Finding {
	enabled := func(r *Rule) bool { return opts.Enabled == nil || opts.Enabled(r) }
	var out []diagnostics.Finding
	if len(f.Errors) > 0 {
		if enabled(SyntaxError) {
			var pipes []nixast.Span
			for _, e := range f.Errors {
				if isPipeOperator(f.Src, e.Span.Start) {
					pipes = append(pipes, e.Span)
					continue
				}
				out = append(out, diagnostics.Finding{
					RuleID: SyntaxError.ID, Severity: diagnostics.High,
					Message:  e.Message,
					Location: diagnostics.Location{Path: f.Path, Span: e.Span},
				})
			}
			if len(pipes) > 0 {
				out = append(out, diagnostics.Finding{
					RuleID: SyntaxError.ID, Severity: diagnostics.Low,
					Message: fmt.Sprintf("pipe operator (%d in this file): valid only with Nix's experimental feature pipe-operators; "+
						"nixsec cannot parse it and did not check this file", len(pipes)),
					Location: diagnostics.Location{Path: f.Path, Span: pipes[0]},
				})
			}
		}
		return out
	}
	if !enabled(DuplicateAttribute) && !enabled(UndefinedVariable) && !enabled(SyntaxError) {
		return nil
	}
	for _, p := range nixast.Check(f) {
		r := problemRule(p.Code)
		if !enabled(r) {
			continue
		}
		fd := diagnostics.Finding{
			RuleID: r.ID, Severity: r.Severity,
			Message:  p.Message,
			Location: diagnostics.Location{Path: f.Path, Span: p.Span},
		}
		for _, sp := range p.Related {
			msg := "first definition"
			if r == DuplicateAttribute && sp.Start > p.Span.Start {
				msg = "other definition"
			}
			fd.Related = append(fd.Related, diagnostics.Related{
				Location: diagnostics.Location{Path: f.Path, Span: sp}, Message: msg,
			})
		}
		out = append(out, fd)
	}
	return out
}
