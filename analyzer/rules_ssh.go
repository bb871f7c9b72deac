package analyzer

import (
	"fmt"
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// OpenSSH rules (catalog D.8, NIXSEC-SSH-*). They judge systems where
// services.openssh.enable is (or may be) true. NixOS writes sshd_config as
// the non-null `settings` first, then `extraConfig`, and sshd keeps the
// first value it reads for a keyword; a Match block's values apply to the
// connections it matches. So an extraConfig line only counts at top level
// for a keyword settings does not write (settings writes every keyword that
// has a NixOS default), or inside a Match block.

const (
	sshdRef     = nixpkgsModules + "services/networking/ssh/sshd.nix"
	sshdMan     = "https://man.openbsd.org/sshd_config"
	sshBaseline = "https://github.com/dev-sec/ssh-baseline"
)

var (
	SSHRootLogin = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SSH-001", Slug: "ssh-root-login", Title: "Root login permitted with password",
		Category: "OpenSSH", Severity: diagnostics.High, MaxSeverity: diagnostics.Critical,
		Description: "`services.openssh.settings.PermitRootLogin = \"yes\"` (or the legacy `services.openssh.permitRootLogin`), or a " +
			"`PermitRootLogin yes` line in a `Match` block of `services.openssh.extraConfig`, on a system where sshd is enabled.",
		Why: "Root can log in directly over the network, with a password as well as a key: one guessed or leaked root password is the " +
			"whole machine, and logs no longer say which person used root. Critical while password authentication is on (the NixOS default).",
		Remediation: "Set `services.openssh.settings.PermitRootLogin = \"no\";` and log in as a user who uses sudo, or " +
			"`\"prohibit-password\"` (the NixOS default) when deployment tools need root with a key.",
		FixClass:   diagnostics.FixAuto,
		References: []string{sshdRef, sshdMan + "#PermitRootLogin", sshBaseline, "https://cisofy.com/lynis/controls/SSH-7408/"},
		CWE:        []int{250, 307},
		Bad:        "services.openssh = {\n  enable = true;\n  settings.PermitRootLogin = \"yes\";\n};",
		Good:       "services.openssh = {\n  enable = true;\n  settings.PermitRootLogin = \"prohibit-password\";\n};",
		FalsePositives: "deploy-rs, colmena or nixos-anywhere setups that log in as root with a key: `\"prohibit-password\"` keeps them " +
			"working (the safe fix uses it). A top-level `PermitRootLogin` line in extraConfig is ignored by sshd (settings writes the keyword first) " +
			"and is not reported. Test VMs and installer images are not reported.",
	}}

	SSHPasswordAuth = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SSH-002", Slug: "ssh-password-authentication", Title: "Password authentication enabled",
		Category: "OpenSSH", Severity: diagnostics.Low, MaxSeverity: diagnostics.Critical,
		Description: "sshd is enabled and `services.openssh.settings.PasswordAuthentication` (legacy `passwordAuthentication`) is `true` " +
			"or not set (NixOS defaults it to `true`), while sshd listens beyond loopback. A top-level `PasswordAuthentication no` line in " +
			"`extraConfig` does not help: settings writes `PasswordAuthentication yes` first and sshd keeps the first value.",
		Why: "Passwords can be guessed online from anywhere that reaches port 22; NixOS also turns on pam_unix for sshd whenever this " +
			"setting is on. Medium by default; low when `openFirewall = false` keeps the port closed; high when a user has a plaintext " +
			"password in the configuration; critical with `PermitRootLogin = \"yes\"`.",
		Remediation: "Give each login user `users.users.<name>.openssh.authorizedKeys.keys` and set " +
			"`services.openssh.settings.PasswordAuthentication = false;`.",
		FixClass:   diagnostics.FixAuto,
		References: []string{sshdRef, sshdMan + "#PasswordAuthentication", sshBaseline, "https://cisofy.com/lynis/controls/SSH-7408/"},
		CWE:        []int{307, 521},
		Bad:        "services.openssh.enable = true;",
		Good:       "services.openssh = {\n  enable = true;\n  settings.PasswordAuthentication = false;\n};",
		FalsePositives: "Hosts reachable only from a trusted network (then `openFirewall = false` lowers the finding to low) and sshd bound " +
			"to loopback only (not reported). The fix that adds the setting is marked safe only when the system declares authorized keys; " +
			"otherwise applying it could lock everyone out. Settings given by an expression nixsec cannot read are not reported, nor " +
			"hosts importing srvos (its common module turns passwords off). The finding is possible when a third-party module nixsec cannot " +
			"read is imported, or in a module fragment without `system.stateVersion` (its host may set the option). Test VMs and installer images are not reported.",
	}}

	SSHKbdInteractive = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SSH-003", Slug: "ssh-keyboard-interactive", Title: "Keyboard-interactive authentication enabled",
		Category: "OpenSSH", Severity: diagnostics.Low, MaxSeverity: diagnostics.Medium,
		Description: "sshd is enabled and `services.openssh.settings.KbdInteractiveAuthentication` (legacy `kbdInteractiveAuthentication`, " +
			"`challengeResponseAuthentication`) is `true` or not set (NixOS defaults it to `true`).",
		Why: "Keyboard-interactive runs the sshd PAM stack. NixOS ties pam_unix for sshd to PasswordAuthentication, so with passwords off it " +
			"no longer accepts unix passwords, but it still exposes every other PAM authentication module, and passwords again if " +
			"`security.pam.services.sshd.unixAuth` is forced on. Low when PasswordAuthentication is off, medium otherwise.",
		Remediation: "Set `services.openssh.settings.KbdInteractiveAuthentication = false;` unless PAM two-factor authentication needs it.",
		FixClass:    diagnostics.FixAuto,
		References:  []string{sshdRef, sshdMan + "#KbdInteractiveAuthentication", sshBaseline},
		CWE:         []int{287},
		Bad:         "services.openssh = {\n  enable = true;\n  settings.PasswordAuthentication = false;\n};",
		Good:        "services.openssh = {\n  enable = true;\n  settings = {\n    PasswordAuthentication = false;\n    KbdInteractiveAuthentication = false;\n  };\n};",
		FalsePositives: "TOTP or other two-factor logins through PAM use keyboard-interactive on purpose: with " +
			"`security.pam.services.sshd.googleAuthenticator.enable`, `oathAuth` or Duo for SSH the rule stays quiet; so does it with srvos, and for the low case in module fragments without " +
			"`system.stateVersion` or next to third-party modules nixsec cannot read. Test VMs and installer images are not reported.",
	}}

	SSHEmptyPasswords = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SSH-004", Slug: "ssh-permit-empty-passwords", Title: "Empty passwords permitted",
		Category: "OpenSSH", Severity: diagnostics.Critical, MaxSeverity: diagnostics.Critical,
		Description: "`services.openssh.settings.PermitEmptyPasswords` is `true` or `\"yes\"`, or `services.openssh.extraConfig` has a " +
			"`PermitEmptyPasswords yes` line that sshd uses.",
		Why:            "Any account whose password is empty can log in over the network without a credential.",
		Remediation:    "Remove the setting: sshd's default is `no`.",
		FixClass:       diagnostics.FixAuto,
		References:     []string{sshdMan + "#PermitEmptyPasswords", sshBaseline, sshdRef},
		CWE:            []int{258, 521},
		Bad:            "services.openssh = {\n  enable = true;\n  settings.PermitEmptyPasswords = true;\n};",
		Good:           "services.openssh = {\n  enable = true;\n  settings.PermitEmptyPasswords = false;\n};",
		FalsePositives: "None known. Test VMs and installer images are not reported.",
	}}

	SSHX11Forwarding = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SSH-005", Slug: "ssh-x11-forwarding", Title: "X11 forwarding enabled",
		Category: "OpenSSH", Severity: diagnostics.Low, MaxSeverity: diagnostics.Low,
		Description: "`services.openssh.settings.X11Forwarding = true` (legacy `services.openssh.forwardX11`), or `X11Forwarding yes` in a " +
			"`Match` block of `extraConfig`.",
		Why: "A forwarded X11 display lets programs on the server read the client's keystrokes and screen, and adds the X11 proxy to " +
			"sshd's attack surface.",
		Remediation:    "Set `X11Forwarding = false;` (the default); enable it per user in a `Match` block if someone needs remote GUIs.",
		FixClass:       diagnostics.FixAuto,
		References:     []string{sshdRef, sshdMan + "#X11Forwarding", sshBaseline},
		CWE:            []int{668},
		Bad:            "services.openssh = {\n  enable = true;\n  settings.X11Forwarding = true;\n};",
		Good:           "services.openssh = {\n  enable = true;\n  settings.X11Forwarding = false;\n};",
		FalsePositives: "Workstations used for remote GUI applications. Test VMs and installer images are not reported.",
	}}

	SSHWeakCrypto = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SSH-006", Slug: "ssh-weak-crypto", Title: "Weak ciphers, MACs or key exchange",
		Category: "OpenSSH", Severity: diagnostics.Low, MaxSeverity: diagnostics.Medium,
		Description: "`services.openssh.settings.Ciphers` holds CBC, 3DES, arcfour or blowfish ciphers; `Macs` holds MD5, SHA-1 or " +
			"64-bit UMAC MACs (medium) or MACs without encrypt-then-MAC (low); `KexAlgorithms` holds SHA-1 Diffie-Hellman groups (medium) " +
			"or NIST ECDH curves (low); `HostKeyAlgorithms`, `PubkeyAcceptedAlgorithms`, `PubkeyAcceptedKeyTypes` or `CASignatureAlgorithms` " +
			"(settings or extraConfig) allow `ssh-rsa` (SHA-1) or `ssh-dss`; `services.openssh.hostKeys` generates a DSA key or an RSA key under 3072 bits.",
		Why: "Weak algorithms allow downgrade and cryptanalytic attacks on sessions and host authentication. NixOS defaults are already " +
			"modern, so every such entry was added by hand.",
		Remediation: "Remove the weak entries, or the whole override to get the module defaults (chacha20-poly1305, AES-GCM, AES-CTR; " +
			"hmac-sha2-*-etm, umac-128-etm; sntrup761x25519, curve25519, diffie-hellman-group-exchange-sha256).",
		FixClass:   diagnostics.FixAuto,
		References: []string{sshdRef, "https://infosec.mozilla.org/guidelines/openssh", sshBaseline, "https://www.openssh.com/legacy.html"},
		CWE:        []int{327},
		Bad:        "services.openssh.settings.Ciphers = [\n  \"aes256-gcm@openssh.com\"\n  \"aes256-cbc\"\n];",
		Good:       "services.openssh.settings.Ciphers = [\n  \"aes256-gcm@openssh.com\"\n];",
		FalsePositives: "Compatibility with legacy clients or network equipment; document it with a suppression. The fix removes one " +
			"list element and is offered only when a stronger entry remains.",
	}}

	SSHForwarding = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SSH-007", Slug: "ssh-forwarding-permissive", Title: "Forwarding and gateway features permissive",
		Category: "OpenSSH", Severity: diagnostics.Info, MaxSeverity: diagnostics.Low,
		Description: "`services.openssh.settings.GatewayPorts` (legacy `gatewayPorts`) is `\"yes\"` or `\"clientspecified\"` (low); " +
			"`AllowTcpForwarding`, `AllowAgentForwarding`, `AllowStreamLocalForwarding` or `PermitTunnel` are explicitly turned on (info).",
		Why: "With GatewayPorts, a user's remote forwards listen on every interface and publish whatever they tunnel; agent forwarding " +
			"hands the user's keys to anyone with root on the server; tunnels bridge networks past the firewall.",
		Remediation: "Keep `GatewayPorts = \"no\";` (the default); turn forwarding off where it is not needed " +
			"(`AllowAgentForwarding = false;`, `AllowTcpForwarding = false;`) or allow it per user in a `Match` block.",
		FixClass:       diagnostics.FixAuto,
		References:     []string{sshdRef, sshdMan + "#GatewayPorts", sshBaseline},
		CWE:            []int{668},
		Bad:            "services.openssh.settings.GatewayPorts = \"yes\";",
		Good:           "services.openssh.settings.GatewayPorts = \"no\";",
		FalsePositives: "Tunnel and jump hosts by design. Explicit forwarding switches are info only (sshd allows them by default anyway).",
	}}

	SSHStrictModes = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SSH-008", Slug: "ssh-strictmodes-user-environment", Title: "StrictModes disabled / user environment allowed",
		Category: "OpenSSH", Severity: diagnostics.Medium, MaxSeverity: diagnostics.Medium,
		Description: "`services.openssh.settings.StrictModes = false`, `PermitUserEnvironment` turned on, `IgnoreRhosts` turned off or " +
			"`HostbasedAuthentication` turned on (in settings, or in extraConfig where sshd uses the line).",
		Why: "Without StrictModes sshd trusts group- or world-writable `~/.ssh` files; PermitUserEnvironment lets `~/.ssh/environment` set " +
			"LD_PRELOAD and escape forced commands; rhosts and host-based trust let one compromised machine log in to others.",
		Remediation:    "Remove the overrides: StrictModes yes, PermitUserEnvironment no, IgnoreRhosts yes and HostbasedAuthentication no are the defaults.",
		FixClass:       diagnostics.FixAuto,
		References:     []string{sshdRef, sshdMan + "#StrictModes", sshdMan + "#PermitUserEnvironment", sshBaseline},
		CWE:            []int{732, 287},
		Bad:            "services.openssh.settings.StrictModes = false;",
		Good:           "services.openssh.settings.StrictModes = true;",
		FalsePositives: "None known. Test VMs and installer images are not reported.",
	}}

	SSHLogLevel = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SSH-009", Slug: "ssh-log-level", Title: "Logging level unsuitable",
		Category: "OpenSSH", Severity: diagnostics.Low, MaxSeverity: diagnostics.Low,
		Description: "`services.openssh.settings.LogLevel` (legacy `logLevel`) is `QUIET`, `FATAL` or `ERROR` (logins are no longer " +
			"logged) or `DEBUG*` (the module notes it violates the privacy of users).",
		Why:            "Without authentication logs a break-in leaves no trail; debug logs record more about users than an audit needs.",
		Remediation:    "Set `LogLevel = \"VERBOSE\";` (logs the key fingerprint of each login) or leave the default `\"INFO\"`.",
		FixClass:       diagnostics.FixAuto,
		References:     []string{sshdRef, sshdMan + "#LogLevel", sshBaseline},
		CWE:            []int{778},
		Bad:            "services.openssh.settings.LogLevel = \"ERROR\";",
		Good:           "services.openssh.settings.LogLevel = \"VERBOSE\";",
		FalsePositives: "Short debugging sessions. Test VMs and installer images are not reported.",
	}}

	SSHKeysInHome = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SSH-010", Slug: "ssh-authorized-keys-in-home", Title: "Authorized keys in home directories",
		Category: "OpenSSH", Severity: diagnostics.Info, MaxSeverity: diagnostics.Info,
		Description: "sshd is enabled, users' keys are declared in the configuration (`users.users.<n>.openssh.authorizedKeys.keys` or " +
			"`keyFiles`), and `services.openssh.authorizedKeysInHomedir` is not set to `false`.",
		Why: "sshd also trusts `~/.ssh/authorized_keys`: any process running as a user (or a compromised service account with a home) " +
			"can add a persistent key there that the declarative configuration never shows.",
		Remediation: "Set `services.openssh.authorizedKeysInHomedir = false;` so that only the keys in /etc/ssh/authorized_keys.d, " +
			"written from the configuration, are trusted.",
		FixClass:   diagnostics.FixSuggest,
		References: []string{sshdRef, sshdMan + "#AuthorizedKeysFile"},
		CWE:        []int{284},
		Bad:        "services.openssh.enable = true;\nusers.users.alice.openssh.authorizedKeys.keys = [ \"ssh-ed25519 AAAA… alice\" ];",
		Good:       "services.openssh = {\n  enable = true;\n  authorizedKeysInHomedir = false;\n};\nusers.users.alice.openssh.authorizedKeys.keys = [ \"ssh-ed25519 AAAA… alice\" ];",
		FalsePositives: "Desktops and hosts where users manage their own keys. The option exists since NixOS 24.11; older releases reject it. " +
			"Not reported with srvos, with `authorizedKeysFiles` set, in module fragments without `system.stateVersion`, or next to third-party modules nixsec cannot read.",
	}}

	SSHNoAllowList = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SSH-011", Slug: "ssh-no-login-allow-list", Title: "No login allow-list",
		Category: "OpenSSH", Severity: diagnostics.Info, MaxSeverity: diagnostics.Info,
		Description: "sshd is enabled with its port opened in the firewall (`openFirewall`, default `true`) and neither " +
			"`settings.AllowUsers` nor `settings.AllowGroups` (nor an `AllowUsers`/`AllowGroups` line in extraConfig) limits who may log in.",
		Why:         "Every account with a shell, service accounts given one included, is a login target.",
		Remediation: "Set `services.openssh.settings.AllowGroups = [ \"wheel\" \"ssh-users\" ];` (or `AllowUsers`) with the groups or users that need SSH.",
		FixClass:    diagnostics.FixSuggest,
		References:  []string{sshdRef, sshdMan + "#AllowGroups", "https://cisofy.com/lynis/controls/SSH-7440/"},
		CWE:         []int{284},
		Bad:         "services.openssh.enable = true;",
		Good:        "services.openssh = {\n  enable = true;\n  settings.AllowGroups = [ \"wheel\" ];\n};",
		FalsePositives: "Small hosts with one human user. Test VMs and installer images are not reported; hosts whose port stays closed (`openFirewall = false`) " +
			"or that listen on loopback only are not reported, nor module fragments without `system.stateVersion` or systems importing third-party modules nixsec cannot read.",
	}}
)

