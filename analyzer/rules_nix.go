package analyzer

import (
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/nix-community/go-nix/pkg/narinfo/signature"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Nix daemon, substituter and signature rules (catalog D.5). They read the
// merged nix.conf view of each system (System.NixConf): nix.settings,
// legacy nix.* options, nix.extraOptions lines and /etc/nix/nix.conf text.
// A flake's nixConfig is checked by NIX-016 only.

const nixConfRef = "https://nix.dev/manual/nix/stable/command-ref/conf-file"

func nixRule(id, slug, title string, sev, max diagnostics.Severity, fix diagnostics.FixClass, cwe []int, desc, why, remedy, bad, good, fp string, refs ...string) *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: id, Slug: slug, Title: title, Category: "Nix daemon", Severity: sev, MaxSeverity: max,
		Description: desc, Why: why, Remediation: remedy, FixClass: fix, CWE: cwe,
		References: refs, Bad: bad, Good: good, FalsePositives: fp,
	}}
}

var (
	NixRequireSigs = nixRule("NIXSEC-NIX-001", "require-sigs-disabled", "Binary signature verification disabled",
		diagnostics.Critical, diagnostics.Critical, diagnostics.FixAuto, []int{347, 494},
		"`require-sigs = false` (via nix.settings, the legacy `nix.requireSignedBinaryCaches`, or a nix.extraOptions line), or a substituter URL with `?trusted=1`, which skips signature checks for that store.",
		"Nix then trusts every non-content-addressed path from any substituter or imported NAR unconditionally: anyone who can influence a substituter response can replace system binaries.",
		"Remove the setting (the default is true) and add the cache's signing key to `nix.settings.trusted-public-keys`.",
		`nix.settings.require-sigs = false;`, `nix.settings.trusted-public-keys = [ "cache.example.org-1:<base64 key>" ];`,
		"Air-gapped build farms with local file:// caches: still a finding, since anything that can write the cache can replace binaries.",
		nixConfRef+"#conf-require-sigs", nixConfRef+"#conf-trusted-public-keys")
	NixHTTPSubstituter = nixRule("NIXSEC-NIX-002", "substituter-over-http", "Substituter over plain HTTP",
		diagnostics.Medium, diagnostics.Critical, diagnostics.FixAuto, []int{319},
		"An entry of `substituters` or `extra-substituters` (legacy `nix.binaryCaches`) that uses `http://`.",
		"With signatures required the content is still verified, but the traffic reveals what is installed and lets an attacker withhold updates; without signatures (NIX-001 or `?trusted=1`) it is arbitrary code injection (critical).",
		"Use `https://` (cache.nixos.org, cachix and most caches serve TLS); otherwise reach the cache over a VPN address.",
		`nix.settings.substituters = [ "http://cache.example.org" ];`, `nix.settings.substituters = [ "https://cache.example.org" ];`,
		"Caches on a trusted LAN or on this machine are reported at low severity.",
		nixConfRef+"#conf-substituters")
	NixBadKey = nixRule("NIXSEC-NIX-003", "malformed-public-key", "Malformed trusted public key",
		diagnostics.Medium, diagnostics.Critical, diagnostics.FixSuggest, []int{347, 321},
		"A `trusted-public-keys` entry (legacy `nix.binaryCachePublicKeys`) that is not `NAME:BASE64` of a 32-byte ed25519 key, a key name used twice with different keys, or a secret signing key pasted by mistake (64 bytes: critical).",
		"Nix rejects an invalid key (substitution breaks, and the usual \"fix\" is disabling require-sigs); only the first key of a given name is kept, so a rotation silently fails; a secret key in the configuration is readable by every local user from the Nix store.",
		"Use the key printed by `nix key convert-secret-to-public` or `nix-store --generate-binary-cache-key`; remove duplicates; rotate a leaked secret key at once.",
		`nix.settings.trusted-public-keys = [ "cache.example.org-1:abc" ];`, `nix.settings.trusted-public-keys = [ "cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY=" ];`,
		"", nixConfRef+"#conf-trusted-public-keys", "https://github.com/NixOS/nix/blob/master/src/libstore/crypto.cc")
	NixKeyMismatch = nixRule("NIXSEC-NIX-004", "substituter-key-mismatch", "Substituter and trusted key do not match",
		diagnostics.Low, diagnostics.Low, diagnostics.FixSuggest, []int{1188},
		"A substituter with no trusted public key named after its host, or a trusted public key named after a cache that is not a substituter.",
		"Every key in trusted-public-keys can sign any path for every substituter; a mismatch is usually a copy-paste error that ends in disabling signature checks to make substitution work.",
		"Add the missing half of the pair (the cache's documentation gives both), or remove the stale one. Prefer `trusted-substituters` plus per-project opt-in for rarely used caches.",
		`nix.settings.substituters = [ "https://foo.cachix.org" ];`, `nix.settings.substituters = [ "https://foo.cachix.org" ];
nix.settings.trusted-public-keys = [ "foo.cachix.org-1:<base64 key>" ];`,
		"Self-hosted caches whose key names do not follow the host name.",
		nixConfRef+"#conf-trusted-public-keys", nixConfRef+"#conf-trusted-substituters")
	NixTrustedUsers = nixRule("NIXSEC-NIX-005", "non-root-trusted-users", "Non-root trusted users",
		diagnostics.High, diagnostics.Critical, diagnostics.FixSuggest, []int{250, 269},
		"`trusted-users` (legacy `nix.trustedUsers`, or a nix.extraOptions line) lists anything but `root`: a user, `@wheel`, `@users` or `*`.",
		"The Nix manual: adding a user to trusted-users is essentially equivalent to giving that user root access. Trusted clients can add substituters, import unsigned NARs, turn off the sandbox and set hooks run by the daemon as root. `*` and `@users` make every account root-equivalent (critical).",
		"Remove the entry. Grant cache use with `nix.settings.trusted-substituters` and `trusted-public-keys`, and daemon access with `allowed-users`.",
		`nix.settings.trusted-users = [ "root" "@wheel" ];`, `nix.settings.trusted-users = [ "root" ];
nix.settings.trusted-substituters = [ "https://nix-community.cachix.org" ];`,
		"A remote-builder account must be trusted on the builder: use a dedicated, restricted account (e.g. `nixremote` with a forced command), not `@wheel`.",
		nixConfRef+"#conf-trusted-users")
	NixAllowedUsers = nixRule("NIXSEC-NIX-006", "daemon-access-unrestricted", "Nix daemon access unrestricted",
		diagnostics.Info, diagnostics.Low, diagnostics.FixSuggest, []int{732},
		"On a machine with several login users, `allowed-users` is left at its default `[ \"*\" ]` (or set to it).",
		"Every local account can talk to the Nix daemon and build: resource use, and attack surface for sandbox escapes.",
		"Restrict it: `nix.settings.allowed-users = [ \"@wheel\" ];` (or `[ \"@users\" ]`).",
		`nix.settings.allowed-users = [ "*" ];`, `nix.settings.allowed-users = [ "@wheel" ];`,
		"Single-user machines.", nixConfRef+"#conf-allowed-users")
	NixSandbox = nixRule("NIXSEC-NIX-007", "build-sandbox-disabled", "Build sandbox disabled or weakened",
		diagnostics.Medium, diagnostics.High, diagnostics.FixAuto, []int{693},
		"`sandbox = false` (high) or `\"relaxed\"` (medium) (legacy `nix.useSandbox`, aliases `build-use-sandbox`/`build-use-chroot`), or `sandbox-fallback = true` (medium).",
		"Builds then see the host file system and network: a malicious or compromised derivation can read secrets or persist. `relaxed` lets derivations with `__noChroot = true` escape.",
		"Remove the setting (the default is true on Linux) or set `nix.settings.sandbox = true;`.",
		`nix.settings.sandbox = false;`, `nix.settings.sandbox = true;`,
		"nix-darwin (where the default is false) is reported at info; build hosts that need impure builds should use `relaxed` with a written reason.",
		nixConfRef+"#conf-sandbox", nixConfRef+"#conf-sandbox-fallback")
	NixSandboxPaths = nixRule("NIXSEC-NIX-008", "sensitive-sandbox-paths", "Sensitive host paths exposed to builds",
		diagnostics.Medium, diagnostics.High, diagnostics.FixSuggest, []int{668},
		"`sandbox-paths`/`extra-sandbox-paths` (legacy `nix.sandboxPaths`) contain `/`, `/root`, `/home`, `/etc`, `/etc/ssh`, `/run/secrets`, `/run/agenix`, `/var/lib`, a daemon socket, or the whole `/dev` or `/proc` (medium).",
		"Every build, including those of third-party flakes, can read these paths, and its outputs may be uploaded to caches.",
		"Remove them; expose only the devices a build needs (`/dev/kvm`, `/dev/nvidia0?` with the optional `?` suffix).",
		`nix.settings.extra-sandbox-paths = [ "/run/secrets" ];`, `nix.settings.extra-sandbox-paths = [ "/dev/kvm?" ];`,
		"GPU/CUDA builders need device nodes: list them one by one.", nixConfRef+"#conf-sandbox-paths")
	NixAcceptFlakeConfig = nixRule("NIXSEC-NIX-009", "accept-flake-config", "Flake configuration accepted without prompting",
		diagnostics.High, diagnostics.Critical, diagnostics.FixAuto, []int{829},
		"`accept-flake-config = true`.",
		"Every evaluated flake can then set trusted-only settings through its nixConfig (substituters and keys, sandbox, post-build-hook); for a trusted user that is code execution as root through a malicious cache or hook (critical with non-root trusted users).",
		"Remove it (the default is false); pre-approve the caches you use in `trusted-substituters` and `trusted-public-keys`.",
		`nix.settings.accept-flake-config = true;`, `nix.settings.accept-flake-config = false;`,
		"CI that only evaluates first-party flakes.", nixConfRef+"#conf-accept-flake-config")
	NixNativeCode = nixRule("NIXSEC-NIX-010", "unsafe-native-code", "Native code during evaluation",
		diagnostics.High, diagnostics.High, diagnostics.FixAuto, []int{94},
		"`allow-unsafe-native-code-during-evaluation = true`.",
		"It enables `builtins.exec` and `builtins.importNative`: any evaluated expression runs arbitrary programs as the evaluating user.",
		"Remove it (the default is false).",
		`nix.settings.allow-unsafe-native-code-during-evaluation = true;`, `nix.settings.allow-unsafe-native-code-during-evaluation = false;`,
		"Special tooling such as secret decryption at evaluation time (discouraged).", nixConfRef+"#conf-allow-unsafe-native-code-during-evaluation")
	NixNewPrivileges = nixRule("NIXSEC-NIX-011", "builders-new-privileges", "Builders may gain new privileges",
		diagnostics.Medium, diagnostics.Medium, diagnostics.FixAuto, []int{250},
		"`allow-new-privileges = true`.",
		"Builders can then run setuid and setcap programs that are bind-mounted into the sandbox.",
		"Remove it (the default is false).",
		`nix.settings.allow-new-privileges = true;`, `nix.settings.allow-new-privileges = false;`,
		"Builds whose tests start containers or network interfaces.", nixConfRef+"#conf-allow-new-privileges")
	NixTrustedSubstituters = nixRule("NIXSEC-NIX-012", "unsafe-trusted-substituters", "Unsafe trusted-substituters",
		diagnostics.Medium, diagnostics.Medium, diagnostics.FixSuggest, []int{319, 732},
		"`trusted-substituters` entries over `http://`, `file://` stores in world-writable places (`/tmp`), or with `?trusted=1`.",
		"Any allowed user may enable these substituters without being trusted.",
		"List only HTTPS caches with matching keys.",
		`nix.settings.trusted-substituters = [ "http://cache.example.org" ];`, `nix.settings.trusted-substituters = [ "https://cache.example.org" ];`,
		"", nixConfRef+"#conf-trusted-substituters")
	NixRemoteBuilder = nixRule("NIXSEC-NIX-013", "remote-builder-misconfigured", "Remote builder misconfiguration",
		diagnostics.Low, diagnostics.Critical, diagnostics.FixSuggest, []int{522, 295},
		"`nix.buildMachines` entries whose `sshKey` is a path literal or a /nix/store path (critical: the private key is world-readable), with `sshUser = \"root\"` (medium), or without `publicHostKey` (low); `builders` strings that log in as root (medium).",
		"A store path is readable by every local user; root on the builder widens a compromise; an unpinned host key lets someone impersonate the builder and return malicious build outputs.",
		"`sshKey = \"/root/.ssh/id_builder\";` (a runtime path, mode 0600), a dedicated `sshUser = \"nixremote\";`, and `publicHostKey = \"<base64 of the builder's ssh_host_ed25519_key.pub>\";`.",
		`nix.buildMachines = [ { hostName = "builder"; sshUser = "root"; sshKey = ./id_builder; } ];`,
		`nix.buildMachines = [ { hostName = "builder"; sshUser = "nixremote"; sshKey = "/root/.ssh/id_builder"; publicHostKey = "c3NoLWVkMjU1MTkg..."; } ];`,
		"", "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/config/nix-remote-build.nix", nixConfRef+"#conf-builders")
	NixHooks = nixRule("NIXSEC-NIX-014", "hook-from-mutable-path", "Hooks and plugins from mutable locations",
		diagnostics.High, diagnostics.High, diagnostics.FixSuggest, []int{426, 732},
		"`post-build-hook`, `pre-build-hook`, `diff-hook`, `build-hook` or `plugin-files` set to a relative path or to a path under a user-writable directory (/home, /tmp, /var/tmp, /run/user, /srv).",
		"The daemon runs post-build-hook as root and dlopens plugin-files into Nix: a writable hook is a root backdoor.",
		"Reference a store path, e.g. `post-build-hook = pkgs.writeShellScript \"upload\" ''…'';`, and keep what the hook reads in root-only files.",
		`nix.settings.post-build-hook = "/home/alice/upload.sh";`, `nix.settings.post-build-hook = pkgs.writeShellScript "upload" "...";`,
		"", nixConfRef+"#conf-post-build-hook", nixConfRef+"#conf-plugin-files")
	NixCredentials = nixRule("NIXSEC-NIX-015", "credentials-in-nix-conf", "Credentials inside nix.conf",
		diagnostics.High, diagnostics.High, diagnostics.FixManual, []int{798, 312},
		"`access-tokens` with a literal token, `netrc-file` pointing into the Nix store, or a substituter URL with embedded credentials.",
		"/etc/nix/nix.conf is generated into the world-readable Nix store: every local user can read the token.",
		"Keep tokens out of the configuration: `nix.extraOptions = \"!include /run/secrets/nix-access-tokens.conf\";` with the file provided by sops-nix or agenix (mode 0400), or `nix.settings.netrc-file = \"/run/secrets/netrc\";`.",
		`nix.settings.access-tokens = [ "github.com=ghp_0123456789abcdef" ];`, `nix.extraOptions = "!include /run/secrets/nix-access-tokens.conf";`,
		"Placeholder strings.", nixConfRef+"#conf-access-tokens", nixConfRef+"#file-format")
	NixFlakeConfig = nixRule("NIXSEC-NIX-016", "flake-nixconfig-widens-trust", "Flake nixConfig widens trust",
		diagnostics.Info, diagnostics.High, diagnostics.FixSuggest, []int{829},
		"A flake's `nixConfig` sets settings that need the user's trust: substituters and keys, `require-sigs`, `sandbox`, hooks, `trusted-users`, `builders`, sandbox paths.",
		"Consumers are prompted (or auto-accept with accept-flake-config); a trusted user who answers yes applies system-affecting settings, and a malicious or typo-squatted cache becomes trusted. Disabling signatures or the sandbox, or setting hooks, is high.",
		"Keep only cache and key pairs over HTTPS, documented; never set sandbox, require-sigs or hooks in nixConfig.",
		`nixConfig.require-sigs = false;`, `nixConfig = { extra-substituters = [ "https://foo.cachix.org" ]; extra-trusted-public-keys = [ "foo.cachix.org-1:<base64 key>" ]; };`,
		"Project caches over HTTPS with their matching keys are reported as info.",
		"https://github.com/NixOS/nix/blob/master/src/libflake/flake/config.cc", nixConfRef+"#conf-accept-flake-config")
	NixIFD = nixRule("NIXSEC-NIX-017", "import-from-derivation", "Import-from-derivation explicitly allowed",
		diagnostics.Info, diagnostics.Info, diagnostics.FixSuggest, []int{829},
		"`allow-import-from-derivation = true` set explicitly.",
		"Evaluation can trigger builds of untrusted derivations; on evaluation hosts (CI, Hydra) turning it off keeps evaluation free of builds.",
		"`nix.settings.allow-import-from-derivation = false;` on evaluation hosts.",
		`nix.settings.allow-import-from-derivation = true;`, `nix.settings.allow-import-from-derivation = false;`,
		"Projects that rely on IFD (haskell.nix and others).", nixConfRef+"#conf-allow-import-from-derivation")
	NixOldNix = nixRule("NIXSEC-NIX-018", "old-nix-pinned", "Old Nix implementation pinned",
		diagnostics.Low, diagnostics.Medium, diagnostics.FixSuggest, []int{1104},
		"`nix.package` set to an old Nix (`pkgs.nixVersions.minimum`, `nix_2_3`, or any `nix_2_N` older than 2.24).",
		"Older Nix daemons lack fixes for daemon and sandbox vulnerabilities, e.g. CVE-2024-27297 (a fixed-output derivation sandbox escape) and the 2025 daemon advisories.",
		"Remove the override (the default is `pkgs.nix`) or use `pkgs.nixVersions.latest`.",
		`nix.package = pkgs.nixVersions.nix_2_3;`, `nix.package = pkgs.nixVersions.latest;`,
		"Lix and Determinate Nix are other implementations, not old versions.",
		"https://github.com/NixOS/nix/security/advisories", "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/services/system/nix-daemon.nix")
)

