//go:build !unix

package nixast

import "time"

func processCPU() time.Duration { return 0 }
