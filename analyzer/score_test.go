package analyzer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

// The catalog's hardened template (Part C.4), with DynamicUser.
const scoreHardenedTemplate = `{
  systemd.services.app = {
    script = "exec app";
    serviceConfig = {
      DynamicUser = true;
      StateDirectory = "app";
      NoNewPrivileges = true;
      PrivateTmp = true; PrivateDevices = true; PrivateUsers = true;
      ProtectSystem = "strict"; ProtectHome = true;
      ProtectKernelTunables = true; ProtectKernelModules = true; ProtectKernelLogs = true;
      ProtectControlGroups = true; ProtectClock = true; ProtectHostname = true;
      ProtectProc = "invisible"; ProcSubset = "pid";
      RestrictAddressFamilies = [ "AF_UNIX" "AF_INET" "AF_INET6" ];
      RestrictNamespaces = true; RestrictRealtime = true; RestrictSUIDSGID = true;
      LockPersonality = true; MemoryDenyWriteExecute = true;
      SystemCallArchitectures = "native";
      SystemCallFilter = [ "@system-service" "~@privileged" "~@resources" ];
      CapabilityBoundingSet = "";
      AmbientCapabilities = "";
      DevicePolicy = "closed";
      UMask = "0077";
      RemoveIPC = true;
    };
  };
}`

func scoreOfSrc(t *testing.T, src string) Score {
	t.Helper()
	return ScoreService(buildSrc(t, src), "app")
}

func scoreSvc(serviceConfig string) string {
	return `{ systemd.services.app = { script = "exec app"; serviceConfig = { ` + serviceConfig + ` }; }; }`
}

// Arithmetic notes. systemd sums ceil(badness*weight/range) over the
// applicable rows and divides by their total weight:
// exposure = ceil(100*badSum/weightSum). The 81 rows weigh 56460 together
// (the catalog's 56435 plus CapabilityBoundingSet=~CAP_BPF, 25).
//
// A service with nothing set runs as root: SupplementaryGroups= (200) and
// RemoveIPC= (100) are N/A, so weightSum = 56160. Every row is fully bad
// except KeyringMode (private, 1000), NotifyAccess (none, 1000), Delegate
// (no, 100), AmbientCapabilities (none, 500) and UMask (0022: badness 5/10,
// so 50 of its 100): badSum = 56160 - 2650 = 53510 (the catalog's 53485 + 25
// for CAP_BPF). 5351000/56160 = 95.28 → 96.
const scoreRootBad, scoreRootWeight = 53510, 56160

