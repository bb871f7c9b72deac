package analyzer

import (
	"testing"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

func supFindings(t *testing.T, src, rule string) []diagnostics.Finding {
	t.Helper()
	f, err := nixast.Parse("default.nix", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var out []diagnostics.Finding
	for _, fd := range Analyze([]*nixast.File{f}, Options{}) {
		if fd.RuleID == rule {
			out = append(out, fd)
		}
	}
	return out
}

// TestSupplyFormalDefaults pins severity and confidence of impure values
// that are only a function argument's default.
func TestSupplyFormalDefaults(t *testing.T) {
	for _, tc := range []struct {
		name, src, rule string
		sev             diagnostics.Severity
		conf            diagnostics.Confidence
	}{
		{"lookup in a default", `{ pkgs ? import <nixpkgs> { } }: pkgs.hello`, "NIXSEC-SUP-004", diagnostics.Info, diagnostics.Possible},
		{"lookup in a module's default", `{ config, pkgs ? import <nixpkgs> { }, ... }: { environment.systemPackages = [ pkgs.hello ]; }`, "NIXSEC-SUP-004", diagnostics.Info, diagnostics.Possible},
		{"lookup in the body", `{ pkgs }: let p = import <nixpkgs> { }; in p.hello`, "NIXSEC-SUP-004", diagnostics.Low, diagnostics.Definite},
		{"lookup in a default's body function", `{ f ? (x: import <nixpkgs> { }) }: f 1`, "NIXSEC-SUP-004", diagnostics.Low, diagnostics.Definite},
		{"currentSystem in a default", `{ system ? builtins.currentSystem }: system`, "NIXSEC-SUP-007", diagnostics.Info, diagnostics.Possible},
		{"currentSystem in the body", `{ }: { nixpkgs.system = builtins.currentSystem; }`, "NIXSEC-SUP-007", diagnostics.Info, diagnostics.Definite},
		{"getEnv in a default", `{ home ? builtins.getEnv "HOME" }: home`, "NIXSEC-SUP-007", diagnostics.Info, diagnostics.Possible},
		// A secret read by a default leaks whenever the default is used.
		{"secret getEnv in a default", `{ token ? builtins.getEnv "API_TOKEN" }: token`, "NIXSEC-SUP-007", diagnostics.High, diagnostics.Possible},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := supFindings(t, tc.src, tc.rule)
			if len(fs) != 1 {
				t.Fatalf("%d %s findings, want 1: %+v", len(fs), tc.rule, fs)
			}
			if fs[0].Severity != tc.sev || fs[0].Confidence != tc.conf {
				t.Errorf("got %s/%s, want %s/%s (%s)", fs[0].Severity, fs[0].Confidence, tc.sev, tc.conf, fs[0].Message)
			}
		})
	}
}

func TestSupplySeverities(t *testing.T) {
	for _, tc := range []struct {
		name, src, rule string
		want            diagnostics.Severity
	}{
		{"lookup in a default argument", `{ pkgs ? import <nixpkgs> { } }: pkgs.hello`, "NIXSEC-SUP-004", diagnostics.Info},
		{"lookup in the body", `let pkgs = import <nixpkgs> { }; in pkgs.hello`, "NIXSEC-SUP-004", diagnostics.Low},
		{"currentSystem in a default argument", `{ system ? builtins.currentSystem }: system`, "NIXSEC-SUP-007", diagnostics.Info},
		{"secret from the environment", `{ token = builtins.getEnv "API_TOKEN"; }`, "NIXSEC-SUP-007", diagnostics.High},
		{"imported unhashed tarball", `import (builtins.fetchTarball "https://example.org/x.tar.gz") { }`, "NIXSEC-SUP-001", diagnostics.High},
		{"unhashed tarball", `builtins.fetchTarball "https://example.org/x.tar.gz"`, "NIXSEC-SUP-001", diagnostics.Medium},
		{"hashed fetch over http", `{ pkgs }: pkgs.fetchurl { url = "http://example.org/x"; hash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; }`, "NIXSEC-SUP-006", diagnostics.Low},
		{"unhashed builtin over http", `builtins.fetchurl "http://example.org/x"`, "NIXSEC-SUP-006", diagnostics.High},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := supFindings(t, tc.src, tc.rule)
			if len(fs) != 1 {
				t.Fatalf("%d %s findings, want 1: %+v", len(fs), tc.rule, fs)
			}
			if fs[0].Severity != tc.want {
				t.Errorf("severity %s, want %s (%s)", fs[0].Severity, tc.want, fs[0].Message)
			}
		})
	}
}
