package analyzer

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Secrets in the world-readable Nix store (catalog D.7, NIXSEC-SEC-*).
// Everything a configuration interpolates into a derivation lands in
// /nix/store, which every local user (and every cache and builder that gets
// the closure) can read. The rules report literal secrets at their value,
// never print them whole (secMask), and leave references alone: runtime
// paths (`/run/secrets/x`, `config.sops.secrets.x.path`), `$__file{…}`,
// placeholders and values nixsec cannot resolve.

const usersGroupsRef = nixpkgsModules + "config/users-groups.nix"

func secRule(id, slug, title string, sev, max diagnostics.Severity, fix diagnostics.FixClass, cwe []int, desc, why, remedy, bad, good, fp string, refs ...string) *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: id, Slug: slug, Title: title, Category: "Secrets", Severity: sev, MaxSeverity: max,
		Description: desc, Why: why, Remediation: remedy, FixClass: fix, CWE: cwe,
		References: refs, Bad: bad, Good: good, FalsePositives: fp,
	}}
}

const secThrowawayFP = "In NixOS test nodes, VM variants and installer images the finding is low: such values are usually " +
	"deliberate test credentials."

var (
	SecPlainPassword = secRule("NIXSEC-SEC-001", "plaintext-user-password", "Plaintext user password",
		diagnostics.Low, diagnostics.Critical, diagnostics.FixManual, []int{256, 312, 798},
		"`users.users.<n>.password` or `users.users.<n>.initialPassword` (also the legacy `users.extraUsers`) is a string literal, the empty string included.",
		"The users module writes the password into the world-readable Nix store (its option text: \"do not set confidential information here because it "+
			"is world-readable in the Nix store\"); with `users.mutableUsers = false`, `initialPassword` is used as `password`. Every local user, and every "+
			"cache or builder that receives the closure, can read it; in a public repository everyone can. Critical for `root` (any local user can `su`) "+
			"and for `wheel` members while sshd accepts passwords.",
		"Remove the password and set `users.users.<n>.hashedPasswordFile = config.sops.secrets.\"<n>-password\".path;` (sops-nix or agenix, "+
			"neededForUsers), with a hash from `mkpasswd -m yescrypt`. Change the password: the old one is already in store paths and possibly in caches.",
		"users.users.alice = {\n  isNormalUser = true;\n  extraGroups = [ \"wheel\" ];\n  password = \"hunter2\";\n};",
		"users.users.alice = {\n  isNormalUser = true;\n  extraGroups = [ \"wheel\" ];\n  hashedPasswordFile = config.sops.secrets.alice-password.path;\n};",
		"Severity: high; critical for root, and for wheel members when sshd is enabled without `PasswordAuthentication = false`; medium for an "+
			"`initialPassword` while `users.mutableUsers` is not false (only the account's first password, if someone changes it). "+secThrowawayFP+
			" `null` and values nixsec cannot resolve are not reported.",
		usersGroupsRef, "https://nixos.org/manual/nixos/stable/options#opt-users.users._name_.password", "https://cisofy.com/lynis/controls/AUTH-9228/")
	SecPasswordHash = secRule("NIXSEC-SEC-002", "password-hash-in-config", "Password hash embedded in config; weak or empty hash",
		diagnostics.Low, diagnostics.High, diagnostics.FixSuggest, []int{916, 760, 256},
		"`users.users.<n>.hashedPassword` or `initialHashedPassword` is a literal: (a) any hash (low: world-readable, open to offline cracking); (b) a weak "+
			"or unsupported scheme — md5crypt `$1$`, sha256crypt `$5$`, NT `$3$`, `$md5`, `$sha1$`, `$2x$`, bsdicrypt `_…`, 13-character DES, or text that "+
			"is no crypt hash at all (medium); (c) the empty string, which allows a local login without a password (high).",
		"Hashes in the store can be cracked offline by every local user. Since NixOS 23.05 libxcrypt accepts only strong schemes (yescrypt, "+
			"gost-yescrypt, scrypt, bcrypt, sha512crypt): a weak hash is fast to crack or stops the login working.",
		"Generate a yescrypt hash (`mkpasswd -m yescrypt`) and deliver it at run time: `users.users.<n>.hashedPasswordFile = \"/run/secrets/<n>-hash\";` "+
			"(sops-nix/agenix with neededForUsers). Use `\"!\"` to disable password login.",
		"users.users.alice.hashedPassword = \"$1$abcdefgh$0123456789abcdefghijkl\";",
		"users.users.alice.hashedPasswordFile = \"/run/secrets/alice-hash\";",
		"`\"!\"`, `\"*\"` (password login disabled) and `null` are not reported. "+secThrowawayFP,
		usersGroupsRef, "https://github.com/NixOS/nixpkgs/pull/220557", "https://nixos.org/manual/nixos/stable/release-notes#sec-release-23.05", "https://cisofy.com/lynis/controls/AUTH-9229/")
	SecModuleOption = secRule("NIXSEC-SEC-003", "plaintext-secret-option", "Plaintext secrets in module options",
		diagnostics.Low, diagnostics.Critical, diagnostics.FixSuggest, []int{312, 798},
		"A string literal in an option whose own documentation says it is stored in the Nix store: `services.redis.servers.<n>.requirePass`/`masterAuth`, "+
			"`networking.wireguard.interfaces.<n>.privateKey`, `networking.wg-quick.interfaces.<n>.privateKey`, `services.borgbackup.jobs.<n>.encryption.passphrase`, "+
			"`services.nginx.virtualHosts.<v>.basicAuth` (and `locations.<l>.basicAuth`), `boot.loader.grub.users.<u>.password`, `services.mongodb.initialRootPassword`, "+
			"`services.grafana.settings.security.admin_password`, `virtualisation.incus.preseed.config.\"core.trust_password\"`; and, as a heuristic, any option "+
			"named like a secret (`…password`, `…passphrase`, `…secret`, `…token`, `…apiKey`, `…privateKey`, `…psk`, `…credentials`, `…authKey`) holding a string literal.",
		"The value is rendered into a configuration file or unit in the world-readable Nix store: every local user, builder and binary cache that "+
			"receives the closure can read it.",
		"Use the option's file variant pointing at a runtime secret (`requirePassFile`, `privateKeyFile`, `encryption.passCommand = \"cat /run/secrets/borg\"`, "+
			"`basicAuthFile`, `initialRootPasswordFile`, Grafana's `\"$__file{/run/secrets/…}\"`), provisioned by sops-nix, agenix or systemd credentials, and rotate "+
			"the secret: it is already in store paths and possibly in caches.",
		"networking.wireguard.interfaces.wg0.privateKey = \"yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\";",
		"networking.wireguard.interfaces.wg0.privateKeyFile = \"/run/secrets/wg0.key\";",
		"Severity: high; critical for private keys and values with a known credential prefix (`ghp_`, `glpat-`, `xoxb-`, `AKIA`, `tskey-`, `sk-`, "+
			"`-----BEGIN`). The name heuristic reports `possible` findings (an option named `token` may hold something public). Paths (`/run/secrets/x`), "+
			"`$__file{…}`/`$__env{…}`, `ext:` and `@PLACEHOLDER@` values, empty strings and unresolved values are not reported; user passwords, Wi-Fi keys, "+
			"environment variables, `/etc` files and nix.conf are left to SEC-001/002, SEC-009, SEC-006, SEC-004 and NIX-015. "+secThrowawayFP,
		nixpkgsModules+"services/databases/redis.nix", nixpkgsModules+"services/networking/wireguard.nix",
		nixpkgsModules+"services/backup/borgbackup.nix", nixpkgsModules+"services/web-servers/nginx/vhost-options.nix")
	SecEtcFile = secRule("NIXSEC-SEC-004", "secret-in-environment-etc", "Secrets written through environment.etc",
		diagnostics.Low, diagnostics.High, diagnostics.FixManual, []int{312, 538},
		"`environment.etc.<f>.text` with a line that assigns a literal to a secret-named key (`password=`, `token:`, `psk=`, `secret = …`) or holds a "+
			"`-----BEGIN … PRIVATE KEY-----` block; or `environment.etc.<f>.source` set to a path literal whose file name looks secret (`*.key`, `id_*` "+
			"without `.pub`, `*.env`, `secret*`, `*password*`, `*token*`, `*.p12`).",
		"`/etc` entries are links to (or copies of) store paths: the content is world-readable in /nix/store whatever `mode`, `user` or `group` say.",
		"Deliver the file at run time (sops-nix: `sops.secrets.<n>.path = \"/etc/<f>\";`, agenix, or systemd credentials) and keep only non-secret "+
			"configuration in `environment.etc`.",
		"environment.etc.\"smbcredentials\".text = ''\n  username=alice\n  password=hunter2\n'';",
		"sops.secrets.smbcredentials.path = \"/etc/smbcredentials\";",
		"Public certificates and `.pub` keys are not reported; values that are paths, placeholders (`$VAR`, `@VAR@`, `%VAR%`, `{{…}}`) or unresolved "+
			"interpolations are not secrets. Host SSH keys are SEC-007. "+secThrowawayFP,
		"https://nixos.org/manual/nixos/stable/options#opt-environment.etc", usersGroupsRef)
	SecStoreCopy = secRule("NIXSEC-SEC-005", "secret-file-copied-to-store", "Secret files copied into the store via paths or readFile",
		diagnostics.Low, diagnostics.Critical, diagnostics.FixSuggest, []int{312, 538},
		"A Nix path literal to a secret-looking file (`./wg.key`, `./id_ed25519`, `./secrets/token`, `\"${./api.env}\"`) in an option value, a path "+
			"literal or store-path producer (`pkgs.writeText`, `builtins.toFile`) given to a secret file option (`passwordFile`, `privateKeyFile`, `keyFile`, "+
			"`tokenFile`, `authKeyFile`, `credentialsFile`, `sslCertificateKey`, …), or `builtins.readFile`/`lib.fileContents` of a secret-looking file "+
			"or of a runtime secret (`/run/secrets/…`, `config.sops.secrets.<n>.path`, `config.age.secrets.<n>.path`).",
		"A path literal is copied into the Nix store when the configuration is evaluated, and `readFile` inlines the content into derivations: the "+
			"secret becomes world-readable, and reading a runtime secret at evaluation time also needs `--impure`. A `*File` option is only safe with a "+
			"string path to a runtime location.",
		"Give the option a string runtime path, `privateKeyFile = \"/run/secrets/wg.key\";`, and provision the file with sops-nix or agenix; rotate the "+
			"secret, which is already in the store.",
		"networking.wireguard.interfaces.wg0.privateKeyFile = ./wg0.key;",
		"networking.wireguard.interfaces.wg0.privateKeyFile = \"/run/secrets/wg0.key\";",
		"Encrypted files meant for the store (`*.age`, `*.gpg`, sops `*.yaml`/`*.json`, anything under `sops.*` or `age.*`) and public material (`*.pub`, "+
			"`*.crt`) are not reported. Host SSH keys, LUKS key files, initrd secrets and TLS keys are SEC-007; builder SSH keys NIX-013. The quick fix "+
			"is a suggestion: the runtime file must be provisioned first. "+secThrowawayFP,
		"https://nix.dev/manual/nix/stable/language/string-interpolation#interpolating-paths", nixpkgsModules+"config/nix-remote-build.nix")
	SecEnvVar = secRule("NIXSEC-SEC-006", "secret-in-environment-variable", "Secrets in environment variables",
		diagnostics.Low, diagnostics.High, diagnostics.FixSuggest, []int{214, 312, 526},
		"A literal value for a secret-named variable (`*_TOKEN`, `*_SECRET`, `*_PASSWORD`, `*_PASSPHRASE`, `*_API_KEY`, `*_SECRET_KEY`, `*_ACCESS_KEY`, "+
			"`*_PRIVATE_KEY`, `*_CREDENTIALS`, …) or a URL with an embedded password (`postgres://u:pass@host/db`) in `environment.variables`, "+
			"`environment.sessionVariables`, `systemd.services.<n>.environment`, `systemd.services.<n>.serviceConfig.Environment` (also user services) "+
			"or `virtualisation.oci-containers.containers.<n>.environment`.",
		"The values are written into world-readable unit files and shell profiles in the store, shown by `systemctl show`, readable in "+
			"`/proc/<pid>/environ` by processes of the same user and inherited by every child.",
		"`serviceConfig.EnvironmentFile = \"/run/secrets/<svc>.env\";` (or `environmentFiles` for OCI containers), or `serviceConfig.LoadCredential = "+
			"[ \"token:/run/secrets/token\" ];` and read `$CREDENTIALS_DIRECTORY/token`.",
		"systemd.services.backup.environment.RESTIC_PASSWORD = \"hunter2\";",
		"systemd.services.backup.serviceConfig.EnvironmentFile = \"/run/secrets/backup.env\";",
		"Names are matched on their last word, so `TOKENIZER_PATH` or `PASSWORD_FILE` are not secrets; values that are paths, placeholders or "+
			"unresolved interpolations are not reported. "+secThrowawayFP,
		"https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#Credentials", "https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#EnvironmentFile=")
	SecHostKey = secRule("NIXSEC-SEC-007", "private-key-in-store", "Host/infrastructure private keys provided from the store",
		diagnostics.Low, diagnostics.Critical, diagnostics.FixManual, []int{321, 312},
		"A private key given as a store path or literal: `environment.etc.\"ssh/ssh_host_*_key\".source` (or `.text`), `services.openssh.hostKeys.*.path` "+
			"under /nix/store, `boot.initrd.luks.devices.<n>.keyFile` as a path literal, `boot.initrd.secrets.<dst>` as a path literal, and "+
			"`services.nginx.virtualHosts.<v>.sslCertificateKey` / `services.httpd.virtualHosts.<v>.sslServerKey` as a path literal.",
		"A host key, disk key or TLS key in the world-readable store lets any local user (and any cache that gets the closure) impersonate the host, "+
			"decrypt the disk or the TLS traffic.",
		"Let the host generate its SSH keys (the default `services.openssh.hostKeys` in /etc/ssh), give initrd secrets as strings "+
			"(`boot.initrd.secrets.\"/key.bin\" = \"/var/lib/secrets/key.bin\";`), and deliver TLS keys as runtime secrets (`\"/run/secrets/tls.key\"`) or via ACME.",
		"environment.etc.\"ssh/ssh_host_ed25519_key\".source = ./keys/ssh_host_ed25519_key;",
		"services.openssh.hostKeys = [ { type = \"ed25519\"; path = \"/etc/ssh/ssh_host_ed25519_key\"; } ];",
		"None known for real hosts. "+secThrowawayFP,
		nixpkgsModules+"services/networking/ssh/sshd.nix", nixpkgsModules+"system/boot/luksroot.nix", "https://nixos.org/manual/nixos/stable/options#opt-boot.initrd.secrets")
	SecGrafanaKey = secRule("NIXSEC-SEC-008", "grafana-default-secret-key", "Grafana public default secret_key",
		diagnostics.Low, diagnostics.High, diagnostics.FixManual, []int{798, 1394},
		"`services.grafana.settings.security.secret_key` is `\"SW2YcwTIb9zpOOhoPsMm\"`, the upstream example value that nixpkgs used as the default "+
			"before 26.05.",
		"The key encrypts the data-source credentials stored in grafana.db and signs data; it is public, so anyone who reads the database (for "+
			"instance through a path traversal such as CVE-2021-43798) can decrypt them.",
		"`secret_key = \"$__file{/run/secrets/grafana-secret-key}\";` with a random key, then re-encrypt the stored secrets (`grafana cli admin "+
			"secrets-migration re-encrypt`).",
		"services.grafana.settings.security.secret_key = \"SW2YcwTIb9zpOOhoPsMm\";",
		"services.grafana.settings.security.secret_key = \"$__file{/run/secrets/grafana-secret-key}\";",
		"Instances that store no credentials. The unset option (which kept this default on nixpkgs before 26.05) is not reported: nixsec does not "+
			"know the nixpkgs revision. Any other literal `secret_key` is SEC-003. "+secThrowawayFP,
		nixpkgsModules+"services/monitoring/grafana.nix", "https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/#secret_key")
	SecWifi = secRule("NIXSEC-SEC-009", "wifi-credentials-in-store", "Wi-Fi credentials in the store",
		diagnostics.Low, diagnostics.Medium, diagnostics.FixSuggest, []int{312, 256},
		"`networking.wireless.networks.<ssid>.psk` or `pskRaw` is a literal that does not start with `ext:` (nor is an `@VAR@` placeholder), "+
			"`networking.wireless.networks.<ssid>.auth` contains `password=\"…\"`, or `networking.networkmanager.ensureProfiles.profiles.<p>` sets "+
			"`wifi-security.psk` or `802-1x.password` to a literal without `$VAR` substitution.",
		"The NixOS manual: such keys \"would be written to the Nix store in plain text and readable to every local user\".",
		"`networking.wireless.secretsFile = \"/run/secrets/wireless.conf\";` with `pskRaw = \"ext:psk_home\";` (older releases: `environmentFile` "+
			"and `psk = \"@PSK_HOME@\"`); for NetworkManager, `ensureProfiles.environmentFiles` and `psk = \"$HOME_PSK\"`.",
		"networking.wireless.networks.home.psk = \"correct horse battery\";",
		"networking.wireless.secretsFile = \"/run/secrets/wireless.conf\";\nnetworking.wireless.networks.home.pskRaw = \"ext:psk_home\";",
		"Open networks have no key. "+secThrowawayFP,
		nixpkgsModules+"services/networking/wpa_supplicant.nix", "https://nixos.org/manual/nixos/stable/#sec-wireless")
)

