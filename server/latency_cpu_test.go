//go:build unix

package server

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/nixsec/nixsec/internal/benchgen"
)

// BenchmarkDidChangeCPU is BenchmarkDidChangeToPublish measured in CPU time:
// the process's CPU time (server and test client together, GC included)
// from a one-character didChange to the publishDiagnostics of that
// version. On a loaded machine wall-clock percentiles measure the load;
// these measure the work, i.e. the latency on a core of our own. Run it
// with -cpu 1.
func BenchmarkDidChangeCPU(b *testing.B) {
	for _, n := range []int{2000} {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			src := genModule(n)
			c := newClient(b, Options{Debounce: 0})
			c.timeout = time.Minute
			c.initialize(map[string]any{}, nil)
			uri := "file:///bench/configuration.nix"
			c.open(uri, src, 1)
			c.waitPublish(0, uri, v32(1))
			line := n / 2
			cpu := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				v := int32(i + 2)
				from := c.noteCount()
				start := benchgen.CPU()
				if i%2 == 0 {
					c.change(uri, v, map[string]any{"range": rng(line, 0, line, 0), "text": " "})
				} else {
					c.change(uri, v, map[string]any{"range": rng(line, 0, line, 1), "text": ""})
				}
				c.waitPublish(from, uri, &v)
				cpu = append(cpu, benchgen.CPU()-start)
				c.mu.Lock()
				c.notes = c.notes[:0:0] // keep the client's memory flat
				c.mu.Unlock()
			}
			b.StopTimer()
			sort.Slice(cpu, func(i, j int) bool { return cpu[i] < cpu[j] })
			pct := func(p float64) float64 {
				return float64(cpu[min(len(cpu)-1, int(p*float64(len(cpu))))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "cpu-p50-ms")
			b.ReportMetric(pct(0.99), "cpu-p99-ms")
			b.ReportMetric(0, "ns/op")
		})
	}
}