func init() {
	SSHRootLogin.Run = runSSHRootLogin
	SSHPasswordAuth.Run = runSSHPasswordAuth
	SSHKbdInteractive.Run = runSSHKbdInteractive
	SSHEmptyPasswords.Run = func(p *Pass) { sshRunChecks(p, sshEmptyChecks) }
	SSHX11Forwarding.Run = func(p *Pass) { sshRunChecks(p, sshX11Checks) }
	SSHWeakCrypto.Run = runSSHWeakCrypto
	SSHForwarding.Run = func(p *Pass) { sshRunChecks(p, sshForwardChecks) }
	SSHStrictModes.Run = func(p *Pass) { sshRunChecks(p, sshStrictChecks) }
	SSHLogLevel.Run = func(p *Pass) { sshRunChecks(p, sshLogChecks) }
	SSHKeysInHome.Run = runSSHKeysInHome
	SSHNoAllowList.Run = runSSHNoAllowList
	Register(SSHRootLogin, SSHPasswordAuth, SSHKbdInteractive, SSHEmptyPasswords, SSHX11Forwarding, SSHWeakCrypto,
		SSHForwarding, SSHStrictModes, SSHLogLevel, SSHKeysInHome, SSHNoAllowList)
}

// ---------------------------------------------------------------------------
// Systems running sshd

