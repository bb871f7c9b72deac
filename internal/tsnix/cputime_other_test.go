//go:build !unix

package tsnix

import "time"

func processCPU() time.Duration { return 0 }
