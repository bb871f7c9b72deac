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

// Rule fixtures live in testdata/rules/<RULE-ID>/. Each *.nix file there is
// one fixture, except files starting with "_" (helpers imported by others);
// each subdirectory is one fixture whose .nix files (recursively) are
// analysed together, as `nixsec lint DIR` would. A comment
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
			entries, _ := os.ReadDir(dir)
			pos, neg := 0, 0
			for _, e := range entries {
				var paths []string
				switch {
				case e.IsDir():
					filepath.WalkDir(filepath.Join(dir, e.Name()), func(p string, d os.DirEntry, err error) error {
						if err == nil && !d.IsDir() && strings.HasSuffix(p, ".nix") {
							paths = append(paths, p)
						}
						return nil
					})
				case strings.HasSuffix(e.Name(), ".nix") && !strings.HasPrefix(e.Name(), "_"):
					paths = []string{filepath.Join(dir, e.Name())}
				default:
					continue
				}
				if checkFixture(t, ruleID, paths) {
					pos++
				} else {
					neg++
				}
			}
			if pos == 0 || neg == 0 {
				t.Errorf("%s needs positive and negative fixtures (have %d and %d)", ruleID, pos, neg)
			}
		})
	}
}

// checkFixture analyses paths together and compares findings with their
// expect comments; it reports whether the fixture is positive.
func checkFixture(t *testing.T, ruleID string, paths []string) bool {
	t.Helper()
	var files []*nixast.File
	srcs := map[string][]byte{}
	watched := map[string]bool{ruleID: true}
	var want []string
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := nixast.Parse(path, src)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		files = append(files, f)
		srcs[path] = src
		for _, e := range parseExpectations(src) {
			watched[e.rule] = true
			s := fmt.Sprintf("%s:%d:%s", path, e.line, e.rule)
			if e.possible {
				s += " (possible)"
			}
			want = append(want, s)
		}
	}
	// Only the rules the fixture is about run (and the syntax checks), so a
	// fixture for one rule is not shaped by another: SYSD-016, for one,
	// folds the gap rules' findings of an exposed service into its own.
	opts := Options{Enabled: func(r *Rule) bool { return watched[r.ID] || strings.HasPrefix(r.ID, "NIXSEC-SYN-") }}
	findings := Analyze(files, opts)
	lines := map[string]*nixast.LineIndex{}
	for _, f := range files {
		lines[f.Path] = f.Lines
	}
	var got, msgs []string
	for _, fd := range findings {
		if fd.RuleID == "NIXSEC-SYN-001" || fd.RuleID == InternalErrorID {
			t.Errorf("%s: %s %s", fd.Path, fd.RuleID, fd.Message)
		}
		if !watched[fd.RuleID] {
			continue
		}
		li := lines[fd.Path]
		if li == nil {
			t.Errorf("finding in a file outside the fixture: %s %s", fd.Path, fd.Message)
			continue
		}
		line := li.Human(fd.Span.Start).Line
		s := fmt.Sprintf("%s:%d:%s", fd.Path, line, fd.RuleID)
		if fd.Confidence == diagnostics.Possible {
			s += " (possible)"
		}
		got = append(got, s)
		msgs = append(msgs, fmt.Sprintf("  %s:%d: %s %s", fd.Path, line, fd.RuleID, fd.Message))
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings differ\n got: %v\nwant: %v\n%s", got, want, strings.Join(msgs, "\n"))
	}
	checkFixes(t, ruleID, files, srcs, findings, opts)
	return len(want) > 0
}

// checkFixes applies each fix of the rule's findings on its own: the result
// must parse cleanly and have fewer findings of the rule. All safe fixes
// together must give x.nix.fixed for each file that has one.
func checkFixes(t *testing.T, ruleID string, files []*nixast.File, srcs map[string][]byte, findings []diagnostics.Finding, opts Options) {
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
	safe := map[string][]diagnostics.Edit{}
	for _, fd := range findings {
		if fd.RuleID != ruleID {
			continue
		}
		for _, fix := range fd.Fixes {
			if len(fix.Edits) == 0 || fix.Title == "" {
				t.Errorf("%s: fix without edits or title: %+v", fd.Path, fix)
				continue
			}
			byFile := map[string][]diagnostics.Edit{}
			for _, e := range fix.Edits {
				byFile[e.Path] = append(byFile[e.Path], e)
			}
			var fixed []*nixast.File
			for _, f := range files {
				src := srcs[f.Path]
				if es := byFile[f.Path]; len(es) > 0 {
					src = ApplyEdits(src, es)
				}
				nf, err := nixast.Parse(f.Path, src)
				if err != nil {
					t.Fatal(err)
				}
				fixed = append(fixed, nf)
			}
			after := Analyze(fixed, opts)
			for _, a := range after {
				if strings.HasPrefix(a.RuleID, "NIXSEC-SYN-") {
					t.Errorf("%s: fix %q breaks the file: %s", fd.Path, fix.Title, a.Message)
				}
			}
			if count(after) >= before {
				t.Errorf("%s: fix %q does not remove the finding", fd.Path, fix.Title)
			}
			if fix.Safe {
				for _, e := range fix.Edits {
					safe[e.Path] = append(safe[e.Path], e)
				}
			}
		}
	}
	for _, f := range files {
		want, err := os.ReadFile(f.Path + ".fixed")
		if err != nil {
			continue
		}
		if got := ApplyEdits(srcs[f.Path], safe[f.Path]); string(got) != string(want) {
			t.Errorf("%s: safe fixes give\n%s\nwant\n%s", f.Path, got, want)
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
