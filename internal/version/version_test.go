package version

import (
	"os"
	"regexp"
	"testing"
)

// The grammar version is written twice: here for `nixsec version`, and in
// tools/fetchgrammar, which decides what is compiled. They must agree.
func TestGrammarVersionMatchesFetchgrammar(t *testing.T) {
	src, err := os.ReadFile("../../tools/fetchgrammar/main.go")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*version\s*=\s*"([^"]+)"`).FindSubmatch(src)
	if m == nil {
		t.Fatal("no version constant in tools/fetchgrammar/main.go")
	}
	if got := string(m[1]); got != GrammarVersion {
		t.Errorf("tools/fetchgrammar pins %s, internal/version says %s", got, GrammarVersion)
	}
	if !regexp.MustCompile(`module\s*=\s*"` + regexp.QuoteMeta(GrammarModule) + `"`).Match(src) {
		t.Errorf("tools/fetchgrammar does not fetch %s", GrammarModule)
	}
}
