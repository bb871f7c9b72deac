package main

import (
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/internal/benchgen"
	"github.com/nixsec/nixsec/nixast"
)

// The corpus benchmarks read the directory NIXSEC_BENCH_CORPUS, written by
// tools/gencorpus (`make bench` does both). Run them with -cpu 1,N: with one
// CPU the MB/s is single-core throughput, with N it is what N workers reach.
// cpu-MB/s divides by the CPU time the process used instead of wall time: it
// is what one core does, and stays comparable when other processes compete
// for the machine (then MB/s drops, cpu-MB/s does not).

type source struct {
	path string
	src  []byte
}

func benchCorpus(b *testing.B) ([]source, int64) {
	dir := os.Getenv("NIXSEC_BENCH_CORPUS")
	if dir == "" {
		b.Skip("NIXSEC_BENCH_CORPUS not set (make bench sets it)")
	}
	var out []source
	var total int64
	for _, t := range collect([]string{dir}) {
		if t.err != nil {
			b.Fatal(t.err)
		}
		src, err := os.ReadFile(t.path)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, source{t.path, src})
		total += int64(len(src))
	}
	if len(out) == 0 {
		b.Fatalf("no .nix files in %s", dir)
	}
	return out, total
}

// BenchmarkParseCorpus parses every corpus file (already in memory) with
// GOMAXPROCS workers.
func BenchmarkParseCorpus(b *testing.B) {
	srcs, total := benchCorpus(b)
	b.SetBytes(total)
	workers := runtime.GOMAXPROCS(0)
	done := benchgen.ReportCPU(b, total)
	for b.Loop() {
		var next atomic.Int64
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1)) - 1
					if i >= len(srcs) {
						return
					}
					f, err := nixast.Parse(srcs[i].path, srcs[i].src)
					if err != nil {
						b.Error(err)
						return
					}
					if len(f.Errors) > 0 {
						b.Errorf("%s has syntax errors", srcs[i].path)
						return
					}
				}
			}()
		}
		wg.Wait()
	}
	done()
	b.ReportMetric(float64(len(srcs)), "files")
}

// BenchmarkLintCorpus is `nixsec lint` end to end minus the report: walk,
// read, parse with GOMAXPROCS workers, analyze.
func BenchmarkLintCorpus(b *testing.B) {
	_, total := benchCorpus(b)
	dir := os.Getenv("NIXSEC_BENCH_CORPUS")
	b.SetBytes(total)
	done := benchgen.ReportCPU(b, total)
	for b.Loop() {
		var files []*nixast.File
		for _, r := range load(collect([]string{dir}), runtime.GOMAXPROCS(0), nixast.MaxFileSize) {
			if r.err != nil {
				b.Fatal(r.err)
			}
			files = append(files, r.file)
		}
		_ = analyzer.Analyze(files, analyzer.Options{})
	}
	done()
}