func TestScoreWorkedValues(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      int
		level     string
		why       string
	}{
		{"empty root service (catalog 9.6)", `{ systemd.services.app.script = "exec app"; }`, 96, "UNSAFE",
			"53510/56160 → 95.28 → 96"},
		{"catalog hardened template", scoreHardenedTemplate, 11, "OK",
			// Catalog: 5225/56435 → 1.0 (PrivateNetwork 2500, AF_INET 1500, AF_UNIX 25,
			// IPAddressDeny 1000, RootDirectory 200). systemd also adds
			// DeviceAllow=char-rtc r for ProtectClock=yes once DevicePolicy=closed
			// (unit_patch_contexts), so DeviceAllow= scores 5/10 → +500, and CAP_BPF
			// adds 25 to the weight: 5725/56460 = 10.14 → 11 → 1.1.
			"5725/56460 → 10.14 → 11"},
		{"User nobody", scoreSvc(`User = "nobody";`), 95, "UNSAFE",
			// Not privileged: SupplementaryGroups (good) and RemoveIPC (bad, 100)
			// count. User row 9/10 → 1800 instead of 2000.
			// 53510 - 2000 + 1800 + 100 = 53410 over 56460 → 94.60 → 95.
			"53410/56460"},
		{"DynamicUser alone", scoreSvc(`DynamicUser = true;`), 82, "EXPOSED",
			// User 0 (-2000); load-time implications: PrivateTmp (-1000),
			// ProtectSystem=strict (-1000), ProtectHome=read-only (10→5: -500),
			// NoNewPrivileges (-1000), RestrictSUIDSGID (-1000), RemoveIPC (good);
			// PrivateMounts derived (-1000). 53510 - 7500 = 46010 over 56460
			// → 81.49 → 82.
			"46010/56460"},
		{"DefaultDependencies=no", `{ systemd.services.app = { script = "x"; unitConfig.DefaultDependencies = false; }; }`, 95, "UNSAFE",
			// PrivateTmp, ProtectHome, ProtectSystem (1000 each) and RootDirectory
			// (200) become N/A: (53510-3200)/(56160-3200) = 50310/52960 → 95.00 → 95.
			"50310/52960"},
		{"system-service allow-list", scoreSvc(`SystemCallFilter = [ "@system-service" ]; SystemCallArchitectures = "native";`), 80, "EXPOSED",
			// The eleven filter rows weigh 8900; with the allow-list only
			// @privileged and @resources stay, at 9/10: 630 + 630.
			// Architectures: -1000. 53510 - 8900 + 1260 - 1000 = 44870 → 79.90 → 80.
			"44870/56160"},
		{"narrow capabilities as a static user", scoreSvc(`User = "web"; CapabilityBoundingSet = [ "CAP_NET_BIND_SERVICE" ]; AmbientCapabilities = [ "CAP_NET_BIND_SERVICE" ];`), 69, "MEDIUM",
			// The 26 capability rows weigh 14025; only NET_(BIND_SERVICE|...) (500)
			// stays bad: -13525. Ambient +500. User -2000. RemoveIPC +100 bad.
			// 53510 - 13525 + 500 - 2000 + 100 = 38585 over 56460 → 68.34 → 69.
			"38585/56460"},
		{"AF_PACKET deny-list", scoreSvc(`RestrictAddressFamilies = [ "~AF_PACKET" ];`), 94, "UNSAFE",
			// Deny-list mode: only the AF_PACKET row turns good (-1000):
			// 52510/56160 → 93.50 → 94.
			"52510/56160"},
		{"localhost-only IP access", scoreSvc(`IPAddressDeny = "any"; IPAddressAllow = "localhost";`), 94, "UNSAFE",
			// IPAddressDeny= 10 → 2: -800. 52710/56160 → 93.86 → 94.
			"52710/56160"},
		{"confinement full-apivfs", `{ systemd.services.app = { script = "x"; confinement.enable = true; }; }`, 77, "EXPOSED",
			// RootDirectory (-200), PrivateMounts, PrivateDevices, PrivateTmp,
			// PrivateUsers, ProtectControlGroups, ProtectKernelModules,
			// ProtectKernelTunables (-1000 each), capabilities cleared by
			// PrivateDevices (MKNOD -500, SYS_RAWIO -1000) and
			// ProtectKernelModules (SYS_MODULE -1000), DevicePolicy closed with no
			// extra devices (-1000): -10700. 42810/56160 → 76.23 → 77.
			"42810/56160"},
		{"string booleans and space-separated lists", scoreSvc(`NoNewPrivileges = "yes"; ProtectSystem = "strict"; SystemCallArchitectures = "native"; RestrictNamespaces = "yes";`), 81, "EXPOSED",
			// NoNewPrivileges -1000, ProtectSystem -1000, PrivateMounts (derived) -1000,
			// architectures -1000, the seven namespace rows -4100:
			// 53510 - 8100 = 45410 → 80.86 → 81.
			"45410/56160"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := scoreOfSrc(t, tc.src)
			if s.Exposure != tc.want || s.Level != tc.level {
				t.Errorf("got %s (%d), want %d %s (%s)\n%s", s, s.Exposure, tc.want, tc.level, tc.why, scoreRowDump(s))
			}
			if s.Approximate || s.Partial {
				t.Errorf("unexpectedly approximate: %v", s.Unknown)
			}
		})
	}
}

