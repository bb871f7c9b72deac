//go:build unix

package server

import (
	"fmt"
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
				start := benchgen.CPU()
				benchEdit(c, uri, line, i)
				cpu = append(cpu, benchgen.CPU()-start)
				c.mu.Lock()
				c.notes = c.notes[:0:0] // keep the client's memory flat
				c.mu.Unlock()
			}
			b.StopTimer()
			b.ReportMetric(percentileMs(cpu, 0.50), "cpu-p50-ms")
			b.ReportMetric(percentileMs(cpu, 0.99), "cpu-p99-ms")
			b.ReportMetric(0, "ns/op")
		})
	}
}