var nixRules = []*Rule{NixRequireSigs, NixHTTPSubstituter, NixBadKey, NixKeyMismatch, NixTrustedUsers, NixAllowedUsers,
	NixSandbox, NixSandboxPaths, NixAcceptFlakeConfig, NixNativeCode, NixNewPrivileges, NixTrustedSubstituters,
	NixRemoteBuilder, NixHooks, NixCredentials, NixFlakeConfig, NixIFD, NixOldNix}

func init() {
	for _, r := range nixRules {
		r.Run = runNix
	}
	Register(nixRules...)
}

// runNix computes every NIX finding once per analysis and hands each rule its own.
func runNix(p *Pass) {
	all := p.Shared("nix", func() any {
		var out []diagnostics.Finding
		for _, s := range p.AllSystems() {
			switch {
			case s.Context == FlakeConfig:
				checkFlakeNixConfig(p, s, &out)
			case s.Context == HomeManager || s.Throwaway():
				// A user's nix.conf and throwaway VMs: not the daemon's trust.
			default:
				checkNixSystem(p, s, &out)
			}
		}
		return out
	}).([]diagnostics.Finding)
	for _, fd := range all {
		if fd.RuleID == p.Rule.ID {
			p.Report(fd)
		}
	}
}

// settingFinding starts a finding at a nix.conf setting's value.
func settingFinding(r *Rule, st *NixConfSetting, sev diagnostics.Severity, format string, args ...any) diagnostics.Finding {
	fd := diagnostics.Finding{RuleID: r.ID, Severity: sev, Confidence: st.Confidence(),
		Message: fmt.Sprintf(format, args...), Location: st.Location(), System: st.Def.System.Name}
	if st.Def.Status == MaybeOverridden && st.Def.By != nil {
		fd.Related = append(fd.Related, diagnostics.Related{Location: st.Def.By.Location(), Message: "may be overridden here"})
	}
	return fd
}

