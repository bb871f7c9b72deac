package analyzer

import (
	"testing"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

func TestSSHSeverities(t *testing.T) {
	checkSevCases(t, []sevCase{
		{"root yes with passwords", "NIXSEC-SSH-001",
			`{ system.stateVersion = "24.05"; services.openssh = { enable = true; settings.PermitRootLogin = "yes"; }; }`,
			[]diagnostics.Severity{diagnostics.Critical}, []string{`"yes"`}},
		{"root yes, keys only", "NIXSEC-SSH-001",
			`{ system.stateVersion = "24.05"; services.openssh = { enable = true; settings = { PermitRootLogin = "yes"; PasswordAuthentication = false; }; }; }`,
			[]diagnostics.Severity{diagnostics.High}, []string{`"yes"`}},
		{"passwords by default", "NIXSEC-SSH-002",
			`{ system.stateVersion = "24.05"; services.openssh.enable = true; }`,
			[]diagnostics.Severity{diagnostics.Medium}, []string{`true`}},
		{"passwords, port closed", "NIXSEC-SSH-002",
			`{ system.stateVersion = "24.05"; services.openssh = { enable = true; openFirewall = false; }; }`,
			[]diagnostics.Severity{diagnostics.Low}, []string{`true`}},
		{"passwords, port closed but opened by hand", "NIXSEC-SSH-002",
			`{ system.stateVersion = "24.05"; services.openssh = { enable = true; openFirewall = false; }; networking.firewall.allowedTCPPorts = [ 22 ]; }`,
			[]diagnostics.Severity{diagnostics.Medium}, []string{`true`}},
		{"passwords and root", "NIXSEC-SSH-002",
			`{ system.stateVersion = "24.05"; services.openssh = { enable = true; settings.PermitRootLogin = "yes"; }; }`,
			[]diagnostics.Severity{diagnostics.Critical}, []string{`true`}},
		{"passwords and a plaintext password", "NIXSEC-SSH-002",
			`{ system.stateVersion = "24.05"; services.openssh = { enable = true; settings.PasswordAuthentication = true; }; users.users.bob.initialPassword = "changeme"; }`,
			[]diagnostics.Severity{diagnostics.High}, []string{`true`}},
		{"kbd with passwords off", "NIXSEC-SSH-003",
			`{ system.stateVersion = "24.05"; services.openssh = { enable = true; settings.PasswordAuthentication = false; }; }`,
			[]diagnostics.Severity{diagnostics.Low}, []string{`true`}},
		{"kbd with unixAuth forced", "NIXSEC-SSH-003",
			`{ system.stateVersion = "24.05"; services.openssh = { enable = true; settings.PasswordAuthentication = false; }; security.pam.services.sshd.unixAuth = true; }`,
			[]diagnostics.Severity{diagnostics.Medium}, []string{`true`}},
		{"gateway ports low, agent info", "NIXSEC-SSH-007",
			`{ system.stateVersion = "24.05"; services.openssh = { enable = true; settings = { GatewayPorts = "yes"; AllowAgentForwarding = true; }; }; }`,
			[]diagnostics.Severity{diagnostics.Low, diagnostics.Info}, []string{`"yes"`, `true`}},
		{"weak and policy algorithms", "NIXSEC-SSH-006",
			`{ system.stateVersion = "24.05"; services.openssh = { enable = true; settings.Macs = [ "hmac-sha2-256" "hmac-md5-96" ]; }; }`,
			[]diagnostics.Severity{diagnostics.Low, diagnostics.Medium}, []string{`"hmac-sha2-256"`, `"hmac-md5-96"`}},
		{"algorithm string item", "NIXSEC-SSH-006",
			`{ system.stateVersion = "24.05"; services.openssh = { enable = true; settings.PubkeyAcceptedAlgorithms = "ssh-ed25519, +ssh-dss"; }; }`,
			[]diagnostics.Severity{diagnostics.Medium}, []string{`+ssh-dss`}},
		{"quiet logging", "NIXSEC-SSH-009",
			`{ system.stateVersion = "24.05"; services.openssh = { enable = true; settings.LogLevel = "QUIET"; }; }`,
			[]diagnostics.Severity{diagnostics.Low}, []string{`"QUIET"`}},
	})
}

// An unsafe fix is offered when no authorized keys are declared: turning
// passwords off could lock everyone out.
func TestSSHPasswordFixSafety(t *testing.T) {
	fs, _ := nwLint(t, "NIXSEC-SSH-002", `{ system.stateVersion = "24.05"; services.openssh.enable = true; }`)
	if len(fs) != 1 || len(fs[0].Fixes) != 1 || fs[0].Fixes[0].Safe {
		t.Fatalf("without keys: %+v", fs)
	}
	fs, _ = nwLint(t, "NIXSEC-SSH-002", `{ system.stateVersion = "24.05"; services.openssh.enable = true; users.users.a.openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAA a" ]; }`)
	if len(fs) != 1 || len(fs[0].Fixes) != 1 || !fs[0].Fixes[0].Safe {
		t.Fatalf("with keys: %+v", fs)
	}
}

func TestSSHExtraConfigLines(t *testing.T) {
	f, err := nixast.Parse("a.nix", []byte("{ services.openssh.extraConfig = ''\n  # c\n  Ciphers=aes256-ctr\n  PermitTunnel yes # note\n  Match User git\n    AllowTcpForwarding no\n''; }"))
	if err != nil {
		t.Fatal(err)
	}
	s := BuildSystem("", NixOSHost, f)
	ls := sshExtraLines(s)
	if len(ls) != 3 {
		t.Fatalf("%+v", ls)
	}
	if ls[0].key != "ciphers" || ls[0].value != "aes256-ctr" || ls[1].value != "yes" || ls[2].match != "User git" {
		t.Errorf("%+v", ls)
	}
	if got := ls[1].t.text[ls[1].i:ls[1].j]; got != "PermitTunnel yes" {
		t.Errorf("line text %q", got)
	}
}
