package analyzer

import (
	"strings"
	"testing"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// nwLint analyses one source and returns the findings of rule id, with the
// source text each finding covers.
// sevCase is one source's expected findings of one rule: their severities
// and the source text each one is on.
type sevCase struct {
	name, id, src string
	sev           []diagnostics.Severity
	texts         []string
}

// checkSevCases lints each case's source with its rule alone and compares.
func checkSevCases(t *testing.T, cases []sevCase) {
	t.Helper()
	for _, tc := range cases {
		fs, texts := nwLint(t, tc.id, tc.src)
		if len(fs) != len(tc.sev) {
			t.Errorf("%s: %d findings: %+v", tc.name, len(fs), fs)
			continue
		}
		for i := range fs {
			if fs[i].Severity != tc.sev[i] || texts[i] != tc.texts[i] {
				t.Errorf("%s: finding %d: %s %q (%s)", tc.name, i, fs[i].Severity, texts[i], fs[i].Message)
			}
		}
	}
}

func nwLint(t *testing.T, id, src string) ([]diagnostics.Finding, []string) {
	t.Helper()
	f, err := nixast.Parse("test.nix", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Errors) > 0 {
		t.Fatalf("syntax errors: %v", f.Errors)
	}
	var out []diagnostics.Finding
	var texts []string
	for _, fd := range Analyze([]*nixast.File{f}, Options{}) {
		if fd.RuleID == InternalErrorID {
			t.Fatalf("internal error: %s", fd.Message)
		}
		if fd.RuleID == id {
			out = append(out, fd)
			texts = append(texts, src[fd.Span.Start:fd.Span.End])
		}
	}
	return out, texts
}

func TestParseNftables(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		ok         bool
		input      int // input chains
		drops      bool
	}{
		{"policy drop", "table inet f {\n chain input {\n  type filter hook input priority 0; policy drop;\n  tcp dport 22 accept\n }\n}", true, 1, true},
		{"policy accept", "table inet f { chain input { type filter hook input priority 0; policy accept; } }", true, 1, false},
		{"final drop", "table inet f {\n chain input {\n  type filter hook input priority 0;\n  tcp dport { 22, 80 } accept\n  counter drop\n }\n}", true, 1, true},
		{"final reject", "chain input {\n type filter hook input priority filter\n reject with icmpx type port-unreachable\n}", true, 1, true},
		{"conditional drop", "chain input {\n type filter hook input priority 0\n tcp dport 23 drop\n}", true, 1, false},
		{"set block", "table inet f {\n set s { type ipv4_addr; elements = { 10.0.0.1 } }\n chain input {\n  type filter hook input priority 0\n  policy drop\n }\n}", true, 1, true},
		{"no input", "table ip nat { chain post { type nat hook postrouting priority 100; masquerade } }", true, 0, false},
		{"include", "include \"/etc/x.nft\"\n", false, 0, false},
		{"interp alone", "table inet f {\n\x00\n}", false, 0, false},
		{"comment", "chain input {\n type filter hook input priority 0 # policy drop\n}", true, 1, false},
	} {
		chains, ok := parseNftables(tc.text)
		if ok != tc.ok {
			t.Errorf("%s: ok = %v", tc.name, ok)
			continue
		}
		n, drops := 0, false
		for _, c := range chains {
			if c.hookInput {
				n++
				drops = drops || c.drops()
			}
		}
		if n != tc.input || drops != tc.drops {
			t.Errorf("%s: %d input chains (want %d), drops %v (want %v): %+v", tc.name, n, tc.input, drops, tc.drops, chains)
		}
	}
}