var secRules = []*Rule{SecPlainPassword, SecPasswordHash, SecModuleOption, SecEtcFile, SecStoreCopy, SecEnvVar, SecHostKey, SecGrafanaKey, SecWifi}

func init() {
	for _, r := range secRules {
		r.Run = runSecrets
	}
	Register(secRules...)
}

// runSecrets computes every SEC finding once per analysis and hands each
// rule its own.
func runSecrets(p *Pass) {
	all := p.Shared("sec", func() any {
		c := &secChecker{p: p, claimed: map[secPlace]bool{}}
		for _, s := range p.Systems() {
			if s.Context == Darwin {
				continue // nix-darwin has no users.users.<n>.password and friends
			}
			c.system(s)
		}
		return c.out
	}).([]diagnostics.Finding)
	for _, fd := range all {
		if fd.RuleID == p.Rule.ID {
			p.Report(fd)
		}
	}
}

type secPlace struct {
	sys  *System
	path string
	span nixast.Span
}

type secChecker struct {
	p   *Pass
	out []diagnostics.Finding
	// claimed are the places a more specific rule reported (SEC-007 before
	// SEC-005), so that one path literal is one finding.
	claimed map[secPlace]bool
}

func (c *secChecker) system(s *System) {
	c.userPasswords(s)
	c.userHashes(s)
	c.hostKeys(s) // before storeCopies: it claims the nodes it reports
	c.moduleOptions(s)
	c.etcFiles(s)
	c.storeCopies(s)
	c.envVars(s)
	c.grafana(s)
	c.wifi(s)
}

