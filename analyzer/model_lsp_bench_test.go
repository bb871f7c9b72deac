package analyzer

import (
	"testing"

	"github.com/nixsec/nixsec/internal/benchgen"
	"github.com/nixsec/nixsec/nixast"
)

// lspModule is the language server benchmarks' document.
func lspModule(n int) string { return benchgen.Module(n, false) }

// BenchmarkModelLSP is BuildModelWith on a 2,000-line module, what the
// language server does on every edit.
func BenchmarkModelLSP(b *testing.B) {
	src := []byte(lspModule(2000))
	f, err := nixast.Parse("configuration.nix", src)
	if err != nil {
		b.Fatal(err)
	}
	if len(f.Errors) > 0 {
		b.Fatalf("module has syntax errors: %v", f.Errors[0])
	}
	b.ReportAllocs()
	defer benchgen.ReportCPU(b, int64(len(src)))()
	for b.Loop() {
		BuildModelWith([]*nixast.File{f}, ModelOptions{NoImports: true})
	}
}
