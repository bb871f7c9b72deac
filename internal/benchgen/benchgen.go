// Package benchgen writes the NixOS modules the benchmarks edit and analyse:
// one generator, so that the parser's, the model's and the language
// server's numbers are about the same text.
package benchgen

import (
	"fmt"
	"strings"
)

// Module writes a NixOS module of about n lines: nginx virtual hosts,
// users, firewall ports and systemd services, and a container with
// findings every ~220 lines. Rich adds what a checker must follow beyond
// plain sets: a let with a function, list concatenation, a service that
// says what it runs, and containers under mkIf.
func Module(n int, rich bool) string {
	var b strings.Builder
	b.WriteString("{ config, pkgs, lib, ... }:\n")
	lines := 4
	if rich {
		b.WriteString("let\n  ports = [ 80 443 ];\n  mkHost = name: port: { inherit name port; };\nin\n")
		lines += 4
	}
	b.WriteString("{\n  networking.hostName = \"bench\";\n")
	ports, exec, cond := "", "", ""
	if rich {
		ports, exec, cond = "ports ++ ", ` ExecStart = "${pkgs.hello}/bin/hello";`, "lib.mkIf config.services.nginx.enable "
	}
	for i := 0; lines < n; i++ {
		fmt.Fprintf(&b, `  services.nginx.virtualHosts."site%d.example.com" = {
    forceSSL = true;
    enableACME = true;
    locations."/".proxyPass = "http://127.0.0.1:%d";
    extraConfig = ''
      add_header X-Frame-Options DENY;
    '';
  };
  users.users.user%d = { isNormalUser = true; extraGroups = [ "wheel" "docker" ]; };
  networking.firewall.interfaces."eth%d".allowedTCPPorts = %s[ %d ];
  systemd.services.worker%d.serviceConfig = { DynamicUser = true; ProtectSystem = "strict";%s };
`, i, 8000+i%1000, i, i, ports, 10000+i%50000, i, exec)
		lines += 11
		if i%20 == 0 {
			fmt.Fprintf(&b, `  containers.c%d = %s{
    privateNetwork = false;
    config = { networking.firewall.enable = false; services.openssh.enable = true; services.openssh.settings.PermitRootLogin = "yes"; };
  };
`, i, cond)
			lines += 4
		}
	}
	b.WriteString("}\n")
	return b.String()
}