func TestIptAcceptAll(t *testing.T) {
	for _, tc := range []struct {
		line string
		bad  bool
	}{
		{"iptables -P INPUT ACCEPT", true},
		{"ip6tables --policy INPUT ACCEPT", true},
		{"iptables -P FORWARD ACCEPT", false},
		{"iptables -F", true},
		{"iptables -F nixos-fw", true},
		{"iptables -t nat -F", false},
		{"iptables -w -A nixos-fw -j nixos-fw-accept", true},
		{"iptables -A INPUT -p tcp -j ACCEPT", true},
		{"iptables -A INPUT -p tcp --dport 22 -j ACCEPT", false},
		{"iptables -A nixos-fw -s 10.0.0.0/8 -j nixos-fw-accept", false},
		{"iptables -A nixos-fw -s 0.0.0.0/0 -j nixos-fw-accept", true},
		{"iptables -A nixos-fw -m conntrack --ctstate ESTABLISHED -j ACCEPT", false},
		{"iptables -A nixos-fw -i wg0 -j nixos-fw-accept", false},
		{"iptables -A nixos-fw -i eth+ -j nixos-fw-accept", true},
		{"iptables -A nixos-fw -j DROP", false},
		{"iptables -A OUTPUT -j ACCEPT", false},
		{"iptables -A nixos-fw ! -s 10.0.0.0/8 -j nixos-fw-accept", false},
		{"/nix/store/x-iptables/bin/iptables -I INPUT -j ACCEPT", true},
		{"echo iptables -P INPUT ACCEPT", false},
	} {
		if _, bad := iptAcceptAll(strings.Fields(tc.line)); bad != tc.bad {
			t.Errorf("%q: bad = %v, want %v", tc.line, bad, tc.bad)
		}
	}
}

func TestNftAcceptAll(t *testing.T) {
	for _, tc := range []struct {
		rule string
		bad  bool
	}{
		{"accept", true},
		{"counter accept", true},
		{"meta l4proto tcp accept", true},
		{"meta l4proto { tcp, udp } accept", true},
		{"ip saddr 0.0.0.0/0 accept", true},
		{"tcp dport 0-65535 accept", true},
		{"tcp dport 22 accept", false},
		{"ip saddr 10.0.0.0/8 accept", false},
		{"iifname \"wg0\" accept", false},
		{"iifname \"enp1s0\" accept", true},
		{"ct state established,related accept", false},
		{"tcp dport 22 drop", false},
		{"log prefix \"x\" accept", true},
	} {
		if _, bad := nftAcceptAll(strings.Fields(tc.rule)); bad != tc.bad {
			t.Errorf("%q: bad = %v, want %v", tc.rule, bad, tc.bad)
		}
	}
}

func TestAddressClasses(t *testing.T) {
	for _, a := range []string{"127.0.0.1", "::1", "localhost", "[::1]:6379", "127.0.0.1:8080", "-::1", "http://127.0.0.1:2379"} {
		if !nwLoopback(a) {
			t.Errorf("%q should be loopback", a)
		}
	}
	for _, a := range []string{"0.0.0.0", "10.0.0.1", "::", "*", "192.168.1.1:80"} {
		if nwLoopback(a) {
			t.Errorf("%q should not be loopback", a)
		}
	}
	for _, a := range []string{"0.0.0.0", "::", "*", "", "[::]:631", "*:631", "0.0.0.0:631", "http://0.0.0.0:2379", "http://[::]:2379"} {
		if !nwAllInterfaces(a) {
			t.Errorf("%q should be all interfaces", a)
		}
	}
	for _, a := range []string{"127.0.0.1", "10.0.0.1", "localhost:631", "http://10.0.0.1:2379"} {
		if nwAllInterfaces(a) {
			t.Errorf("%q should not be all interfaces", a)
		}
	}
	for name, want := range map[string]nwIfaceClass{"lo": ifLoopback, "eth0": ifPhysical, "enp3s0": ifPhysical, "wlan0": ifPhysical,
		"eth+": ifPhysical, "*": ifPhysical, "docker0": ifBridge, "br-1234": ifBridge, "ve-+": ifBridge, "wg0": ifVPN,
		"tailscale0": ifVPN, "internal": ifUnknown} {
		if got := nwClassifyIface(name); got != want {
			t.Errorf("%s: class %d, want %d", name, got, want)
		}
	}
}

