package analyzer

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Rule fixtures live in testdata/rules/<RULE-ID>/*.nix. A comment
// `# expect: NIXSEC-FW-001` on a line says a finding of that rule starts on
// that line; `# expect: NIXSEC-FW-001 (possible)` also checks its confidence.
// Findings of the directory's rule and of every rule named in an expect
// comment must match exactly. A file with no expectation is a negative
// fixture. `x.nix.fixed`, when present, is x.nix after all safe fixes.

var expectRe = regexp.MustCompile(`#\s*expect:\s*([A-Z0-9,\- ()a-z]+)`)

type expectation struct {
	line     int
	rule     string
	possible bool
}

func parseExpectations(src []byte) []expectation {
	var out []expectation
	for i, line := range strings.Split(string(src), "\n") {
		m := expectRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		for _, item := range strings.Split(m[1], ",") {
			item = strings.TrimSpace(item)
			possible := strings.HasSuffix(item, "(possible)")
			item = strings.TrimSpace(strings.TrimSuffix(item, "(possible)"))
			if item != "" {
				out = append(out, expectation{line: i + 1, rule: item, possible: possible})
			}
		}
	}
	return out
}

func lintFile(t *testing.T, path string, src []byte) []diagnostics.Finding {
	t.Helper()
	f, err := nixast.Parse(path, src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return Analyze([]*nixast.File{f}, Options{})
}

func TestRuleFixtures(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/rules/NIXSEC-*")
	for _, dir := range dirs {
		ruleID := filepath.Base(dir)
		t.Run(ruleID, func(t *testing.T) {
			if _, ok := Lookup(ruleID); !ok {
				t.Fatalf("fixtures for unknown rule %s", ruleID)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "*.nix"))
			pos, neg := 0, 0
			for _, path := range files {
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				exps := parseExpectations(src)
				if len(exps) == 0 {
					neg++
				} else {
					pos++
				}
				checkFixture(t, path, ruleID, src, exps)
			}
			if pos == 0 || neg == 0 {
				t.Errorf("%s needs positive and negative fixtures (have %d and %d)", ruleID, pos, neg)
			}
		})
	}
}

func checkFixture(t *testing.T, path, ruleID string, src []byte, exps []expectation) {
	t.Helper()
	findings := lintFile(t, path, src)
	f, _ := nixast.Parse(path, src)
	watched := map[string]bool{ruleID: true}
	for _, e := range exps {
		watched[e.rule] = true
	}
	var got, want []string
	for _, fd := range findings {
		if fd.RuleID == "NIXSEC-SYN-001" || fd.RuleID == InternalErrorID {
			t.Errorf("%s: %s %s", path, fd.RuleID, fd.Message)
		}
		if !watched[fd.RuleID] {
			continue
		}
		line := f.Lines.Human(fd.Span.Start).Line
		s := fmt.Sprintf("%d:%s", line, fd.RuleID)
		if fd.Confidence == diagnostics.Possible {
			s += " (possible)"
		}
		got = append(got, s)
	}
	for _, e := range exps {
		s := fmt.Sprintf("%d:%s", e.line, e.rule)
		if e.possible {
			s += " (possible)"
		}
		want = append(want, s)
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		var msgs []string
		for _, fd := range findings {
			if watched[fd.RuleID] {
				msgs = append(msgs, fmt.Sprintf("  line %d: %s %s", f.Lines.Human(fd.Span.Start).Line, fd.RuleID, fd.Message))
			}
		}
		t.Errorf("%s: findings differ\n got: %v\nwant: %v\n%s", path, got, want, strings.Join(msgs, "\n"))
	}
	checkFixes(t, path, ruleID, src, findings)
}

// checkFixes applies each fix of the rule's findings on its own: the result
// must parse cleanly and have fewer findings of the rule. All safe fixes
// together must give the .fixed file when there is one.
func checkFixes(t *testing.T, path, ruleID string, src []byte, findings []diagnostics.Finding) {
	t.Helper()
	count := func(fs []diagnostics.Finding) int {
		n := 0
		for _, f := range fs {
			if f.RuleID == ruleID {
				n++
			}
		}
		return n
	}
	before := count(findings)
	var safe []diagnostics.Edit
	for _, fd := range findings {
		if fd.RuleID != ruleID {
			continue
		}
		for _, fix := range fd.Fixes {
			if len(fix.Edits) == 0 || fix.Title == "" {
				t.Errorf("%s: fix without edits or title: %+v", path, fix)
				continue
			}
			out := ApplyEdits(src, fix.Edits)
			after := lintFile(t, path, out)
			for _, a := range after {
				if strings.HasPrefix(a.RuleID, "NIXSEC-SYN-") {
					t.Errorf("%s: fix %q breaks the file: %s\n%s", path, fix.Title, a.Message, out)
				}
			}
			if count(after) >= before {
				t.Errorf("%s: fix %q does not remove the finding\n%s", path, fix.Title, out)
			}
			if fix.Safe {
				safe = append(safe, fix.Edits...)
			}
		}
	}
	want, err := os.ReadFile(path + ".fixed")
	if err == nil {
		if got := ApplyEdits(src, safe); string(got) != string(want) {
			t.Errorf("%s: safe fixes give\n%s\nwant\n%s", path, got, want)
		}
	}
}

// TestEveryRuleHasFixtures keeps rules and fixtures together.
func TestEveryRuleHasFixtures(t *testing.T) {
	for _, r := range Rules() {
		if strings.HasPrefix(r.ID, "NIXSEC-SYN-") {
			continue // covered by the parser tests and testdata/parse
		}
		if _, err := os.Stat(filepath.Join("..", "testdata", "rules", r.ID)); err != nil {
			t.Errorf("rule %s has no fixtures in testdata/rules/%s", r.ID, r.ID)
		}
	}
}
