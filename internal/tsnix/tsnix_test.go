package tsnix

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nixsec/nixsec/internal/benchgen"
)

func TestSampleModuleParses(t *testing.T) {
	src := SampleModule(64 << 10)
	tr, err := Parse(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	nodes := tr.Flatten(nil)
	if nodes[0].Flags&FlagHasError != 0 {
		t.Fatal("sample module has syntax errors")
	}
}

func TestFlattenShape(t *testing.T) {
	src := []byte(`{ a.b = 1; c = [ "x" ]; }`)
	tr, err := Parse(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	nodes := tr.Flatten(nil)
	if len(nodes) == 0 || SymbolName(nodes[0].Sym) != "source_code" {
		t.Fatalf("root: %+v", nodes)
	}
	if nodes[0].Next != uint32(len(nodes)) || nodes[0].End != uint32(len(src)) {
		t.Fatalf("root spans %+v of %d nodes", nodes[0], len(nodes))
	}
	var kinds []string
	for i, n := range nodes {
		if i > 0 && (n.Parent < 0 || int(n.Parent) >= i) {
			t.Fatalf("node %d has parent %d", i, n.Parent)
		}
		if n.Flags&FlagNamed != 0 {
			kinds = append(kinds, SymbolName(n.Sym))
		}
	}
	want := "source_code attrset_expression binding_set binding attrpath identifier identifier integer_expression binding attrpath identifier list_expression string_expression string_fragment"
	if got := join(kinds); got != want {
		t.Fatalf("named kinds\n got %s\nwant %s", got, want)
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func BenchmarkRawParse(b *testing.B) {
	src := benchSource(b)
	b.SetBytes(int64(len(src)))
	defer benchgen.ReportCPU(b, int64(len(src)))()
	for i := 0; i < b.N; i++ {
		tr, err := Parse(src, nil)
		if err != nil {
			b.Fatal(err)
		}
		tr.Close()
	}
}

func BenchmarkParseFlatten(b *testing.B) {
	src := benchSource(b)
	b.SetBytes(int64(len(src)))
	defer benchgen.ReportCPU(b, int64(len(src)))()
	var buf []Node
	for i := 0; i < b.N; i++ {
		tr, err := Parse(src, nil)
		if err != nil {
			b.Fatal(err)
		}
		buf = tr.Flatten(buf)
		tr.Close()
	}
}

func benchSource(b *testing.B) []byte {
	p := os.Getenv("NIXSEC_BENCH_FILE")
	if p == "" {
		return SampleModule(1 << 20)
	}
	src, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkFlatten is the C walk alone, on a tree parsed once.
func BenchmarkFlatten(b *testing.B) {
	src := benchSource(b)
	tr, err := Parse(src, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tr.Close()
	b.SetBytes(int64(len(src)))
	defer benchgen.ReportCPU(b, int64(len(src)))()
	var buf []Node
	for b.Loop() {
		buf = tr.Flatten(buf)
	}
	b.ReportMetric(float64(len(buf)), "nodes")
}

// TestParseTimeout: a pathological input (tree-sitter is quadratic on runs
// of unary minus) stops at the budget with ErrTimeout, and the parser
// still works afterwards.
func TestParseTimeout(t *testing.T) {
	defer func(f func(int) time.Duration) { parseBudget = f }(parseBudget)
	parseBudget = func(int) time.Duration { return 50 * time.Millisecond }
	src := []byte(strings.Repeat("-", 40000) + "1")
	start := time.Now()
	tr, err := Parse(src, nil)
	if err != ErrTimeout {
		if tr != nil {
			tr.Close()
		}
		t.Fatalf("pathological input: %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the parse stopped after %v; the budget was 50ms", d)
	}
	for i := 0; i < 20; i++ { // pooled parsers are reset after a timeout
		tr, err := Parse([]byte("{ a = 1; }"), nil)
		if err != nil || tr.HasError() {
			t.Fatalf("parse after a timeout: %v", err)
		}
		tr.Close()
	}
	if b := ParseBudget(1 << 20); b < 5*time.Second {
		t.Errorf("a 1 MB file gets %v; real files must never reach the budget", b)
	}
}
