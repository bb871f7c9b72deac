package analyzer

import (
	"strings"
	"testing"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

func sysdFindings(t *testing.T, src string, opts Options) []diagnostics.Finding {
	t.Helper()
	f, err := nixast.Parse("test.nix", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var out []diagnostics.Finding
	for _, fd := range Analyze([]*nixast.File{f}, opts) {
		if strings.HasPrefix(fd.RuleID, "NIXSEC-SYSD-") {
			out = append(out, fd)
		}
	}
	return out
}

func sysdSeverities(fs []diagnostics.Finding) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, strings.TrimPrefix(f.RuleID, "NIXSEC-SYSD-")+":"+f.Severity.String())
	}
	return strings.Join(parts, " ")
}

// no016 runs every rule but the aggregate SYSD-016, which otherwise folds
// the gap findings of an exposed service into its own.
var no016 = Options{Enabled: func(r *Rule) bool { return r.ID != "NIXSEC-SYSD-016" }}

func TestSysdSeverities(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		opts            Options
	}{
		{"root daemon", `{ systemd.services.a.script = "x"; }`, "001:medium", Options{}},
		{"root oneshot", `{ systemd.services.a = { script = "x"; serviceConfig.Type = "oneshot"; }; }`, "001:low", Options{}},
		{"world-writable umask", `{ systemd.services.a = { script = "x"; serviceConfig.UMask = "0000"; }; }`, "012:medium", no016},
		// The catalog lists 0002 with 0000; analyze-security.c gives it 5 (it
		// masks other-write, so files are "only" world-readable).
		{"world-readable umask", `{ systemd.services.a = { script = "x"; serviceConfig.UMask = "0002"; }; }`, "012:low", no016},
		{"default umask", `{ systemd.services.a = { script = "x"; }; }`, "012:low", no016},
		{"ambient SYS_ADMIN", `{ systemd.services.a = { script = "x"; serviceConfig = { User = "a"; AmbientCapabilities = [ "CAP_SYS_ADMIN" ]; }; }; }`, "010:medium", no016},
		{"unsafe exposure", `{ systemd.services.a.script = "x"; }`, "016:medium", Options{}},
		{"exposed exposure", `{ systemd.services.a = { script = "x"; serviceConfig.DynamicUser = true; }; }`, "016:low", Options{}},
		{"below default threshold", `{ systemd.services.a = { script = "x"; serviceConfig = { DynamicUser = true; PrivateNetwork = true; CapabilityBoundingSet = ""; }; }; }`, "", Options{}},
		// The gap findings of this partly hardened service fold into 016:
		// it takes their highest severity.
		{"lowered threshold", `{ systemd.services.a = { script = "x"; serviceConfig = { DynamicUser = true; PrivateNetwork = true; CapabilityBoundingSet = ""; }; }; }`, "016:low", Options{ExposureThreshold: 2.5}},
		{"gaps fold into the aggregate", `{ systemd.services.a = { script = "x"; serviceConfig.UMask = "0000"; }; }`, "016:medium", Options{}},
		{"raised threshold", `{ systemd.services.a.script = "x"; }`, "", Options{ExposureThreshold: 9.7}},
		{"exec prefix on a user service", `{ systemd.services.a = { script = "x"; serviceConfig = { User = "a"; ExecStartPre = "+/bin/true"; }; }; }`, "015:medium", Options{}},
		{"exec prefix on a bare root service", `{ systemd.services.a = { script = "x"; serviceConfig.ExecStartPre = "!/bin/true"; }; }`, "015:low", Options{}},
		// DynamicUser forced off: info when a static non-root user remains.
		{"dynamic user off, static user", `{ lib, ... }: { services.grafana.enable = true; systemd.services.grafana.serviceConfig = { DynamicUser = lib.mkForce false; User = "grafana"; }; }`, "014:info", Options{}},
		{"dynamic user off, forced user", `{ lib, ... }: { services.grafana.enable = true; systemd.services.grafana.serviceConfig = { DynamicUser = lib.mkForce false; User = lib.mkForce "grafana"; }; }`, "014:info", Options{}},
		{"dynamic user off, no user", `{ lib, ... }: { services.grafana.enable = true; systemd.services.grafana.serviceConfig.DynamicUser = lib.mkForce false; }`, "014:medium", Options{}},
		{"dynamic user off, root user", `{ lib, ... }: { services.grafana.enable = true; systemd.services.grafana.serviceConfig = { DynamicUser = lib.mkForce false; User = "root"; }; }`, "014:medium", Options{}},
		{"dynamic user off, conditional user", `{ config, lib, ... }: { services.grafana.enable = true; systemd.services.grafana.serviceConfig = { DynamicUser = lib.mkForce false; User = lib.mkIf config.x.y "grafana"; }; }`, "014:medium", Options{}},
		{"dynamic user off, user under the same condition", `{ config, lib, ... }: { config = lib.mkIf config.x.y { services.grafana.enable = true; systemd.services.grafana.serviceConfig = { DynamicUser = lib.mkForce false; User = "grafana"; }; }; }`, "014:info", Options{}},
		{"dynamic user off, unknown user", `{ lib, name, ... }: { services.grafana.enable = true; systemd.services.grafana.serviceConfig = { DynamicUser = lib.mkForce false; User = name; }; }`, "014:medium", Options{}},
		{"dynamic user off, other service's user", `{ lib, ... }: { services.grafana.enable = true; systemd.services.grafana.serviceConfig.DynamicUser = lib.mkForce false; systemd.services.other.serviceConfig.User = "grafana"; }`, "014:medium", Options{}},
		{"protect system off, static user", `{ lib, ... }: { services.grafana.enable = true; systemd.services.grafana.serviceConfig = { ProtectSystem = lib.mkForce false; User = "grafana"; }; }`, "014:medium", Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var keep []diagnostics.Finding
			for _, f := range sysdFindings(t, tc.src, tc.opts) {
				id := strings.TrimPrefix(f.RuleID, "NIXSEC-SYSD-")
				if strings.Contains(tc.want, id+":") || (tc.want == "" && id == "016") {
					keep = append(keep, f)
				}
			}
			if got := sysdSeverities(keep); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSysdKeyNode(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		ok        bool
	}{
		{"dotted", `{ systemd.services.app.serviceConfig.User = "a"; }`, true},
		{"nested", `{ systemd = { services = { app = { serviceConfig = { User = "a"; }; }; }; }; }`, true},
		{"mkIf mkMerge", `{ lib, ... }: { systemd.services.app = lib.mkMerge [ (lib.mkIf true { serviceConfig.User = "a"; }) ]; }`, true},
		{"merge operand", `let x = { }; in { systemd.services.app.serviceConfig = x // { User = "a"; }; }`, true},
		{"with and let body", `{ lib, ... }: { systemd.services.app = with lib; let u = "a"; in { serviceConfig.User = u; }; }`, true},
		{"let-bound set", `let sc = { User = "a"; }; in { systemd.services.app.serviceConfig = sc; }`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sys := buildSrc(t, tc.src)
			defs := sys.Lookup("systemd", "services", "app", "serviceConfig", "User")
			if len(defs) != 1 {
				t.Fatalf("%d definitions", len(defs))
			}
			n, ok := sysdKeyNode(defs[0], 2)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if ok && n.Text() != "app" {
				t.Errorf("name node %q", n.Text())
			}
		})
	}
}