func scoreRowDump(s Score) string {
	var b strings.Builder
	for _, r := range s.Rows {
		if r.NA {
			fmt.Fprintf(&b, "  %-50s n/a\n", r.Name)
			continue
		}
		if r.Badness > 0 {
			fmt.Fprintf(&b, "  %-50s %d/%d × %d\n", r.Name, r.Badness, r.Range, r.Weight)
		}
	}
	return b.String()
}

func TestScoreTableTotals(t *testing.T) {
	total := 0
	for _, r := range scoreRows {
		total += r.weight
	}
	if len(scoreRows) != 81 || total != 56460 {
		t.Fatalf("%d rows weighing %d; want 81 weighing 56460", len(scoreRows), total)
	}
	s := scoreOfSrc(t, `{ systemd.services.app.script = "x"; }`)
	bad, weight := 0, 0
	for _, r := range s.Rows {
		if !r.NA {
			bad += sysdCeilDiv(r.Badness*r.Weight, r.Range)
			weight += r.Weight
		}
	}
	if bad != scoreRootBad || weight != scoreRootWeight {
		t.Fatalf("root service: %d/%d, want %d/%d", bad, weight, scoreRootBad, scoreRootWeight)
	}
}

func TestScoreHardenedRows(t *testing.T) {
	s := scoreOfSrc(t, scoreHardenedTemplate)
	var got []string
	for _, r := range s.Rows {
		if !r.NA && r.Badness > 0 {
			got = append(got, fmt.Sprintf("%s=%d", r.Name, r.Badness))
		}
	}
	want := "PrivateNetwork==1 RootDirectory=/RootImage==1 RestrictAddressFamilies=~AF_(INET|INET6)=1 RestrictAddressFamilies=~AF_UNIX=1 IPAddressDeny==10 DeviceAllow==5"
	if strings.Join(got, " ") != want {
		t.Errorf("bad rows %v\nwant %s", got, want)
	}
	for _, r := range s.Rows {
		if r.Name == "DeviceAllow=" && !strings.Contains(r.Description, "char-rtc") {
			t.Errorf("DeviceAllow description %q should name char-rtc", r.Description)
		}
	}
}

func TestScoreShapes(t *testing.T) {
	// The same hardening written in different shapes scores the same.
	want := scoreOfSrc(t, scoreSvc(`NoNewPrivileges = true; PrivateTmp = true; User = "app";`)).Exposure
	for name, src := range map[string]string{
		"dotted": `{ systemd.services.app.script = "x";
		  systemd.services.app.serviceConfig.NoNewPrivileges = true;
		  systemd.services.app.serviceConfig.PrivateTmp = true;
		  systemd.services.app.serviceConfig.User = "app"; }`,
		"let and //": `let hardening = { NoNewPrivileges = true; PrivateTmp = true; }; in
		  { systemd.services.app = { script = "x"; serviceConfig = hardening // { User = "app"; }; }; }`,
		"with lib mkForce mkDefault": `{ lib, ... }: with lib; {
		  systemd.services.app = { script = "x";
		    serviceConfig = { NoNewPrivileges = mkForce true; PrivateTmp = mkDefault true; User = "app"; }; }; }`,
	} {
		t.Run(name, func(t *testing.T) {
			s := scoreOfSrc(t, src)
			if s.Exposure != want || s.Approximate {
				t.Errorf("got %s (%v), want %d", s, s.Unknown, want)
			}
		})
	}
}