// sshHost is a system where sshd is (or may be) enabled.
type sshHost struct {
	s     *System
	en    *Definition // the definition that turns sshd on (or may)
	maybe bool        // sshd is only possibly on
	lines []sshLine   // extraConfig lines, in order
	// unsure is set when an unset setting may come from elsewhere: a
	// third-party module nixsec cannot read, or a module fragment (no
	// system.stateVersion: its host, which may set more, is not analysed).
	unsure bool
	srvos  bool // srvos modules set PasswordAuthentication, KbdInteractiveAuthentication to false
}

// sshLine is one `Keyword value` line of services.openssh.extraConfig.
type sshLine struct {
	d     *Definition
	key   string // lower case
	value string
	match string // criteria of the Match block it is in; "" at top level
	t     *nwText
	i, j  int // decoded range of the line's text
	lineI int // decoded start of the line, indentation included
	nl    int // decoded offset of the newline ending it, -1 if none
}

func sshP(names ...string) []string { return append([]string{"services", "openssh"}, names...) }

func sshS(key string) []string { return sshP("settings", key) }

// sshHosts lists the systems whose sshd the rules judge: not test VMs or
// installer images (root logins with passwords are usual there), not
// nix-darwin (other options), and only where sshd may be enabled.
func sshHosts(p *Pass) []*sshHost {
	return p.Shared("ssh.hosts", func() any {
		var out []*sshHost
		for _, s := range p.Systems() {
			if s.Context == Darwin || s.Throwaway() {
				continue
			}
			st, en := nwBool(s, sshP("enable")...)
			if st == nwNo || en == nil {
				continue
			}
			h := &sshHost{s: s, en: en, maybe: st == nwMaybe, lines: sshExtraLines(s)}
			h.srvos, h.unsure = sshOpaque(s)
			if !sshHasStateVersion(s) {
				h.unsure = true
			}
			out = append(out, h)
		}
		return out
	}).([]*sshHost)
}

