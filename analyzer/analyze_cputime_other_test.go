//go:build !unix

package analyzer

import "time"

// benchProcessCPU is unavailable here: the CPU metrics are left out.
func benchProcessCPU() time.Duration { return 0 }
