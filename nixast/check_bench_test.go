package nixast

import (
	"testing"

	"github.com/nixsec/nixsec/internal/benchgen"
)

// checkBenchModule is about n lines of a host module in the shape the LSP
// edits, with a let, list concatenation and mkIf for the checker to follow.
func checkBenchModule(n int) []byte { return []byte(benchgen.Module(n, true)) }

// BenchmarkCheck is Check on ~2,000-line files, as the LSP server runs it on
// every edit, and on BenchmarkParse's input (~1 MB unless NIXSEC_BENCH_FILE).
func BenchmarkCheck(b *testing.B) {
	for _, in := range []struct {
		name string
		src  []byte
	}{
		{"module", checkBenchModule(2000)},
		{"sample", sample2000Lines()},
		{"large", benchInput(b)},
	} {
		b.Run(in.name, func(b *testing.B) {
			f, err := Parse("bench.nix", in.src)
			if err != nil {
				b.Fatal(err)
			}
			if len(f.Errors) != 0 {
				b.Fatalf("bench input has errors: %v", f.Errors[0])
			}
			if ps := Check(f); len(ps) != 0 {
				b.Logf("bench input has %d problems, first %v", len(ps), ps[0])
			}
			b.SetBytes(int64(len(in.src)))
			b.ReportAllocs()
			defer benchgen.ReportCPU(b, int64(len(in.src)))()
			for b.Loop() {
				Check(f)
			}
		})
	}
}