// report adds a finding of rule r about definition d, located at node at
// (d's value when invalid). Throwaway systems get low severity.
func (c *secChecker) report(r *Rule, d *Definition, at nixast.Node, sev diagnostics.Severity, possible bool, format string, args ...any) *diagnostics.Finding {
	f := c.p.Finding(d, format, args...)
	f.RuleID = r.ID
	f.Severity = sev
	if at.Valid() {
		f = At(f, at)
	}
	if possible {
		f.Confidence = diagnostics.Possible
	}
	if secThrowaway(d.System) {
		f.Severity = diagnostics.Low
		f.Message += " (in a test, VM or installer system: low)"
	}
	// A value written away from the definition (a let binding, another
	// file through config.*) is pointed at.
	if v := d.Value.Node; v.Valid() && !at.Valid() && !within(v, d.Node) && !within(d.Node, v) {
		f.Related = append(f.Related, related(v, "the value is written here"))
	}
	c.claimed[secPlace{d.System, f.Path, f.Span}] = true
	c.out = append(c.out, f)
	return &c.out[len(c.out)-1]
}

// secThrowaway reports test nodes, VM variants, installer images and
// modules under a tests/ directory: their credentials are usually
// deliberate test values.
func secThrowaway(s *System) bool { return s.Throwaway() || s.InTestsDir || s.Root().InTestsDir }

// ---------------------------------------------------------------------------
// Values

// secMask shows a secret without giving it away: its first two characters
// for values long enough that two characters do not reveal most of it.
func secMask(s string) string {
	if s == "" {
		return `""`
	}
	r := []rune(s)
	if len(r) < 6 {
		return `"…"`
	}
	head := strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) && r != '"' && r != '\\' {
			return r
		}
		return '?'
	}, string(r[:2]))
	return `"` + head + `…"`
}

// secLiteral returns the text of a string value that is known whole.
func secLiteral(v Value) (string, bool) {
	if v.Kind != String {
		return "", false
	}
	return v.Str()
}

// secReference reports values that name a secret rather than hold it:
// paths, Grafana's $__file/$__env, wpa_supplicant's ext:, placeholders
// substituted at run time ($VAR, @VAR@, %VAR%, {{ var }}).
func secReference(s string) bool {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		return true
	case strings.HasPrefix(t, "/") && !strings.ContainsAny(t, " \t\n"):
		return true
	case strings.HasPrefix(t, "$__file{"), strings.HasPrefix(t, "$__env{"), strings.HasPrefix(t, "$__vault{"),
		strings.HasPrefix(t, "ext:"), strings.HasPrefix(t, "file:"), strings.HasPrefix(t, "env:"),
		strings.HasPrefix(t, "$"), strings.HasPrefix(t, "%"), strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}"),
		strings.HasPrefix(t, "@") && strings.HasSuffix(t, "@") && len(t) > 2,
		strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">"):
		return true
	}
	return false
}

// secKnownPrefix names credential formats recognizable by their prefix.
func secKnownPrefix(s string) (string, bool) {
	for _, k := range []struct{ prefix, what string }{
		{"ghp_", "a GitHub token"}, {"gho_", "a GitHub token"}, {"ghs_", "a GitHub token"}, {"github_pat_", "a GitHub token"},
		{"glpat-", "a GitLab token"}, {"xoxb-", "a Slack token"}, {"xoxp-", "a Slack token"}, {"AKIA", "an AWS access key"},
		{"tskey-", "a Tailscale key"}, {"sk-", "an API secret key"}, {"AGE-SECRET-KEY-", "an age private key"},
		{"-----BEGIN", "a PEM private key"},
	} {
		if strings.HasPrefix(strings.TrimSpace(s), k.prefix) {
			if k.prefix == "-----BEGIN" && !strings.Contains(s, "PRIVATE KEY") {
				continue
			}
			return k.what, true
		}
	}
	return "", false
}