func itemFinding(r *Rule, st *NixConfSetting, it NixConfItem, sev diagnostics.Severity, format string, args ...any) diagnostics.Finding {
	fd := settingFinding(r, st, sev, format, args...)
	fd.Span = it.Span
	return fd
}

// where names a setting's origin for messages: "nix.settings.sandbox",
// "nix.extraOptions line `sandbox = false`".
func where(st *NixConfSetting) string {
	switch st.Source {
	case FromSettings:
		if strings.HasPrefix(st.WrittenKey, "nix.") {
			return st.WrittenKey
		}
		return "nix.settings." + JoinPath([]string{st.WrittenKey})
	case FromFlakeConfig:
		return "nixConfig." + st.WrittenKey
	}
	return st.Source.String() + " `" + st.WrittenKey + "`"
}

// active settings of key that take part in the final value.
func effective(s *System, key string) []*NixConfSetting {
	var out []*NixConfSetting
	for _, st := range s.NixConf(key) {
		if st.Effective {
			out = append(out, st)
		}
	}
	return out
}

// setValueFix replaces a setting's value with text: the literal of a
// nix.settings definition (keeping mk* wrappers), or the value of one
// nix.conf line inside a string.
func setValueFix(st *NixConfSetting, text, title string, safe bool) (diagnostics.Fix, bool) {
	if st.Source == FromSettings || st.Source == FromFlakeConfig {
		if st.Def.Node.Kind() == nixast.KindVariable { // true/false
			return ReplaceValue(st.Def, text, title, safe)
		}
		if st.Value.Kind == String && len(st.Items) == 1 {
			return itemFix(st, st.Items[0], text, title, safe)
		}
		return ReplaceValue(st.Def, text, title, safe)
	}
	if len(st.Items) != 1 {
		return diagnostics.Fix{}, false
	}
	return itemFix(st, st.Items[0], text, title, safe)
}

