package analyzer

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Differential test: the unit NixOS would write for a service, scored by
// the real `systemd-analyze security --offline=true`, must give the same
// exposure as ScoreService (with the one derivation only the online mode
// makes turned off). Skipped where systemd-analyze (v250+) is absent.

var exposureLine = regexp.MustCompile(`Overall exposure level for [^:]+: (\d+)\.(\d)`)

// renderUnit writes the unit file NixOS would generate for the score's
// inputs: [Unit] from unitConfig, [Service] from serviceConfig.
func renderUnit(t *testing.T, sys *System, name string) string {
	t.Helper()
	sections := map[string][]string{}
	var keys []string
	for _, d := range sys.Defs {
		if len(d.Path) != 5 || d.Path[0] != "systemd" || d.Path[1] != "services" || d.Path[2] != name || !d.Active() {
			continue
		}
		sec := map[string]string{"serviceConfig": "Service", "unitConfig": "Unit"}[d.Path[3]]
		if sec == "" {
			continue
		}
		lines, ok := sysdUnitLines(d.Value)
		if !ok {
			t.Fatalf("%s: value not known", d.PathString())
		}
		for _, l := range lines {
			sections[sec] = append(sections[sec], d.Path[4]+"="+l)
		}
		keys = append(keys, d.Path[4])
	}
	if len(sections["Service"]) == 0 || !strings.Contains(strings.Join(sections["Service"], "\n"), "ExecStart=") {
		sections["Service"] = append([]string{"ExecStart=/bin/true"}, sections["Service"]...)
	}
	sort.Strings(keys)
	return "[Unit]\nDescription=nixsec differential test\n" + strings.Join(sections["Unit"], "\n") +
		"\n\n[Service]\n" + strings.Join(sections["Service"], "\n") + "\n"
}

