// Command gendocs writes docs/rules/<ID>.md and docs/rules/README.md from
// the rules' metadata. analyzer's TestDocsUpToDate fails when they are stale.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/nixsec/nixsec/analyzer"
)

func main() {
	dir := flag.String("dir", "docs/rules", "output folder")
	flag.Parse()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
	rs := analyzer.Rules()
	for _, r := range rs {
		if err := os.WriteFile(filepath.Join(*dir, r.ID+".md"), []byte(analyzer.RuleDoc(r)), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gendocs:", err)
			os.Exit(1)
		}
	}
	if err := os.WriteFile(filepath.Join(*dir, "README.md"), []byte(analyzer.RulesIndex(rs)), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}
