package analyzer

import (
	"testing"

	"github.com/nixsec/nixsec/internal/benchgen"
	"github.com/nixsec/nixsec/internal/tsnix"
	"github.com/nixsec/nixsec/nixast"
)

// benchModule is ~1 MB of module text: the parser benchmark's sample
// modules (options, mkIf config, let, with, interpolation) as the imports
// of one module, so that every one of them is collected and merged.
func benchModule() []byte {
	sample := tsnix.SampleModule(1 << 20)
	src := append([]byte("{ config, lib, ... }: {\n  imports = "), sample...)
	return append(src, "  ;\n  networking.firewall.enable = false;\n}\n"...)
}

// BenchmarkModel compares parsing with building the model of the parsed
// file: sub-benchmark parse is nixast.Parse alone, model is BuildModel (and
// a few queries) on the already parsed file.
func BenchmarkModel(b *testing.B) {
	src := benchModule()
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := nixast.Parse("bench.nix", src); err != nil {
				b.Fatal(err)
			}
		}
	})
	f, err := nixast.Parse("bench.nix", src)
	if err != nil {
		b.Fatal(err)
	}
	if len(f.Errors) > 0 {
		b.Fatalf("sample has syntax errors: %v", f.Errors[0])
	}
	b.Run("model", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		defer benchgen.ReportCPU(b, int64(len(src)))()
		for b.Loop() {
			m := BuildModelWith([]*nixast.File{f}, ModelOptions{NoImports: true})
			s := m.Systems[0]
			s.Get("networking", "firewall", "enable")
			s.Match("systemd.services.*")
			s.NixConf("substituters")
		}
	})
}

// TestBenchModuleIsModeled keeps the benchmark honest: the model sees the
// sample's definitions.
func TestBenchModuleIsModeled(t *testing.T) {
	f, err := nixast.Parse("bench.nix", benchModule())
	if err != nil {
		t.Fatal(err)
	}
	m := BuildModelWith([]*nixast.File{f}, ModelOptions{NoImports: true})
	if len(m.Systems) != 1 || len(m.Systems[0].Defs) < 1000 {
		t.Fatalf("systems %d", len(m.Systems))
	}
	t.Logf("%d definitions", len(m.Systems[0].Defs))
}
