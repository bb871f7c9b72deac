package nixast

import (
	"os"
	"testing"

	"github.com/nixsec/nixsec/internal/benchgen"
	"github.com/nixsec/nixsec/internal/tsnix"
)

// benchInput is NIXSEC_BENCH_FILE or ~1 MB of generated module text, the same
// input internal/tsnix's BenchmarkRawParse uses, so the MB/s compare.
func benchInput(b *testing.B) []byte {
	if p := os.Getenv("NIXSEC_BENCH_FILE"); p != "" {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		return src
	}
	return tsnix.SampleModule(1 << 20)
}

// BenchmarkRawParse is tree-sitter alone (parse and free), for comparison.
func BenchmarkRawParse(b *testing.B) {
	src := benchInput(b)
	b.SetBytes(int64(len(src)))
	defer benchgen.ReportCPU(b, int64(len(src)))()
	for b.Loop() {
		t, err := tsnix.Parse(src, nil)
		if err != nil {
			b.Fatal(err)
		}
		t.Close()
	}
}

// BenchmarkParse is nixast.Parse: parse, flatten, line index, syntax errors.
func BenchmarkParse(b *testing.B) {
	src := benchInput(b)
	b.SetBytes(int64(len(src)))
	defer benchgen.ReportCPU(b, int64(len(src)))()
	for b.Loop() {
		f, err := Parse("bench.nix", src)
		if err != nil {
			b.Fatal(err)
		}
		if len(f.Errors) != 0 {
			b.Fatalf("bench input has errors: %v", f.Errors[0])
		}
	}
}