// sshOpaque looks at the modules s imports but nixsec cannot read: srvos
// (whose common module turns password and keyboard-interactive logins off),
// and other third-party modules that might set sshd options. nixpkgs'
// own profiles and a few well-known modules that never touch sshd are left out.
func sshOpaque(s *System) (srvos, other bool) {
	for x := s; x != nil; x = x.Parent {
		for _, n := range x.OpaqueImports {
			t := n.Text()
			switch {
			case strings.Contains(t, "srvos"):
				// server and desktop include common; mixins do not.
				for _, m := range []string{".common", ".server", ".desktop"} {
					if strings.HasSuffix(t, m) {
						srvos = true
					}
				}
			case sshHarmlessImport(t):
			default:
				other = true
			}
		}
	}
	return srvos, other
}

var sshHarmless = []string{"modulesPath", "<nixpkgs", "nixos/modules", "nixos-hardware", "home-manager", "sops-nix", "agenix",
	"disko", "impermanence", "lanzaboote", "nix-index-database", "stylix", "catppuccin", "nixos-wsl", "hardware."}

func sshHarmlessImport(t string) bool {
	for _, h := range sshHarmless {
		if strings.Contains(t, h) {
			return true
		}
	}
	return false
}

// sshHasStateVersion reports whether the system (or the one it is nested
// in) sets system.stateVersion, as a host's configuration does.
func sshHasStateVersion(s *System) bool {
	for x := s; x != nil; x = x.Parent {
		if len(x.Lookup("system", "stateVersion")) > 0 {
			return true
		}
	}
	return false
}

// unsetFinding starts a finding about a setting left at its default,
// located at the definition that enables sshd.
func (h *sshHost) unsetFinding(p *Pass, format string, args ...any) diagnostics.Finding {
	f := h.finding(p, h.en, format, args...)
	if h.unsure {
		f.Confidence = diagnostics.Possible
	}
	return f
}

// sshDefaulted are the keywords NixOS always writes from settings (they have
// non-null defaults), so a top-level extraConfig line for them is ignored.
var sshDefaulted = map[string]bool{
	"loglevel": true, "usepam": true, "usedns": true, "x11forwarding": true, "passwordauthentication": true,
	"permitrootlogin": true, "kbdinteractiveauthentication": true, "gatewayports": true, "kexalgorithms": true,
	"macs": true, "strictmodes": true, "ciphers": true, "authorizedprincipalsfile": true, "printmotd": true,
	"challengeresponseauthentication": true, // an alias of KbdInteractiveAuthentication
}

func sshExtraLines(s *System) []sshLine {
	var out []sshLine
	for _, d := range s.Effective(sshP("extraConfig")...) {
		t, ok := nwDecode(d)
		if !ok {
			continue
		}
		tp := &t
		match := ""
		for i := 0; i <= len(t.text); {
			end, nl := len(t.text), -1
			if k := strings.IndexByte(t.text[i:], '\n'); k >= 0 {
				end, nl = i+k, i+k
			}
			raw := t.text[i:end]
			body := strings.TrimSpace(raw)
			// A comment starts a word (OpenSSH 8.7+ reads `Key value # note`).
			for k := 1; k < len(body); k++ {
				if body[k] == '#' && (body[k-1] == ' ' || body[k-1] == '\t') {
					body = strings.TrimSpace(body[:k])
					break
				}
			}
			if body != "" && body[0] != '#' && strings.IndexByte(body, 0) < 0 {
				key, val := body, ""
				if k := strings.IndexAny(body, " \t="); k >= 0 {
					key, val = body[:k], strings.TrimSpace(strings.TrimLeft(body[k:], " \t="))
				}
				lk := strings.ToLower(key)
				if lk == "match" {
					match = val
				} else {
					start := i + strings.Index(raw, body)
					out = append(out, sshLine{d: d, key: lk, value: strings.Trim(val, `"`), match: match, t: tp,
						i: start, j: start + len(body), lineI: i, nl: nl})
				}
			}
			if nl < 0 {
				break
			}
			i = end + 1
		}
	}
	return out
}

// applies reports whether sshd uses line l: inside a Match block, or the
// first top-level line of a keyword settings does not write.
func (h *sshHost) applies(l sshLine, settingsKey string) bool {
	if l.match != "" {
		return true
	}
	if sshDefaulted[l.key] || len(h.s.Effective(sshS(settingsKey)...)) > 0 || h.s.MaybeSet(sshS(settingsKey)...) {
		return false
	}
	for _, o := range h.lines {
		if o.key == l.key && o.match == "" {
			return o.d == l.d && o.i == l.i
		}
	}
	return false
}

func (l sshLine) span() nixast.Span { return l.t.span(l.i, l.j) }

func (l sshLine) where() string {
	if l.match != "" {
		return fmt.Sprintf("services.openssh.extraConfig has `%s %s` in its `Match %s` block", l.keyText(), l.value, l.match)
	}
	return fmt.Sprintf("services.openssh.extraConfig has `%s %s`", l.keyText(), l.value)
}

func (l sshLine) keyText() string {
	return strings.Fields(strings.ReplaceAll(l.t.text[l.i:l.j], "=", " "))[0]
}

// removeFix deletes the line from the string literal, with its
// indentation and newline, when the line is written literally.
func (l sshLine) removeFix(title string, safe bool) (diagnostics.Fix, bool) {
	t := l.t
	if !t.exact || l.nl < 0 || len(t.starts) != len(t.text) || t.hasUnknown && strings.IndexByte(t.text[l.lineI:l.nl], 0) >= 0 {
		return diagnostics.Fix{}, false
	}
	src := l.d.File.Src
	start, end := t.starts[l.lineI], t.ends[l.nl]
	if start > end || end > len(src) || strings.Contains(string(src[start:end]), "${") {
		return diagnostics.Fix{}, false
	}
	for start > 0 && (src[start-1] == ' ' || src[start-1] == '\t') {
		start--
	}
	return diagnostics.Fix{Title: title, Safe: safe, Edits: []diagnostics.Edit{spanEdit(l.d.File, start, end, "")}}, true
}

// finding starts a finding at definition d on host h: its confidence also
// depends on whether sshd is on for certain.
func (h *sshHost) finding(p *Pass, d *Definition, format string, args ...any) diagnostics.Finding {
	f := nwFinding(p, d, format, args...)
	h.weaken(&f)
	return f
}

