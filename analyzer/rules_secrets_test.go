package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Fixtures cannot pin severities; these cases do, and check that no
// message prints the secret whole.
func TestSecretSeverities(t *testing.T) {
	for _, tc := range []struct {
		name, id, path, src string
		sev                 []diagnostics.Severity
		secret              string // must not appear in any message
	}{
		{"plain password", "NIXSEC-SEC-001", "a.nix", `{ users.users.alice.password = "hunter2-lab"; }`,
			[]diagnostics.Severity{diagnostics.High}, "hunter2-lab"},
		{"wheel with ssh passwords", "NIXSEC-SEC-001", "a.nix",
			`{ services.openssh.enable = true; users.users.alice = { extraGroups = [ "wheel" ]; password = "hunter2-lab"; }; }`,
			[]diagnostics.Severity{diagnostics.Critical}, "hunter2-lab"},
		{"wheel, ssh passwords off", "NIXSEC-SEC-001", "a.nix",
			`{ services.openssh = { enable = true; settings.PasswordAuthentication = false; }; users.users.alice = { extraGroups = [ "wheel" ]; password = "hunter2-lab"; }; }`,
			[]diagnostics.Severity{diagnostics.High}, "hunter2-lab"},
		{"root", "NIXSEC-SEC-001", "a.nix", `{ users.users.root.password = "toor-toor"; }`,
			[]diagnostics.Severity{diagnostics.Critical}, "toor-toor"},
		{"initial password, mutable users", "NIXSEC-SEC-001", "a.nix", `{ users.users.alice.initialPassword = "changeme-1"; }`,
			[]diagnostics.Severity{diagnostics.Medium}, "changeme-1"},
		{"initial password, immutable users", "NIXSEC-SEC-001", "a.nix", `{ users.mutableUsers = false; users.users.alice.initialPassword = "changeme-1"; }`,
			[]diagnostics.Severity{diagnostics.High}, "changeme-1"},
		{"test node", "NIXSEC-SEC-001", "t.nix",
			`{ pkgs, ... }: pkgs.testers.runNixOSTest { name = "x"; nodes.m = { users.users.root.password = "foobar-test"; }; testScript = ""; }`,
			[]diagnostics.Severity{diagnostics.Low}, "foobar-test"},
		{"installer", "NIXSEC-SEC-001", "iso.nix",
			`{ modulesPath, ... }: { imports = [ "${modulesPath}/installer/cd-dvd/installation-cd-minimal.nix" ]; users.users.root.password = "install-me"; }`,
			[]diagnostics.Severity{diagnostics.Low}, "install-me"},
		{"hash schemes", "NIXSEC-SEC-002", "a.nix",
			`{ users.users.a.hashedPassword = "$y$j9T$salt$hash"; users.users.b.hashedPassword = "$1$salt$hash"; users.users.c.hashedPassword = ""; }`,
			[]diagnostics.Severity{diagnostics.Low, diagnostics.Medium, diagnostics.High}, "$y$j9T$salt$hash"},
		{"private key option", "NIXSEC-SEC-003", "a.nix",
			`{ networking.wireguard.interfaces.wg0.privateKey = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk="; }`,
			[]diagnostics.Severity{diagnostics.Critical}, "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk="},
		{"redis password", "NIXSEC-SEC-003", "a.nix", `{ services.redis.servers.x.requirePass = "redis-secret"; }`,
			[]diagnostics.Severity{diagnostics.High}, "redis-secret"},
		{"grafana default key", "NIXSEC-SEC-008", "a.nix", `{ services.grafana.settings.security.secret_key = "SW2YcwTIb9zpOOhoPsMm"; }`,
			[]diagnostics.Severity{diagnostics.High}, ""},
		{"wifi", "NIXSEC-SEC-009", "a.nix", `{ networking.wireless.networks.home.psk = "correct horse"; }`,
			[]diagnostics.Severity{diagnostics.Medium}, "correct horse"},
		{"env var", "NIXSEC-SEC-006", "a.nix", `{ systemd.services.x.environment.API_TOKEN = "tok-123456"; }`,
			[]diagnostics.Severity{diagnostics.High}, "tok-123456"},
		{"host key", "NIXSEC-SEC-007", "a.nix", `{ boot.initrd.luks.devices.root.keyFile = ./root.key; }`,
			[]diagnostics.Severity{diagnostics.Critical}, ""},
		{"store copy of a private key", "NIXSEC-SEC-005", "a.nix", `{ services.x.settings.k = builtins.readFile ./id_ed25519; }`,
			[]diagnostics.Severity{diagnostics.Critical}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := nixast.Parse(tc.path, []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			fs := Analyze([]*nixast.File{f}, Options{Enabled: func(r *Rule) bool { return r.ID == tc.id }})
			var got []diagnostics.Severity
			for _, fd := range fs {
				if fd.RuleID != tc.id {
					continue
				}
				got = append(got, fd.Severity)
				if tc.secret != "" && strings.Contains(fd.Message, tc.secret) {
					t.Errorf("message prints the secret: %s", fd.Message)
				}
			}
			if len(got) != len(tc.sev) {
				t.Fatalf("got %v, want %v (%v)", got, tc.sev, fs)
			}
			for i := range got {
				if got[i] != tc.sev[i] {
					t.Errorf("finding %d: severity %s, want %s (%s)", i, got[i], tc.sev[i], fs[i].Message)
				}
			}
		})
	}
}