// itemFix replaces the source of one item when the source spells it
// literally (no escapes or interpolation in the way).
func itemFix(st *NixConfSetting, it NixConfItem, text, title string, safe bool) (diagnostics.Fix, bool) {
	f := st.Def.File
	if !it.Known || it.Span.End > len(f.Src) || string(f.Src[it.Span.Start:it.Span.End]) != it.Text {
		if it.Node.Valid() && isLiteral(it.Node) && it.Node.Kind() == nixast.KindString && string(f.Src[it.Span.Start:it.Span.End]) == `"`+it.Text+`"` {
			return diagnostics.Fix{Title: title, Safe: safe, Edits: []diagnostics.Edit{spanEdit(f, it.Span.Start+1, it.Span.End-1, text)}}, true
		}
		return diagnostics.Fix{}, false
	}
	return diagnostics.Fix{Title: title, Safe: safe, Edits: []diagnostics.Edit{spanEdit(f, it.Span.Start, it.Span.End, text)}}, true
}

// prefixFix replaces the first len(from) bytes of an item (e.g. its scheme).
func prefixFix(st *NixConfSetting, it NixConfItem, from, to, title string, safe bool) (diagnostics.Fix, bool) {
	f := st.Def.File
	start := it.Span.Start
	if start < len(f.Src) && f.Src[start] == '"' {
		start++
	}
	if start+len(from) > len(f.Src) || string(f.Src[start:start+len(from)]) != from {
		return diagnostics.Fix{}, false
	}
	return diagnostics.Fix{Title: title, Safe: safe, Edits: []diagnostics.Edit{spanEdit(f, start, start+len(from), to)}}, true
}

// removeItemFix removes one item: its list element, or the item and the
// space before it inside a string.
func removeItemFix(st *NixConfSetting, it NixConfItem, title string) (diagnostics.Fix, bool) {
	if it.Node.Valid() && it.Node.Parent().Kind() == nixast.KindList && it.Node.Span() == it.Span {
		return RemoveListElement(it.Node, title, false), true
	}
	f := st.Def.File
	if !it.Known || string(f.Src[it.Span.Start:it.Span.End]) != it.Text {
		return diagnostics.Fix{}, false
	}
	start, end := it.Span.Start, it.Span.End
	if start > 0 && (f.Src[start-1] == ' ' || f.Src[start-1] == '\t') {
		start--
	} else if end < len(f.Src) && f.Src[end] == ' ' {
		end++
	}
	return diagnostics.Fix{Title: title, Edits: []diagnostics.Edit{spanEdit(f, start, end, "")}}, true
}

func add(out *[]diagnostics.Finding, fd diagnostics.Finding, fix diagnostics.Fix, ok bool) {
	if ok {
		fd.Fixes = append(fd.Fixes, fix)
	}
	*out = append(*out, fd)
}