func TestFirewallDisabledEscalation(t *testing.T) {
	fs, _ := nwLint(t, "NIXSEC-FW-001", `{ networking.firewall.enable = false; }`)
	if len(fs) != 1 || fs[0].Severity != diagnostics.High || fs[0].Confidence != diagnostics.Definite {
		t.Fatalf("plain: %+v", fs)
	}
	if !strings.Contains(fs[0].Message, "networking.firewall.enable is set to false") {
		t.Errorf("message: %s", fs[0].Message)
	}
	fs, _ = nwLint(t, "NIXSEC-FW-001", `{
  networking.firewall.enable = false;
  services.openssh.enable = true;
  services.mongodb = { enable = true; bind_ip = "0.0.0.0"; };
}`)
	if len(fs) != 1 || fs[0].Severity != diagnostics.Critical || len(fs[0].Related) != 2 {
		t.Fatalf("escalated: %+v", fs)
	}
	if !strings.Contains(fs[0].Message, "MongoDB") || !strings.Contains(fs[0].Message, "sshd accepts passwords") {
		t.Errorf("message: %s", fs[0].Message)
	}
	// sshd with passwords off does not escalate.
	fs, _ = nwLint(t, "NIXSEC-FW-001", `{
  networking.firewall.enable = false;
  services.openssh = { enable = true; settings.PasswordAuthentication = false; };
}`)
	if len(fs) != 1 || fs[0].Severity != diagnostics.High {
		t.Fatalf("ssh keys only: %+v", fs)
	}
	// mkForce false over a true elsewhere: the overridden definition is related.
	fs, _ = nwLint(t, "NIXSEC-FW-001", `{ lib, ... }: { config = lib.mkMerge [ { networking.firewall.enable = true; } { networking.firewall.enable = lib.mkForce false; } ]; }`)
	if len(fs) != 1 || len(fs[0].Related) != 1 || !strings.Contains(fs[0].Related[0].Message, "overridden") {
		t.Fatalf("mkForce: %+v", fs)
	}
	if len(fs[0].Fixes) != 1 || fs[0].Fixes[0].Safe || fs[0].Fixes[0].Edits[0].NewText != "true" {
		t.Errorf("fix: %+v", fs[0].Fixes)
	}
}

func TestFirewallRanges(t *testing.T) {
	src := `{ networking.firewall.extraCommands = ''
    iptables -A nixos-fw -s 10.0.0.0/8 -j nixos-fw-accept
    iptables -I nixos-fw -p tcp \
      -j ACCEPT
    iptables -P INPUT ACCEPT # open
  '';
}`
	fs, texts := nwLint(t, "NIXSEC-FW-003", src)
	if len(fs) != 2 {
		t.Fatalf("%d findings: %v", len(fs), texts)
	}
	if texts[0] != "iptables -I nixos-fw -p tcp \\\n      -j ACCEPT" || texts[1] != "iptables -P INPUT ACCEPT" {
		t.Errorf("ranges: %q", texts)
	}
	fs, texts = nwLint(t, "NIXSEC-FW-005", `{ networking.firewall.allowedTCPPorts = [ 22 6379 5432 ]; networking.firewall.allowedUDPPorts = [ 69 ]; }`)
	if len(fs) != 3 || texts[0] != "6379" || fs[0].Severity != diagnostics.High || fs[1].Severity != diagnostics.Medium || texts[2] != "69" {
		t.Fatalf("ports: %v %+v", texts, fs)
	}
	fs, texts = nwLint(t, "NIXSEC-FW-004", `{ networking.firewall.allowedUDPPortRanges = [ { from = 10000; to = 20000; } { from = 60000; to = 61000; } ]; }`)
	if len(fs) != 2 || fs[0].Severity != diagnostics.High || fs[1].Severity != diagnostics.Medium || !strings.HasPrefix(texts[0], "{ from = 10000") {
		t.Fatalf("ranges: %v %+v", texts, fs)
	}
}

func TestFirewallContexts(t *testing.T) {
	// A container guest sharing the host network: FW-001 is the host's
	// business, the guest's Redis is reported with the system's name.
	fs, _ := nwLint(t, "NIXSEC-SVC-001", `{
  containers.web.config = { ... }: {
    networking.firewall.enable = false;
    services.redis.servers."" = { enable = true; bind = "0.0.0.0"; settings.protected-mode = "no"; };
  };
}`)
	if len(fs) != 1 || fs[0].System != "containers.web" || fs[0].Severity != diagnostics.High {
		t.Fatalf("guest: %+v", fs)
	}
	fs, _ = nwLint(t, "NIXSEC-FW-001", `{ containers.web.config = { networking.firewall.enable = false; }; }`)
	if len(fs) != 0 {
		t.Fatalf("guest firewall: %+v", fs)
	}
	fs, _ = nwLint(t, "NIXSEC-FW-012", `{ networking.nat = { enable = true; forwardPorts = [ { sourcePort = 80; destination = "10.0.0.2:80"; } ]; }; }`)
	if len(fs) != 1 || fs[0].Severity != diagnostics.Medium || len(fs[0].Fixes) != 0 {
		t.Fatalf("nat: %+v", fs)
	}
	fs, _ = nwLint(t, "NIXSEC-FW-012", "{\n  networking.nat.enable = true;\n}")
	if len(fs) != 1 || len(fs[0].Fixes) != 1 || !strings.Contains(fs[0].Fixes[0].Edits[0].NewText, "networking.firewall.filterForward = true;") {
		t.Fatalf("nat fix: %+v", fs)
	}
}

