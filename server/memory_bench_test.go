package server

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// memBenchFiles is the number of documents BenchmarkOpenFilesMemory opens.
const memBenchFiles = 500

// memBenchWorkspace returns the workspace root and the files to open: the
// synthetic corpus (NIXSEC_BENCH_CORPUS, else ../.bench/corpus from `make
// corpus`), else generated modules in a temporary directory.
func memBenchWorkspace(b *testing.B) (string, []string) {
	dir := os.Getenv("NIXSEC_BENCH_CORPUS")
	if dir == "" {
		if st, err := os.Stat("../.bench/corpus"); err == nil && st.IsDir() {
			dir = "../.bench/corpus"
		}
	}
	if dir == "" {
		dir = b.TempDir()
		for i := 0; i < memBenchFiles; i++ {
			p := filepath.Join(dir, fmt.Sprintf("m%03d.nix", i))
			if err := os.WriteFile(p, []byte(genModule(40+i%7*60)), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	// The corpus is copied out of the repository: .bench is git-ignored,
	// and the server's scan (rightly) skips ignored files.
	work := b.TempDir()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".nix") {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(work, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		files = append(files, dst)
		return os.WriteFile(dst, src, 0o644)
	})
	if err != nil {
		b.Fatal(err)
	}
	dir = work
	sort.Strings(files)
	if len(files) > memBenchFiles {
		files = files[:memBenchFiles]
	}
	if len(files) < memBenchFiles {
		b.Fatalf("%s has %d .nix files, need %d", dir, len(files), memBenchFiles)
	}
	return dir, files
}

// BenchmarkOpenFilesMemory opens 500 files of the synthetic corpus (a copy
// in a temporary directory) in one server whose workspace root is that
// copy (so the first scan reads and analyses it all), waits for each file's diagnostics, and reports the process's
// resident set (VmRSS) and the live Go heap after a collection, and the
// peak resident set (VmHWM, reached during the first workspace scan). The
// client drops the notifications it has read so that what is measured is
// the server's memory. Run it with -benchtime 1x.
func BenchmarkOpenFilesMemory(b *testing.B) {
	root, files := memBenchWorkspace(b)
	texts := make([]string, len(files))
	for i, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts[i] = string(src)
	}
	var rss, heap, peak float64
	for b.Loop() {
		c := newClient(b, Options{Debounce: 0})
		c.timeout = time.Minute
		c.onRequest = func(string, json.RawMessage) (any, *rpcError) { return nil, nil }
		c.call("initialize", map[string]any{"rootUri": pathToURI(root), "capabilities": map[string]any{"window": map[string]any{"workDoneProgress": true}}}, nil)
		c.notify("initialized", map[string]any{})
		if m, _ := c.waitNote(0, "$/progress", func(raw json.RawMessage) bool { return strings.Contains(string(raw), `"kind":"end"`) }, c.timeout); m == nil {
			b.Fatal("workspace scan did not end")
		}
		c.mu.Lock()
		c.notes = c.notes[:0:0] // the scan's diagnostics for files that are not open
		c.mu.Unlock()
		for i, p := range files {
			uri := pathToURI(p)
			c.open(uri, texts[i], 1)
			c.waitPublish(0, uri, v32(1))
			c.mu.Lock()
			c.notes = c.notes[:0:0]
			c.mu.Unlock()
		}
		runtime.GC()
		debug.FreeOSMemory()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap = float64(ms.HeapInuse) / (1 << 20)
		rss = vmRSS(b) / (1 << 20)
		peak = procStatus(b, "VmHWM:") / (1 << 20)
		if p := os.Getenv("NIXSEC_BENCH_HEAPPROFILE"); p != "" {
			writeHeapProfile(b, p)
		}
		c.shutdownExit()
	}
	b.ReportMetric(rss, "rss-MB")
	b.ReportMetric(peak, "peak-rss-MB")
	b.ReportMetric(heap, "heap-MB")
	b.ReportMetric(float64(len(files)), "files")
	b.ReportMetric(0, "ns/op")
}

// writeHeapProfile writes the live heap (go tool pprof -sample_index=inuse_space).
func writeHeapProfile(b *testing.B, path string) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		b.Fatal(err)
	}
}

// vmRSS is the process's resident set in bytes, from /proc/self/status; 0
// where that file does not exist.
func vmRSS(b *testing.B) float64 { return procStatus(b, "VmRSS:") }

// procStatus reads a size field of /proc/self/status (VmRSS:, VmHWM: the
// peak resident set) in bytes; 0 where that file does not exist.
func procStatus(b *testing.B, field string) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			if err != nil {
				b.Fatal(err)
			}
			return kb * 1024
		}
	}
	return 0
}