func TestSysdInsertKeepsShape(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"inside serviceConfig",
			"{\n  systemd.services.a = {\n    script = \"x\";\n    serviceConfig = {\n      User = \"a\";\n    };\n  };\n}\n",
			"      User = \"a\";\n      NoNewPrivileges = true;\n"},
		{"no serviceConfig yet",
			"{\n  systemd.services.a = {\n    script = \"x\";\n  };\n}\n",
			"    script = \"x\";\n    serviceConfig.NoNewPrivileges = true;\n"},
		{"dotted",
			"{\n  systemd.services.a.script = \"x\";\n}\n",
			"  systemd.services.a.script = \"x\";\n  systemd.services.a.serviceConfig.NoNewPrivileges = true;\n"},
		{"one line",
			"{ systemd.services.a = { script = \"x\"; serviceConfig = { User = \"a\"; }; }; }\n",
			"serviceConfig = { User = \"a\"; NoNewPrivileges = true; };"},
		{"after a trailing comment",
			"{\n  systemd.services.a = {\n    script = \"x\"; # the program\n  };\n}\n",
			"    script = \"x\"; # the program\n    serviceConfig.NoNewPrivileges = true;\n"},
		{"not next to an opaque serviceConfig",
			"{ config, ... }: {\n  systemd.services.a = {\n    script = \"x\";\n    serviceConfig = { User = \"a\"; } // { Type = \"simple\"; };\n  };\n}\n",
			"{ Type = \"simple\"; NoNewPrivileges = true; }"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var fix *diagnostics.Fix
			for _, f := range sysdFindings(t, tc.src, no016) {
				if f.RuleID == "NIXSEC-SYSD-002" && len(f.Fixes) > 0 {
					fix = &f.Fixes[0]
				}
			}
			if fix == nil {
				t.Fatal("no SYSD-002 fix")
			}
			got := string(ApplyEdits([]byte(tc.src), fix.Edits))
			if !strings.Contains(got, tc.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, tc.want)
			}
		})
	}
}