func TestScoreUncertainty(t *testing.T) {
	t.Run("opaque serviceConfig is partial", func(t *testing.T) {
		s := scoreOfSrc(t, `{ config, ... }: { systemd.services.app = { script = "x"; serviceConfig = config.hardening; }; }`)
		if !s.Partial || !s.Approximate {
			t.Errorf("want partial, got %s %v", s, s.Unknown)
		}
		if !strings.HasPrefix(s.String(), "≤") {
			t.Errorf("partial score renders as %q", s.String())
		}
	})
	t.Run("inherited serviceConfig is partial", func(t *testing.T) {
		s := scoreOfSrc(t, `{ cfg, ... }: { systemd.services.app = { script = "x"; inherit (cfg) serviceConfig; }; }`)
		if !s.Partial {
			t.Errorf("want partial, got %s %v", s, s.Unknown)
		}
	})
	t.Run("unknown systemd.services is partial", func(t *testing.T) {
		s := scoreOfSrc(t, `{ lib, names, ... }: { systemd.services = lib.genAttrs names (n: { }); systemd.services.app.script = "x"; }`)
		if !s.Partial {
			t.Errorf("want partial, got %s %v", s, s.Unknown)
		}
	})
	t.Run("unknown value is approximate and named", func(t *testing.T) {
		s := scoreOfSrc(t, `{ cfg, ... }: { systemd.services.app = { script = "x"; serviceConfig.ProtectSystem = cfg.mode; }; }`)
		if !s.Approximate || s.Partial || !strings.Contains(strings.Join(s.Unknown, ";"), "ProtectSystem") {
			t.Errorf("want approximate naming ProtectSystem, got %s %v", s, s.Unknown)
		}
	})
	t.Run("unrecognised value", func(t *testing.T) {
		s := scoreOfSrc(t, scoreSvc(`ProtectSystem = "sometimes";`))
		if !s.Approximate || !strings.Contains(strings.Join(s.Unknown, ";"), `"sometimes"`) {
			t.Errorf("got %s %v", s, s.Unknown)
		}
	})
	t.Run("conditional directive", func(t *testing.T) {
		s := scoreOfSrc(t, `{ config, lib, ... }: { systemd.services.app = { script = "x";
		  serviceConfig.PrivateNetwork = lib.mkIf config.offline true; }; }`)
		if !s.Approximate || !strings.Contains(strings.Join(s.Unknown, ";"), "PrivateNetwork (set under a condition)") {
			t.Errorf("got %s %v", s, s.Unknown)
		}
	})
	t.Run("service-wide condition is not uncertainty", func(t *testing.T) {
		s := scoreOfSrc(t, `{ config, lib, ... }: { config = lib.mkIf config.services.app.enable {
		  systemd.services.app = { script = "x"; serviceConfig.PrivateNetwork = true; }; }; }`)
		if s.Approximate {
			t.Errorf("got %s %v", s, s.Unknown)
		}
	})
	t.Run("script appended to a module's", func(t *testing.T) {
		s := scoreOfSrc(t, `{ lib, ... }: { systemd.services.app.script = lib.mkAfter "echo done"; }`)
		if !s.Partial {
			t.Errorf("mkAfter onto a script should be partial: %s", s)
		}
	})
	t.Run("service of an enabled module", func(t *testing.T) {
		s := scoreOfSrc(t, `{ services.app.enable = true; systemd.services.app.serviceConfig.ExecStart = "/bin/x"; }`)
		if !s.Partial {
			t.Errorf("services.app.enable makes app.service the module's: %s", s)
		}
	})
	t.Run("module service is partial", func(t *testing.T) {
		s := scoreOfSrc(t, `{ systemd.services.app.serviceConfig.ReadWritePaths = [ "/srv" ]; }`)
		if !s.Partial {
			t.Errorf("a unit the source only adjusts should be partial: %s", s)
		}
	})
}