// secName reports option or key names that say they hold a secret: the
// name ends with one of these words (case and separators ignored), so
// `passwordFile`, `tokenizer` or `hashedPassword` do not match.
// secNameSeparators are dropped before matching a name (api_key, api-key).
var secNameSeparators = strings.NewReplacer("_", "", "-", "", ".", "")

func secName(name string) bool {
	// Most option names have none of these parts: answer without
	// allocating (this runs for every definition, on every keystroke).
	if !secContainsFold(name, "pas") && !secContainsFold(name, "pw") && !secContainsFold(name, "secret") &&
		!secContainsFold(name, "token") && !secContainsFold(name, "key") && !secContainsFold(name, "psk") &&
		!secContainsFold(name, "credential") {
		return false
	}
	n := strings.ToLower(secNameSeparators.Replace(name))
	if strings.Contains(n, "hash") || strings.HasPrefix(n, "use") || strings.HasPrefix(n, "enable") {
		return false
	}
	if n == "pass" || n == "pw" {
		return true
	}
	for _, w := range []string{"password", "passwd", "passphrase", "secret", "secretkey", "token", "apikey", "privatekey",
		"psk", "credential", "credentials", "authkey", "accesskey", "clientsecret", "masterkey", "encryptionkey"} {
		if strings.HasSuffix(n, w) {
			return true
		}
	}
	return false
}

// secWritten is the definition's option path as the source spells it.
func secWritten(d *Definition) string {
	if d.WrittenPath != nil {
		return JoinPath(d.WrittenPath)
	}
	return d.PathString()
}

// secContainsFold reports whether s contains the lower-case ASCII word w,
// ignoring ASCII case, without allocating.
func secContainsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		j := 0
		for ; j < len(w); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w[j] {
				break
			}
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

// secHasPrefix reports whether path starts with the dotted pattern ("*"
// matches one name).
func secHasPrefix(p []string, pattern string) bool { return matchPrefix(secSplit(pattern), p) }

// secPatterns caches split patterns: the checks run them against every
// definition of every system, on each keystroke in the editor.
var secPatterns sync.Map // string → []string

// secSplit is SplitPath for the rules' constant patterns, cached.
func secSplit(pattern string) []string {
	if v, ok := secPatterns.Load(pattern); ok {
		return v.([]string)
	}
	p := SplitPath(pattern)
	secPatterns.Store(pattern, p)
	return p
}

// secRenameFix rewrites `name = "literal";` into `newName = "value";`
// (keeping mk* wrappers). Offered only for a literal written at its own
// binding whose last name is the option, when newName is not set already.
func secRenameFix(d *Definition, newName, value, title string) (diagnostics.Fix, bool) {
	if d.Binding.Kind() != nixast.KindBinding || !d.Key.Valid() || d.Key.Kind() != nixast.KindIdentifier || !isLiteral(d.Node) ||
		!within(d.Node, d.Binding) {
		return diagnostics.Fix{}, false
	}
	wp := d.Path
	if d.WrittenPath != nil {
		wp = d.WrittenPath
	}
	if d.Key.Text() != wp[len(wp)-1] {
		return diagnostics.Fix{}, false
	}
	sib := append(append([]string(nil), d.Path[:len(d.Path)-1]...), newName)
	if len(d.System.Lookup(sib...)) > 0 {
		return diagnostics.Fix{}, false
	}
	return diagnostics.Fix{Title: title, Edits: []diagnostics.Edit{edit(d.Key, newName), edit(d.Node, quote(value))}}, true
}

func secSafeName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "secret"
	}
	return b.String()
}

// ---------------------------------------------------------------------------
// SEC-001, SEC-002: users

func (c *secChecker) userPasswords(s *System) {
	var members []groupMember
	membersDone := false
	sshPw, sshDef := secSSHPasswords(s)
	mutable := true
	if v, d, ok := s.Get("users", "mutableUsers"); ok && v.IsBool(false) && d.Confidence() == diagnostics.Definite {
		mutable = false
	}
	for _, u := range namesUnder(s, []string{"users", "users"}) {
		for _, opt := range []string{"password", "initialPassword"} {
			for _, d := range s.Effective("users", "users", u, opt) {
				pw, ok := secLiteral(d.Value)
				if !ok {
					continue
				}
				sev := diagnostics.High
				var why []string
				if opt == "initialPassword" && mutable {
					sev = diagnostics.Medium
					why = append(why, "it stays the login password until someone changes it")
				}
				if !membersDone {
					members, membersDone = groupMembers(s), true
				}
				var rel []diagnostics.Related
				switch {
				case u == "root":
					sev++
					why = append(why, "any local user can read it and `su` to root")
				case inGroup(members, u, "wheel") && sshPw:
					sev++
					why = append(why, "the user is in wheel and sshd accepts passwords")
					rel = append(rel, relatedDef(sshDef, "sshd is enabled here without PasswordAuthentication = false"))
				}
				what := "a plaintext password " + secMask(pw)
				if pw == "" {
					what = "the empty password"
				}
				msg := fmt.Sprintf("%s is %s: the users module writes it to the world-readable Nix store", secWritten(d), what)
				if len(why) > 0 {
					msg += "; " + strings.Join(why, "; ")
				}
				f := c.report(SecPlainPassword, d, nixast.Node{}, sev, false, "%s", msg)
				f.Related = append(f.Related, rel...)
			}
		}
	}
}

// secSSHPasswords reports whether sshd is enabled and PasswordAuthentication
// is not turned off (its NixOS default is true).
func secSSHPasswords(s *System) (bool, *Definition) {
	var en *Definition
	for _, d := range s.Effective("services", "openssh", "enable") {
		if d.Value.IsBool(true) {
			en = d
		}
	}
	if en == nil {
		return false, nil
	}
	path := []string{"services", "openssh", "settings", "PasswordAuthentication"}
	defs := s.Effective(path...)
	if len(defs) == 0 {
		return !s.MaybeSet(path...), en
	}
	for _, d := range defs {
		if !d.Value.IsBool(false) {
			return d.Value.IsBool(true), en
		}
	}
	return false, nil
}

// secHashScheme classifies a crypt(3) hash: strong, weak (with its name),
// or no hash at all.
func secHashScheme(h string) (name string, strong bool) {
	for _, k := range []struct{ prefix, name string }{
		{"$y$", "yescrypt"}, {"$gy$", "gost-yescrypt"}, {"$7$", "scrypt"}, {"$2b$", "bcrypt"}, {"$2y$", "bcrypt"}, {"$2a$", "bcrypt"}, {"$6$", "sha512crypt"},
	} {
		if strings.HasPrefix(h, k.prefix) {
			return k.name, true
		}
	}
	for _, k := range []struct{ prefix, name string }{
		{"$1$", "an md5crypt"}, {"$5$", "a sha256crypt"}, {"$3$", "an NT"}, {"$md5", "a Sun md5crypt"}, {"$sha1$", "a sha1crypt"}, {"$2x$", "a bcrypt $2x$"},
	} {
		if strings.HasPrefix(h, k.prefix) {
			return k.name, false
		}
	}
	if strings.HasPrefix(h, "_") && len(h) == 20 {
		return "a bsdicrypt", false
	}
	if len(h) == 13 && desHashRe.MatchString(h) {
		return "a DES crypt", false
	}
	return "", false
}

var desHashRe = regexp.MustCompile(`^[./0-9A-Za-z]{13}$`)

