package analyzer

import (
	"strings"
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

func buildSrc(t *testing.T, src string) *System {
	t.Helper()
	f, err := nixast.Parse("test.nix", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Errors) > 0 {
		t.Fatalf("syntax errors: %v", f.Errors)
	}
	return BuildSystem("", NixOSHost, f)
}

// dump renders the system's definitions one per line for comparisons.
func dump(s *System) string {
	var b strings.Builder
	for _, d := range s.Defs {
		b.WriteString(d.PathString() + " = " + d.Value.String())
		if d.Priority != PriorityPlain {
			b.WriteString(" prio=" + itoa(d.Priority))
		}
		for _, c := range d.Conditions {
			b.WriteString(" if(" + c.Holds().String() + ")")
		}
		b.WriteString(" " + d.Status.String() + "\n")
	}
	return b.String()
}

func itoa(i int) string { return Value{Kind: Int, Int: int64(i)}.String() }

func TestModelShapes(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"dotted", `{ networking.firewall.enable = false; }`,
			"networking.firewall.enable = false effective\n"},
		{"nested", `{ networking = { firewall = { enable = false; }; }; }`,
			"networking.firewall.enable = false effective\n"},
		{"mixed", `{ networking.firewall = { enable = false; allowedTCPPorts = [ 22 80 ]; }; }`,
			"networking.firewall.enable = false effective\nnetworking.firewall.allowedTCPPorts = [ 22 80 ] effective\n"},
		{"quoted", `{ boot.kernel.sysctl."net.ipv4.ip_forward" = 1; }`,
			"boot.kernel.sysctl.\"net.ipv4.ip_forward\" = 1 effective\n"},
		{"dynamic literal", `{ services.${"openssh"}.enable = true; }`,
			"services.openssh.enable = true effective\n"},
		{"function module let", `{ config, lib, pkgs, ... }: let off = false; port = 8080; in { networking.firewall.enable = off; x.url = "tcp://0.0.0.0:${toString port}"; }`,
			"networking.firewall.enable = false effective\nx.url = \"tcp://0.0.0.0:8080\" effective\n"},
		{"mkForce beats plain", `{ lib, ... }: { a = lib.mkForce true; } // { a = false; }`,
			"a = true prio=50 effective\na = false overridden\n"},
		{"mkDefault loses", `{ lib, ... }: { imports = []; config = { a = lib.mkDefault true; b = 1; }; options = {}; }`,
			"a = true prio=1000 effective\nb = 1 effective\n"},
		{"mkIf unknown", `{ config, lib, ... }: { a = lib.mkIf config.x.enable false; }`,
			"a = false if(unknown) effective\n"},
		{"mkIf false", `{ lib, ... }: { a = lib.mkIf false true; b = 2; }`,
			"b = 2 effective\n"},
		{"with lib mkMerge", `{ lib, ... }: with lib; { config = mkMerge [ { a = 1; } (mkIf true { b = mkForce 2; }) ]; }`,
			"a = 1 effective\nb = 2 prio=50 if(true) effective\n"},
		{"let-bound set", `let h = { NoNewPrivileges = true; }; in { systemd.services.x.serviceConfig = h // { User = "x"; }; }`,
			"systemd.services.x.serviceConfig.NoNewPrivileges = true effective\nsystemd.services.x.serviceConfig.User = \"x\" effective\n"},
		{"inherit", `let enable = true; in { services.openssh = { inherit enable; }; }`,
			"services.openssh.enable = true effective\n"},
		{"unknown from config", `{ config, ... }: { a = config.b; }`,
			"a = <unknown: `config.b` depends on `config` is a function argument> effective\n"},
		{"optionals", `{ lib, ... }: { l = [ 1 ] ++ lib.optionals true [ 2 ]; }`,
			"l = [ 1 2 ] effective\n"},
		{"concatStringsSep", `{ lib, ... }: { s = lib.concatStringsSep "," [ "a" "b" ]; }`,
			"s = \"a,b\" effective\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := dump(buildSrc(t, tc.src)); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestContainerIsNestedSystem(t *testing.T) {
	s := buildSrc(t, `{ containers.web = { privateNetwork = false; config = { config, pkgs, ... }: { networking.firewall.enable = false; }; }; }`)
	if len(s.Children) != 1 || s.Children[0].Name != "containers.web" || s.Children[0].Context != NixOSContainer {
		t.Fatalf("children %+v", s.Children)
	}
	if got := dump(s.Children[0]); got != "networking.firewall.enable = false effective\n" {
		t.Fatalf("container defs %s", got)
	}
	if len(s.Lookup("networking", "firewall", "enable")) != 0 {
		t.Fatal("container option leaked into host")
	}
}

func TestMaybeSet(t *testing.T) {
	s := buildSrc(t, `{ config, ... }: { systemd.services.a.serviceConfig = config.common; systemd.services.b.serviceConfig.User = "x"; }`)
	if !s.MaybeSet("systemd", "services", "a", "serviceConfig", "NoNewPrivileges") {
		t.Error("opaque serviceConfig should make NoNewPrivileges maybe-set")
	}
	if s.MaybeSet("systemd", "services", "b", "serviceConfig", "NoNewPrivileges") {
		t.Error("b's NoNewPrivileges is certainly not set")
	}
	if got := s.Names("systemd.services.*"); strings.Join(got, ",") != "a,b" {
		t.Errorf("names %v", got)
	}
}