func TestScoreMatchesSystemdAnalyze(t *testing.T) {
	bin, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze not installed")
	}
	dir := t.TempDir()
	probe := filepath.Join(dir, "probe.service")
	os.WriteFile(probe, []byte("[Service]\nExecStart=/bin/true\n"), 0o644)
	if out, err := exec.Command(bin, "security", "--offline=true", probe).CombinedOutput(); err != nil && !exposureLine.Match(out) {
		t.Skipf("systemd-analyze security --offline not usable: %v %s", err, out)
	}
	cases := []string{
		``,
		`User = "nobody";`,
		`User = "web";`,
		`DynamicUser = true;`,
		`SystemCallFilter = [ "@system-service" ]; SystemCallArchitectures = "native";`,
		`SystemCallFilter = [ "@system-service" "~@privileged" "~@resources" ];`,
		`SystemCallFilter = [ "~@mount" "~@swap" ];`,
		`SystemCallFilter = "~@privileged";`,
		`SystemCallFilter = [ "@system-service" "ptrace" ];`,
		`User = "web"; CapabilityBoundingSet = [ "CAP_NET_BIND_SERVICE" ]; AmbientCapabilities = [ "CAP_NET_BIND_SERVICE" ];`,
		`CapabilityBoundingSet = "~CAP_SYS_ADMIN";`,
		`CapabilityBoundingSet = "";`,
		`CapabilityBoundingSet = "CAP_NET_ADMIN CAP_NET_RAW";`,
		`RestrictAddressFamilies = [ "~AF_PACKET" ];`,
		`RestrictAddressFamilies = "none";`,
		`RestrictAddressFamilies = [ "AF_UNIX" "AF_INET" "AF_INET6" ];`,
		`RestrictAddressFamilies = "AF_UNIX";`,
		`IPAddressDeny = "any"; IPAddressAllow = "localhost";`,
		`IPAddressDeny = "any"; IPAddressAllow = [ "10.0.0.0/8" ];`,
		`IPAddressDeny = "any";`,
		`NoNewPrivileges = "yes"; ProtectSystem = "strict"; SystemCallArchitectures = "native"; RestrictNamespaces = "yes";`,
		`RestrictNamespaces = "~user";`,
		`RestrictNamespaces = [ "net" ];`,
		`ProtectHome = "read-only";`,
		`ProtectHome = "tmpfs";`,
		`ProtectSystem = "full";`,
		`ProtectSystem = true;`,
		`ProtectProc = "noaccess";`,
		`ProtectProc = "invisible"; ProcSubset = "pid";`,
		`UMask = "0027";`,
		`UMask = "0000";`,
		`UMask = "0007";`,
		`UMask = "0077";`,
		`KeyringMode = "shared";`,
		`NotifyAccess = "all";`,
		`Delegate = true;`,
		`DevicePolicy = "closed"; DeviceAllow = [ "/dev/ttyUSB0 rw" ];`,
		`DevicePolicy = "strict";`,
		`PrivateDevices = true;`,
		`PrivateDevices = true; ProtectClock = true;`,
		`ProtectClock = true;`,
		`ProtectKernelModules = true;`,
		`ProtectKernelLogs = true; ProtectKernelTunables = true; ProtectControlGroups = true; ProtectHostname = true;`,
		`RootDirectory = "/";`,
		`PrivateUsers = true; PrivateNetwork = true; PrivateMounts = true;`,
		`LockPersonality = true; MemoryDenyWriteExecute = true; RestrictRealtime = true; RestrictSUIDSGID = true; RemoveIPC = true;`,
		`User = "web"; SupplementaryGroups = [ "video" ]; RemoveIPC = true;`,
		`SystemCallArchitectures = "native x86";`,
		`User = "0";`,
		`RestrictNamespaces = [ "~user" "~net" ];`,
		`RestrictNamespaces = [ "net" "ipc" ];`,
		`RestrictAddressFamilies = [ "AF_UNIX" "~AF_UNIX" "AF_INET" ];`,
		`SystemCallFilter = [ "@known" ];`,
		`SystemCallFilter = [ "@system-service" "" "~@mount" ];`,
		`SystemCallFilter = [ "@default" "@basic-io" "@file-system" "@network-io" ];`,
		`SystemCallFilter = "~@obsolete @clock @cpu-emulation @debug @mount @module @raw-io @reboot @swap @privileged @resources";`,
		`CapabilityBoundingSet = [ "CAP_CHOWN" "~CAP_CHOWN" ];`,
		`CapabilityBoundingSet = [ "~CAP_SYS_ADMIN" "~CAP_NET_ADMIN" ]; AmbientCapabilities = [ "" ];`,
		`DevicePolicy = "closed"; DeviceAllow = [ "/dev/ttyUSB0 rw" "" ];`,
		`IPAddressDeny = [ "0.0.0.0/0" "::/0" ]; IPAddressAllow = [ "127.0.0.0/8" "::1/128" ];`,
		`DynamicUser = true; ProtectHome = "tmpfs"; SupplementaryGroups = [ "video" ];`,
		`User = "nobody"; DynamicUser = true;`,
		`KeyringMode = "inherit"; NotifyAccess = "main"; ProtectProc = "ptraceable"; ProcSubset = "all";`,
		`PrivateTmp = true; ProtectHome = true;`,
		`RootImage = "/srv/app.raw"; DevicePolicy = "closed";`,
	}
	// Offline mode reads unit files and does not derive PrivateMounts= from
	// other directives as the online mode (which ScoreService follows) does.
	scoreDerivePrivateMounts = false
	defer func() { scoreDerivePrivateMounts = true }()
	cases = append(cases, `unitConfig: unitConfig.DefaultDependencies = false;`,
		`unitConfig: unitConfig.DefaultDependencies = false; serviceConfig = { User = "web"; ProtectSystem = "strict"; };`)
	var hardened []string
	for _, l := range strings.Split(scoreHardenedTemplate, "\n") {
		if strings.Contains(l, "=") && !strings.Contains(l, "script") && !strings.Contains(l, "systemd.services") && !strings.Contains(l, "serviceConfig") {
			hardened = append(hardened, strings.TrimSpace(l))
		}
	}
	cases = append(cases, strings.Join(hardened, " "))
	for i, c := range cases {
		t.Run(fmt.Sprintf("%02d %s", i, c), func(t *testing.T) {
			src := `{ systemd.services.app = { script = "x"; serviceConfig = { ` + c + ` }; }; }`
			if strings.HasPrefix(c, "unitConfig:") {
				src = `{ systemd.services.app = { script = "x"; ` + strings.TrimPrefix(c, "unitConfig:") + ` }; }`
			}
			sys := buildSrc(t, src)
			unit := renderUnit(t, sys, "app")
			path := filepath.Join(dir, fmt.Sprintf("app%d.service", i))
			if err := os.WriteFile(path, []byte(unit), 0o644); err != nil {
				t.Fatal(err)
			}
			out, _ := exec.Command(bin, "security", "--offline=true", path).CombinedOutput()
			m := exposureLine.FindSubmatch(out)
			if m == nil {
				t.Fatalf("no exposure in output:\n%s\nunit:\n%s", out, unit)
			}
			a, _ := strconv.Atoi(string(m[1]))
			b, _ := strconv.Atoi(string(m[2]))
			want := a*10 + b
			got := ScoreService(sys, "app")
			if got.Exposure != want {
				t.Errorf("nixsec %s, systemd-analyze %d.%d\nunit:\n%s\nsystemd:\n%s\nnixsec:\n%s", got, a, b, unit, out, scoreRowDump(got))
			}
		})
	}
}
