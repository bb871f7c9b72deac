package server

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// gcHeadroom is the least heap growth the server allows between two
// collections. With the default GOGC=100 a small workspace (one open
// module, a few MB live) was collected every two or three keystrokes and
// the collector was a third of an edit's CPU time. From 32 MB of live heap
// on, the default applies unchanged, so memory with many open files is what
// it was.
const gcHeadroom = 32 << 20

var gcTunerOnce sync.Once

// startGCTuner adjusts GOGC after every collection so that the next one
// comes after at least gcHeadroom of allocation. A GOGC set by the user is
// left alone.
func startGCTuner() {
	gcTunerOnce.Do(func() {
		if os.Getenv("GOGC") != "" {
			return
		}
		armGCTuner()
	})
}

type gcSentinel struct{ _ [16]byte }

// armGCTuner leaves an unreachable object whose finalizer runs after the
// next collection; the finalizer tunes and re-arms.
func armGCTuner() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		debug.SetGCPercent(gcPercentFor(liveHeap()))
		armGCTuner()
	})
}

var liveSample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
var liveMu sync.Mutex

// liveHeap is the heap marked live by the last collection (0 if unknown).
func liveHeap() uint64 {
	liveMu.Lock()
	defer liveMu.Unlock()
	metrics.Read(liveSample)
	if liveSample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return liveSample[0].Value.Uint64()
}

// gcPercentFor is the GOGC that puts the next collection gcHeadroom above
// a live heap of live bytes, and never below the default of 100.
func gcPercentFor(live uint64) int {
	if live == 0 || live >= gcHeadroom {
		return 100
	}
	return min(int(gcHeadroom*100/live), 2000)
}
