//go:build unix

package analyzer

import (
	"syscall"
	"time"
)

// benchProcessCPU is the CPU time (user + system) the process has used.
func benchProcessCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