func TestSysdNoFixIntoSharedSet(t *testing.T) {
	// The weak value lives in a set other services use too: report, do not edit.
	src := `let base = { NoNewPrivileges = false; }; in {
  systemd.services.a = { script = "x"; serviceConfig = base // { User = "a"; }; };
  systemd.services.b = { script = "x"; serviceConfig = base // { User = "b"; }; };
}`
	n := 0
	for _, f := range sysdFindings(t, src, no016) {
		if f.RuleID == "NIXSEC-SYSD-002" {
			n++
			if len(f.Fixes) != 0 {
				t.Errorf("fix offered into the shared set: %+v", f.Fixes)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d SYSD-002 findings, want 2", n)
	}
}

func TestSysdHelpers(t *testing.T) {
	for _, tc := range []struct{ in, prefix, esc string }{
		{"+/bin/x", "+", "+"}, {"-+/bin/x", "-+", "+"}, {"!!/bin/x", "!!", "!!"}, {"@!/bin/x a", "@!", "!"},
		{"-/bin/x", "-", ""}, {"/bin/x +1", "", ""}, {":/bin/x", ":", ""},
	} {
		p, e := sysdExecPrefix(tc.in)
		if p != tc.prefix || e != tc.esc {
			t.Errorf("sysdExecPrefix(%q) = %q %q, want %q %q", tc.in, p, e, tc.prefix, tc.esc)
		}
	}
	for in, want := range map[string]bool{
		"/dev/ttyUSB0 rw": false, "block-sd rw": true, "char-* rwm": true, "/dev/sda r": false,
		"/dev/sda rw": true, "/dev/mem": true, "char-rtc:r": false, "/dev/nvme0n1 w": true,
	} {
		if got := sysdBroadDevice(in); got != want {
			t.Errorf("sysdBroadDevice(%q) = %v", in, got)
		}
	}
	for _, tc := range []struct {
		dir   string
		lines []string
		hard  bool
	}{
		{"ProtectSystem", []string{"strict"}, true}, {"ProtectSystem", []string{"full"}, false},
		{"PrivateTmp", []string{"false"}, false}, {"PrivateTmp", []string{"disconnected"}, true},
		{"User", []string{"root"}, false}, {"User", []string{"nginx"}, true},
		{"CapabilityBoundingSet", []string{""}, true}, {"CapabilityBoundingSet", []string{"CAP_SYS_ADMIN"}, false},
		{"DevicePolicy", []string{"auto"}, false},
	} {
		if got, _ := sysdHardenedValue(tc.dir, tc.lines); got != tc.hard {
			t.Errorf("sysdHardenedValue(%s, %v) = %v", tc.dir, tc.lines, got)
		}
	}
}

func TestSysdMessagesNameService(t *testing.T) {
	for _, f := range sysdFindings(t, `{ systemd.services."my-app".script = "x"; }`, Options{}) {
		if !strings.Contains(f.Message, `"my-app"`) {
			t.Errorf("%s: message does not name the service: %s", f.RuleID, f.Message)
		}
		if f.Span.Start != strings.Index(`{ systemd.services."my-app".script = "x"; }`, `"my-app"`) {
			t.Errorf("%s: located at %d", f.RuleID, f.Span.Start)
		}
	}
}

// The docs' examples do what they say.
func TestSysdDocExamples(t *testing.T) {
	for _, r := range Rules() {
		if !strings.HasPrefix(r.ID, "NIXSEC-SYSD-") {
			continue
		}
		for _, ex := range []struct {
			src  string
			want bool
		}{{r.Bad, true}, {r.Good, false}} {
			src := "{ config, lib, pkgs, ... }:\n{\n" + ex.src + "\n}\n"
			got := false
			only := Options{Enabled: func(x *Rule) bool { return x.ID == r.ID }}
			for _, f := range sysdFindings(t, src, only) {
				if f.RuleID == r.ID {
					got = true
				}
			}
			if got != ex.want {
				t.Errorf("%s: example flagged=%v, want %v:\n%s", r.ID, got, ex.want, ex.src)
			}
		}
	}
}

// An unknown option that would imply a directive keeps the rules quiet
// about that directive.
func TestSysdUnknownImplications(t *testing.T) {
	for _, tc := range []struct {
		name, cfg string
		quiet     []string
	}{
		{"DynamicUser unknown", `DynamicUser = cfg.dynamic;`, []string{"002", "003", "011", "013"}},
		{"PrivateDevices unknown", `PrivateDevices = cfg.devices;`, []string{"004", "008", "010"}},
		{"confinement unknown", `User = "a";`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := `{ cfg, ... }: { systemd.services.a = { script = "x"; serviceConfig = { ` + tc.cfg + ` }; }; }`
			got := map[string]bool{}
			for _, f := range sysdFindings(t, src, Options{}) {
				got[strings.TrimPrefix(f.RuleID, "NIXSEC-SYSD-")] = true
			}
			for _, q := range tc.quiet {
				if got[q] {
					t.Errorf("SYSD-%s reported although an implying option is unknown", q)
				}
			}
		})
	}
	src := `{ cfg, ... }: { systemd.services.a = { script = "x"; confinement.enable = cfg.confine; serviceConfig.User = "a"; }; }`
	for _, f := range sysdFindings(t, src, Options{}) {
		switch strings.TrimPrefix(f.RuleID, "NIXSEC-SYSD-") {
		case "003", "004", "005", "008":
			t.Errorf("%s reported although confinement.enable is unknown: %s", f.RuleID, f.Message)
		}
	}
}

// All safe SYSD fixes applied together (as an editor's "fix all" does)
// give a valid file with each directive once and a much lower exposure.
func TestSysdSafeFixesTogether(t *testing.T) {
	for _, src := range []string{
		"{ pkgs, ... }:\n{\n  systemd.services.app = {\n    script = \"exec ${pkgs.hello}/bin/hello\";\n    serviceConfig = {\n      User = \"app\";\n    };\n  };\n}\n",
		"{ pkgs, ... }:\n{\n  systemd.services.app.script = \"exec ${pkgs.hello}/bin/hello\";\n  systemd.services.app.serviceConfig.User = \"app\";\n}\n",
		"{ systemd.services.app = { script = \"x\"; serviceConfig = { User = \"app\"; }; }; }\n",
	} {
		var edits []diagnostics.Edit
		for _, f := range sysdFindings(t, src, Options{}) {
			for _, fx := range f.Fixes {
				if fx.Safe {
					edits = append(edits, fx.Edits...)
				}
			}
		}
		out := ApplyEdits([]byte(src), edits)
		f, err := nixast.Parse("test.nix", out)
		if err != nil || len(f.Errors) > 0 {
			t.Fatalf("fixed file does not parse:\n%s", out)
		}
		for _, fd := range Analyze([]*nixast.File{f}, Options{}) {
			if strings.HasPrefix(fd.RuleID, "NIXSEC-SYN-") {
				t.Errorf("%s: %s\n%s", fd.RuleID, fd.Message, out)
			}
		}
		before := ScoreService(buildSrc(t, src), "app")
		after := ScoreService(BuildSystem("", NixOSHost, f), "app")
		t.Logf("exposure %s → %s", before, after)
		if before.Exposure != 92 || after.Exposure > 40 {
			t.Errorf("exposure %s → %s\n%s", before, after, out)
		}
	}
}

// TestSysdFolding: an unhardened service gets SYSD-001 and one SYSD-016
// that carries the gap rules' fixes, not a dozen findings on its name.
func TestSysdFolding(t *testing.T) {
	src := `{ systemd.services.a.script = "x"; }`
	var ids []string
	var agg diagnostics.Finding
	for _, f := range sysdFindings(t, src, Options{}) {
		ids = append(ids, f.RuleID)
		if f.RuleID == "NIXSEC-SYSD-016" {
			agg = f
		}
	}
	if got := strings.Join(ids, " "); got != "NIXSEC-SYSD-001 NIXSEC-SYSD-016" {
		t.Fatalf("findings %s", got)
	}
	if !strings.Contains(agg.Message, "hardening gaps") || len(agg.Fixes) < 5 {
		t.Errorf("aggregate does not carry the gaps: %q with %d fixes", agg.Message, len(agg.Fixes))
	}
	safe := 0
	for _, fx := range agg.Fixes {
		if fx.Safe {
			safe++
		}
	}
	if safe == 0 {
		t.Error("the folded safe fixes were lost")
	}
	// With the aggregate disabled, the gap rules report on their own.
	if n := len(sysdFindings(t, src, no016)); n < 10 {
		t.Errorf("%d findings without SYSD-016, want the individual gaps", n)
	}
}
