package analyzer

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/internal/benchgen"
	"github.com/nixsec/nixsec/internal/tsnix"
	"github.com/nixsec/nixsec/nixast"
)

type benchSource struct {
	path string
	src  []byte
}

// analyzeBenchInput is the synthetic corpus (NIXSEC_BENCH_CORPUS, else
// ../.bench/corpus when `make corpus` wrote it), else benchModule as one file.
func analyzeBenchInput(b *testing.B) ([]benchSource, int64) {
	dir := os.Getenv("NIXSEC_BENCH_CORPUS")
	if dir == "" {
		if st, err := os.Stat("../.bench/corpus"); err == nil && st.IsDir() {
			dir = "../.bench/corpus"
		}
	}
	if dir == "" {
		src := benchModule()
		return []benchSource{{"bench.nix", src}}, int64(len(src))
	}
	var out []benchSource
	var total int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".nix") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		out = append(out, benchSource{abs, src})
		total += int64(len(src))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(out) == 0 {
		b.Fatalf("no .nix files in %s", dir)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, total
}

func benchParseAll(b *testing.B, srcs []benchSource) []*nixast.File {
	files := make([]*nixast.File, len(srcs))
	for i, s := range srcs {
		f, err := nixast.Parse(s.path, s.src)
		if err != nil {
			b.Fatal(err)
		}
		files[i] = f
	}
	return files
}

// BenchmarkAnalyze measures, on one goroutine over the whole corpus (all
// files in one Analyze, as `nixsec lint` does), raw tree-sitter parsing,
// nixast.Parse, BuildModel on parsed files, and the full analysis (parse,
// model and every rule). MB/s and cpu-MB/s compare across sub-benchmarks;
// run with -cpu 1 for single-core numbers.
func BenchmarkAnalyze(b *testing.B) {
	srcs, total := analyzeBenchInput(b)
	b.Run("raw-parse", func(b *testing.B) {
		b.SetBytes(total)
		defer benchgen.ReportCPU(b, total)()
		for b.Loop() {
			for _, s := range srcs {
				t, err := tsnix.Parse(s.src, nil)
				if err != nil {
					b.Fatal(err)
				}
				t.Close()
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(total)
		defer benchgen.ReportCPU(b, total)()
		for b.Loop() {
			benchParseAll(b, srcs)
		}
	})
	files := benchParseAll(b, srcs)
	for _, f := range files {
		if len(f.Errors) > 0 {
			b.Fatalf("%s has syntax errors: %v", f.Path, f.Errors[0])
		}
	}
	b.Run("model", func(b *testing.B) {
		b.SetBytes(total)
		defer benchgen.ReportCPU(b, total)()
		for b.Loop() {
			BuildModelWith(files, ModelOptions{})
		}
	})
	b.Run("full", func(b *testing.B) {
		b.SetBytes(total)
		defer benchgen.ReportCPU(b, total)()
		var n int
		for b.Loop() {
			n = len(Analyze(benchParseAll(b, srcs), Options{}))
		}
		b.ReportMetric(float64(n), "findings")
	})
}
