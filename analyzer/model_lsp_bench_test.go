package analyzer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

// lspModule writes a NixOS module of about n lines: services, virtual
// hosts, users, firewall ports and containers (server/bench_test.go's
// genModule, the LSP benchmark's document).
func lspModule(n int) string {
	var b strings.Builder
	b.WriteString("{ config, pkgs, lib, ... }:\n{\n  networking.hostName = \"bench\";\n")
	lines := 3
	for i := 0; lines < n-1; i++ {
		fmt.Fprintf(&b, `  services.nginx.virtualHosts."site%d.example.com" = {
    forceSSL = true;
    enableACME = true;
    locations."/".proxyPass = "http://127.0.0.1:%d";
    extraConfig = ''
      add_header X-Frame-Options DENY;
    '';
  };
  users.users.user%d = { isNormalUser = true; extraGroups = [ "wheel" "docker" ]; };
  networking.firewall.interfaces."eth%d".allowedTCPPorts = [ %d ];
  systemd.services.worker%d.serviceConfig = { DynamicUser = true; ProtectSystem = "strict"; };
`, i, 8000+i%1000, i, i, 10000+i%50000, i)
		lines += 11
		if i%20 == 0 { // a container with findings every ~220 lines
			fmt.Fprintf(&b, `  containers.c%d = {
    privateNetwork = false;
    config = { networking.firewall.enable = false; services.openssh.enable = true; services.openssh.settings.PermitRootLogin = "yes"; };
  };
`, i)
			lines += 4
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// BenchmarkModelLSP is BuildModelWith on a 2,000-line module, what the
// language server does on every edit.
func BenchmarkModelLSP(b *testing.B) {
	src := []byte(lspModule(2000))
	f, err := nixast.Parse("configuration.nix", src)
	if err != nil {
		b.Fatal(err)
	}
	if len(f.Errors) > 0 {
		b.Fatalf("module has syntax errors: %v", f.Errors[0])
	}
	b.ReportAllocs()
	defer benchCPU(b, int64(len(src)))()
	for b.Loop() {
		BuildModelWith([]*nixast.File{f}, ModelOptions{NoImports: true})
	}
}