func checkNixSystem(p *Pass, s *System, out *[]diagnostics.Finding) {
	darwin := s.Context == Darwin
	sigsOff := false
	for _, st := range effective(s, "require-sigs") {
		if b, ok := st.Bool(); ok && !b {
			sigsOff = true
			fd := settingFinding(NixRequireSigs, st, diagnostics.Critical, "%s = false: Nix accepts unsigned store paths from every substituter", where(st))
			fix, ok := setValueFix(st, "true", "Require signatures", true)
			add(out, fd, fix, ok)
		}
	}
	// Substituters.
	subs := effective(s, "substituters")
	var subHosts []string
	for _, st := range subs {
		for _, it := range st.Items {
			if !it.Known {
				continue
			}
			u := it.Text
			trusted := hasTrustedQuery(u)
			if trusted {
				*out = append(*out, itemFinding(NixRequireSigs, st, it, diagnostics.Critical, "substituter %s has ?trusted=1: paths from it are accepted without signatures", u))
			}
			if h := urlHost(u); h != "" {
				subHosts = append(subHosts, h)
			}
			if strings.HasPrefix(u, "http://") {
				sev, why := diagnostics.Medium, "content is still checked against signatures, but anyone on the path sees what is installed and can withhold updates"
				if sigsOff || trusted {
					sev, why = diagnostics.Critical, "and signatures are not required, so anyone on the network path can replace binaries"
				} else if isLocalHost(urlHost(u)) {
					sev = diagnostics.Low
				}
				fd := itemFinding(NixHTTPSubstituter, st, it, sev, "substituter %s uses plain HTTP: %s", u, why)
				fix, ok := prefixFix(st, it, "http://", "https://", "Use https", knownTLSCache(urlHost(u)))
				add(out, fd, fix, ok)
			}
			checkCredentialsURL(st, it, out)
		}
	}
	// Trusted substituters.
	for _, st := range effective(s, "trusted-substituters") {
		for _, it := range st.Items {
			if !it.Known {
				continue
			}
			u := it.Text
			var why string
			switch {
			case strings.HasPrefix(u, "http://"):
				why = "uses plain HTTP"
			case strings.HasPrefix(u, "file:///tmp") || strings.HasPrefix(u, "file:///var/tmp") || strings.HasPrefix(u, "/tmp/"):
				why = "is a store in a world-writable directory"
			case hasTrustedQuery(u):
				why = "has ?trusted=1 (no signature checks)"
			}
			if why != "" {
				fd := itemFinding(NixTrustedSubstituters, st, it, diagnostics.Medium, "trusted substituter %s %s: any allowed user may enable it", u, why)
				fix, ok := removeItemFix(st, it, "Remove "+u)
				add(out, fd, fix, ok)
			}
			checkCredentialsURL(st, it, out)
		}
	}
	// Keys.
	keys := effective(s, "trusted-public-keys")
	keyNames := map[string]NixConfItem{}
	var keyHosts []string
	for _, st := range keys {
		for _, it := range st.Items {
			if !it.Known {
				continue
			}
			name, problem, sev := checkKey(it.Text)
			if problem != "" {
				*out = append(*out, itemFinding(NixBadKey, st, it, sev, "trusted public key %q %s", shortKey(it.Text), problem))
				continue
			}
			if prev, dup := keyNames[name]; dup && prev.Text != it.Text {
				fd := itemFinding(NixBadKey, st, it, diagnostics.Medium, "key name %s is used twice with different keys: Nix keeps only the first, so this one is ignored", name)
				fd.Related = append(fd.Related, diagnostics.Related{Location: diagnostics.Location{Path: st.Def.File.Path, Span: prev.Span}, Message: "first key named " + name})
				*out = append(*out, fd)
				continue
			}
			keyNames[name] = it
			keyHosts = append(keyHosts, keyBase(name))
			_ = st
		}
	}
	// Key ↔ cache pairs (only when both lists are known).
	if len(keys) > 0 || len(subs) > 0 {
		for _, st := range subs {
			for _, it := range st.Items {
				h := urlHost(it.Text)
				if !it.Known || h == "" || h == "cache.nixos.org" || isNixOSCacheMirror(it.Text) || isLocalHost(h) || !allKnown(keys) || hiddenNixConf(s) {
					continue
				}
				if !matchesAny(h, keyHosts) {
					*out = append(*out, itemFinding(NixKeyMismatch, st, it, diagnostics.Low, "substituter %s has no trusted public key named after it: its paths will be rejected, or trusted by a key meant for another cache", it.Text))
				}
			}
		}
		if allKnown(subs) && !hiddenNixConf(s) {
			for _, st := range keys {
				for _, it := range st.Items {
					name, problem, _ := checkKey(it.Text)
					if !it.Known || problem != "" || keyBase(name) == "cache.nixos.org" {
						continue
					}
					if !matchesAnyHost(keyBase(name), subHosts) && len(effective(s, "trusted-substituters")) == 0 {
						*out = append(*out, itemFinding(NixKeyMismatch, st, it, diagnostics.Low, "trusted public key %s names no configured substituter: it can sign paths for every cache", name))
					}
				}
			}
		}
	}
	// Trusted users.
	nonRootTrusted := false
	for _, st := range effective(s, "trusted-users") {
		for _, it := range st.Items {
			if !it.Known || it.Text == "root" {
				continue
			}
			nonRootTrusted = true
			sev, who := diagnostics.High, "user "+it.Text
			switch {
			case it.Text == "*":
				sev, who = diagnostics.Critical, "every user"
			case it.Text == "@users":
				sev, who = diagnostics.Critical, "every member of group users"
			case strings.HasPrefix(it.Text, "@"):
				who = "every member of group " + it.Text[1:]
			}
			fd := itemFinding(NixTrustedUsers, st, it, sev, "trusted-users makes %s root-equivalent: trusted clients can add substituters, import unsigned paths and set daemon hooks", who)
			fix, ok := removeItemFix(st, it, "Remove "+it.Text+" from trusted-users")
			add(out, fd, fix, ok)
		}
	}
	// Allowed users on shared machines.
	if normalUsers(s) >= 2 && !hiddenNixConf(s) {
		sts := effective(s, "allowed-users")
		if len(sts) == 0 {
			if d := firstNormalUser(s); d != nil {
				fd := p.Finding(d, "%d login users and nix.settings.allowed-users is not set: every account can use the Nix daemon", normalUsers(s))
				fd.RuleID, fd.Severity = NixAllowedUsers.ID, diagnostics.Info
				*out = append(*out, fd)
			}
		}
		for _, st := range sts {
			for _, it := range st.Items {
				if it.Known && it.Text == "*" {
					*out = append(*out, itemFinding(NixAllowedUsers, st, it, diagnostics.Low, "allowed-users = * on a machine with %d login users: every account can use the Nix daemon", normalUsers(s)))
				}
			}
		}
	}
	// Sandbox.
	for _, st := range effective(s, "sandbox") {
		b, isBool := st.Bool()
		relaxed := len(st.Items) == 1 && st.Items[0].Known && st.Items[0].Text == "relaxed"
		switch {
		case isBool && !b:
			sev := diagnostics.High
			if darwin {
				sev = diagnostics.Info
			}
			fd := settingFinding(NixSandbox, st, sev, "%s = false: builds run without a sandbox and see the host file system and network", where(st))
			fix, ok := setValueFix(st, "true", "Enable the build sandbox", !darwin)
			add(out, fd, fix, ok)
		case relaxed && !darwin:
			fd := settingFinding(NixSandbox, st, diagnostics.Medium, "%s = \"relaxed\": derivations with __noChroot = true build outside the sandbox", where(st))
			*out = append(*out, fd)
		}
	}
	for _, st := range effective(s, "sandbox-fallback") {
		if b, ok := st.Bool(); ok && b && !darwin {
			fd := settingFinding(NixSandbox, st, diagnostics.Medium, "%s = true: when the sandbox cannot be set up, builds silently run without it", where(st))
			fix, ok := setValueFix(st, "false", "Disable sandbox fallback", true)
			add(out, fd, fix, ok)
		}
	}
	for _, st := range effective(s, "sandbox-paths") {
		for _, it := range st.Items {
			if !it.Known {
				continue
			}
			if sev, why := sensitiveSandboxPath(it.Text); why != "" {
				fd := itemFinding(NixSandboxPaths, st, it, sev, "sandbox path %s exposes %s to every build", it.Text, why)
				fix, ok := removeItemFix(st, it, "Remove "+it.Text)
				add(out, fd, fix, ok)
			}
		}
	}
	for _, st := range effective(s, "accept-flake-config") {
		if b, ok := st.Bool(); ok && b {
			sev, msg := diagnostics.High, "%s = true: any flake you evaluate can set substituters, keys and hooks without asking"
			if nonRootTrusted {
				sev, msg = diagnostics.Critical, "%s = true with non-root trusted users: any flake they evaluate can make the daemon run its hooks and trust its cache as root"
			}
			fd := settingFinding(NixAcceptFlakeConfig, st, sev, msg, where(st))
			fix, ok := setValueFix(st, "false", "Prompt before accepting flake configuration", true)
			add(out, fd, fix, ok)
		}
	}
	boolRule := func(r *Rule, key string, sev diagnostics.Severity, msg string) {
		for _, st := range effective(s, key) {
			if b, ok := st.Bool(); ok && b {
				fd := settingFinding(r, st, sev, "%s = true: %s", where(st), msg)
				fix, ok := setValueFix(st, "false", "Set "+key+" to false", r.FixClass == diagnostics.FixAuto)
				add(out, fd, fix, ok)
			}
		}
	}
	boolRule(NixNativeCode, "allow-unsafe-native-code-during-evaluation", diagnostics.High, "builtins.exec lets any evaluated expression run programs")
	boolRule(NixNewPrivileges, "allow-new-privileges", diagnostics.Medium, "builders can run setuid and setcap programs")
	boolRule(NixIFD, "allow-import-from-derivation", diagnostics.Info, "evaluation may build derivations (import from derivation)")
	// Hooks.
	for _, key := range []string{"post-build-hook", "pre-build-hook", "diff-hook", "build-hook", "plugin-files"} {
		for _, st := range effective(s, key) {
			if st.Value.Kind == Path {
				continue // a path literal is copied into the store
			}
			for _, it := range st.Items {
				if !it.Known {
					continue
				}
				if why := mutablePath(it.Text); why != "" {
					*out = append(*out, itemFinding(NixHooks, st, it, diagnostics.High, "%s %s is %s: whoever can write it runs code %s", key, it.Text, why, hookRunsAs(key)))
				}
			}
		}
	}
	// Credentials.
	for _, st := range effective(s, "access-tokens") {
		for _, it := range st.Items {
			if it.Known && looksLikeToken(it.Text) {
				*out = append(*out, itemFinding(NixCredentials, st, it, diagnostics.High, "access-tokens holds a literal token (%s): nix.conf is world-readable in the Nix store", redact(it.Text)))
			}
		}
	}
	for _, st := range effective(s, "netrc-file") {
		if st.Value.Kind == Path || (len(st.Items) == 1 && strings.HasPrefix(st.Items[0].Text, "/nix/store/")) {
			*out = append(*out, settingFinding(NixCredentials, st, diagnostics.High, "%s points into the Nix store: the credentials in it are world-readable", where(st)))
		}
	}
	checkBuildMachines(p, s, out)
	checkOldNix(p, s, out)
}