func (h *sshHost) weaken(f *diagnostics.Finding) {
	if h.maybe {
		f.Confidence = diagnostics.Possible
	}
	if h.en != nil && (h.en.Confidence() == diagnostics.Possible || !h.en.Value.Known()) {
		f.Confidence = diagnostics.Possible
	}
	if h.s.InTestsDir || h.s.Root().InTestsDir {
		f.Confidence = diagnostics.Possible // probably a test machine
	}
}

// lineFinding starts a finding at an extraConfig line.
func (h *sshHost) lineFinding(p *Pass, l sshLine, format string, args ...any) diagnostics.Finding {
	f := h.finding(p, l.d, format, args...)
	return nwAtSpan(f, l.t.path, l.span())
}

// sshWritten names a definition as the source writes it, saying the
// canonical name of a legacy one.
func sshWritten(d *Definition) string {
	if d.Renamed() {
		return fmt.Sprintf("%s (renamed to %s)", JoinPath(d.WrittenPath), d.PathString())
	}
	return d.PathString()
}

// sshTruthy reads an sshd yes/no setting: a Nix bool or a yes/no string.
func sshTruthy(v Value) (bool, bool) { return nwTruthy(v) }

// sshReplace gives the literal that replaces value v by a yes/no answer in
// the same type (bool or string).
func sshYesNo(v Value, yes bool) string {
	if v.Kind == String {
		if yes {
			return `"yes"`
		}
		return `"no"`
	}
	if yes {
		return "true"
	}
	return "false"
}

// ---------------------------------------------------------------------------
// Table-driven checks of one setting (SSH-004, 005, 007, 008, 009)

type sshCheck struct {
	key   string               // settings keyword
	bad   func(Value) bool     // whether the value is insecure
	fixTo func(Value) string   // the literal the safe fix writes
	title string               // fix title
	safe  bool                 // the fix is safe
	sev   diagnostics.Severity // 0: the rule's default
	why   string               // message tail
}

func sshIsYes(v Value) bool { b, ok := sshTruthy(v); return ok && b }
func sshIsNo(v Value) bool  { b, ok := sshTruthy(v); return ok && !b }

var sshEmptyChecks = []sshCheck{{
	key: "PermitEmptyPasswords", bad: sshIsYes, fixTo: func(v Value) string { return sshYesNo(v, false) },
	title: "Do not permit empty passwords", safe: true,
	why: "accounts with an empty password can log in over the network",
}}

var sshX11Checks = []sshCheck{{
	key: "X11Forwarding", bad: sshIsYes, fixTo: func(v Value) string { return sshYesNo(v, false) },
	title: "Turn X11 forwarding off", safe: true,
	why: "programs on the server can reach the client's X display (keystrokes, screen)",
}}

var sshForwardChecks = []sshCheck{
	{key: "GatewayPorts", bad: func(v Value) bool {
		if v.Kind == Bool {
			return v.Bool
		}
		t, ok := v.Str()
		t = strings.ToLower(t)
		return ok && (t == "yes" || t == "clientspecified")
	}, fixTo: func(v Value) string { return sshYesNo(v, false) }, title: "Bind remote forwards to loopback (GatewayPorts no)", safe: true,
		sev: diagnostics.Low, why: "users' remote port forwards listen on every interface and publish what they tunnel"},
	{key: "AllowTcpForwarding", bad: sshIsYesOrAll, fixTo: func(v Value) string { return sshYesNo(v, false) }, title: "Turn TCP forwarding off",
		sev: diagnostics.Info, why: "logged-in users may tunnel TCP connections through this host"},
	{key: "AllowAgentForwarding", bad: sshIsYes, fixTo: func(v Value) string { return sshYesNo(v, false) }, title: "Turn agent forwarding off",
		sev: diagnostics.Info, why: "forwarded agents expose users' keys to anyone with root on this host"},
	{key: "AllowStreamLocalForwarding", bad: sshIsYesOrAll, fixTo: func(v Value) string { return sshYesNo(v, false) }, title: "Turn Unix-socket forwarding off",
		sev: diagnostics.Info, why: "logged-in users may forward Unix sockets through this host"},
	{key: "PermitTunnel", bad: func(v Value) bool {
		if v.Kind == Bool {
			return v.Bool
		}
		t, ok := v.Str()
		return ok && v.Kind == String && strings.ToLower(t) != "no"
	}, fixTo: func(v Value) string { return sshYesNo(v, false) }, title: "Turn tun device forwarding off",
		sev: diagnostics.Info, why: "users may bridge networks through tun/tap devices past the firewall"},
}

func sshIsYesOrAll(v Value) bool {
	t, ok := v.Str()
	return sshIsYes(v) || ok && v.Kind == String && strings.EqualFold(t, "all")
}

var sshStrictChecks = []sshCheck{
	{key: "StrictModes", bad: sshIsNo, fixTo: func(v Value) string { return sshYesNo(v, true) }, title: "Turn StrictModes back on", safe: true,
		why: "sshd accepts group- or world-writable ~/.ssh files and home directories"},
	{key: "PermitUserEnvironment", bad: func(v Value) bool {
		if v.Kind == Bool {
			return v.Bool
		}
		t, ok := v.Str()
		return ok && v.Kind == String && strings.ToLower(strings.TrimSpace(t)) != "no" && t != ""
	}, fixTo: func(v Value) string { return sshYesNo(v, false) }, title: "Do not read user environment files", safe: true,
		why: "~/.ssh/environment can set LD_PRELOAD and similar variables, escaping forced commands"},
	{key: "IgnoreRhosts", bad: sshIsNo, fixTo: func(v Value) string { return sshYesNo(v, true) }, title: "Ignore .rhosts files", safe: true,
		why: "sshd reads users' .rhosts and .shosts trust files"},
	{key: "HostbasedAuthentication", bad: sshIsYes, fixTo: func(v Value) string { return sshYesNo(v, false) }, title: "Turn host-based authentication off", safe: true,
		why: "a login from a trusted host needs no user credential, so one compromised host opens the others"},
}

var sshLogChecks = []sshCheck{{
	key: "LogLevel", bad: func(v Value) bool {
		t, ok := v.Str()
		if !ok || v.Kind != String {
			return false
		}
		t = strings.ToUpper(t)
		return t == "QUIET" || t == "FATAL" || t == "ERROR" || strings.HasPrefix(t, "DEBUG")
	}, fixTo: func(Value) string { return `"VERBOSE"` }, title: "Log at VERBOSE (key fingerprints of logins)", safe: true,
	why: "",
}}

// sshLogWhy explains a LogLevel value.
func sshLogWhy(v string) string {
	if strings.HasPrefix(strings.ToUpper(v), "DEBUG") {
		return "debug logs record more about users than an audit needs and are not meant for production"
	}
	return "logins and failed authentication attempts are no longer logged"
}