func (c *secChecker) userHashes(s *System) {
	for _, u := range namesUnder(s, []string{"users", "users"}) {
		for _, opt := range []string{"hashedPassword", "initialHashedPassword"} {
			for _, d := range s.Effective("users", "users", u, opt) {
				h, ok := secLiteral(d.Value)
				if !ok {
					continue
				}
				locked := strings.TrimLeft(h, "!")
				if h != "" && (locked == "" || locked == "*") {
					continue // login by password disabled
				}
				var sev diagnostics.Severity
				var msg string
				switch scheme, strong := secHashScheme(locked); {
				case h == "":
					sev, msg = diagnostics.High, fmt.Sprintf("%s is empty: %s can log in locally without a password", secWritten(d), JoinPath([]string{u}))
				case strong:
					sev, msg = diagnostics.Low, fmt.Sprintf("%s embeds a %s hash (%s): it is world-readable in the Nix store, open to offline cracking", secWritten(d), scheme, secMask(h))
				case scheme != "":
					sev, msg = diagnostics.Medium, fmt.Sprintf("%s is %s hash (%s), which is fast to crack and no longer accepted by NixOS's libxcrypt; it is also world-readable in the Nix store", secWritten(d), scheme, secMask(h))
				default:
					sev, msg = diagnostics.Medium, fmt.Sprintf("%s (%s) is not a crypt(3) hash libxcrypt accepts (a plaintext password by mistake?): password login fails, and the value is world-readable in the Nix store", secWritten(d), secMask(h))
				}
				f := c.report(SecPasswordHash, d, nixast.Node{}, sev, false, "%s", msg)
				if fix, ok := secRenameFix(d, "hashedPasswordFile", "/run/secrets/"+secSafeName(u)+"-password-hash", "Read the hash from a runtime secret file (hashedPasswordFile)"); ok {
					f.Fixes = append(f.Fixes, fix)
				}
			}
		}
	}
}

// ---------------------------------------------------------------------------
// SEC-003: module options

type secOption struct {
	pattern string
	file    string // the option to use instead, "" for none (fix and message)
	key     bool   // a private key: critical
}

// secOptions are options whose nixpkgs documentation says the value lands
// in the store.
var secOptions = []secOption{
	{"services.redis.servers.*.requirePass", "requirePassFile", false},
	{"services.redis.servers.*.masterAuth", "", false},
	{"networking.wireguard.interfaces.*.privateKey", "privateKeyFile", true},
	{"networking.wg-quick.interfaces.*.privateKey", "privateKeyFile", true},
	{"services.borgbackup.jobs.*.encryption.passphrase", "passCommand", false},
	{"services.nginx.virtualHosts.*.basicAuth.*", "", false},
	{"services.nginx.virtualHosts.*.locations.*.basicAuth.*", "", false},
	{"boot.loader.grub.users.*.password", "", false},
	{"services.mongodb.initialRootPassword", "initialRootPasswordFile", false},
	{"services.grafana.settings.security.admin_password", "", false},
	{"virtualisation.incus.preseed.config.\"core.trust_password\"", "", false},
}

// secOwned are option trees other rules judge (SEC-001/002, 004, 006, 009,
// NIX-015) or where secret-named options hold references by design.
var secOwned = []string{
	"users.users", "environment.etc", "environment.variables", "environment.sessionVariables",
	"systemd.services.*.environment", "systemd.user.services.*.environment", "systemd.services.*.serviceConfig.Environment",
	"virtualisation.oci-containers.containers.*.environment", "networking.wireless", "networking.networkmanager.ensureProfiles",
	"nix", "sops", "age", "clan", "boot.loader.grub.users",
}

func (c *secChecker) moduleOptions(s *System) {
	seen := map[*Definition]bool{}
	for _, o := range secOptions {
		for _, d := range s.Match(o.pattern) {
			if !d.Active() || seen[d] || len(d.Path) != len(secSplit(o.pattern)) {
				continue
			}
			seen[d] = true
			v, ok := secLiteral(d.Value)
			if !ok || secReference(v) {
				continue
			}
			if strings.HasPrefix(o.pattern, "boot.loader.grub.users") && strings.HasPrefix(v, "grub.pbkdf2.") {
				continue // a hash (hashedPassword belongs there, but it is not plain text)
			}
			sev := diagnostics.High
			what := "in plain text"
			if o.key {
				sev, what = diagnostics.Critical, "a private key"
			}
			if k, ok := secKnownPrefix(v); ok {
				sev, what = diagnostics.Critical, k
			}
			f := c.report(SecModuleOption, d, nixast.Node{}, sev, false, "%s holds %s (%s): it is written to the world-readable Nix store", secWritten(d), what, secMask(v))
			if o.file == "" {
				continue
			}
			value := "/run/secrets/" + secSafeName(d.Path[len(d.Path)-2])
			title := "Read it from a runtime secret file (" + o.file + ")"
			if o.file == "passCommand" {
				value = "cat " + value
				title = "Read it from a runtime secret file (passCommand)"
			}
			if fix, ok := secRenameFix(d, o.file, value, title); ok {
				f.Fixes = append(f.Fixes, fix)
			}
		}
	}
	// The heuristic: any option named like a secret. Test fixtures are
	// full of fake credentials (catalog FP), so it skips them.
	if secThrowaway(s) {
		return
	}
	for _, d := range s.Defs {
		if seen[d] || !d.Active() || len(d.Path) < 2 || !secName(d.Path[len(d.Path)-1]) || secOwnedPath(d.Path) {
			continue
		}
		if n := len(d.Path); n >= 4 && d.Path[n-4] == "users" && d.Path[n-3] == "users" {
			continue // users.users of a system nixsec did not recognize (SEC-001/002 territory)
		}
		if d.Path[0] == "services" && len(d.Path) >= 5 && d.Path[1] == "grafana" && d.Path[len(d.Path)-1] == "secret_key" {
			if v, _ := secLiteral(d.Value); v == grafanaDefaultKey {
				continue // SEC-008
			}
		}
		v, ok := secLiteral(d.Value)
		if !ok || secReference(v) || !secLooksSecret(v, d.Path[len(d.Path)-1]) {
			continue
		}
		sev, possible, what := diagnostics.High, true, "what its name says is a secret"
		if k, ok := secKnownPrefix(v); ok {
			sev, possible, what = diagnostics.Critical, false, k
		}
		c.report(SecModuleOption, d, nixast.Node{}, sev, possible, "%s holds %s (%s) as a literal: it is written to the world-readable Nix store", secWritten(d), what, secMask(v))
	}
}

// secLooksSecret leaves out values under a secret-like name that are
// something else: durations and phrases ("1 year"), commands ("!rbw get
// x"), the entry's own name (a vault entry reference), placeholders.
func secLooksSecret(v, name string) bool {
	low := strings.ToLower(strings.TrimSpace(v))
	// A value that is itself named like a secret ("gmaps-api-key") names
	// one: a vault entry or credential id.
	if strings.ContainsAny(v, " \t\n") || strings.HasPrefix(v, "!") || low == strings.ToLower(name) || secName(v) {
		return false
	}
	switch low {
	case "unused", "none", "null", "dummy", "placeholder", "empty", "n/a", "-", "x", "true", "false", "yes", "no", "auto", "required", "optional", "disabled":
		return false
	}
	return true
}

