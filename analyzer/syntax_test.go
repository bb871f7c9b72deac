package analyzer

import (
	"strings"
	"testing"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

func syntaxOnly(t *testing.T, src string, opts Options) []diagnostics.Finding {
	t.Helper()
	f, err := nixast.Parse("m.nix", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return syntaxFindings(f, opts)
}

func TestSyntaxFindingsFromCheck(t *testing.T) {
	src := "{ config, ... }:\n{\n  a.b = 1;\n  a = { b = 2; };\n  c = pkgs.hello;\n}\n"
	fs := syntaxOnly(t, src, Options{})
	if len(fs) != 2 {
		t.Fatalf("findings %+v", fs)
	}
	dup, undef := fs[0], fs[1]
	if dup.RuleID != DuplicateAttribute.ID || dup.Severity != diagnostics.High || len(dup.Related) != 1 {
		t.Errorf("duplicate %+v", dup)
	}
	if undef.RuleID != UndefinedVariable.ID || undef.Message != "undefined variable 'pkgs'" ||
		src[undef.Span.Start:undef.Span.End] != "pkgs" || undef.Path != "m.nix" {
		t.Errorf("undefined %+v", undef)
	}
	// The related location is the other definition, in the same file.
	if r := dup.Related[0]; r.Path != "m.nix" || r.Message == "" {
		t.Errorf("related %+v", r)
	}

	only := func(r *Rule) Options { return Options{Enabled: func(x *Rule) bool { return x == r }} }
	if fs := syntaxOnly(t, src, only(UndefinedVariable)); len(fs) != 1 || fs[0].RuleID != UndefinedVariable.ID {
		t.Errorf("only SYN-003: %+v", fs)
	}
	if fs := syntaxOnly(t, src, only(SyntaxError)); len(fs) != 0 {
		t.Errorf("only SYN-001: %+v", fs)
	}
}

func TestSyntaxFindingsQuietOnBrokenFiles(t *testing.T) {
	fs := syntaxOnly(t, "{ a = 1; a = 2; b = x; c = }", Options{})
	if len(fs) == 0 {
		t.Fatal("no syntax error")
	}
	for _, f := range fs {
		if f.RuleID != SyntaxError.ID {
			t.Errorf("finding %+v on a file with syntax errors", f)
		}
	}
}

func TestSyntaxRuleExamples(t *testing.T) {
	for _, r := range []*Rule{DuplicateAttribute, UndefinedVariable} {
		has := func(src string) bool {
			for _, f := range syntaxOnly(t, src, Options{}) {
				if f.RuleID == r.ID {
					return true
				}
			}
			return false
		}
		if !has(r.Bad) {
			t.Errorf("%s: Bad example not flagged", r.ID)
		}
		if has(r.Good) {
			t.Errorf("%s: Good example flagged", r.ID)
		}
	}
}

// A file written with the experimental pipe operators gets one low finding,
// whatever the number of operators; a real syntax error next to them stays high.
func TestSyntaxPipeOperators(t *testing.T) {
	src := "let\n  xs = [ 1 2 ]\n    |> map (x: x + 1)\n    |> builtins.filter (x: x > 2);\n  y = toString <| 3;\nin xs\n"
	fs := syntaxOnly(t, src, Options{})
	if len(fs) != 1 {
		t.Fatalf("findings %+v", fs)
	}
	if f := fs[0]; f.RuleID != SyntaxError.ID || f.Severity != diagnostics.Low ||
		src[f.Span.Start:f.Span.Start+2] != "|>" || !strings.Contains(f.Message, "(3 in this file)") {
		t.Errorf("pipe finding %+v", f)
	}
	fs = syntaxOnly(t, "{\n  a = [ 1 ] |> map toString;\n  b = { ;\n}\n", Options{})
	var high, low int
	for _, f := range fs {
		switch f.Severity {
		case diagnostics.High:
			high++
		case diagnostics.Low:
			low++
		}
	}
	if high == 0 || low != 1 {
		t.Errorf("mixed file: %+v", fs)
	}
	for _, s := range []string{"a || b", "x: x", "a |b", "''"} {
		if isPipeOperator([]byte(s), strings.IndexByte(s, '|')) {
			t.Errorf("%q taken for a pipe operator", s)
		}
	}
}