// hiddenNixConf reports whether nix.conf settings may come from places
// nixsec cannot read: `nix.settings = <expression>`, or an unknown
// extraOptions text.
func hiddenNixConf(s *System) bool {
	for _, p := range [][]string{{"nix"}, {"nix", "settings"}} {
		for _, d := range s.Lookup(p...) {
			if d.Active() && d.Opaque {
				return true
			}
		}
	}
	for _, d := range s.Lookup("nix", "extraOptions") {
		if d.Active() && !d.Value.Known() {
			return true
		}
	}
	return false
}

func allKnown(sts []*NixConfSetting) bool {
	for _, st := range sts {
		for _, it := range st.Items {
			if !it.Known {
				return false
			}
		}
		if st.Value.Kind == Unknown {
			return false
		}
	}
	return true
}

func hasTrustedQuery(u string) bool {
	i := strings.IndexByte(u, '?')
	if i < 0 {
		return false
	}
	q, err := url.ParseQuery(u[i+1:])
	if err != nil {
		return false
	}
	v := q.Get("trusted")
	return v == "1" || v == "true"
}

func urlHost(u string) string {
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return ""
	}
	return pu.Hostname()
}

func isLocalHost(h string) bool {
	if h == "localhost" || strings.HasSuffix(h, ".local") || strings.HasSuffix(h, ".lan") || strings.HasSuffix(h, ".internal") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && (ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast())
}

// knownTLSCache reports hosts known to serve HTTPS, where the fix is safe.
func knownTLSCache(h string) bool {
	return h == "cache.nixos.org" || strings.HasSuffix(h, ".cachix.org") || h == "cache.garnix.io" ||
		h == "nix-community.cachix.org" || h == "cache.lix.systems" || h == "install.determinate.systems"
}

// checkKey validates a trusted public key; it returns its name, a problem
// and the problem's severity.
func checkKey(k string) (string, string, diagnostics.Severity) {
	name, data, found := strings.Cut(k, ":")
	if !found || name == "" {
		return "", "is not NAME:BASE64", diagnostics.Medium
	}
	if _, err := signature.ParsePublicKey(k); err == nil {
		return name, "", 0
	}
	if _, err := signature.LoadSecretKey(k); err == nil {
		return name, "is a secret signing key, not a public key: anyone who reads the configuration (or the Nix store) can sign paths your machines trust", diagnostics.Critical
	}
	return name, fmt.Sprintf("is not a valid ed25519 public key (%d base64 characters; Nix expects 44 that decode to 32 bytes)", len(data)), diagnostics.Medium
}

func shortKey(k string) string {
	if len(k) > 40 {
		return k[:37] + "…"
	}
	return k
}

var keySuffix = regexp.MustCompile(`-\d+$`)

// keyBase is a key name without its rotation suffix: foo.cachix.org-1 → foo.cachix.org.
func keyBase(name string) string { return keySuffix.ReplaceAllString(name, "") }

// matchesAny reports whether a cache host and one of the key names belong
// together: equal, one a subdomain of the other, or two hosts of the same
// site (cache.numtide.com signed by niks3.numtide.com-1). Hosts of a shared
// hosting domain (x.cachix.org, y.cachix.org) belong to different owners
// and only match exactly.
func matchesAny(host string, keyHosts []string) bool {
	for _, k := range keyHosts {
		if k == host || strings.HasSuffix(host, "."+k) || strings.HasSuffix(k, "."+host) {
			return true
		}
		if site := siteOf(host); site != "" && site == siteOf(k) && !sharedCacheSites[site] {
			return true
		}
	}
	return false
}

