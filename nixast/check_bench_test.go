package nixast

import (
	"fmt"
	"strings"
	"testing"
)

// checkBenchModule is about n lines of a host module in the shape the LSP
// edits: quoted virtual-host and interface names, nested sets, dotted paths
// into shared prefixes (which merge), functions and a let.
func checkBenchModule(n int) []byte {
	var b strings.Builder
	b.WriteString("{ config, pkgs, lib, ... }:\nlet\n  ports = [ 80 443 ];\n  mkHost = name: port: { inherit name port; };\nin\n{\n  networking.hostName = \"bench\";\n")
	lines := 7
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
  networking.firewall.interfaces."eth%d".allowedTCPPorts = ports ++ [ %d ];
  systemd.services.worker%d.serviceConfig = { DynamicUser = true; ProtectSystem = "strict"; ExecStart = "${pkgs.hello}/bin/hello"; };
`, i, 8000+i%1000, i, i, 10000+i%50000, i)
		lines += 11
		if i%20 == 0 {
			fmt.Fprintf(&b, `  containers.c%d = lib.mkIf config.services.nginx.enable {
    privateNetwork = false;
    config = { networking.firewall.enable = false; services.openssh.enable = true; services.openssh.settings.PermitRootLogin = "yes"; };
  };
`, i)
			lines += 4
		}
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

// BenchmarkCheck is Check on ~2,000-line files, as the LSP server runs it on
// every edit, and on BenchmarkParse's input (~1 MB unless NIXSEC_BENCH_FILE).
func BenchmarkCheck(b *testing.B) {
	for _, in := range []struct {
		name string
		src  []byte
	}{
		{"module", checkBenchModule(2000)},
		{"sample", sample2000Lines()},
		{"large", benchInput(b)},
	} {
		b.Run(in.name, func(b *testing.B) {
			f, err := Parse("bench.nix", in.src)
			if err != nil {
				b.Fatal(err)
			}
			if len(f.Errors) != 0 {
				b.Fatalf("bench input has errors: %v", f.Errors[0])
			}
			if ps := Check(f); len(ps) != 0 {
				b.Logf("bench input has %d problems, first %v", len(ps), ps[0])
			}
			b.SetBytes(int64(len(in.src)))
			b.ReportAllocs()
			defer reportCPU(b, len(in.src))()
			for b.Loop() {
				Check(f)
			}
		})
	}
}