func secOwnedPath(p []string) bool {
	for _, o := range secOwned {
		if secHasPrefix(p, o) {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// SEC-004: environment.etc

// secKVRe matches `key = value` / `key: value` lines of config formats
// (ini, env, yaml, netrc-like) whose key names a secret.
var secKVRe = regexp.MustCompile(`^\s*(?:export\s+)?([A-Za-z0-9_.\-]+)\s*[=:]\s*(.*?)\s*;?\s*$`)

var secPEMRe = regexp.MustCompile(`-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----`)

// secLineSecret finds a secret assignment in one line of a config text:
// the decoded range of its value.
func secLineSecret(line string) (key string, i, j int, ok bool) {
	t := strings.TrimSpace(line)
	if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, ";") || strings.HasPrefix(t, "//") || strings.HasPrefix(t, "--") {
		return "", 0, 0, false
	}
	m := secKVRe.FindStringSubmatchIndex(line)
	if m == nil {
		return "", 0, 0, false
	}
	key, val := line[m[2]:m[3]], line[m[4]:m[5]]
	if !secName(key) {
		return "", 0, 0, false
	}
	i, j = m[4], m[5]
	if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
		val, i, j = val[1:len(val)-1], i+1, j-1
	}
	low := strings.ToLower(val)
	if secReference(val) || strings.IndexByte(val, 0) >= 0 || low == "none" || low == "null" || low == "true" || low == "false" ||
		low == "yes" || low == "no" || low == "~" || strings.HasPrefix(val, "!") {
		return "", 0, 0, false
	}
	return key, i, j, true
}

func (c *secChecker) etcFiles(s *System) {
	for _, d := range s.Match("environment.etc") {
		if !d.Active() || len(d.Path) != 4 || secHostKeyEtc(d.Path[2]) {
			continue
		}
		name := d.Path[2]
		switch d.Path[3] {
		case "text":
			t, ok := nwDecode(d)
			if !ok {
				continue
			}
			if loc := secPEMRe.FindStringIndex(t.text); loc != nil {
				c.reportSpan(SecEtcFile, d, t, loc[0], loc[1], diagnostics.High, "environment.etc.%s.text holds a private key: /etc files are links into the world-readable Nix store, whatever their mode", JoinPath([]string{name}))
				continue
			}
			for _, l := range t.lines() {
				if key, i, j, ok := secLineSecret(l.text); ok {
					c.reportSpan(SecEtcFile, d, t, l.off+i, l.off+j, diagnostics.High, "environment.etc.%s.text sets %s to a literal (%s): /etc files are links into the world-readable Nix store, whatever their mode",
						JoinPath([]string{name}), key, secMask(l.text[i:j]))
					break // one finding per file: the fix is the same
				}
			}
		case "source":
			if n, base, ok := secPathNode(d); ok {
				if kind := secFileKind(base); kind != "" {
					c.report(SecEtcFile, d, n, diagnostics.High, false, "environment.etc.%s.source copies %s (%s) into the world-readable Nix store, whatever the entry's mode", JoinPath([]string{name}), base, kind)
				}
			}
		}
	}
}

// reportSpan reports at decoded range [i, j) of a text.
func (c *secChecker) reportSpan(r *Rule, d *Definition, t nwText, i, j int, sev diagnostics.Severity, format string, args ...any) {
	f := c.report(r, d, nixast.Node{}, sev, false, format, args...)
	if t.path != "" {
		f.Path, f.Span = t.path, t.span(i, j)
	}
}

// secPathNode returns the path literal a definition's value is (directly or
// through a variable), with its file name.
func secPathNode(d *Definition) (nixast.Node, string, bool) {
	v := d.Value
	if v.Kind != Path || !v.Node.Valid() || v.Node.Kind() != nixast.KindPath {
		return nixast.Node{}, "", false
	}
	p, ok := v.Str()
	if !ok {
		return nixast.Node{}, "", false
	}
	return v.Node, path.Base(p), true
}

// secFileKind says what a file name looks like when it looks secret: "a
// private key", "a secret"; "" otherwise. Encrypted containers meant for
// the store (age, gpg, sops yaml/json) and public material are not.
func secFileKind(base string) string {
	b := strings.ToLower(base)
	for _, ext := range []string{".pub", ".crt", ".cert", ".cer", ".age", ".gpg", ".asc", ".enc", ".yaml", ".yml", ".json", ".nix", ".sops", ".md", ".txt.age"} {
		if strings.HasSuffix(b, ext) {
			return ""
		}
	}
	switch {
	case b == "id_rsa" || b == "id_ed25519" || b == "id_ecdsa" || b == "id_dsa" || b == "id_ed25519_sk" || b == "id_ecdsa_sk",
		strings.HasPrefix(b, "ssh_host_") && strings.HasSuffix(b, "_key"),
		strings.HasSuffix(b, ".key"), strings.HasSuffix(b, "-key"), strings.HasSuffix(b, "_key"), strings.HasSuffix(b, ".p12"),
		strings.HasSuffix(b, ".pfx"), strings.HasSuffix(b, ".keytab"), strings.HasSuffix(b, ".jks"),
		strings.HasSuffix(b, ".pem") && (strings.Contains(b, "key") || strings.Contains(b, "priv")):
		return "a private key"
	case strings.HasSuffix(b, ".env"), b == ".netrc", b == "netrc", strings.Contains(b, "htpasswd"), strings.HasSuffix(b, ".psk"):
		return "a secret"
	}
	// secret.txt, wifi-password, api_token: a secret word in a file with no
	// extension or a plain-text one (credentials-helper.conf and
	// with-password.service are configuration, not secrets).
	stem, ext := b, path.Ext(b)
	switch ext {
	case "", ".txt", ".secret", ".pass", ".pw", ".token", ".cred", ".creds":
		stem = strings.TrimSuffix(b, ext)
	default:
		return ""
	}
	for _, w := range strings.FieldsFunc(stem, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		switch w {
		case "secret", "secrets", "password", "passwd", "passphrase", "token", "credentials", "creds", "apikey", "psk":
			return "a secret"
		}
	}
	return ""
}

// ---------------------------------------------------------------------------
// SEC-005: files copied into the store

// secFileOption reports option names that take a file holding a secret.
func secFileOption(name string) bool {
	if !secContainsFold(name, "file") && !secContainsFold(name, "key") {
		return false // every suffix below ends in one of these
	}
	n := strings.ToLower(name)
	for _, w := range []string{"passwordfile", "passphrasefile", "keyfile", "secretfile", "secretsfile", "tokenfile", "credentialsfile",
		"credentialfile", "authkeyfile", "apikeyfile", "sslcertificatekey", "sslserverkey", "htpasswdfile", "basicauthfile", "pskfile"} {
		if strings.HasSuffix(n, w) {
			return true
		}
	}
	return false
}

var secProducers = map[string]bool{"writeText": true, "writeTextFile": true, "writeTextDir": true, "toFile": true, "writeShellScript": true, "writeScript": true}

var secReadFns = map[string]bool{"readFile": true, "fileContents": true, "importJSON": true, "importTOML": true}

// secStoreCopyOwned leaves out what other checks own or what is meant to
// be in the store: sops/agenix declarations, test expectations and
// scripts, build machines (NIX-013), /etc (SEC-004). Compared name by name:
// this runs for every definition.
func secStoreCopyOwned(p []string) bool {
	if p[len(p)-1] == "testScript" {
		return true
	}
	switch p[0] {
	case "sops", "age", "nmt":
		return true
	case "nix":
		return len(p) > 1 && p[1] == "buildMachines"
	case "environment":
		return len(p) > 1 && p[1] == "etc"
	}
	return false
}

func (c *secChecker) storeCopies(s *System) {
	for _, d := range s.Defs {
		if !d.Active() || !d.Node.Valid() || len(d.Path) == 0 || secStoreCopyOwned(d.Path) {
			continue
		}
		last := d.Path[len(d.Path)-1]
		fileOpt := secFileOption(last)
		// The value itself: a path literal (maybe through a let) or a store
		// path producer given to a secret file option.
		if n, base, ok := secPathNode(d); ok && !within(n, d.Node) {
			c.storeCopyPath(d, n, base, fileOpt)
		}
		if fileOpt {
			if f, _ := applyParts(d.Node.Unparen()); f.Valid() && d.Node.Unparen().Kind() == nixast.KindApply && secProducers[secLastName(f)] {
				c.reportOnce(SecStoreCopy, d, d.Node, diagnostics.High, false, "%s is given %s: its content is written to the world-readable Nix store", secWritten(d), short(f))
			}
		}
		secWalk(d.Node, func(n nixast.Node) bool {
			switch n.Kind() {
			case nixast.KindPath:
				if t := n.Text(); !strings.HasPrefix(t, "<") && !strings.HasPrefix(t, "~") {
					c.storeCopyPath(d, n, path.Base(t), fileOpt && n == d.Node.Unparen())
				}
			case nixast.KindApply:
				f, args := applyParts(n)
				name := secLastName(f)
				if name == "import" || name == "callPackage" {
					return false // evaluated, not copied
				}
				if secReadFns[name] && len(args) == 1 {
					c.readFile(d, n, args[0])
					return false
				}
			case nixast.KindFunction:
				return false
			}
			return true
		})
	}
}

// secLastName is the last name of a callee: `builtins.readFile` → readFile.
func secLastName(f nixast.Node) string {
	t := strings.TrimSpace(f.Text())
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		t = t[i+1:]
	}
	return t
}

