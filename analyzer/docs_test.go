package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDocsUpToDate(t *testing.T) {
	for _, r := range Rules() {
		want := RuleDoc(r)
		got, err := os.ReadFile(filepath.Join("..", "docs", "rules", r.ID+".md"))
		if err != nil || string(got) != want {
			t.Errorf("docs/rules/%s.md is missing or stale: run `go run ./tools/gendocs`", r.ID)
		}
	}
	got, _ := os.ReadFile(filepath.Join("..", "docs", "rules", "README.md"))
	if string(got) != RulesIndex(Rules()) {
		t.Error("docs/rules/README.md is stale: run `go run ./tools/gendocs`")
	}
}

func TestRuleMetadataComplete(t *testing.T) {
	slugs := map[string]string{}
	for _, r := range Rules() {
		m := r.RuleMeta
		for name, v := range map[string]string{"Slug": m.Slug, "Title": m.Title, "Category": m.Category,
			"Description": m.Description, "Why": m.Why, "Remediation": m.Remediation, "Bad": m.Bad, "FixClass": string(m.FixClass)} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %s is empty", r.ID, name)
			}
		}
		if len(m.References) == 0 {
			t.Errorf("%s: no references", r.ID)
		}
		if m.MaxSeverity < m.Severity {
			t.Errorf("%s: MaxSeverity %s below Severity %s", r.ID, m.MaxSeverity, m.Severity)
		}
		if other, dup := slugs[m.Slug]; dup {
			t.Errorf("%s and %s share slug %s", r.ID, other, m.Slug)
		}
		slugs[m.Slug] = r.ID
	}
}