// sharedCacheSites are domains whose subdomains are caches of different
// owners, each with its own key.
var sharedCacheSites = map[string]bool{"cachix.org": true, "garnix.io": true, "flakehub.com": true,
	"github.io": true, "gitlab.io": true, "r2.dev": true, "amazonaws.com": true, "cloudfront.net": true,
	"backblazeb2.com": true, "workers.dev": true, "pages.dev": true}

// siteOf is a host's registrable domain, approximated by its last two labels
// (three under a second-level country domain such as .co.uk or .edu.cn); ""
// for an IP address or a single label.
func siteOf(h string) string {
	if net.ParseIP(h) != nil {
		return ""
	}
	labels := strings.Split(strings.TrimSuffix(h, "."), ".")
	if len(labels) < 2 {
		return ""
	}
	n := 2
	if sl := labels[len(labels)-2]; len(labels) >= 3 && len(labels[len(labels)-1]) == 2 &&
		(sl == "co" || sl == "com" || sl == "edu" || sl == "ac" || sl == "org" || sl == "net" || sl == "gov") {
		n = 3
	}
	return strings.Join(labels[len(labels)-n:], ".")
}

// isNixOSCacheMirror reports a public mirror of cache.nixos.org (the
// `/nix-channels/store` layout of the TUNA, USTC, SJTU, BFSU, NJU… mirrors):
// its paths carry cache.nixos.org's signatures, which NixOS always trusts.
func isNixOSCacheMirror(u string) bool {
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return false
	}
	return strings.TrimSuffix(pu.Path, "/") == "/nix-channels/store" || strings.HasSuffix(strings.TrimSuffix(pu.Path, "/"), "/nix-channels/store")
}

func matchesAnyHost(keyName string, hosts []string) bool {
	for _, h := range hosts {
		if matchesAny(h, []string{keyName}) {
			return true
		}
	}
	return false
}

// normalUsers counts users.users.<u> with isNormalUser = true.
func normalUsers(s *System) int {
	n := 0
	for _, name := range s.Names("users.users.*") {
		v, _, ok := s.Get("users", "users", name, "isNormalUser")
		if ok && v.IsBool(true) {
			n++
		}
	}
	return n
}

func firstNormalUser(s *System) *Definition {
	for _, name := range s.Names("users.users.*") {
		if v, d, ok := s.Get("users", "users", name, "isNormalUser"); ok && v.IsBool(true) {
			return d
		}
	}
	return nil
}

// sensitiveSandboxPath classifies a sandbox-paths entry (`[target=]source[?]`).
func sensitiveSandboxPath(item string) (diagnostics.Severity, string) {
	src := strings.TrimSuffix(item, "?")
	if i := strings.IndexByte(src, '='); i >= 0 {
		src = src[i+1:]
	}
	src = strings.TrimRight(src, "/")
	if src == "" {
		return diagnostics.High, "the whole host file system"
	}
	high := map[string]string{"/root": "root's home", "/home": "every home directory", "/etc": "all of /etc",
		"/etc/ssh": "the SSH host keys", "/run/secrets": "decrypted secrets", "/var/lib": "service state",
		"/nix/var/nix/daemon-socket": "the Nix daemon socket", "/run/docker.sock": "the Docker socket",
		"/var/run/docker.sock": "the Docker socket", "/run/podman/podman.sock": "the Podman socket"}
	if why, ok := high[src]; ok {
		return diagnostics.High, why
	}
	if strings.HasPrefix(src, "/run/agenix") || strings.HasPrefix(src, "/run/secrets/") {
		return diagnostics.High, "decrypted secrets"
	}
	if src == "/dev" || src == "/proc" {
		return diagnostics.Medium, "every device or process of the host (" + src + ")"
	}
	return 0, ""
}

func mutablePath(p string) string {
	if strings.HasPrefix(p, "/nix/store/") {
		return ""
	}
	if !strings.HasPrefix(p, "/") {
		return "a relative path, resolved against wherever the daemon runs"
	}
	for _, d := range []string{"/home/", "/tmp/", "/var/tmp/", "/run/user/", "/srv/"} {
		if strings.HasPrefix(p, d) {
			return "in a user-writable directory (" + strings.TrimSuffix(d, "/") + ")"
		}
	}
	return ""
}

func hookRunsAs(key string) string {
	if key == "plugin-files" {
		return "inside every Nix process"
	}
	return "as root in the Nix daemon"
}

var tokenRe = regexp.MustCompile(`(ghp_|gho_|ghs_|github_pat_|glpat-|PAT:)[A-Za-z0-9_\-]{6,}`)

func looksLikeToken(item string) bool {
	_, v, ok := strings.Cut(item, "=")
	if !ok {
		return false
	}
	if tokenRe.MatchString(v) {
		return true
	}
	l := strings.ToLower(v)
	return len(v) >= 16 && !strings.Contains(l, "xxxx") && !strings.Contains(l, "placeholder") && !strings.Contains(l, "token")
}

func redact(item string) string {
	host, v, _ := strings.Cut(item, "=")
	if len(v) > 6 {
		v = v[:4] + "…"
	}
	return host + "=" + v
}

func checkCredentialsURL(st *NixConfSetting, it NixConfItem, out *[]diagnostics.Finding) {
	pu, err := url.Parse(it.Text)
	if err != nil {
		return
	}
	_, hasPass := pu.User.Password()
	q := pu.Query()
	if hasPass || q.Get("secret-key") != "" || q.Get("aws-secret-access-key") != "" {
		*out = append(*out, itemFinding(NixCredentials, st, it, diagnostics.High, "substituter URL %s@… embeds credentials: nix.conf is world-readable in the Nix store", pu.Scheme+"://"+pu.User.Username()))
	}
}