// secWalk visits n and its descendants in preorder; fn returns false to
// skip a node's children.
func secWalk(n nixast.Node, fn func(nixast.Node) bool) {
	if !n.Valid() || !fn(n) {
		return
	}
	for ch := n.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
		secWalk(ch, fn)
	}
}

func (c *secChecker) storeCopyPath(d *Definition, n nixast.Node, base string, fileOpt bool) {
	kind := secFileKind(base)
	if kind == "" && !fileOpt {
		return
	}
	low := strings.ToLower(base)
	if strings.HasSuffix(low, ".age") || strings.HasSuffix(low, ".gpg") || strings.HasSuffix(low, ".pub") || strings.HasSuffix(low, ".yaml") || strings.HasSuffix(low, ".json") {
		return
	}
	sev := diagnostics.High
	if kind == "a private key" {
		sev = diagnostics.Critical
	}
	if kind == "" {
		kind = "the file " + secWritten(d) + " expects to be secret"
	}
	f := c.reportOnce(SecStoreCopy, d, n, sev, false, "%s: the path literal %s copies %s into the world-readable Nix store when the configuration is evaluated", secWritten(d), base, kind)
	if f == nil || !fileOpt || n != d.Node.Unparen() {
		return
	}
	fix := ReplaceNode(n, quote("/run/secrets/"+secSafeName(base)), "Use a runtime path (provision /run/secrets/"+secSafeName(base)+" with sops-nix or agenix)", false)
	f.Fixes = append(f.Fixes, fix)
}

func (c *secChecker) readFile(d *Definition, call, arg nixast.Node) {
	a := arg.Unparen()
	var what string
	sev := diagnostics.High
	switch a.Kind() {
	case nixast.KindPath:
		base := path.Base(a.Text())
		kind := secFileKind(base)
		if kind == "" {
			return
		}
		if kind == "a private key" {
			sev = diagnostics.Critical
		}
		what = fmt.Sprintf("%s (%s)", base, kind)
	case nixast.KindString:
		t, ok := nixast.PlainString(a)
		if !ok || !secRuntimeSecretPath(t) {
			return
		}
		what = "the runtime secret " + t
	case nixast.KindSelect:
		t := strings.Join(strings.Fields(a.Text()), "")
		if !(strings.Contains(t, "sops.secrets.") || strings.Contains(t, "age.secrets.")) || !strings.HasSuffix(t, ".path") {
			return
		}
		what = "the runtime secret " + short(a)
	default:
		return
	}
	c.reportOnce(SecStoreCopy, d, call, sev, false, "%s reads %s at evaluation time: its content is inlined into the world-readable Nix store", secWritten(d), what)
}

func secRuntimeSecretPath(p string) bool {
	for _, pre := range []string{"/run/secrets", "/run/agenix", "/run/credentials", "/var/lib/secrets", "/etc/secrets"} {
		if strings.HasPrefix(p, pre) {
			return true
		}
	}
	return false
}

// reportOnce reports unless the place is already reported (by SEC-007, or
// through another definition sharing a let-bound value).
func (c *secChecker) reportOnce(r *Rule, d *Definition, at nixast.Node, sev diagnostics.Severity, possible bool, format string, args ...any) *diagnostics.Finding {
	if c.claimed[secPlace{d.System, at.File().Path, at.Span()}] {
		return nil
	}
	return c.report(r, d, at, sev, possible, format, args...)
}

// ---------------------------------------------------------------------------
// SEC-006: environment variables

// secEnvName reports variable names that hold a secret by their last word.
func secEnvName(name string) bool {
	n := strings.ToUpper(name)
	words := strings.FieldsFunc(n, func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	switch last {
	case "TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASS", "PASSPHRASE", "PSK", "CREDENTIALS", "APIKEY", "SECRETKEY", "PRIVATEKEY":
		return true
	case "KEY":
		if len(words) >= 2 {
			switch words[len(words)-2] {
			case "API", "SECRET", "ACCESS", "PRIVATE", "AUTH", "MASTER", "ENCRYPTION", "SIGNING", "LICENSE":
				return true
			}
		}
	}
	return false
}

var secURLPassRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.\-]*://[^/:@\s]+:([^@\s/]+)@`)

// secEnvSecret reports whether NAME=value leaks a secret: what to say,
// and the decoded range of the secret in value.
func secEnvSecret(name, value string) (string, int, int, bool) {
	if secEnvName(name) && !secReference(value) && strings.IndexByte(value, 0) < 0 {
		return "a literal " + secMask(value), 0, len(value), true
	}
	if m := secURLPassRe.FindStringSubmatchIndex(value); m != nil {
		pw := value[m[2]:m[3]]
		if !secReference(pw) && strings.IndexByte(pw, 0) < 0 {
			return "a URL with the password " + secMask(pw), m[2], m[3], true
		}
	}
	return "", 0, 0, false
}

func (c *secChecker) envVars(s *System) {
	for _, base := range []string{"environment.variables", "environment.sessionVariables"} {
		for _, d := range s.Match(base) {
			if d.Active() && len(d.Path) == 3 {
				c.envVar(d, d.Path[2])
			}
		}
	}
	for _, pat := range []string{"systemd.services.*.environment", "systemd.user.services.*.environment", "virtualisation.oci-containers.containers.*.environment"} {
		n := len(secSplit(pat))
		for _, d := range s.Match(pat) {
			if d.Active() && len(d.Path) == n+1 {
				c.envVar(d, d.Path[n])
			}
		}
	}
	for _, pat := range []string{"systemd.services.*.serviceConfig.Environment", "systemd.user.services.*.serviceConfig.Environment"} {
		n := len(secSplit(pat))
		for _, d := range s.Match(pat) {
			if !d.Active() || len(d.Path) != n {
				continue
			}
			vals := []Value{d.Value}
			if d.Value.Kind == List {
				vals = d.Value.List
			}
			for _, v := range vals {
				t, ok := nwDecodeValue(v, d.Node)
				if !ok {
					continue
				}
				// Environment= takes space-separated NAME=value assignments.
				for off := 0; off < len(t.text); {
					end := strings.IndexAny(t.text[off:], " \t\n")
					if end < 0 {
						end = len(t.text)
					} else {
						end += off
					}
					if eq := strings.IndexByte(t.text[off:end], '='); eq > 0 {
						name, val := t.text[off:off+eq], t.text[off+eq+1:end]
						val = strings.Trim(val, `"'`)
						if what, i, j, ok := secEnvSecret(name, val); ok {
							vs := off + eq + 1 + strings.Index(t.text[off+eq+1:end], val)
							c.reportSpan(SecEnvVar, d, t, vs+i, vs+j, diagnostics.High, "%s sets %s to %s: unit files are world-readable in the Nix store and the environment is visible to `systemctl show`", secWritten(d), name, what)
						}
					}
					off = end + 1
				}
			}
		}
	}
}

