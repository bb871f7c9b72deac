package analyzer

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

// FuzzRules: every rule on arbitrary source, as the editor runs them on
// half-typed text. No rule may panic (runRule would turn a panic into a
// NIXSEC-INTERNAL finding: here that fails), every finding and fix edit
// lies inside its file, and every fix applies and leaves text that still
// parses. The seeds are the rule fixtures, so `go test` runs them all.
func FuzzRules(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.nix"))
	if len(paths) < 100 {
		f.Fatalf("only %d fixtures", len(paths))
	}
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	noFiles := func(p string) ([]byte, error) { return nil, fmt.Errorf("%s: %w", p, fs.ErrNotExist) }
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 {
			return
		}
		file, err := nixast.Parse("/fuzz/configuration.nix", src)
		if err != nil {
			return
		}
		findings, _ := AnalyzeModel([]*nixast.File{file}, Options{Model: ModelOptions{Loader: noFiles}})
		for _, fd := range findings {
			if fd.RuleID == InternalErrorID {
				t.Fatalf("internal error: %s", fd.Message)
			}
			if fd.Path != file.Path || fd.Span.Start < 0 || fd.Span.Start > fd.Span.End || fd.Span.End > len(src) {
				t.Fatalf("%s at %s %+v outside the %d-byte file", fd.RuleID, fd.Path, fd.Span, len(src))
			}
			for _, fx := range fd.Fixes {
				for _, e := range fx.Edits {
					if e.Path != file.Path || e.Span.Start < 0 || e.Span.Start > e.Span.End || e.Span.End > len(src) {
						t.Fatalf("%s fix %q edits %s %+v outside the %d-byte file", fd.RuleID, fx.Title, e.Path, e.Span, len(src))
					}
				}
				out := ApplyEdits(src, fx.Edits)
				if len(file.Errors) == 0 {
					if g, err := nixast.Parse(file.Path, out); err != nil || len(g.Errors) > 0 {
						t.Fatalf("%s fix %q breaks the syntax:\n%s", fd.RuleID, fx.Title, strings.TrimSpace(string(out)))
					}
				}
			}
		}
	})
}