func TestSecMask(t *testing.T) {
	for in, want := range map[string]string{"": `""`, "abc": `"…"`, "hunter2": `"hu…"`, "\"\\secret": `"??…"`, "éèàçùô": `"éè…"`} {
		if got := secMask(in); got != want {
			t.Errorf("secMask(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestSecFileKind(t *testing.T) {
	for name, want := range map[string]string{
		"id_ed25519": "a private key", "wg0.key": "a private key", "ssh_host_rsa_key": "a private key", "tls-key.pem": "a private key",
		"api.env": "a secret", "api-token": "a secret", "restic-password.txt": "a secret",
		"id_ed25519.pub": "", "ca.crt": "", "secrets.yaml": "", "wg.key.age": "", "with-password.service": "", "credential-helper.git.conf": "",
		"cert.pem": "", "configuration.nix": "",
	} {
		if got := secFileKind(name); got != want {
			t.Errorf("secFileKind(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestSecNameFastPath: the allocation-free pre-filter of secName and
// secFileOption never changes their answer (checked against the plain
// normalize-and-match, on every name of the fixtures' models and a list
// of secret-like names).
func TestSecNameFastPath(t *testing.T) {
	slowName := func(name string) bool {
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
	slowFile := func(name string) bool {
		n := strings.ToLower(name)
		for _, w := range []string{"passwordfile", "passphrasefile", "keyfile", "secretfile", "secretsfile", "tokenfile", "credentialsfile",
			"credentialfile", "authkeyfile", "apikeyfile", "sslcertificatekey", "sslserverkey", "htpasswdfile", "basicauthfile", "pskfile"} {
			if strings.HasSuffix(n, w) {
				return true
			}
		}
		return false
	}
	names := []string{"password", "Password", "PASS", "pw", "PW", "api_key", "API-KEY", "client.secret", "AccessKey", "privateKey",
		"authKeyFile", "passwordFile", "sslCertificateKey", "SSLServerKey", "psk", "PSKFile", "credentials", "token", "Token_File",
		"enable", "isNormalUser", "proxyPass", "hashedPassword", "usePassword", "secret_key", "masterKey", "encryption_key", "keyFile"}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.nix"))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.FieldsFunc(string(src), func(r rune) bool {
			return !(r == '_' || r == '-' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
		}) {
			names = append(names, w)
		}
	}
	for _, n := range names {
		if secName(n) != slowName(n) || secFileOption(n) != slowFile(n) {
			t.Errorf("%q: secName %v (want %v), secFileOption %v (want %v)", n, secName(n), slowName(n), secFileOption(n), slowFile(n))
		}
	}
	if len(names) < 1000 {
		t.Fatalf("only %d names", len(names))
	}
}