func sshRunChecks(p *Pass, checks []sshCheck) {
	for _, h := range sshHosts(p) {
		for _, c := range checks {
			for _, d := range h.s.Effective(sshS(c.key)...) {
				if !c.bad(d.Value) {
					continue
				}
				why := c.why
				if why == "" {
					t, _ := d.Value.Str()
					why = sshLogWhy(t)
				}
				f := h.finding(p, d, "%s is %s: %s", sshWritten(d), d.Value, why)
				if c.sev > f.Severity {
					f.Severity = c.sev
				}
				if fix, ok := ReplaceValue(d, c.fixTo(d.Value), c.title, c.safe); ok {
					f.Fixes = append(f.Fixes, fix)
				}
				p.Report(f)
			}
			for _, l := range h.lines {
				if l.key != strings.ToLower(c.key) || !h.applies(l, c.key) {
					continue
				}
				v := strValue(nixast.Node{}, l.value)
				if !c.bad(v) {
					continue
				}
				why := c.why
				if why == "" {
					why = sshLogWhy(l.value)
				}
				f := h.lineFinding(p, l, "%s: %s", l.where(), why)
				if c.sev > f.Severity {
					f.Severity = c.sev
				}
				if fix, ok := l.removeFix("Remove the line", c.safe); ok {
					f.Fixes = append(f.Fixes, fix)
				}
				p.Report(f)
			}
		}
	}
}

// ---------------------------------------------------------------------------
// SSH-001

// sshPasswords says whether sshd accepts passwords: PasswordAuthentication
// true or unset (NixOS default true). The definition is nil for the default.
func sshPasswords(s *System) (nwState, *Definition) {
	defs := s.Effective(sshS("PasswordAuthentication")...)
	if len(defs) == 0 {
		if s.MaybeSet(sshS("PasswordAuthentication")...) {
			return nwMaybe, nil
		}
		return nwYes, nil
	}
	st, at := nwNo, (*Definition)(nil)
	for _, d := range defs {
		b, ok := sshTruthy(d.Value)
		switch {
		case ok && b && d.Confidence() == diagnostics.Definite:
			return nwYes, d
		case !ok || b:
			st, at = nwMaybe, d
		case d.Confidence() == diagnostics.Possible:
			// `false` that may not apply: the default true may.
			if st == nwNo {
				st, at = nwMaybe, d
			}
		}
	}
	return st, at
}