func (c *secChecker) envVar(d *Definition, name string) {
	v, ok := secLiteral(d.Value)
	if !ok {
		return
	}
	what, i, j, ok := secEnvSecret(name, v)
	if !ok {
		return
	}
	where := "unit files and profiles are world-readable in the Nix store"
	if strings.HasPrefix(d.Path[0], "virtualisation") {
		where = "the container's unit is world-readable in the Nix store and `podman inspect`/`docker inspect` show it"
	}
	t, tok := nwDecodeValue(d.Value, d.Node)
	if tok && (i > 0 || j < len(v)) && within(d.Value.Node, d.Node) {
		c.reportSpan(SecEnvVar, d, t, i, j, diagnostics.High, "%s is %s: %s", secWritten(d), what, where)
		return
	}
	c.report(SecEnvVar, d, nixast.Node{}, diagnostics.High, false, "%s is %s: %s", secWritten(d), what, where)
}

// ---------------------------------------------------------------------------
// SEC-007: host and infrastructure keys

// secHostKeyEtc recognizes /etc names of SSH host private keys.
func secHostKeyEtc(name string) bool {
	b := path.Base(name)
	return strings.HasPrefix(name, "ssh/") && strings.HasPrefix(b, "ssh_host_") && strings.HasSuffix(b, "_key")
}

func (c *secChecker) hostKeys(s *System) {
	for _, d := range s.Match("environment.etc") {
		if !d.Active() || len(d.Path) != 4 || !secHostKeyEtc(d.Path[2]) {
			continue
		}
		switch d.Path[3] {
		case "source":
			if n, _, ok := secPathNode(d); ok {
				c.report(SecHostKey, d, n, diagnostics.Critical, false, "environment.etc.%s.source copies the SSH host private key into the world-readable Nix store: anyone who reads it can impersonate this host", JoinPath([]string{d.Path[2]}))
			} else if t, ok := secLiteral(d.Value); ok && strings.HasPrefix(t, "/nix/store/") {
				c.report(SecHostKey, d, nixast.Node{}, diagnostics.Critical, false, "environment.etc.%s.source is a store path: the SSH host private key is world-readable", JoinPath([]string{d.Path[2]}))
			}
		case "text":
			if t, ok := secLiteral(d.Value); ok && strings.TrimSpace(t) != "" {
				c.report(SecHostKey, d, nixast.Node{}, diagnostics.Critical, false, "environment.etc.%s.text writes the SSH host private key into the world-readable Nix store", JoinPath([]string{d.Path[2]}))
			}
		}
	}
	for _, d := range s.Effective("services", "openssh", "hostKeys") {
		for _, el := range defElems(d) {
			if p, ok := el.Value.Attr("path"); ok {
				if t, ok := p.Str(); ok && (p.Kind == Path || strings.HasPrefix(t, "/nix/store/")) {
					at := el.Node
					if p.Node.Valid() && within(p.Node, d.Node) {
						at = p.Node
					}
					c.report(SecHostKey, d, at, diagnostics.Critical, false, "services.openssh.hostKeys: the host key %s is in the world-readable Nix store", path.Base(t))
				}
			}
		}
	}
	for _, d := range s.Match("boot.initrd.luks.devices.*.keyFile") {
		if n, base, ok := secPathNode(d); ok && d.Active() && len(d.Path) == 6 {
			c.report(SecHostKey, d, n, diagnostics.Critical, false, "%s = %s copies the disk key into the world-readable Nix store: anyone who reads it can decrypt the disk", secWritten(d), base)
		}
	}
	for _, d := range s.Match("boot.initrd.secrets") {
		if n, base, ok := secPathNode(d); ok && d.Active() && len(d.Path) == 4 {
			c.report(SecHostKey, d, n, diagnostics.Critical, false, "%s = %s: the path literal copies the secret into the world-readable Nix store (give a string path to keep it out)", secWritten(d), base)
		}
	}
	for _, pat := range []string{"services.nginx.virtualHosts.*.sslCertificateKey", "services.httpd.virtualHosts.*.sslServerKey"} {
		for _, d := range s.Match(pat) {
			if n, base, ok := secPathNode(d); ok && d.Active() && len(d.Path) == 5 {
				c.report(SecHostKey, d, n, diagnostics.Critical, false, "%s = %s copies the TLS private key into the world-readable Nix store", secWritten(d), base)
			}
		}
	}
}

// ---------------------------------------------------------------------------
// SEC-008: Grafana

const grafanaDefaultKey = "SW2YcwTIb9zpOOhoPsMm"

func (c *secChecker) grafana(s *System) {
	for _, d := range s.Effective("services", "grafana", "settings", "security", "secret_key") {
		if v, ok := secLiteral(d.Value); ok && v == grafanaDefaultKey {
			c.report(SecGrafanaKey, d, nixast.Node{}, diagnostics.High, false, "%s is Grafana's public example key: anyone who reads grafana.db can decrypt the data-source credentials in it", secWritten(d))
		}
	}
}

// ---------------------------------------------------------------------------
// SEC-009: Wi-Fi

var secWpaPasswordRe = regexp.MustCompile(`password="([^"]*)"`)

func (c *secChecker) wifi(s *System) {
	for _, d := range s.Match("networking.wireless.networks") {
		if !d.Active() || len(d.Path) != 5 {
			continue
		}
		ssid := d.Path[3]
		switch d.Path[4] {
		case "psk", "pskRaw":
			v, ok := secLiteral(d.Value)
			if !ok || secReference(v) {
				continue
			}
			f := c.report(SecWifi, d, nixast.Node{}, diagnostics.Medium, false, "%s is the network key %s in plain text: it is written to the world-readable Nix store", secWritten(d), secMask(v))
			ref := "ext:psk_" + strings.ReplaceAll(secSafeName(ssid), "-", "_")
			var fix diagnostics.Fix
			if d.Path[4] == "psk" {
				fix, ok = secRenameFix(d, "pskRaw", ref, "Read the key from networking.wireless.secretsFile (pskRaw = \""+ref+"\")")
			} else {
				fix, ok = ReplaceValue(d, quote(ref), "Read the key from networking.wireless.secretsFile (\""+ref+"\")", false)
			}
			if ok {
				f.Fixes = append(f.Fixes, fix)
			}
		case "auth":
			t, ok := nwDecode(d)
			if !ok {
				continue
			}
			for _, m := range secWpaPasswordRe.FindAllStringSubmatchIndex(t.text, -1) {
				pw := t.text[m[2]:m[3]]
				if pw == "" || strings.HasPrefix(pw, "ext:") || strings.IndexByte(pw, 0) >= 0 || secReference(pw) {
					continue
				}
				c.reportSpan(SecWifi, d, t, m[2], m[3], diagnostics.Medium, "%s sets password=%s in plain text: it is written to the world-readable Nix store", secWritten(d), secMask(pw))
			}
		}
	}
	for _, d := range s.Match("networking.networkmanager.ensureProfiles.profiles") {
		if !d.Active() || len(d.Path) != 7 {
			continue
		}
		sec, key := d.Path[5], d.Path[6]
		if !(sec == "wifi-security" && key == "psk") && !(sec == "802-1x" && (key == "password" || key == "private-key-password")) {
			continue
		}
		v, ok := secLiteral(d.Value)
		if !ok || secReference(v) || strings.Contains(v, "$") {
			continue
		}
		c.report(SecWifi, d, nixast.Node{}, diagnostics.Medium, false, "%s is %s in plain text: NetworkManager profiles are written to the world-readable Nix store (use ensureProfiles.environmentFiles and $VARIABLES)", secWritten(d), secMask(v))
	}
}