func TestOpenFirewallSeverity(t *testing.T) {
	fs, _ := nwLint(t, "NIXSEC-FW-013", `{ services.etcd = { enable = true; clientCertAuth = true; openFirewall = true; }; services.ollama = { enable = true; openFirewall = true; }; }`)
	if len(fs) != 2 || fs[0].Severity != diagnostics.Medium || fs[1].Severity != diagnostics.High {
		t.Fatalf("%+v", fs)
	}
}

func TestShellCommands(t *testing.T) {
	got := nwShellCommands(`iptables -F nat && iptables -P INPUT ACCEPT || true; echo "a # b" # -s 10.0.0.1`)
	want := []string{"iptables -F nat ", " iptables -P INPUT ACCEPT ", " true", ` echo "a # b" `}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%q", got)
	}
	fs, _ := nwLint(t, "NIXSEC-FW-003", `{ networking.firewall.extraCommands = "iptables -t nat -F && iptables -P INPUT ACCEPT"; }`)
	if len(fs) != 1 {
		t.Errorf("chained: %+v", fs)
	}
	fs, _ = nwLint(t, "NIXSEC-FW-003", `{ networking.firewall.extraCommands = "iptables -A nixos-fw -j nixos-fw-accept # -s 10.0.0.0/8"; }`)
	if len(fs) != 1 {
		t.Errorf("comment: %+v", fs)
	}
}

func TestSensitivePortWithAuth(t *testing.T) {
	fs, _ := nwLint(t, "NIXSEC-FW-005", `{ networking.firewall.allowedTCPPorts = [ 6379 27017 ]; services.redis.servers."" = { enable = true; requirePassFile = "/run/keys/redis"; }; }`)
	if len(fs) != 2 || fs[0].Severity != diagnostics.Medium || fs[1].Severity != diagnostics.High {
		t.Fatalf("%+v", fs)
	}
	src := "{ networking.firewall.enable = false; networking.nftables = { enable = true; ruleset = ''\n  table inet f { chain input { type filter hook input priority 0; policy accept; } }\n''; }; }"
	fs, texts := nwLint(t, "NIXSEC-FW-002", src)
	if len(fs) != 1 || texts[0] != "policy accept" || len(fs[0].Fixes) != 2 {
		t.Fatalf("%q %+v", texts, fs)
	}
	out := string(ApplyEdits([]byte(src), fs[0].Fixes[0].Edits))
	if !strings.Contains(out, "policy drop;") {
		t.Errorf("policy fix: %s", out)
	}
}

func TestForwardFilterSeverity(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		n         int
		want      diagnostics.Severity
	}{
		{"nat", `{ networking.nat.enable = true; }`, 1, diagnostics.Low},
		{"tailscale exit node", `{ services.tailscale = { enable = true; useRoutingFeatures = "server"; }; }`, 1, diagnostics.Info},
		{"tailscale client", `{ services.tailscale = { enable = true; useRoutingFeatures = "client"; }; }`, 0, 0},
		{"nat and tailscale", `{ networking.nat.enable = true; services.tailscale = { enable = true; useRoutingFeatures = "both"; }; }`, 1, diagnostics.Low},
		{"k3s", `{ networking.nat.enable = true; services.k3s.enable = true; }`, 0, 0},
		{"rke2", `{ networking.nat.enable = true; services.rke2.enable = true; }`, 0, 0},
		{"kubernetes roles", `{ networking.nat.enable = true; services.kubernetes.roles = [ "node" ]; }`, 0, 0},
		{"kubernetes without roles", `{ networking.nat.enable = true; services.kubernetes.roles = [ ]; }`, 1, diagnostics.Low},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs, _ := nwLint(t, "NIXSEC-FW-012", tc.src)
			if len(fs) != tc.n {
				t.Fatalf("%d findings, want %d: %+v", len(fs), tc.n, fs)
			}
			if tc.n > 0 && fs[0].Severity != tc.want {
				t.Errorf("severity %s, want %s (%s)", fs[0].Severity, tc.want, fs[0].Message)
			}
		})
	}
}
