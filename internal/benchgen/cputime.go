package benchgen

import (
	"testing"
	"time"
)

// ReportCPU returns a function, to call after a benchmark's timed loop,
// that adds cpu-ns/op and cpu-MB/s (size bytes per op; none when size is
// 0). Process CPU time measures the work where wall time, on a machine
// other processes compete for, measures the load.
func ReportCPU(b *testing.B, size int64) func() {
	start := CPU()
	return func() {
		d := CPU() - start
		if d <= 0 || b.N == 0 {
			return
		}
		per := float64(d.Nanoseconds()) / float64(b.N)
		b.ReportMetric(per, "cpu-ns/op")
		if size > 0 {
			b.ReportMetric(float64(size)/per*1e3, "cpu-MB/s")
		}
	}
}

// CPU is the CPU time (user + system) the process has used; 0 where the
// platform cannot tell.
func CPU() time.Duration { return processCPU() }