func TestScoreValueMapping(t *testing.T) {
	row := func(s Score, name string) ScoreRow {
		for _, r := range s.Rows {
			if r.Name == name {
				return r
			}
		}
		t.Fatalf("no row %s", name)
		return ScoreRow{}
	}
	for _, tc := range []struct {
		cfg, row string
		badness  int
	}{
		{`CapabilityBoundingSet = "~CAP_SYS_ADMIN";`, "CapabilityBoundingSet=~CAP_SYS_ADMIN", 0},
		{`CapabilityBoundingSet = "~CAP_SYS_ADMIN";`, "CapabilityBoundingSet=~CAP_SYS_PTRACE", 1},
		{`CapabilityBoundingSet = [ "" ];`, "CapabilityBoundingSet=~CAP_SYS_PTRACE", 0},
		{`CapabilityBoundingSet = "CAP_NET_ADMIN CAP_NET_RAW";`, "CapabilityBoundingSet=~CAP_NET_ADMIN", 1},
		{`CapabilityBoundingSet = "CAP_NET_ADMIN CAP_NET_RAW";`, "CapabilityBoundingSet=~CAP_SYS_ADMIN", 0},
		{`AmbientCapabilities = [ "CAP_NET_BIND_SERVICE" ];`, "AmbientCapabilities=", 1},
		{`ProtectHome = "read-only";`, "ProtectHome=", 5},
		{`ProtectHome = "tmpfs";`, "ProtectHome=", 1},
		{`ProtectSystem = "full";`, "ProtectSystem=", 3},
		{`ProtectSystem = true;`, "ProtectSystem=", 5},
		{`ProtectProc = "noaccess";`, "ProtectProc=", 1},
		// The catalog scores 0027 and 0007 as 0; analyze-security.c checks the
		// group bits too: 0027 leaves files group-readable (1), 0007
		// group-writable (2).
		{`UMask = "0027";`, "UMask=", 1},
		{`UMask = "0077";`, "UMask=", 0},
		{`UMask = "0000";`, "UMask=", 10},
		{`UMask = "0007";`, "UMask=", 2},
		{`UMask = "0002";`, "UMask=", 5},
		{`KeyringMode = "shared";`, "KeyringMode=", 1},
		{`NotifyAccess = "all";`, "NotifyAccess=", 1},
		{`Delegate = true;`, "Delegate=", 1},
		{`RestrictNamespaces = "~user";`, "RestrictNamespaces=~user", 0},
		{`RestrictNamespaces = "~user";`, "RestrictNamespaces=~net", 1},
		{`RestrictNamespaces = [ "net" ];`, "RestrictNamespaces=~user", 0},
		{`RestrictNamespaces = [ "net" ];`, "RestrictNamespaces=~net", 1},
		{`RestrictAddressFamilies = "none";`, "RestrictAddressFamilies=~AF_(INET|INET6)", 0},
		{`RestrictAddressFamilies = "AF_UNIX";`, "RestrictAddressFamilies=~AF_UNIX", 1},
		{`RestrictAddressFamilies = "AF_UNIX";`, "RestrictAddressFamilies=~…", 0},
		{`SystemCallArchitectures = "native x86";`, "SystemCallArchitectures=", 8},
		{`SystemCallFilter = [ "~@mount" "~@swap" ];`, "SystemCallFilter=~@mount", 0},
		{`SystemCallFilter = [ "~@mount" "~@swap" ];`, "SystemCallFilter=~@debug", 10},
		{`SystemCallFilter = "~@privileged";`, "SystemCallFilter=~@clock", 0},
		{`SystemCallFilter = [ "@system-service" "ptrace" ];`, "SystemCallFilter=~@debug", 9},
		{`SystemCallFilter = [ "@system-service" ];`, "SystemCallFilter=~@mount", 0},
		{`SystemCallFilter = [ "@system-service" "~@privileged" ];`, "SystemCallFilter=~@privileged", 0},
		{`IPAddressDeny = "any"; IPAddressAllow = [ "10.0.0.0/8" ];`, "IPAddressDeny=", 5},
		{`IPAddressDeny = "any";`, "IPAddressDeny=", 0},
		{`IPAddressDeny = "0.0.0.0/0";`, "IPAddressDeny=", 10},
		{`DevicePolicy = "closed"; DeviceAllow = [ "/dev/ttyUSB0 rw" ];`, "DeviceAllow=", 5},
		{`DevicePolicy = "strict";`, "DeviceAllow=", 0},
		{`PrivateDevices = true;`, "DeviceAllow=", 0},
		{`PrivateDevices = true; ProtectClock = true;`, "DeviceAllow=", 5},
		{`ProtectClock = true;`, "DeviceAllow=", 10},
		{`PrivateTmp = "disconnected";`, "PrivateTmp=", 0},
		{`PrivateUsers = "self";`, "PrivateUsers=", 0},
		{`ProtectKernelModules = true;`, "CapabilityBoundingSet=~CAP_SYS_MODULE", 0},
		{`ProtectHome = "yes";`, "PrivateMounts=", 0},
		{`RootDirectory = "/";`, "RootDirectory=/RootImage=", 1},
		{`RootImage = "/srv/app.raw";`, "RootDirectory=/RootImage=", 0},
		{`User = "0";`, "User=/DynamicUser=", 10},
		{`User = "root"; DynamicUser = true;`, "User=/DynamicUser=", 10},
	} {
		t.Run(tc.cfg+" "+tc.row, func(t *testing.T) {
			s := scoreOfSrc(t, scoreSvc(tc.cfg))
			if r := row(s, tc.row); r.Badness != tc.badness || r.NA {
				t.Errorf("badness %d (na %v, %q), want %d; unknown %v", r.Badness, r.NA, r.Description, tc.badness, s.Unknown)
			}
			if s.Approximate {
				t.Errorf("approximate: %v", s.Unknown)
			}
		})
	}
}

