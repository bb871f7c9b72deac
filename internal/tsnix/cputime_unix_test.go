//go:build unix

package tsnix

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user + system) the process has used: on a
// loaded machine it measures the work a benchmark does where wall time does not.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
