package server

import (
	"fmt"
	"io"
	"os"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/nixsec/nixsec/internal/benchgen"
)

// genModule is the language server benchmarks' document: about n lines
// of services, virtual hosts, users, firewall ports and containers.
func genModule(n int) string { return benchgen.Module(n, false) }

// benchLog shows per-analysis timings when NIXSEC_BENCH_LOG is set.
var benchLog = func() io.Writer {
	if os.Getenv("NIXSEC_BENCH_LOG") != "" {
		return os.Stderr
	}
	return nil
}()

// BenchmarkDidChangeToPublish measures, with no debounce, the time from a
// one-character didChange to the publishDiagnostics of that version: the
// incremental parse, the analysis and the conversion, over real framing.
func BenchmarkDidChangeToPublish(b *testing.B) {
	for _, n := range []int{2000, 10000} {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			src := genModule(n)
			var amu sync.Mutex
			var analysis []time.Duration
			hook := func(d time.Duration) { amu.Lock(); analysis = append(analysis, d); amu.Unlock() }
			c := newClient(b, Options{Debounce: 0, Log: benchLog, analysed: hook})
			c.timeout = time.Minute
			c.initialize(map[string]any{}, nil)
			uri := "file:///bench/configuration.nix"
			c.open(uri, src, 1)
			c.waitPublish(0, uri, v32(1))
			line := n / 2
			lat := make([]time.Duration, 0, b.N)
			amu.Lock()
			analysis = analysis[:0]
			amu.Unlock()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				benchEdit(c, uri, line, i)
				lat = append(lat, time.Since(start))
			}
			b.StopTimer()
			b.ReportMetric(percentileMs(lat, 0.50), "p50-ms")
			b.ReportMetric(percentileMs(lat, 0.99), "p99-ms")
			amu.Lock()
			// The analyzer's share: what is left is parsing, conversion and transport.
			b.ReportMetric(percentileMs(analysis, 0.50), "analyze-p50-ms")
			amu.Unlock()
			b.ReportMetric(0, "ns/op")
		})
	}
}

// benchEdit is edit i of the latency benchmarks: typing, then deleting, a
// space at the start of line; it returns once that version is published.
func benchEdit(c *client, uri string, line, i int) {
	v := int32(i + 2)
	from := c.noteCount()
	if i%2 == 0 {
		c.change(uri, v, map[string]any{"range": rng(line, 0, line, 0), "text": " "})
	} else {
		c.change(uri, v, map[string]any{"range": rng(line, 0, line, 1), "text": ""})
	}
	c.waitPublish(from, uri, &v)
}

// percentileMs is the p-th percentile of ds, in milliseconds.
func percentileMs(ds []time.Duration, p float64) float64 {
	if len(ds) == 0 {
		return 0
	}
	ds = append([]time.Duration(nil), ds...)
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return float64(ds[min(len(ds)-1, int(p*float64(len(ds))))].Microseconds()) / 1000
}