// checkBuildMachines looks at nix.buildMachines and builders strings.
func checkBuildMachines(p *Pass, s *System, out *[]diagnostics.Finding) {
	for _, d := range s.Effective("nix", "buildMachines") {
		if d.Value.Kind != List {
			continue
		}
		for _, m := range d.Value.List {
			if m.Kind != Attrs {
				continue
			}
			host, _ := m.Attr("hostName")
			hostName, _ := host.Str()
			if hostName == "" {
				hostName = "builder"
			}
			local := hostName == "localhost" || hostName == "127.0.0.1"
			if k, ok := m.Attr("sshKey"); ok {
				ks, _ := k.Str()
				if k.Kind == Path || strings.HasPrefix(ks, "/nix/store/") {
					fd := p.Finding(d, "nix.buildMachines %s: sshKey %s is copied into the world-readable Nix store; every local user can read the private key", hostName, k.String())
					fd.RuleID, fd.Severity = NixRemoteBuilder.ID, diagnostics.Critical
					*out = append(*out, At(fd, k.Node))
				}
			}
			if u, ok := m.Attr("sshUser"); ok && u.IsStr("root") && !local {
				fd := p.Finding(d, "nix.buildMachines %s logs in as root: a compromised builder key is root on the builder", hostName)
				fd.RuleID, fd.Severity = NixRemoteBuilder.ID, diagnostics.Medium
				*out = append(*out, At(fd, u.Node))
			}
			phk, has := m.Attr("publicHostKey")
			if !local && m.Known() && (!has || phk.Kind == Null) && sshBuilder(m, hostName) {
				fd := p.Finding(d, "nix.buildMachines %s has no publicHostKey: the builder's identity is whatever root's known_hosts accepts first", hostName)
				fd.RuleID, fd.Severity = NixRemoteBuilder.ID, diagnostics.Low
				at := m.Node
				if has {
					at = phk.Node
				}
				*out = append(*out, At(fd, at))
			}
		}
	}
	for _, st := range effective(s, "builders") {
		for _, it := range st.Items {
			if it.Known && (strings.HasPrefix(it.Text, "ssh://root@") || strings.HasPrefix(it.Text, "ssh-ng://root@")) {
				*out = append(*out, itemFinding(NixRemoteBuilder, st, it, diagnostics.Medium, "builder %s logs in as root: a compromised builder key is root on the builder", it.Text))
			}
		}
	}
}

// sshBuilder reports whether a nix.buildMachines entry is reached over SSH,
// where publicHostKey pins the builder's identity. With `protocol = null`
// the hostName is a store URI used as it is (grpc://, https://, unix://…),
// which authenticates, or not, by other means.
func sshBuilder(m Value, hostName string) bool {
	scheme := ""
	if i := strings.Index(hostName, "://"); i > 0 {
		scheme = hostName[:i]
	}
	if p, ok := m.Attr("protocol"); ok {
		if ps, isStr := p.Str(); isStr {
			return ps == "ssh" || ps == "ssh-ng"
		}
		if p.Kind == Null {
			return scheme == "" || scheme == "ssh" || scheme == "ssh-ng"
		}
	}
	return scheme == "" || scheme == "ssh" || scheme == "ssh-ng"
}

var oldNixRe = regexp.MustCompile(`nixVersions\.(minimum|nix_2_(\d+))$|(^|\.)nix_2_(\d+)$|nixVersions\.stable_2_(\d+)$`)

func checkOldNix(p *Pass, s *System, out *[]diagnostics.Finding) {
	for _, d := range s.Effective("nix", "package") {
		t := strings.Join(strings.Fields(d.Node.Unparen().Text()), "")
		m := oldNixRe.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		minor := m[2] + m[4] + m[5]
		if m[1] != "minimum" {
			n, err := strconv.Atoi(minor)
			if err != nil || n >= 24 {
				continue
			}
		}
		fd := p.Finding(d, "nix.package = %s pins an old Nix that lacks fixes for daemon and sandbox vulnerabilities", t)
		fd.RuleID = NixOldNix.ID
		fd.Severity = NixOldNix.Severity
		if normalUsers(s) >= 2 {
			fd.Severity = diagnostics.Medium
		}
		*out = append(*out, fd)
	}
}

// flakeWhitelist are the nixConfig keys Nix applies without asking.
var flakeWhitelist = map[string]bool{"bash-prompt": true, "bash-prompt-prefix": true, "bash-prompt-suffix": true,
	"flake-registry": true, "commit-lock-file-summary": true, "commit-lockfile-summary": true}

// checkFlakeNixConfig reports a flake's nixConfig settings that need trust.
func checkFlakeNixConfig(p *Pass, s *System, out *[]diagnostics.Finding) {
	keys := effective(s, "trusted-public-keys")
	var keyHosts []string
	for _, st := range keys {
		for _, it := range st.Items {
			if name, problem, sev := checkKey(it.Text); it.Known && problem != "" {
				*out = append(*out, itemFinding(NixFlakeConfig, st, it, sev, "nixConfig trusted public key %q %s", shortKey(it.Text), problem))
			} else if it.Known {
				keyHosts = append(keyHosts, keyBase(name))
			}
		}
	}
	for _, key := range s.NixConfKeys() {
		if flakeWhitelist[key] {
			continue
		}
		for _, st := range effective(s, key) {
			switch key {
			case "substituters", "trusted-substituters":
				for _, it := range st.Items {
					if !it.Known {
						continue
					}
					sev, msg := diagnostics.Info, "users who accept this flake's configuration will use cache %s"
					switch {
					case strings.HasPrefix(it.Text, "http://") || hasTrustedQuery(it.Text):
						sev, msg = diagnostics.High, "nixConfig adds %s without TLS or signature checks: users who accept it trust that cache"
					case !matchesAny(urlHost(it.Text), keyHosts):
						sev, msg = diagnostics.Medium, "nixConfig adds cache %s without a matching trusted public key"
					}
					*out = append(*out, itemFinding(NixFlakeConfig, st, it, sev, msg, it.Text))
				}
			case "trusted-public-keys":
				// checked above; pairs with substituters are info
			case "require-sigs", "sandbox":
				if b, ok := st.Bool(); ok && !b {
					fd := settingFinding(NixFlakeConfig, st, diagnostics.High, "nixConfig sets %s = false: users who accept this flake's configuration turn off a protection for their whole daemon", key)
					fix, ok := removeSettingFix(st, "Remove "+key+" from nixConfig")
					add(out, fd, fix, ok)
				}
			case "post-build-hook", "pre-build-hook", "diff-hook", "build-hook", "plugin-files":
				*out = append(*out, settingFinding(NixFlakeConfig, st, diagnostics.High, "nixConfig sets %s: users who accept it let this flake choose a program the daemon runs as root", key))
			case "allow-import-from-derivation", "accept-flake-config", "allow-unsafe-native-code-during-evaluation":
				if b, ok := st.Bool(); ok && b {
					*out = append(*out, settingFinding(NixFlakeConfig, st, diagnostics.Medium, "nixConfig sets %s = true for everyone who accepts this flake's configuration", key))
				}
			default:
				*out = append(*out, settingFinding(NixFlakeConfig, st, diagnostics.Medium, "nixConfig sets %s, which needs the user's trust to apply", key))
			}
		}
	}
}

// removeSettingFix deletes a nixConfig attribute binding.
func removeSettingFix(st *NixConfSetting, title string) (diagnostics.Fix, bool) {
	b := st.Def.Binding
	if b.Kind() != nixast.KindBinding || len(nixast.AttrPath(b.Child(nixast.FieldAttrpath))) != 1 {
		return diagnostics.Fix{}, false
	}
	return RemoveNode(b, title, false), true
}
