package server

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestGCPercentFor(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{{0, 100}, {1 << 20, 2000}, {8 << 20, 400}, {16 << 20, 200}, {gcHeadroom, 100}, {100 << 20, 100}} {
		if got := gcPercentFor(c.live); got != c.want {
			t.Errorf("gcPercentFor(%d MB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}

// TestGCTunerRuns: once a server has started, a collection re-tunes GOGC
// for the (small) live heap of this test process.
func TestGCTunerRuns(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: the tuner stays off")
	}
	startGCTuner()
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	debug.SetGCPercent(100)
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // let the finalizer goroutine run
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		if live := liveHeap(); live > 0 && live < gcHeadroom && p == gcPercentFor(live) && p > 100 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("GOGC %d after collections with %d bytes live; the tuner did not run", p, liveHeap())
		}
	}
}