func runSSHRootLogin(p *Pass) {
	for _, h := range sshHosts(p) {
		pw, pwDef := sshPasswords(h.s)
		escalate := func(f *diagnostics.Finding) {
			if pw != nwYes {
				return
			}
			f.Severity = diagnostics.Critical
			if pwDef != nil {
				f.Message += "; password authentication is on"
				f.Related = append(f.Related, nwRelated(pwDef, "password authentication is turned on here"))
			} else {
				f.Message += "; password authentication is on (PasswordAuthentication defaults to true)"
			}
		}
		for _, d := range h.s.Effective(sshS("PermitRootLogin")...) {
			if !d.Value.IsStr("yes") {
				continue
			}
			f := h.finding(p, d, "%s is \"yes\": root can log in over SSH directly", sshWritten(d))
			escalate(&f)
			if fix, ok := ReplaceValue(d, `"prohibit-password"`, "Allow root only with a key (prohibit-password)", true); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			if fix, ok := ReplaceValue(d, `"no"`, "Do not allow root logins (PermitRootLogin no)", false); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
		for _, l := range h.lines {
			if l.key != "permitrootlogin" || !h.applies(l, "PermitRootLogin") || !strings.EqualFold(l.value, "yes") {
				continue
			}
			f := h.lineFinding(p, l, "%s: root can log in over SSH directly for the connections it matches", l.where())
			escalate(&f)
			if fix, ok := l.removeFix("Remove the line", true); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}

// ---------------------------------------------------------------------------
// SSH-002

// sshLoopbackOnly reports whether sshd listens only on loopback addresses.
func sshLoopbackOnly(s *System) bool {
	defs := s.Effective(sshP("listenAddresses")...)
	if len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		if d.Value.Kind != List || len(d.Value.List) == 0 {
			return false
		}
		for _, v := range d.Value.List {
			a, ok := v.Attr("addr")
			t, known := a.Str()
			if !ok || !known || a.Kind != String {
				return false
			}
			t = strings.Trim(t, "[]")
			if !(strings.HasPrefix(t, "127.") || t == "::1" || t == "localhost") {
				return false
			}
		}
	}
	return true
}

// sshPortClosed reports whether openFirewall is certainly false and nothing
// else opens the default port or disables the firewall.
func sshPortClosed(s *System) bool {
	if nwFalse(s, sshP("openFirewall")...) == nil {
		return false
	}
	if nwFirewallMaybeOff(nwHost(s)) {
		return false
	}
	port := int64(22)
	if v, _, ok := s.Get(sshP("ports")...); ok {
		if v.Kind != List || len(v.List) != 1 || v.List[0].Kind != Int {
			return false
		}
		port = v.List[0].Int
	}
	_, _, open := nwPortOpen(nwHost(s), "TCP", port)
	return !open
}

// sshKeysDeclared returns a definition of authorized keys in s, if any.
func sshKeysDeclared(s *System) *Definition {
	for _, d := range s.Match("users.users") {
		if len(d.Path) < 5 || d.Path[3] != "openssh" || d.Path[4] != "authorizedKeys" || !d.Active() {
			continue
		}
		if d.Value.Kind == List && len(d.Value.List) == 0 {
			continue
		}
		return d
	}
	return nil
}

// sshPlainPassword returns a users.users.<n>.password / initialPassword
// definition (a password readable in the configuration).
func sshPlainPassword(s *System) *Definition {
	for _, d := range s.Match("users.users") {
		if len(d.Path) == 4 && (d.Path[3] == "password" || d.Path[3] == "initialPassword") && d.Active() && d.Value.Kind == String {
			return d
		}
	}
	return nil
}

// sshRootYes returns a definition certainly setting PermitRootLogin = "yes".
func sshRootYes(s *System) *Definition {
	for _, d := range s.Effective(sshS("PermitRootLogin")...) {
		if d.Value.IsStr("yes") && d.Confidence() == diagnostics.Definite {
			return d
		}
	}
	return nil
}

func runSSHPasswordAuth(p *Pass) {
	for _, h := range sshHosts(p) {
		s := h.s
		if sshLoopbackOnly(s) {
			continue
		}
		sev, reach := diagnostics.Medium, ""
		if sshPortClosed(s) {
			sev, reach = diagnostics.Low, "; openFirewall = false keeps the port closed, so only trusted interfaces reach it"
		}
		escalate := func(f *diagnostics.Finding) {
			f.Severity = sev
			f.Message += reach
			if d := sshPlainPassword(s); d != nil {
				f.Severity = max(f.Severity, diagnostics.High)
				f.Message += "; a user's password is written in the configuration"
				f.Related = append(f.Related, nwRelated(d, "%s is set here", d.PathString()))
			}
			if d := sshRootYes(s); d != nil {
				f.Severity = diagnostics.Critical
				f.Message += "; root may log in with a password (PermitRootLogin = \"yes\")"
				f.Related = append(f.Related, nwRelated(d, "PermitRootLogin is \"yes\" here"))
			}
		}
		keys := sshKeysDeclared(s)
		path := sshS("PasswordAuthentication")
		defs := s.Effective(path...)
		if len(defs) == 0 && !s.MaybeSet(path...) && !h.srvos {
			var ignored *sshLine
			for i, l := range h.lines {
				if l.key == "passwordauthentication" && l.match == "" && sshIsNo(strValue(nixast.Node{}, l.value)) {
					ignored = &h.lines[i]
					break
				}
			}
			var f diagnostics.Finding
			if ignored != nil {
				f = h.lineFinding(p, *ignored, "%s, but settings already writes `PasswordAuthentication yes` (its NixOS default) before extraConfig and sshd keeps the first value: passwords are accepted", ignored.where())
			} else {
				f = h.unsetFinding(p, "sshd is enabled and services.openssh.settings.PasswordAuthentication is not set: NixOS defaults it to true, so sshd accepts passwords")
				h.weaken(&f)
			}
			escalate(&f)
			if fix, ok := AddSibling(h.en, path, "false", "Turn password authentication off", keys != nil); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
		for _, d := range defs {
			if b, ok := sshTruthy(d.Value); !ok || !b {
				continue
			}
			f := h.finding(p, d, "%s is %s: sshd accepts passwords", sshWritten(d), d.Value)
			escalate(&f)
			if fix, ok := ReplaceValue(d, sshYesNo(d.Value, false), "Turn password authentication off", keys != nil); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
		// A Match block that turns passwords back on matters only when they are off.
		for _, l := range h.lines {
			if pw, _ := sshPasswords(s); pw != nwNo {
				break
			}
			if l.key != "passwordauthentication" || l.match == "" || !sshIsYes(strValue(nixast.Node{}, l.value)) {
				continue
			}
			f := h.lineFinding(p, l, "%s: sshd accepts passwords for the connections it matches", l.where())
			f.Severity = diagnostics.Low
			if fix, ok := l.removeFix("Remove the line", false); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}

// ---------------------------------------------------------------------------
// SSH-003

// sshPAM2FA reports PAM second factors configured for sshd, which use
// keyboard-interactive on purpose.
func sshPAM2FA(s *System) bool {
	for _, path := range []string{
		"security.pam.services.sshd.googleAuthenticator.enable", "security.pam.services.sshd.oathAuth",
		"security.pam.services.sshd.duoSecurity.enable", "security.duosec.ssh.enable", "security.duosec.pam.enable",
	} {
		if st, _ := nwBool(s, SplitPath(path)...); st != nwNo {
			return true
		}
	}
	return false
}

func runSSHKbdInteractive(p *Pass) {
	for _, h := range sshHosts(p) {
		s := h.s
		if sshPAM2FA(s) {
			continue
		}
		sev := diagnostics.Medium
		why := "sshd runs the PAM stack, unix passwords included, for keyboard-interactive logins"
		if pw, _ := sshPasswords(s); pw == nwNo {
			if st, _ := nwBool(s, "security", "pam", "services", "sshd", "unixAuth"); st == nwNo {
				sev = diagnostics.Low
				why = "PasswordAuthentication is off, but keyboard-interactive still exposes the sshd PAM stack"
			}
		}
		path := sshS("KbdInteractiveAuthentication")
		defs := s.Effective(path...)
		// A low, unsure finding about a default is noise.
		if len(defs) == 0 && !s.MaybeSet(path...) && !h.srvos && !(h.unsure && sev == diagnostics.Low) {
			f := h.unsetFinding(p, "sshd is enabled and services.openssh.settings.KbdInteractiveAuthentication is not set: NixOS defaults it to true; %s", why)
			h.weaken(&f)
			f.Severity = sev
			if fix, ok := AddSibling(h.en, path, "false", "Turn keyboard-interactive authentication off", true); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
		for _, d := range defs {
			if b, ok := sshTruthy(d.Value); !ok || !b {
				continue
			}
			f := h.finding(p, d, "%s is %s: %s", sshWritten(d), d.Value, why)
			f.Severity = sev
			if fix, ok := ReplaceValue(d, sshYesNo(d.Value, false), "Turn keyboard-interactive authentication off", false); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}

// ---------------------------------------------------------------------------
// SSH-006

// sshWeak classifies one algorithm of a Ciphers, Macs, KexAlgorithms or
// *Algorithms list: weak (medium), policy (low) or fine.
func sshWeak(key, alg string) (diagnostics.Severity, bool) {
	a := strings.ToLower(strings.TrimLeft(alg, "+^"))
	if strings.HasPrefix(alg, "-") {
		return 0, false // removes an algorithm
	}
	switch key {
	case "Ciphers":
		if strings.HasSuffix(a, "-cbc") || strings.Contains(a, "-cbc@") || strings.HasPrefix(a, "arcfour") || strings.HasPrefix(a, "3des") ||
			strings.HasPrefix(a, "blowfish") || strings.HasPrefix(a, "cast128") {
			return diagnostics.Medium, true
		}
	case "Macs":
		if strings.HasPrefix(a, "hmac-md5") || strings.HasPrefix(a, "hmac-sha1") || strings.HasPrefix(a, "umac-64") || strings.HasPrefix(a, "hmac-ripemd") {
			return diagnostics.Medium, true
		}
		if !strings.Contains(a, "-etm@") {
			return diagnostics.Low, true
		}
	case "KexAlgorithms":
		if strings.HasSuffix(a, "-sha1") || strings.Contains(a, "group1-") || strings.HasPrefix(a, "gss-") && strings.Contains(a, "sha1") {
			return diagnostics.Medium, true
		}
		if strings.HasPrefix(a, "ecdh-sha2-nistp") {
			return diagnostics.Low, true
		}
	default: // host key and signature algorithms
		if a == "ssh-rsa" || a == "ssh-dss" || a == "ssh-rsa-cert-v01@openssh.com" || a == "ssh-dss-cert-v01@openssh.com" {
			return diagnostics.Medium, true
		}
	}
	return 0, false
}

var sshAlgKeys = []string{"Ciphers", "Macs", "KexAlgorithms", "HostKeyAlgorithms", "PubkeyAcceptedAlgorithms", "PubkeyAcceptedKeyTypes", "CASignatureAlgorithms"}

func sshAlgWhy(key string, sev diagnostics.Severity) string {
	switch {
	case key == "Macs" && sev == diagnostics.Low:
		return "a MAC without encrypt-then-MAC"
	case key == "KexAlgorithms" && sev == diagnostics.Low:
		return "a NIST-curve key exchange (policy: curve25519 and sntrup761 are preferred)"
	case key == "Ciphers":
		return "a weak cipher"
	case key == "Macs":
		return "a weak MAC"
	case key == "KexAlgorithms":
		return "a SHA-1 key exchange"
	}
	return "a SHA-1 or DSA signature algorithm"
}

func runSSHWeakCrypto(p *Pass) {
	for _, h := range sshHosts(p) {
		s := h.s
		for _, key := range sshAlgKeys {
			for _, d := range s.Effective(sshS(key)...) {
				switch d.Value.Kind {
				case List:
					els := nwListElements(d)
					var weak []int
					for i, v := range d.Value.List {
						if t, ok := v.Str(); ok && v.Kind == String {
							if _, w := sshWeak(key, t); w {
								weak = append(weak, i)
							}
						}
					}
					for _, i := range weak {
						t, _ := d.Value.List[i].Str()
						sev, _ := sshWeak(key, t)
						f := At(h.finding(p, d, "%s allows %q, %s", sshWritten(d), t, sshAlgWhy(key, sev)), els[i])
						f.Severity = sev
						// Removing is safe while a stronger entry remains.
						if nwDirectElement(d, els[i]) && len(weak) < len(d.Value.List) {
							f.Fixes = append(f.Fixes, RemoveListElement(els[i], fmt.Sprintf("Remove %s", t), true))
						}
						p.Report(f)
					}
				case String:
					t, ok := nwDecode(d)
					if !ok {
						continue
					}
					sshReportAlgString(p, h, d, key, t, sshWritten(d), 0, len(t.text))
				}
			}
			for _, l := range h.lines {
				if l.key != strings.ToLower(key) || !h.applies(l, key) {
					continue
				}
				k := strings.Index(l.t.text[l.i:l.j], l.value)
				if l.value == "" || k < 0 {
					continue
				}
				at := l.i + k
				sshReportAlgString(p, h, l.d, key, *l.t, l.where(), at, l.j)
			}
		}
		sshWeakHostKeys(p, h)
	}
}

// sshReportAlgString reports the weak entries of a comma-separated
// algorithm list held in t.text[off:end] (a settings string or an
// extraConfig line's value).
func sshReportAlgString(p *Pass, h *sshHost, d *Definition, key string, t nwText, what string, off, end int) {
	val := t.text[off:end]
	pos := off
	for _, item := range strings.Split(val, ",") {
		a := strings.TrimSpace(item)
		start := pos + strings.Index(item, a)
		pos += len(item) + 1
		if a == "" || strings.IndexByte(a, 0) >= 0 {
			continue
		}
		sev, w := sshWeak(key, a)
		if !w {
			continue
		}
		f := nwAtSpan(h.finding(p, d, "%s allows %q, %s", what, strings.TrimLeft(a, "+^"), sshAlgWhy(key, sev)), t.path, t.span(start, start+len(a)))
		f.Severity = sev
		p.Report(f)
	}
}

// sshWeakHostKeys reports hostKeys entries generating DSA keys or RSA keys
// under 3072 bits.
func sshWeakHostKeys(p *Pass, h *sshHost) {
	for _, d := range h.s.Effective(sshP("hostKeys")...) {
		if d.Value.Kind != List {
			continue
		}
		els := nwListElements(d)
		for i, v := range d.Value.List {
			typ, _ := v.Attr("type")
			tt, ok := typ.Str()
			if !ok || typ.Kind != String {
				continue
			}
			var msg string
			switch tt {
			case "dsa":
				msg = "generates a DSA host key (1024-bit, SHA-1 signatures; removed from OpenSSH)"
			case "rsa":
				if bits, ok := nwIntAttr(v, "bits"); ok && bits < 3072 {
					msg = fmt.Sprintf("generates a %d-bit RSA host key (at least 3072 bits are recommended)", bits)
				}
			}
			if msg == "" {
				continue
			}
			f := At(h.finding(p, d, "services.openssh.hostKeys %s", msg), els[i])
			f.Severity = diagnostics.Medium
			p.Report(f)
		}
	}
}

// ---------------------------------------------------------------------------
// SSH-010

func runSSHKeysInHome(p *Pass) {
	for _, h := range sshHosts(p) {
		s := h.s
		keys := sshKeysDeclared(s)
		if keys == nil || h.srvos { // srvos drops ~/.ssh/authorized_keys itself
			continue
		}
		path := sshP("authorizedKeysInHomedir")
		defs := s.Effective(path...)
		if len(defs) == 0 {
			if s.MaybeSet(path...) || h.unsure || len(s.Effective(sshP("authorizedKeysFiles")...)) > 0 {
				continue
			}
			f := h.unsetFinding(p, "sshd is enabled and keys are declared in the configuration, but services.openssh.authorizedKeysInHomedir is not set to false: sshd also trusts keys users add to ~/.ssh/authorized_keys")
			f.Related = append(f.Related, nwRelated(keys, "authorized keys are declared here"))
			h.weaken(&f)
			if fix, ok := AddSibling(h.en, path, "false", "Trust only the declared keys (authorizedKeysInHomedir = false)", false); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
			continue
		}
		for _, d := range defs {
			if !d.Value.IsBool(true) {
				continue
			}
			f := h.finding(p, d, "%s is true while keys are declared in the configuration: sshd also trusts keys users add to ~/.ssh/authorized_keys", d.PathString())
			if fix, ok := ReplaceValue(d, "false", "Trust only the declared keys (authorizedKeysInHomedir = false)", false); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}

// ---------------------------------------------------------------------------
// SSH-011

func runSSHNoAllowList(p *Pass) {
	for _, h := range sshHosts(p) {
		s := h.s
		if sshLoopbackOnly(s) || nwFalse(s, sshP("openFirewall")...) != nil || len(s.Effective(sshP("openFirewall")...)) == 0 && s.MaybeSet(sshP("openFirewall")...) {
			continue
		}
		limited := false
		for _, key := range []string{"AllowUsers", "AllowGroups"} {
			for _, d := range s.Effective(sshS(key)...) {
				if d.Value.Kind != Null {
					limited = true
				}
			}
			if s.MaybeSet(sshS(key)...) {
				limited = true
			}
		}
		for _, l := range h.lines {
			if l.key == "allowusers" || l.key == "allowgroups" {
				limited = true
			}
		}
		if limited || h.unsure {
			continue
		}
		f := h.unsetFinding(p, "sshd is enabled with its port open and neither settings.AllowUsers nor settings.AllowGroups limits who may log in")
		h.weaken(&f)
		if fix, ok := AddSibling(h.en, sshS("AllowGroups"), `[ "wheel" ]`, "Allow SSH logins for the wheel group only", false); ok {
			f.Fixes = append(f.Fixes, fix)
		}
		p.Report(f)
	}
}