func TestServiceScores(t *testing.T) {
	sys := buildSrc(t, `{ config, ... }: {
  systemd.services.web = {
    script = "x";
    serviceConfig.DynamicUser = true;
  };
  systemd.services.nginx.serviceConfig.ReadWritePaths = [ "/srv" ];
  systemd.services.old = { enable = false; script = "x"; };
  systemd.services."db.backup".serviceConfig = { Type = "oneshot"; ExecStart = "/bin/true"; };
}`)
	got := ServiceScores(sys)
	var names []string
	for _, s := range got {
		names = append(names, fmt.Sprintf("%s:%s:%v:%s:%d", s.Name, s.Score, s.Module, s.Type, s.Location.Span.Start))
	}
	src := string(sys.Files[0].Src)
	want := []string{
		fmt.Sprintf("db.backup:9.6 UNSAFE:false:oneshot:%d", strings.Index(src, `"db.backup"`)),
		fmt.Sprintf("nginx:≤9.6 UNSAFE:true::%d", strings.Index(src, "nginx")),
		fmt.Sprintf("web:8.2 EXPOSED:false::%d", strings.Index(src, "web")),
	}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
}

func BenchmarkScoreService(b *testing.B) {
	f, err := nixast.Parse("bench.nix", []byte(scoreHardenedTemplate))
	if err != nil {
		b.Fatal(err)
	}
	sys := BuildSystem("", NixOSHost, f)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ScoreService(sys, "app")
	}
}

func BenchmarkServiceScores50(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("{\n")
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&sb, "  systemd.services.app%d = { script = \"x\"; serviceConfig = { DynamicUser = true; ProtectSystem = \"strict\"; SystemCallFilter = [ \"@system-service\" \"~@privileged\" ]; CapabilityBoundingSet = \"\"; }; };\n", i)
	}
	sb.WriteString("}\n")
	f, err := nixast.Parse("bench.nix", []byte(sb.String()))
	if err != nil {
		b.Fatal(err)
	}
	sys := BuildSystem("", NixOSHost, f)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ServiceScores(sys)
	}
}
