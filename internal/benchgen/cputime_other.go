//go:build !unix

package benchgen

import "time"

func processCPU() time.Duration { return 0 }
