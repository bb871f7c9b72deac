package analyzer

import (
	"strings"
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

func TestAnalyzeModelMatchesAnalyze(t *testing.T) {
	src := "{ lib, ... }: {\n  networking.firewall.enable = false;\n  containers.web.config = { services.openssh.enable = true; };\n}\n"
	f, err := nixast.Parse("/x/configuration.nix", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Model: ModelOptions{NoImports: true}}
	want := Analyze([]*nixast.File{f}, opts)
	got, m := AnalyzeModel([]*nixast.File{f}, opts)
	if len(got) != len(want) {
		t.Fatalf("AnalyzeModel: %d findings, Analyze %d", len(got), len(want))
	}
	for i := range got {
		if got[i].RuleID != want[i].RuleID || got[i].Span != want[i].Span {
			t.Errorf("finding %d: %v vs %v", i, got[i], want[i])
		}
	}
	if m == nil || len(m.AllSystems()) < 2 {
		t.Fatalf("model: %+v", m)
	}
}

func TestOptionAt(t *testing.T) {
	src := "{ lib, ... }: {\n  networking.firewall.enable = lib.mkForce false;\n  networking.firewall = { allowPing = true; };\n  containers.web.config.services.openssh.enable = true;\n}\n"
	f, err := nixast.Parse("/x/configuration.nix", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := BuildModelWith([]*nixast.File{f}, ModelOptions{NoImports: true})
	at := func(needle string, k int) []OptionHit {
		return OptionAt(m, f.Path, strings.Index(src, needle)+k)
	}
	for _, tc := range []struct {
		needle string
		k      int
		want   string
		system string
	}{
		{"networking.firewall.enable", 2, "networking", ""},
		{"firewall.enable", 3, "networking.firewall.enable", ""},
		{"enable = lib", 2, "networking.firewall.enable", ""},
		{"enable = lib", 0, "networking.firewall.enable", ""},
		{"allowPing", 1, "networking.firewall.allowPing", ""},
		{"firewall = {", 1, "networking.firewall", ""},
		{"openssh.enable", 0, "services.openssh.enable", "containers.web"},
		{"web.config", 0, "services.openssh.enable", "containers.web"},
	} {
		hits := at(tc.needle, tc.k)
		if len(hits) == 0 {
			t.Errorf("%q+%d: no hit", tc.needle, tc.k)
			continue
		}
		h := hits[0]
		if tc.needle == "networking.firewall.enable" {
			// Any segment stands for the whole option.
			if JoinPath(h.Path) != "networking.firewall.enable" || JoinPath(h.Def.Path) != "networking.firewall.enable" {
				t.Errorf("first segment: %v %v", h.Path, h.Def.Path)
			}
			continue
		}
		if JoinPath(h.Path) != tc.want || h.Def.System.Name != tc.system {
			t.Errorf("%q+%d: path %s system %q, want %s %q", tc.needle, tc.k, JoinPath(h.Path), h.Def.System.Name, tc.want, tc.system)
		}
	}
	if hits := at("false", 1); len(hits) != 0 {
		t.Errorf("a value is not an option name: %+v", hits)
	}
}

func TestRulesForOption(t *testing.T) {
	has := func(path string, id string) bool {
		for _, r := range RulesForOption(SplitPath(path)) {
			if r.ID == id {
				return true
			}
		}
		return false
	}
	if !has("networking.firewall.enable", "NIXSEC-FW-001") {
		var ids []string
		for _, r := range RulesForOption(SplitPath("networking.firewall.enable")) {
			ids = append(ids, r.ID)
		}
		t.Errorf("networking.firewall.enable: rules %v, want NIXSEC-FW-001", ids)
	}
	if len(RulesForOption(SplitPath("networking.hostName.nothing.here"))) != 0 {
		t.Errorf("rules for a made-up option")
	}
	if !optionPathMatches(SplitPath("systemd.services.myapp.serviceConfig.User"), SplitPath("systemd.services.nginx.serviceConfig.User")) {
		t.Errorf("service names should not matter")
	}
	if optionPathMatches(SplitPath(`boot.kernel.sysctl."net.ipv4.ip_forward"`), SplitPath(`boot.kernel.sysctl."kernel.dmesg_restrict"`)) {
		t.Errorf("sysctl keys matter")
	}
}
