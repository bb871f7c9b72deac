package analyzer

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// systemd service hardening rules (catalog D.4, NIXSEC-SYSD-001..017).
//
// They look at the services written in the source: systemd.services.<name>
// whose script or ExecStart the source defines (plainly: not with mkForce,
// mkBefore/mkAfter or the `[ "" … ]` reset, and not for a name whose
// services.<name>.enable is set). A unit that a NixOS module or a package
// defines and the source only adjusts carries hardening nixsec cannot see,
// so only the rules about explicit settings (014, 015, 017) apply to it. Services of NixOS test nodes and VM variants are skipped, and
// so is every directive that may be set where nixsec cannot see (an opaque
// serviceConfig): a missing directive is reported only when it is certainly
// missing.
//
// Findings about a service as a whole are located at its name (the `myapp`
// of systemd.services.myapp), one per service and rule, listing the
// directives concerned; findings about one definition (014, 015, 017) at
// its value. Quick fixes insert the missing directives into the service's
// own serviceConfig set, keeping its shape, and are marked safe only where
// the catalog marks the rule autofix and only for directives that were not
// set at all.

const catSystemd = "systemd hardening"

const (
	refSysdExec       = "https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html"
	refSysdService    = "https://www.freedesktop.org/software/systemd/man/latest/systemd.service.html"
	refSysdResource   = "https://www.freedesktop.org/software/systemd/man/latest/systemd.resource-control.html"
	refSysdAnalyze    = "https://www.freedesktop.org/software/systemd/man/latest/systemd-analyze.html"
	refSysdAnalyzeSrc = "https://github.com/systemd/systemd/blob/main/src/analyze/analyze-security.c"
	refSysdConfine    = "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/security/systemd-confinement.nix"
	refSysdCaps       = "https://man7.org/linux/man-pages/man7/capabilities.7.html"
	refSysdNixOSUnits = "https://github.com/NixOS/nixpkgs/blob/master/nixos/lib/systemd-unit-options.nix"
)

// DefaultExposureThreshold is the exposure (as systemd-analyze prints it) at
// or above which NIXSEC-SYSD-016 reports a service: the EXPOSED level.
const DefaultExposureThreshold = 7.5

// sysdAll returns the scored services of every system the SYSD rules look
// at, computed once per Analyze.
func sysdAll(p *Pass) []*sysdService {
	v := p.Shared("sysd.services", func() any {
		var out []*sysdService
		for _, sys := range p.Systems() {
			if !sysdInScope(sys) {
				continue
			}
			for _, s := range sysdServices(sys) {
				if !s.disabled {
					out = append(out, s) // scored on first need: most rules skip module units
				}
			}
		}
		return out
	})
	return v.([]*sysdService)
}

// sysdInScope leaves out throwaway systems (NixOS test nodes, VM variants,
// installer images) and non-NixOS module systems (Home Manager, nix-darwin).
func sysdInScope(sys *System) bool {
	if sys.Throwaway() {
		return false // a NixOS test node, a VM variant, an installer image
	}
	for x := sys; x != nil; x = x.Parent {
		switch x.Context {
		case HomeManager, Darwin, FlakeConfig:
			return false
		}
	}
	return true
}

// handWritten reports a service whose whole configuration is in the source.
func (s *sysdService) handWritten() bool { return !s.module && !s.opaque }

// uncertain reports whether any of the options (paths below the service)
// has a value nixsec cannot know: directives they imply are then unknown too.
func (s *sysdService) uncertain(names ...string) bool {
	for _, n := range names {
		v := s.get(strings.Split(n, ".")...)
		if v.maybe || (v.set && !v.known) {
			return true
		}
	}
	return false
}

// sysdGap is one directive a rule finds missing or weak.
type sysdGap struct {
	directive string
	want      string        // Nix text that fixes it
	v         *sysdDirValue // its definitions; v.set means an explicit weak value
	note      string        // overrides the description in the message
}

func (g *sysdGap) String() string {
	if g.note != "" {
		return g.note
	}
	if !g.v.set {
		return g.directive + " not set"
	}
	if len(g.v.defs) == 1 {
		return g.directive + " = " + g.v.defs[0].Value.String()
	}
	return g.directive + " = " + strings.Join(g.v.lines, " ")
}

// gap returns the gap for a directive that bad says is weak, or nil when it
// is fine or its value cannot be known.
func (s *sysdService) gap(name, want string, bad bool) *sysdGap {
	v := s.get("serviceConfig", name)
	if !bad || v.maybe || (v.set && !v.known) {
		return nil
	}
	return &sysdGap{directive: name, want: want, v: v}
}

func sysdGapList(gs []*sysdGap) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = g.String()
	}
	return strings.Join(parts, ", ")
}

func sysdGapNames(gs []*sysdGap) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = g.directive
	}
	return strings.Join(parts, ", ")
}

// finding starts a finding about the service as a whole, at its name.
func (s *sysdService) finding(p *Pass, sev diagnostics.Severity, gaps []*sysdGap, format string, args ...any) (diagnostics.Finding, bool) {
	n, d := s.nameKey()
	if !n.Valid() || d == nil {
		return diagnostics.Finding{}, false
	}
	f := diagnostics.Finding{
		RuleID: p.Rule.ID, Severity: sev, Confidence: diagnostics.Definite,
		Message:  fmt.Sprintf(format, args...),
		Location: diagnostics.Location{Path: d.File.Path, Span: n.Span()},
		System:   s.sys.Name,
	}
	if len(s.common) > 0 {
		f.Confidence = diagnostics.Possible
		for _, c := range d.Conditions {
			if c.Holds() == TriUnknown && s.common[sysdCondOf(d, c)] && c.Node.Valid() {
				f.Related = append(f.Related, diagnostics.Related{
					Location: diagnostics.Location{Path: c.Node.File().Path, Span: c.Node.Span()},
					Message:  "the service is defined only when this condition holds",
				})
			}
		}
	}
	for _, g := range gaps {
		if g.v == nil {
			continue
		}
		if g.v.cond {
			f.Confidence = diagnostics.Possible
		}
		for _, dd := range g.v.defs {
			f.Related = append(f.Related, diagnostics.Related{Location: dd.Location(), Message: g.directive + " is set here"})
		}
	}
	return f, true
}

// fixGaps builds one fix that resolves every gap: missing directives are
// inserted into the service's serviceConfig, explicit weak literals are
// replaced. It fails when any gap cannot be fixed mechanically.
func (s *sysdService) fixGaps(gaps []*sysdGap, title string, safe bool) (diagnostics.Fix, bool) {
	var edits []diagnostics.Edit
	var inserts []*sysdGap
	for _, g := range gaps {
		if !g.v.set {
			inserts = append(inserts, g)
			continue
		}
		safe = false // the source chose this value: a person should confirm the change
		if len(g.v.defs) != 1 {
			return diagnostics.Fix{}, false
		}
		d := g.v.defs[0]
		if _, ok := sysdKeyNode(d, 2); !ok {
			return diagnostics.Fix{}, false // a shared set: editing it changes other services
		}
		fx, ok := ReplaceValue(d, g.want, title, false)
		if !ok {
			return diagnostics.Fix{}, false
		}
		edits = append(edits, fx.Edits...)
	}
	if len(inserts) > 0 {
		e, ok := s.insertEdit(inserts)
		if !ok {
			return diagnostics.Fix{}, false
		}
		edits = append(edits, e)
	}
	if len(edits) == 0 {
		return diagnostics.Fix{}, false
	}
	return diagnostics.Fix{Title: title, Safe: safe, Edits: edits}, true
}

// insertEdit adds `Directive = want;` for each gap next to a binding of the
// service, in its serviceConfig set when there is one.
func (s *sysdService) insertEdit(gaps []*sysdGap) (diagnostics.Edit, bool) {
	anchor := s.anchor()
	if anchor == nil {
		return diagnostics.Edit{}, false
	}
	sibs := make([]Sibling, len(gaps))
	for i, g := range gaps {
		sibs[i] = Sibling{s.path("serviceConfig", g.directive), g.want}
	}
	fx, ok := AddSiblings(anchor, sibs, "add", false)
	if !ok || len(fx.Edits) != 1 {
		return diagnostics.Edit{}, false
	}
	e := fx.Edits[0]
	// A comment after the anchor stays with the anchor: insert after it.
	if f := anchor.File; strings.HasPrefix(e.NewText, "\n") || strings.HasPrefix(e.NewText, "\r\n") {
		end := f.Lines.LineEnd(f.Lines.Line(e.Span.Start))
		if rest := strings.TrimSpace(string(f.Src[e.Span.Start:end])); strings.HasPrefix(rest, "#") {
			e.Span = nixast.Span{Start: end, End: end}
		}
	}
	return e, true
}

// anchor picks the binding to insert new directives after: one written
// literally under the service, preferably inside its serviceConfig set, not
// under a condition of its own, in the file that names the service, last
// in source order.
func (s *sysdService) anchor() *Definition {
	if !s.anchorDone {
		s.anchorDef, s.anchorDone = s.findAnchor(), true
	}
	return s.anchorDef
}

func (s *sysdService) findAnchor() *Definition {
	_, nameDef := s.nameKey()
	var best *Definition
	bestRank := -1
	for _, d := range s.defs {
		if !d.Active() || d.Binding.Kind() != nixast.KindBinding {
			continue
		}
		if _, ok := sysdKeyNode(d, 2); !ok {
			continue
		}
		prefix, ok := bindingPrefix(d)
		if !ok {
			continue
		}
		var rank int
		switch {
		case len(prefix) == 4 && prefix[3] == "serviceConfig":
			rank = 3
		case len(prefix) == 3:
			rank = 2
		case len(prefix) < 3:
			rank = 1
		default:
			continue
		}
		if rank < 3 && insertClash(d, s.path("serviceConfig")[len(prefix):]) {
			continue
		}
		if !s.extraCond(d) {
			rank += 10
		}
		if nameDef != nil && d.File == nameDef.File {
			rank += 20
		}
		if rank > bestRank || (rank == bestRank && d.File == best.File && d.Binding.Start() > best.Binding.Start()) {
			best, bestRank = d, rank
		}
	}
	return best
}

// insertClash reports whether adding a binding for rel (relative to the
// set d's binding is in) would redefine a sibling whose value is not a set
// literal: `serviceConfig = common;` next to `serviceConfig.X = …;` is an
// error in Nix.
func insertClash(d *Definition, rel []string) bool {
	set := d.Binding.Parent()
	for _, b := range set.NamedChildren() {
		switch b.Kind() {
		case nixast.KindBinding:
			segs := nixast.AttrPath(b)
			if len(segs) == 0 || len(segs) > len(rel) {
				continue
			}
			match := true
			for i, sg := range segs {
				if !sg.Static || sg.Name != rel[i] {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			if len(segs) == len(rel) {
				return true
			}
			if k := b.Child(nixast.FieldExpression).Unparen().Kind(); k != nixast.KindAttrset && k != nixast.KindRecAttrset {
				return true
			}
		case nixast.KindInherit, nixast.KindInheritFrom:
			for _, a := range nixast.AttrPath(b) {
				if a.Name == rel[0] {
					return true
				}
			}
		}
	}
	return false
}

// report files a gap finding with its fixes. The gap rules' findings of a
// service that SYSD-016 reports are folded into that one finding.
func (s *sysdService) report(p *Pass, f diagnostics.Finding, fixes ...diagnostics.Fix) {
	for _, fx := range fixes {
		if len(fx.Edits) > 0 {
			f.Fixes = append(f.Fixes, fx)
		}
	}
	if sysdFoldable[p.Rule.ID] && s.exposed(p) {
		s.folded = append(s.folded, f)
		return
	}
	p.Report(f)
}

// sysdFoldable are the per-directive gap rules SYSD-016 summarizes.
var sysdFoldable = map[string]bool{
	"NIXSEC-SYSD-002": true, "NIXSEC-SYSD-003": true, "NIXSEC-SYSD-004": true, "NIXSEC-SYSD-005": true,
	"NIXSEC-SYSD-006": true, "NIXSEC-SYSD-007": true, "NIXSEC-SYSD-008": true, "NIXSEC-SYSD-009": true,
	"NIXSEC-SYSD-010": true, "NIXSEC-SYSD-011": true, "NIXSEC-SYSD-012": true, "NIXSEC-SYSD-013": true,
}

// exposed reports whether SYSD-016 reports this service (and is enabled).
func (s *sysdService) exposed(p *Pass) bool {
	if p.Options.Enabled != nil {
		if r, ok := Lookup("NIXSEC-SYSD-016"); !ok || !p.Options.Enabled(r) {
			return false
		}
	}
	thr := int(math.Round(sysdThreshold(p.Options) * 10))
	if !s.handWritten() {
		return false
	}
	s.computeOnce()
	return !s.score.Partial && s.score.Exposure >= thr
}

func sysdQuote(s string) string { return strconv.Quote(s) }

// reportGaps files the usual low gap finding of a service ("service "x"
// <what>: A not set, …") with one fix for all its gaps; nothing when there
// are no gaps.
func (s *sysdService) reportGaps(p *Pass, gaps []*sysdGap, what, fixTitle string, safe bool) {
	if len(gaps) == 0 {
		return
	}
	f, ok := s.finding(p, diagnostics.Low, gaps, "service %s %s: %s", sysdQuote(s.name), what, sysdGapList(gaps))
	if !ok {
		return
	}
	fx, _ := s.fixGaps(gaps, fixTitle+" ("+sysdGapNames(gaps)+")", safe)
	s.report(p, f, fx)
}

// ---------------------------------------------------------------------------
// Rules

func init() {
	Register(
		sysdRule001(), sysdRule002(), sysdRule003(), sysdRule004(), sysdRule005(), sysdRule006(),
		sysdRule007(), sysdRule008(), sysdRule009(), sysdRule010(), sysdRule011(), sysdRule012(),
		sysdRule013(), sysdRule014(), sysdRule015(), sysdRule016(), sysdRule017(),
	)
}

// sysdEachHandWritten runs fn for every service fully written in the source.
func sysdEachHandWritten(p *Pass, fn func(s *sysdService)) {
	for _, s := range sysdAll(p) {
		if s.handWritten() {
			s.computeOnce()
			fn(s)
		}
	}
}

func sysdRule001() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-001", Slug: "systemd-service-runs-as-root", Title: "Service runs as root",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Medium, FixClass: diagnostics.FixSuggest,
		Description: "A `systemd.services.<name>` written in the configuration sets neither `serviceConfig.User` " +
			"(or sets it to `root`/`0`) nor `serviceConfig.DynamicUser = true`, so the service runs as root. " +
			"Reported at the service's name; medium, or low for `Type = \"oneshot\"` units.",
		Why: "A compromise of the daemon is a compromise of root, and most other sandboxing directives are " +
			"weaker for root (capabilities, DAC bypass). This is the heaviest row of `systemd-analyze security` " +
			"(weight 2000 of 56460).",
		Remediation: "Run the service as a transient user with `DynamicUser = true;` and keep its state in " +
			"`StateDirectory = \"<name>\";`, or create a system user (`users.users.<name> = { isSystemUser = true; " +
			"group = \"<name>\"; };`) and set `User = \"<name>\";`.",
		Bad:  "systemd.services.myapp = {\n  wantedBy = [ \"multi-user.target\" ];\n  serviceConfig.ExecStart = \"${pkgs.myapp}/bin/myapp\";\n};",
		Good: "systemd.services.myapp = {\n  wantedBy = [ \"multi-user.target\" ];\n  serviceConfig = {\n    ExecStart = \"${pkgs.myapp}/bin/myapp\";\n    DynamicUser = true;\n    StateDirectory = \"myapp\";\n  };\n};",
		FalsePositives: "Units that manage the system itself (network setup, mounts, backups of root-owned data) " +
			"need root; suppress the finding with a reason. Units defined by NixOS modules or packages are not " +
			"checked: their own settings are not in the source.",
		References: []string{refSysdExec + "#User=", refSysdExec + "#DynamicUser=", refSysdAnalyzeSrc},
		CWE:        []int{250},
	}, Run: func(p *Pass) {
		sysdEachHandWritten(p, func(s *sysdService) {
			in := &s.info
			if !in.runsPrivileged() {
				return
			}
			user, dyn := s.get("serviceConfig", "User"), s.get("serviceConfig", "DynamicUser")
			for _, v := range []*sysdDirValue{user, dyn} {
				if v.maybe || (v.set && !v.known) {
					return
				}
			}
			sev := diagnostics.Medium
			if s.typ == "oneshot" {
				sev = diagnostics.Low
			}
			var gaps []*sysdGap
			why := "no User or DynamicUser"
			if user.set {
				why = "User = " + sysdQuote(in.user)
				gaps = append(gaps, &sysdGap{directive: "User", want: sysdQuote(s.name), v: user})
			} else {
				gaps = append(gaps, &sysdGap{directive: "DynamicUser", want: "true", v: dyn})
			}
			f, ok := s.finding(p, sev, gaps, "service %s runs as root (%s)", sysdQuote(s.name), why)
			if !ok {
				return
			}
			var fx diagnostics.Fix
			if user.set {
				fx, _ = s.fixGaps(gaps, fmt.Sprintf("Run as user %q (declare users.users.%s)", s.name, JoinPath([]string{s.name})), false)
			} else {
				if !s.get("serviceConfig", "StateDirectory").set && !dyn.set {
					gaps = append(gaps, &sysdGap{directive: "StateDirectory", want: sysdQuote(s.name), v: s.get("serviceConfig", "StateDirectory")})
				}
				fx, _ = s.fixGaps(gaps, "Run as a transient user (DynamicUser = true)", false)
			}
			s.report(p, f, fx)
		})
	}}
}

// impliesNNP reports whether systemd turns NoNewPrivileges= on at start:
// the listed directives imply it when the service lacks CAP_SYS_ADMIN.
func (s *sysdService) impliesNNP() bool {
	in := &s.info
	if !(in.user != "" && in.user != "root" && in.user != "0") && in.bounding&sysdCapMask("SYS_ADMIN") != 0 {
		return false
	}
	return s.impliesNNPForNonRoot()
}

// impliesNNPForNonRoot reports the directives that imply NoNewPrivileges=
// for a service without CAP_SYS_ADMIN.
func (s *sysdService) impliesNNPForNonRoot() bool {
	in := &s.info
	return (len(in.scSet) > 0 || in.scAllowList) || len(in.archs) > 0 ||
		s.get("serviceConfig", "RestrictAddressFamilies").set || in.namespaces != sysdNSAll ||
		in.privateDevices || in.protectTunables || in.protectModules || in.protectKernelLogs ||
		in.protectClock || in.mdwe || in.restrictRealtime || in.restrictSUID || in.lockPersonality
}

func sysdRule002() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-002", Slug: "systemd-no-new-privileges", Title: "NoNewPrivileges not set",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Low, FixClass: diagnostics.FixAuto,
		Description: "A service written in the configuration does not set `serviceConfig.NoNewPrivileges = true`, " +
			"and nothing else makes systemd turn it on (DynamicUser, or a sandboxing directive such as " +
			"SystemCallFilter for a service without CAP_SYS_ADMIN).",
		Why: "Without it, setuid and setcap programs the service can execute raise its privileges, so a " +
			"compromised non-root daemon can become root through any setuid helper on the system.",
		Remediation: "Add `NoNewPrivileges = true;` to the service's `serviceConfig`.",
		Bad:         "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  User = \"myapp\";\n};",
		Good:        "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  User = \"myapp\";\n  NoNewPrivileges = true;\n};",
		FalsePositives: "Services that intentionally run setuid helpers (mail delivery agents calling sendmail, " +
			"services using sudo). The exposure score does not credit an implied NoNewPrivileges; this rule does.",
		References: []string{refSysdExec + "#NoNewPrivileges=", refSysdAnalyzeSrc},
		CWE:        []int{250},
	}, Run: func(p *Pass) {
		sysdEachHandWritten(p, func(s *sysdService) {
			if s.uncertain("serviceConfig.DynamicUser") {
				return // an implying option is unknown
			}
			if s.info.nnp || s.impliesNNP() {
				return
			}
			if u := s.get("serviceConfig", "User"); (u.maybe || (u.set && !u.known)) && s.impliesNNPForNonRoot() {
				return // a non-root user would imply it
			}
			g := s.gap("NoNewPrivileges", "true", true)
			if g == nil {
				return
			}
			f, ok := s.finding(p, diagnostics.Low, []*sysdGap{g}, "service %s may gain privileges through setuid programs (%s)", sysdQuote(s.name), g)
			if !ok {
				return
			}
			fx, _ := s.fixGaps([]*sysdGap{g}, "Set NoNewPrivileges = true", true)
			s.report(p, f, fx)
		})
	}}
}

func sysdRule003() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-003", Slug: "systemd-filesystem-unprotected", Title: "Filesystem not protected",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Low, FixClass: diagnostics.FixSuggest,
		Description: "A service written in the configuration leaves `ProtectSystem` unset, `false` or `true` " +
			"(anything weaker than `\"full\"`/`\"strict\"`), `ProtectHome` unset or `false`, or `PrivateTmp` not " +
			"`true`. DynamicUser implies all three; units with `DefaultDependencies = false` are exempt, as " +
			"systemd-analyze exempts them.",
		Why: "The service can modify the operating system's configuration and binaries, read users' home " +
			"directories, and race other services' files in the shared /tmp.",
		Remediation: "Set `ProtectSystem = \"strict\"; ProtectHome = true; PrivateTmp = true;` and list what the " +
			"service must write in `StateDirectory`/`ReadWritePaths`.",
		Bad:            "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  ProtectSystem = true;\n};",
		Good:           "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  ProtectSystem = \"strict\";\n  ProtectHome = true;\n  PrivateTmp = true;\n  StateDirectory = \"myapp\";\n};",
		FalsePositives: "Services that must write outside their state directory (list those paths in ReadWritePaths rather than dropping the protection).",
		References:     []string{refSysdExec + "#ProtectSystem=", refSysdExec + "#ProtectHome=", refSysdExec + "#PrivateTmp=", refSysdAnalyzeSrc},
		CWE:            []int{250},
	}, Run: func(p *Pass) {
		sysdEachHandWritten(p, func(s *sysdService) {
			if s.uncertain("serviceConfig.DynamicUser", "confinement.enable", "confinement.mode", "unitConfig.DefaultDependencies") {
				return // an implying option is unknown
			}
			in := &s.info
			if !in.defaultDeps {
				return
			}
			var gaps []*sysdGap
			for _, g := range []*sysdGap{
				s.gap("ProtectSystem", `"strict"`, in.protectSystem == "no" || in.protectSystem == "yes"),
				s.gap("ProtectHome", "true", in.protectHome == "no"),
				s.gap("PrivateTmp", "true", !in.privateTmp),
			} {
				if g != nil {
					gaps = append(gaps, g)
				}
			}
			s.reportGaps(p, gaps, "can write to the system or read home directories", "Protect the filesystem", false)
		})
	}}
}

// sysdBroadDevice reports DeviceAllow entries that open whole device classes
// or raw disks and memory for writing.
func sysdBroadDevice(e string) bool {
	f := strings.Fields(strings.ReplaceAll(e, ":", " "))
	if len(f) == 0 {
		return false
	}
	path, perm := f[0], "rwm"
	if len(f) > 1 {
		perm = f[1]
	}
	if !strings.ContainsAny(perm, "wm") {
		return false
	}
	switch {
	case path == "block-*" || path == "char-*" || strings.HasPrefix(path, "block-"):
		return true
	case path == "/dev/mem" || path == "/dev/kmem" || path == "/dev/port":
		return true
	case strings.HasPrefix(path, "/dev/sd") || strings.HasPrefix(path, "/dev/nvme") || strings.HasPrefix(path, "/dev/vd") ||
		strings.HasPrefix(path, "/dev/dm-") || strings.HasPrefix(path, "/dev/mapper/"):
		return true
	}
	return false
}

func sysdRule004() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-004", Slug: "systemd-devices-unrestricted", Title: "Device access not restricted",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Medium, FixClass: diagnostics.FixAuto,
		Description: "A service written in the configuration neither sets `PrivateDevices = true` nor a " +
			"`DevicePolicy` of `\"closed\"`/`\"strict\"`, or its `DeviceAllow` opens block devices, whole device " +
			"classes or /dev/mem for writing (medium).",
		Why: "Raw access to disks, memory and input devices bypasses file permissions and every other " +
			"sandboxing directive.",
		Remediation: "Set `PrivateDevices = true; DevicePolicy = \"closed\";`, and allow only the devices the " +
			"service needs with `DeviceAllow = [ \"/dev/ttyUSB0 rw\" ];`.",
		Bad:            "systemd.services.myapp.serviceConfig.ExecStart = \"${pkgs.myapp}/bin/myapp\";",
		Good:           "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  PrivateDevices = true;\n  DevicePolicy = \"closed\";\n};",
		FalsePositives: "Hardware daemons (udev helpers, GPU, serial devices): keep DevicePolicy closed and list the devices in DeviceAllow.",
		References:     []string{refSysdExec + "#PrivateDevices=", refSysdResource + "#DevicePolicy=auto%7Cclosed%7Cstrict", refSysdAnalyzeSrc},
		CWE:            []int{250},
	}, Run: func(p *Pass) {
		sysdEachHandWritten(p, func(s *sysdService) {
			if s.uncertain("serviceConfig.PrivateDevices", "confinement.enable", "confinement.mode") {
				return // an implying option is unknown
			}
			in := &s.info
			allow := s.get("serviceConfig", "DeviceAllow")
			if allow.maybe || (allow.set && !allow.known) {
				return
			}
			var gaps []*sysdGap
			if g := s.gap("PrivateDevices", "true", !in.privateDevices && !allow.set); g != nil {
				gaps = append(gaps, g)
			}
			if g := s.gap("DevicePolicy", `"closed"`, in.devicePolicy == "auto"); g != nil {
				gaps = append(gaps, g)
			}
			var broad []string
			for _, l := range allow.lines {
				if sysdBroadDevice(l) {
					broad = append(broad, strconv.Quote(l))
				}
			}
			if len(gaps) == 0 && len(broad) == 0 {
				return
			}
			sev := diagnostics.Low
			msg := fmt.Sprintf("service %s can access hardware devices: %s", sysdQuote(s.name), sysdGapList(gaps))
			if len(broad) > 0 {
				sev = diagnostics.Medium
				parts := []string{"DeviceAllow opens " + strings.Join(broad, ", ") + " for writing"}
				if len(gaps) > 0 {
					parts = append(parts, sysdGapList(gaps))
				}
				msg = fmt.Sprintf("service %s can access hardware devices: %s", sysdQuote(s.name), strings.Join(parts, "; "))
			}
			f, ok := s.finding(p, sev, gaps, "%s", msg)
			if !ok {
				return
			}
			if len(broad) > 0 {
				s.report(p, f)
				return
			}
			fx, _ := s.fixGaps(gaps, "Restrict devices ("+sysdGapNames(gaps)+")", !allow.set)
			s.report(p, f, fx)
		})
	}}
}

func sysdRule005() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-005", Slug: "systemd-kernel-unprotected", Title: "Kernel interfaces not protected",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Low, FixClass: diagnostics.FixAuto,
		Description: "A service written in the configuration does not set `ProtectKernelTunables`, " +
			"`ProtectKernelModules`, `ProtectKernelLogs`, `ProtectControlGroups`, `ProtectClock` or " +
			"`ProtectHostname` to `true`. One finding per service lists the directives missing.",
		Why: "The service can change kernel tunables in /proc/sys, load kernel modules, read the kernel log, " +
			"rewrite the cgroup tree, set the clock and change the host name: each is a step from a " +
			"compromised daemon to the whole machine.",
		Remediation: "Set each of them to `true` in the service's `serviceConfig`.",
		Bad:         "systemd.services.myapp.serviceConfig.ExecStart = \"${pkgs.myapp}/bin/myapp\";",
		Good: "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  ProtectKernelTunables = true;\n  ProtectKernelModules = true;\n" +
			"  ProtectKernelLogs = true;\n  ProtectControlGroups = true;\n  ProtectClock = true;\n  ProtectHostname = true;\n};",
		FalsePositives: "NTP daemons need the clock; container managers need cgroups; hostname or sysctl management services need theirs.",
		References:     []string{refSysdExec + "#ProtectKernelTunables=", refSysdExec + "#ProtectClock=", refSysdAnalyzeSrc},
		CWE:            []int{250},
	}, Run: func(p *Pass) {
		sysdEachHandWritten(p, func(s *sysdService) {
			if s.uncertain("confinement.enable", "confinement.mode") {
				return // an implying option is unknown
			}
			in := &s.info
			var gaps []*sysdGap
			for _, c := range []struct {
				name string
				ok   bool
			}{
				{"ProtectKernelTunables", in.protectTunables}, {"ProtectKernelModules", in.protectModules},
				{"ProtectKernelLogs", in.protectKernelLogs}, {"ProtectControlGroups", in.protectCG},
				{"ProtectClock", in.protectClock}, {"ProtectHostname", in.protectHostname},
			} {
				if g := s.gap(c.name, "true", !c.ok); g != nil {
					gaps = append(gaps, g)
				}
			}
			s.reportGaps(p, gaps, "can reach kernel interfaces", "Protect kernel interfaces", true)
		})
	}}
}

func sysdRule006() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-006", Slug: "systemd-proc-unrestricted", Title: "/proc not restricted",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Low, FixClass: diagnostics.FixAuto,
		Description: "A service written in the configuration leaves `ProtectProc` at its default (every " +
			"process visible) or `ProcSubset` at `\"all\"`.",
		Why: "The service sees every process on the machine, with command lines (which often hold secrets) and, " +
			"for processes of its own user, their environment.",
		Remediation:    "Set `ProtectProc = \"invisible\"; ProcSubset = \"pid\";`.",
		Bad:            "systemd.services.myapp.serviceConfig.ExecStart = \"${pkgs.myapp}/bin/myapp\";",
		Good:           "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  ProtectProc = \"invisible\";\n  ProcSubset = \"pid\";\n};",
		FalsePositives: "Monitoring agents and process supervisors need to see other processes.",
		References:     []string{refSysdExec + "#ProtectProc=", refSysdExec + "#ProcSubset=", refSysdAnalyzeSrc},
		CWE:            []int{200},
	}, Run: func(p *Pass) {
		sysdEachHandWritten(p, func(s *sysdService) {
			in := &s.info
			var gaps []*sysdGap
			if g := s.gap("ProtectProc", `"invisible"`, in.protectProc == "default"); g != nil {
				gaps = append(gaps, g)
			}
			if g := s.gap("ProcSubset", `"pid"`, in.procSubset != "pid"); g != nil {
				gaps = append(gaps, g)
			}
			s.reportGaps(p, gaps, "can see every process in /proc", "Restrict /proc", true)
		})
	}}
}

func sysdRule007() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-007", Slug: "systemd-network-unrestricted", Title: "Network surface not restricted",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Low, FixClass: diagnostics.FixAuto,
		Description: "A service written in the configuration that is not cut off from the network " +
			"(`PrivateNetwork = true`) may open packet sockets: `RestrictAddressFamilies` is unset, an " +
			"allow-list containing `AF_PACKET`, or a deny-list that does not deny it.",
		Why: "Packet sockets let a compromised service sniff and spoof traffic on the host's interfaces; an " +
			"unrestricted service can also open any exotic socket family, a frequent kernel attack surface.",
		Remediation: "Set `RestrictAddressFamilies = [ \"AF_UNIX\" \"AF_INET\" \"AF_INET6\" ];` (only the families " +
			"the service uses); `PrivateNetwork = true;` for services that need no network; " +
			"`IPAddressDeny = \"any\"; IPAddressAllow = [ \"localhost\" ];` for local-only daemons.",
		Bad:            "systemd.services.myapp.serviceConfig.ExecStart = \"${pkgs.myapp}/bin/myapp\";",
		Good:           "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  RestrictAddressFamilies = [ \"AF_UNIX\" \"AF_INET\" \"AF_INET6\" ];\n};",
		FalsePositives: "Network managers, DHCP clients and packet capture tools need AF_PACKET or AF_NETLINK.",
		References:     []string{refSysdExec + "#RestrictAddressFamilies=", refSysdExec + "#PrivateNetwork=", refSysdResource + "#IPAddressAllow=ADDRESS%5B/PREFIXLENGTH%5D%E2%80%A6", refSysdAnalyzeSrc},
		CWE:            []int{250},
	}, Run: func(p *Pass) {
		sysdEachHandWritten(p, func(s *sysdService) {
			in := &s.info
			if in.privateNetwork || in.afPacket {
				return
			}
			pn := s.get("serviceConfig", "PrivateNetwork")
			if pn.maybe || (pn.set && !pn.known) {
				return
			}
			g := s.gap("RestrictAddressFamilies", `[ "AF_UNIX" "AF_INET" "AF_INET6" ]`, true)
			if g == nil {
				return
			}
			if g.v.set {
				if in.afInet == in.afUnix && !in.afInet { // deny-list mode
					g.note = "RestrictAddressFamilies does not deny AF_PACKET"
				} else {
					g.note = "RestrictAddressFamilies allows AF_PACKET"
				}
			}
			f, ok := s.finding(p, diagnostics.Low, []*sysdGap{g}, "service %s may open packet and other raw sockets (%s)", sysdQuote(s.name), g)
			if !ok {
				return
			}
			var fixes []diagnostics.Fix
			if !g.v.set {
				if fx, ok := s.fixGaps([]*sysdGap{g}, "Allow only AF_UNIX, AF_INET and AF_INET6 sockets", true); ok {
					fixes = append(fixes, fx)
				}
				if fx, ok := s.fixGaps([]*sysdGap{{directive: "PrivateNetwork", want: "true", v: pn}}, "Cut the service off the network (PrivateNetwork = true)", false); ok && !pn.set {
					fixes = append(fixes, fx)
				}
			} else if len(g.v.defs) == 1 {
				// Remove AF_PACKET from a literal allow-list.
				d := g.v.defs[0]
				if _, lexical := sysdKeyNode(d, 2); lexical && d.Value.Kind == List {
					for _, e := range d.Value.List {
						if e.IsStr("AF_PACKET") && e.Node.Valid() && sysdListElem(e.Node) && len(d.Value.List) > 1 {
							fixes = append(fixes, RemoveListElement(e.Node, "Remove AF_PACKET from RestrictAddressFamilies", false))
						}
					}
				}
			}
			s.report(p, f, fixes...)
		})
	}}
}

func sysdRule008() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-008", Slug: "systemd-namespaces-unrestricted", Title: "Namespace creation and user separation not restricted",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Low, FixClass: diagnostics.FixAuto,
		Description: "A service written in the configuration may create user namespaces (`RestrictNamespaces` " +
			"unset, `false`, or a list that allows `user`), does not set `PrivateUsers = true`, or has no " +
			"private mount namespace (`PrivateMounts` neither set nor implied by another directive).",
		Why: "Unprivileged user namespaces are a frequent entry point for kernel exploits, and without user " +
			"separation the service sees every user and group of the host.",
		Remediation: "Set `RestrictNamespaces = true; PrivateUsers = true;` (and `PrivateMounts = true;` when " +
			"no other directive implies it).",
		Bad:            "systemd.services.myapp.serviceConfig.ExecStart = \"${pkgs.myapp}/bin/myapp\";",
		Good:           "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  RestrictNamespaces = true;\n  PrivateUsers = true;\n  PrivateMounts = true;\n};",
		FalsePositives: "Browsers, build sandboxes and container tools started by the service need namespaces.",
		References:     []string{refSysdExec + "#RestrictNamespaces=", refSysdExec + "#PrivateUsers=", refSysdExec + "#PrivateMounts=", refSysdAnalyzeSrc},
		CWE:            []int{250},
	}, Run: func(p *Pass) {
		sysdEachHandWritten(p, func(s *sysdService) {
			if s.uncertain("confinement.enable", "confinement.mode", "serviceConfig.DynamicUser", "serviceConfig.PrivateDevices", "serviceConfig.PrivateTmp", "serviceConfig.ProtectControlGroups", "serviceConfig.ProtectKernelTunables", "serviceConfig.ProtectKernelModules", "serviceConfig.ProtectHome", "serviceConfig.ProtectSystem", "serviceConfig.RootImage") {
				return // an implying option is unknown
			}
			in := &s.info
			var gaps []*sysdGap
			for _, g := range []*sysdGap{
				s.gap("RestrictNamespaces", "true", in.namespaces&sysdNSFlags["user"] != 0),
				s.gap("PrivateUsers", "true", !in.privateUsers),
				s.gap("PrivateMounts", "true", !in.privateMounts),
			} {
				if g != nil {
					gaps = append(gaps, g)
				}
			}
			s.reportGaps(p, gaps, "may create namespaces and sees all users", "Restrict namespaces", true)
		})
	}}
}

const sysdSyscallFilter = `[ "@system-service" "~@privileged" "~@resources" ]`

func sysdRule009() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-009", Slug: "systemd-syscalls-unfiltered", Title: "System calls not filtered",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Low, FixClass: diagnostics.FixAuto,
		Description: "A service written in the configuration has no `SystemCallFilter`, an allow-list that still " +
			"admits privileged groups (`[ \"@system-service\" ]` admits @privileged and @resources), a deny-list " +
			"that leaves scored groups open, or a `SystemCallArchitectures` other than `\"native\"`.",
		Why: "Every system call the service may make is kernel attack surface; foreign ABIs (32-bit calls on " +
			"a 64-bit kernel) bypass filters written for the native one.",
		Remediation: "Set `SystemCallArchitectures = \"native\"; SystemCallFilter = [ \"@system-service\" " +
			"\"~@privileged\" \"~@resources\" ];` and add back the groups the service needs " +
			"(`systemd-analyze syscall-filter` lists them).",
		Bad:            "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  SystemCallFilter = [ \"@system-service\" ];\n};",
		Good:           "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  SystemCallArchitectures = \"native\";\n  SystemCallFilter = [ \"@system-service\" \"~@privileged\" \"~@resources\" ];\n};",
		FalsePositives: "Services that change resource limits or priorities (@resources), mount file systems (@mount) or change users (@privileged).",
		References:     []string{refSysdExec + "#SystemCallFilter=", refSysdExec + "#SystemCallArchitectures=", refSysdAnalyzeSrc},
		CWE:            []int{250},
	}, Run: func(p *Pass) {
		sysdEachHandWritten(p, func(s *sysdService) {
			in := &s.info
			var gaps []*sysdGap
			var extra []diagnostics.Edit
			fixable, safe := true, true
			var open []string
			for _, r := range s.score.Rows {
				if strings.HasPrefix(r.Name, "SystemCallFilter=~") && r.Badness > 0 {
					open = append(open, strings.TrimPrefix(r.Name, "SystemCallFilter=~"))
				}
			}
			if len(open) > 0 {
				if g := s.gap("SystemCallFilter", sysdSyscallFilter, true); g != nil {
					if g.v.set {
						mode := "allow-list admits"
						if !in.scAllowList {
							mode = "deny-list leaves open"
						}
						g.note = "SystemCallFilter " + mode + " " + strings.Join(open, " ")
						safe = false
						// Deny the open groups at the end of a literal list.
						if d := g.v.defs[len(g.v.defs)-1]; len(g.v.defs) == 1 && d.Value.Kind == List {
							if _, lexical := sysdKeyNode(d, 2); lexical {
								for _, grp := range open {
									if fx, ok := AppendToList(d.Node, sysdQuote("~"+grp), "deny", false); ok {
										extra = append(extra, fx.Edits...)
									}
								}
							}
						}
						if len(extra) == 0 {
							fixable = false
						}
						// Merge consecutive appends to the same list into one edit.
						extra = sysdMergeInserts(extra)
					}
					gaps = append(gaps, g)
				}
			}
			if g := s.gap("SystemCallArchitectures", `"native"`, len(in.archs) != 1 || in.archs[0] != "native"); g != nil {
				gaps = append(gaps, g)
			}
			if len(gaps) == 0 {
				return
			}
			f, ok := s.finding(p, diagnostics.Low, gaps, "service %s may make any system call: %s", sysdQuote(s.name), sysdGapList(gaps))
			if !ok {
				return
			}
			var rest []*sysdGap
			for _, g := range gaps {
				if !(g.directive == "SystemCallFilter" && g.v.set) {
					rest = append(rest, g)
				}
			}
			if fixable {
				var fx diagnostics.Fix
				ok := true
				if len(rest) > 0 {
					fx, ok = s.fixGaps(rest, "", safe)
				} else {
					fx = diagnostics.Fix{Safe: safe}
				}
				if ok {
					fx.Edits = append(fx.Edits, extra...)
					fx.Title = "Filter system calls (" + sysdGapNames(gaps) + ")"
					fx.Safe = fx.Safe && len(extra) == 0
					s.report(p, f, fx)
					return
				}
			}
			s.report(p, f)
		})
	}}
}

// sysdMergeInserts joins insertions at the same offset into one edit, in order.
func sysdMergeInserts(es []diagnostics.Edit) []diagnostics.Edit {
	var out []diagnostics.Edit
	for _, e := range es {
		if n := len(out); n > 0 && out[n-1].Path == e.Path && out[n-1].Span == e.Span && e.Span.Start == e.Span.End {
			out[n-1].NewText += e.NewText
			continue
		}
		out = append(out, e)
	}
	return out
}

// sysdDangerousCaps are the capabilities the catalog calls root-equivalent.
var sysdDangerousCaps = []string{"SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "DAC_OVERRIDE", "DAC_READ_SEARCH", "SETUID", "SETGID", "NET_ADMIN"}

func sysdCapNames(set uint64, only []string) []string {
	var out []string
	for _, c := range only {
		if set&sysdCapMask(c) != 0 {
			out = append(out, "CAP_"+c)
		}
	}
	return out
}

// sysdCapElements returns the list elements of d that name one of caps, and
// whether every cap of the set comes from such an element.
func sysdCapElements(d *Definition, caps []string) ([]nixast.Node, bool) {
	if d.Value.Kind != List {
		return nil, false
	}
	want := map[string]bool{}
	for _, c := range caps {
		want[c] = true
	}
	var out []nixast.Node
	found := map[string]bool{}
	for _, e := range d.Value.List {
		str, ok := e.Str()
		if !ok || strings.HasPrefix(str, "~") || len(strings.Fields(str)) != 1 {
			continue
		}
		n, ok := sysdCapNumber(str)
		if !ok {
			continue
		}
		for c := range want {
			if sysdCapNumbers[strings.TrimPrefix(c, "CAP_")] == n && e.Node.Valid() && sysdListElem(e.Node) {
				out = append(out, e.Node)
				found[c] = true
			}
		}
	}
	return out, len(found) == len(want)
}

func sysdRule010() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-010", Slug: "systemd-capabilities-unrestricted", Title: "Dangerous or unrestricted capabilities",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Medium, FixClass: diagnostics.FixSuggest,
		Description: "A service written in the configuration has no `CapabilityBoundingSet` (every capability " +
			"stays available), keeps a root-equivalent capability in it (CAP_SYS_ADMIN, CAP_SYS_PTRACE, " +
			"CAP_SYS_MODULE, CAP_SYS_RAWIO, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_SETUID, CAP_SETGID, " +
			"CAP_NET_ADMIN), or grants one through `AmbientCapabilities` (medium). Capabilities that other " +
			"directives drop (PrivateDevices drops CAP_SYS_RAWIO, …) are not counted.",
		Why: "Capabilities are pieces of root: CAP_SYS_ADMIN alone is close to full root, and ambient " +
			"capabilities hand them to an otherwise unprivileged user.",
		Remediation: "Keep only what the service needs: `CapabilityBoundingSet = [ \"CAP_NET_BIND_SERVICE\" ];` " +
			"(or `\"\"` for none) and, for a non-root service that binds a low port, " +
			"`AmbientCapabilities = [ \"CAP_NET_BIND_SERVICE\" ];`.",
		Bad:            "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  User = \"myapp\";\n  AmbientCapabilities = [ \"CAP_SYS_ADMIN\" ];\n};",
		Good:           "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  User = \"myapp\";\n  CapabilityBoundingSet = [ \"CAP_NET_BIND_SERVICE\" ];\n  AmbientCapabilities = [ \"CAP_NET_BIND_SERVICE\" ];\n};",
		FalsePositives: "Network daemons that configure interfaces need CAP_NET_ADMIN; backup tools reading every file need CAP_DAC_READ_SEARCH.",
		References:     []string{refSysdExec + "#CapabilityBoundingSet=", refSysdExec + "#AmbientCapabilities=", refSysdCaps, refSysdAnalyzeSrc},
		CWE:            []int{250},
	}, Run: func(p *Pass) {
		sysdEachHandWritten(p, func(s *sysdService) {
			if s.uncertain("serviceConfig.PrivateDevices", "serviceConfig.ProtectKernelModules", "serviceConfig.ProtectKernelLogs", "serviceConfig.ProtectClock", "confinement.enable") {
				return // an implying option is unknown
			}
			in := &s.info
			bound, amb := s.get("serviceConfig", "CapabilityBoundingSet"), s.get("serviceConfig", "AmbientCapabilities")
			sev := diagnostics.Low
			var gaps []*sysdGap
			var removals []nixast.Node
			fixable := true
			if ambCaps := sysdCapNames(in.ambient, sysdDangerousCaps); len(ambCaps) > 0 && amb.known && !amb.maybe {
				sev = diagnostics.Medium
				gaps = append(gaps, &sysdGap{directive: "AmbientCapabilities", v: amb, note: "AmbientCapabilities grants " + strings.Join(ambCaps, ", ")})
				if len(amb.defs) == 1 {
					els, all := sysdCapElements(amb.defs[0], ambCaps)
					_, lexical := sysdKeyNode(amb.defs[0], 2)
					fixable = fixable && all && lexical
					removals = append(removals, els...)
				} else {
					fixable = false
				}
			}
			switch {
			case bound.maybe || (bound.set && !bound.known):
			case !bound.set:
				gaps = append(gaps, &sysdGap{directive: "CapabilityBoundingSet", want: `""`, v: bound, note: "CapabilityBoundingSet not set (every capability available)"})
			default:
				if caps := sysdCapNames(in.bounding, sysdDangerousCaps); len(caps) > 0 {
					gaps = append(gaps, &sysdGap{directive: "CapabilityBoundingSet", v: bound, note: "CapabilityBoundingSet keeps " + strings.Join(caps, ", ")})
					if len(bound.defs) == 1 {
						els, all := sysdCapElements(bound.defs[0], caps)
						_, lexical := sysdKeyNode(bound.defs[0], 2)
						// Emptying the list would leave the set unset: every capability.
						fixable = fixable && all && lexical && len(els) < len(bound.defs[0].Value.List)
						removals = append(removals, els...)
					} else {
						fixable = false
					}
				}
			}
			if len(gaps) == 0 {
				return
			}
			what := "holds dangerous capabilities"
			if sev == diagnostics.Low && len(gaps) == 1 && !gaps[0].v.set {
				what = "keeps every capability"
			}
			f, ok := s.finding(p, sev, gaps, "service %s %s: %s", sysdQuote(s.name), what, sysdGapList(gaps))
			if !ok {
				return
			}
			if !fixable {
				s.report(p, f)
				return
			}
			var edits []diagnostics.Edit
			for _, n := range removals {
				edits = append(edits, RemoveListElement(n, "", false).Edits...)
			}
			for _, g := range gaps {
				if g.directive == "CapabilityBoundingSet" && !g.v.set {
					e, ok := s.insertEdit([]*sysdGap{g})
					if !ok {
						s.report(p, f)
						return
					}
					edits = append(edits, e)
				}
			}
			title := "Drop the dangerous capabilities"
			if len(removals) == 0 {
				title = `Drop every capability (CapabilityBoundingSet = ""; add back what the service needs)`
			}
			s.report(p, f, diagnostics.Fix{Title: title, Edits: edits})
		})
	}}
}

func sysdRule011() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-011", Slug: "systemd-exec-memory-unrestricted", Title: "Memory/exec/personality/realtime/SUID not restricted",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Low, FixClass: diagnostics.FixAuto,
		Description: "A service written in the configuration does not set `LockPersonality`, `RestrictRealtime` " +
			"or `RestrictSUIDSGID` to `true` (DynamicUser implies the last). `MemoryDenyWriteExecute` is " +
			"suggested alongside, but alone it is not reported: it breaks JIT runtimes.",
		Why: "Writable-and-executable memory and personality changes help exploits; realtime scheduling lets a " +
			"runaway service starve the machine; creating setuid files lets a compromise persist and escalate.",
		Remediation: "Set `LockPersonality = true; RestrictRealtime = true; RestrictSUIDSGID = true;` and, for " +
			"services without a JIT, `MemoryDenyWriteExecute = true;`.",
		Bad:            "systemd.services.myapp.serviceConfig.ExecStart = \"${pkgs.myapp}/bin/myapp\";",
		Good:           "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  LockPersonality = true;\n  RestrictRealtime = true;\n  RestrictSUIDSGID = true;\n  MemoryDenyWriteExecute = true;\n};",
		FalsePositives: "JIT runtimes (Node.js, Java, LuaJIT, PHP with JIT) need writable executable memory; audio daemons need realtime scheduling.",
		References:     []string{refSysdExec + "#LockPersonality=", refSysdExec + "#RestrictRealtime=", refSysdExec + "#RestrictSUIDSGID=", refSysdExec + "#MemoryDenyWriteExecute=", refSysdAnalyzeSrc},
		CWE:            []int{250},
	}, Run: func(p *Pass) {
		sysdEachHandWritten(p, func(s *sysdService) {
			if s.uncertain("serviceConfig.DynamicUser") {
				return // an implying option is unknown
			}
			in := &s.info
			var gaps []*sysdGap
			for _, g := range []*sysdGap{
				s.gap("LockPersonality", "true", !in.lockPersonality),
				s.gap("RestrictRealtime", "true", !in.restrictRealtime),
				s.gap("RestrictSUIDSGID", "true", !in.restrictSUID),
			} {
				if g != nil {
					gaps = append(gaps, g)
				}
			}
			if len(gaps) == 0 {
				return
			}
			mdwe := s.gap("MemoryDenyWriteExecute", "true", !in.mdwe)
			msg := fmt.Sprintf("service %s is not restricted in personality, scheduling or setuid files: %s", sysdQuote(s.name), sysdGapList(gaps))
			if mdwe != nil {
				msg += "; consider MemoryDenyWriteExecute = true too unless it runs a JIT"
			}
			f, ok := s.finding(p, diagnostics.Low, gaps, "%s", msg)
			if !ok {
				return
			}
			fx, _ := s.fixGaps(gaps, "Restrict "+sysdGapNames(gaps), true)
			var fx2 diagnostics.Fix
			if mdwe != nil {
				fx2, _ = s.fixGaps(append(append([]*sysdGap(nil), gaps...), mdwe), "Restrict "+sysdGapNames(gaps)+" and MemoryDenyWriteExecute (breaks JITs)", false)
			}
			s.report(p, f, fx, fx2)
		})
	}}
}

func sysdRule012() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-012", Slug: "systemd-weak-umask", Title: "Weak UMask",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Medium, FixClass: diagnostics.FixAuto,
		Description: "A service written in the configuration creates world-readable files: `UMask` is unset " +
			"(systemd's default 0022) or another mask without the other-read bit (low), or its files are even " +
			"world-writable (a mask without the other-write bit, such as `\"0000\"`: medium).",
		Why: "Files the service writes (state, logs, sockets, secrets it generates) are readable, or writable, " +
			"by every local user.",
		Remediation:    "Set `UMask = \"0077\";` (or `\"0027\"` when a group must read the files).",
		Bad:            "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  UMask = \"0000\";\n};",
		Good:           "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  UMask = \"0077\";\n};",
		FalsePositives: "Services that publish world-readable files (web roots, public mirrors).",
		References:     []string{refSysdExec + "#UMask=", refSysdAnalyzeSrc},
		CWE:            []int{732},
	}, Run: func(p *Pass) {
		sysdEachHandWritten(p, func(s *sysdService) {
			bad := 0
			for _, r := range s.score.Rows {
				if r.Name == "UMask=" {
					bad = r.Badness
				}
			}
			if bad < 5 {
				return
			}
			g := s.gap("UMask", `"0077"`, true)
			if g == nil {
				return
			}
			sev, what := diagnostics.Low, "world-readable"
			if bad >= 10 {
				sev, what = diagnostics.Medium, "world-writable"
			}
			if !g.v.set {
				g.note = "UMask not set (0022)"
			}
			f, ok := s.finding(p, sev, []*sysdGap{g}, "service %s creates %s files (%s)", sysdQuote(s.name), what, g)
			if !ok {
				return
			}
			fx, _ := s.fixGaps([]*sysdGap{g}, `Set UMask = "0077"`, true)
			s.report(p, f, fx)
		})
	}}
}

// sysdPrivilegedGroups are groups whose members are (close to) root.
var sysdPrivilegedGroups = map[string]bool{
	"wheel": true, "root": true, "docker": true, "podman": true, "disk": true, "kmem": true, "shadow": true,
	"systemd-journal": true, "keys": true, "adm": true, "lxd": true, "incus-admin": true, "libvirtd": true,
}

func sysdRule013() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-013", Slug: "systemd-weakening-directives", Title: "Miscellaneous weakening directives",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Medium, FixClass: diagnostics.FixAuto,
		Description: "A service written in the configuration shares the kernel keyring (`KeyringMode = " +
			"\"shared\"`/`\"inherit\"`), lets any child process notify systemd (`NotifyAccess = \"all\"`), gets a " +
			"delegated cgroup subtree (`Delegate = true`), runs as a non-root user without `RemoveIPC = true`, " +
			"or joins a root-equivalent group through `SupplementaryGroups` (wheel, docker, disk, " +
			"systemd-journal, keys, shadow, …: medium).",
		Why: "Each hands a compromised service something extra: other services' keys, control over its own " +
			"state reporting, a cgroup tree to manage, SysV IPC objects that outlive it, or group membership " +
			"worth root.",
		Remediation: "Drop the directive (systemd's defaults are the safe values), set `RemoveIPC = true;` for " +
			"non-root services, and grant file access with ACLs or `ReadWritePaths` instead of privileged groups.",
		Bad:            "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  User = \"myapp\";\n  SupplementaryGroups = [ \"docker\" ];\n  NotifyAccess = \"all\";\n};",
		Good:           "systemd.services.myapp.serviceConfig = {\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n  User = \"myapp\";\n  RemoveIPC = true;\n};",
		FalsePositives: "Container managers need Delegate; NixOps-style secret deployments use the keys group.",
		References:     []string{refSysdExec + "#KeyringMode=", refSysdService + "#NotifyAccess=", refSysdResource + "#Delegate=", refSysdExec + "#RemoveIPC=", refSysdExec + "#SupplementaryGroups=", refSysdAnalyzeSrc},
		CWE:            []int{250},
	}, Run: func(p *Pass) {
		sysdEachHandWritten(p, func(s *sysdService) {
			if s.uncertain("serviceConfig.DynamicUser", "serviceConfig.User") {
				return // an implying option is unknown
			}
			in := &s.info
			sev := diagnostics.Low
			var gaps []*sysdGap
			for _, g := range []*sysdGap{
				s.gap("KeyringMode", `"private"`, in.keyringMode != "private"),
				s.gap("NotifyAccess", `"main"`, in.notifyAccess == "all"),
				s.gap("Delegate", "false", in.delegate),
				s.gap("RemoveIPC", "true", !in.runsPrivileged() && !in.removeIPC),
			} {
				if g != nil {
					gaps = append(gaps, g)
				}
			}
			var removals []nixast.Node
			fixable := true
			if sg := s.get("serviceConfig", "SupplementaryGroups"); sg.set && sg.known && !in.runsPrivileged() {
				var bad []string
				for _, w := range strings.Fields(strings.Join(sg.lines, " ")) {
					if sysdPrivilegedGroups[w] {
						bad = append(bad, w)
					}
				}
				if len(bad) > 0 {
					sev = diagnostics.Medium
					gaps = append(gaps, &sysdGap{directive: "SupplementaryGroups", v: sg, note: "SupplementaryGroups includes " + strings.Join(bad, ", ")})
					for _, d := range sg.defs {
						_, lexical := sysdKeyNode(d, 2)
						if d.Value.Kind != List || !lexical {
							fixable = false
							continue
						}
						for _, e := range d.Value.List {
							if str, ok := e.Str(); ok && sysdPrivilegedGroups[str] && sysdListElem(e.Node) {
								removals = append(removals, e.Node)
							}
						}
					}
					if len(removals) < len(bad) {
						fixable = false
					}
				}
			}
			if len(gaps) == 0 {
				return
			}
			format := "service %s weakens its sandbox: %s"
			if len(gaps) == 1 && gaps[0].directive == "RemoveIPC" && !gaps[0].v.set {
				format = "service %s may leave SysV IPC objects behind: %s"
			}
			f, ok := s.finding(p, sev, gaps, format, sysdQuote(s.name), sysdGapList(gaps))
			if !ok {
				return
			}
			if !fixable {
				s.report(p, f)
				return
			}
			var plain []*sysdGap
			for _, g := range gaps {
				if g.directive != "SupplementaryGroups" {
					plain = append(plain, g)
				}
			}
			fx := diagnostics.Fix{Title: "Restore safe defaults (" + sysdGapNames(gaps) + ")", Safe: len(removals) == 0}
			if len(plain) > 0 {
				var ok bool
				if fx, ok = s.fixGaps(plain, fx.Title, fx.Safe); !ok {
					s.report(p, f)
					return
				}
			}
			for _, n := range removals {
				fx.Edits = append(fx.Edits, RemoveListElement(n, "", false).Edits...)
				fx.Safe = false
			}
			s.report(p, f, fx)
		})
	}}
}

// sysdHardenedValue reports whether lines (a serviceConfig directive's rendered
// value) keep the directive's protection; known is false for directives the
// rule does not judge.
func sysdHardenedValue(directive string, lines []string) (hardened, known bool) {
	last := ""
	if len(lines) > 0 {
		last = strings.TrimSpace(lines[len(lines)-1])
	}
	b, isBool := sysdParseBool(last)
	switch directive {
	case "PrivateDevices", "PrivateTmp", "PrivateUsers", "PrivateNetwork", "PrivateMounts", "NoNewPrivileges",
		"ProtectKernelTunables", "ProtectKernelModules", "ProtectKernelLogs", "ProtectControlGroups", "ProtectClock",
		"ProtectHostname", "RestrictRealtime", "RestrictSUIDSGID", "LockPersonality", "MemoryDenyWriteExecute",
		"RemoveIPC", "DynamicUser", "RestrictNamespaces":
		if isBool {
			return b, true
		}
		return true, directive != "RestrictNamespaces" // "disconnected", "self", … keep protection
	case "ProtectSystem":
		return last == "strict", true
	case "ProtectHome":
		return !(isBool && !b) && last != "", true
	case "ProtectProc":
		return last != "default", true
	case "User":
		return last != "root" && last != "0", true
	case "SystemCallFilter":
		// A forced filter replaces the unit's own: fine only when it leaves
		// no scored set open.
		var in sysdSecInfo
		if u := sysdParseSyscallFilter(lines, &in); len(u) > 0 {
			return false, false
		}
		return len(sysdOpenSyscallGroups(&in)) == 0, true
	case "RestrictAddressFamilies":
		if last == "none" {
			return true, true
		}
		// An allow-list without packet sockets.
		allow := len(lines) > 0
		for _, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), "~") || strings.Contains(l, "AF_PACKET") || strings.TrimSpace(l) == "" {
				allow = false
			}
		}
		return allow, true
	case "CapabilityBoundingSet", "AmbientCapabilities":
		if len(lines) == 0 {
			return directive == "AmbientCapabilities", true
		}
		set, unknown := sysdParseCaps(lines, directive == "CapabilityBoundingSet")
		if len(unknown) > 0 {
			return false, false
		}
		return len(sysdCapNames(set, sysdDangerousCaps)) == 0, true
	case "SystemCallArchitectures":
		return last == "native", true
	case "IPAddressDeny":
		return last == "any", true
	case "DevicePolicy":
		return last == "closed" || last == "strict", true
	}
	return false, false
}

func sysdRule014() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-014", Slug: "systemd-hardening-forced-off", Title: "Hardening of a nixpkgs module service forced off",
		Category: catSystemd, Severity: diagnostics.Info, MaxSeverity: diagnostics.Medium, FixClass: diagnostics.FixSuggest,
		Description: "A sandboxing directive of a service is overridden with `lib.mkForce` to a weaker value " +
			"(`ProtectSystem = mkForce false`, `DynamicUser = mkForce false`, `User = mkForce \"root\"`, a forced " +
			"`SystemCallFilter` that leaves privileged system call sets open, a forced `CapabilityBoundingSet` that " +
			"keeps a root-equivalent capability, …) where the unit's own hardening comes from a NixOS " +
			"module or package, or another definition in the source sets it more strictly. Medium; info for " +
			"`DynamicUser = mkForce false` when the service's `User` is set to a non-root account.",
		Why: "mkForce silently removes upstream-reviewed hardening: the module's ProtectSystem = \"strict\" or " +
			"empty capability set is gone, and nothing in the configuration shows what was lost.",
		Remediation: "Delete the override and add the narrow exception the service needs instead: " +
			"`ReadWritePaths = [ \"/srv/x\" ];`, `SystemCallFilter = [ \"@resources\" ];` (lists merge, so this adds " +
			"to the module's filter), `DeviceAllow = [ … ];`.",
		Bad:            "systemd.services.redis-main.serviceConfig.ProtectSystem = lib.mkForce false;",
		Good:           "systemd.services.redis-main.serviceConfig.ReadWritePaths = [ \"/srv/redis\" ];",
		FalsePositives: "Documented workarounds for module bugs; suppress them with the reason.",
		References:     []string{"https://nixos.org/manual/nixos/stable/#sec-option-definitions-setting-priorities", refSysdExec, refSysdAnalyzeSrc},
		CWE:            []int{693},
	}, Run: func(p *Pass) {
		for _, s := range sysdAll(p) {
			for _, d := range s.defs {
				if !d.Active() || d.Priority >= PriorityPlain || len(d.Path) != 5 || d.Path[3] != "serviceConfig" {
					continue
				}
				dir := d.Path[4]
				lines, ok := sysdUnitLines(d.Value)
				if !ok {
					continue
				}
				hard, judged := sysdHardenedValue(dir, lines)
				if !judged || hard {
					continue
				}
				// Only an override of something: a module's unit, or a stricter
				// definition in the source.
				overrides := s.module
				for _, o := range s.sys.Lookup(d.Path...) {
					if o != d && o.Priority > d.Priority {
						if ol, ok := sysdUnitLines(o.Value); ok {
							if h, _ := sysdHardenedValue(dir, ol); h || dir == "SystemCallFilter" {
								overrides = true
							}
						}
					}
				}
				if !overrides {
					continue
				}
				f := p.Finding(d, "%s is forced to %s with mkForce, overriding the unit's own hardening", JoinPath(d.Path), d.Value.String())
				f.Severity = diagnostics.Medium
				if dir == "DynamicUser" {
					if u, ok := sysdStaticUser(s, d); ok {
						// The usual reason: a persistent user owning the state directory.
						// The unit still runs unprivileged, only with a fixed UID.
						f.Severity = diagnostics.Info
						f.Message += fmt.Sprintf("; the service still runs as the non-root user %s", sysdQuote(u))
					}
				}
				if fx, ok := sysdRemoveBinding(d, "Remove the mkForce override (keep the unit's hardening)"); ok {
					f.Fixes = append(f.Fixes, fx)
				}
				p.Report(f)
			}
		}
	}}
}

// sysdStaticUser returns the User= of s when it is a non-root account set
// wherever d applies: its definitions hold under no condition that d does
// not share.
func sysdStaticUser(s *sysdService, d *Definition) (string, bool) {
	u := s.get("serviceConfig", "User")
	if !u.set || !u.known || u.maybe || len(u.lines) == 0 {
		return "", false
	}
	own := map[sysdCondKey]bool{}
	for _, c := range d.Conditions {
		own[sysdCondOf(d, c)] = true
	}
	for _, ud := range u.defs {
		if ud.Status == MaybeOverridden {
			return "", false
		}
		for _, c := range ud.Conditions {
			if c.Holds() == TriUnknown && !own[sysdCondOf(ud, c)] {
				return "", false
			}
		}
	}
	name := u.lines[len(u.lines)-1]
	if name == "" || name == "root" || name == "0" {
		return "", false
	}
	return name, true
}

// sysdRemoveBinding deletes d's binding, with its line when it stands alone.
func sysdRemoveBinding(d *Definition, title string) (diagnostics.Fix, bool) {
	b := d.Binding
	if b.Kind() != nixast.KindBinding {
		return diagnostics.Fix{}, false
	}
	if _, ok := sysdKeyNode(d, 2); !ok {
		return diagnostics.Fix{}, false
	}
	if pfx, ok := bindingPrefix(d); !ok || len(pfx) != len(d.Path)-len(nixast.AttrPath(b)) {
		return diagnostics.Fix{}, false
	}
	return RemoveNode(b, title, false), true
}

var sysdExecDirectives = map[string]bool{"ExecStart": true, "ExecStartPre": true, "ExecStartPost": true, "ExecStop": true,
	"ExecStopPost": true, "ExecReload": true, "ExecCondition": true}

// sysdExecPrefix splits the special prefix characters of an Exec line.
func sysdExecPrefix(s string) (prefix string, escalates string) {
	i := 0
	for i < len(s) && strings.IndexByte("-@:+!|", s[i]) >= 0 {
		i++
	}
	prefix = s[:i]
	switch {
	case strings.Contains(prefix, "+"):
		escalates = "+"
	case strings.Contains(prefix, "!!"):
		escalates = "!!"
	case strings.Contains(prefix, "!"):
		escalates = "!"
	}
	return prefix, escalates
}

func sysdRule015() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-015", Slug: "systemd-exec-escapes-sandbox", Title: "Exec lines escaping the sandbox (`+`, `!`, `!!` prefixes)",
		Category: catSystemd, Severity: diagnostics.Low, MaxSeverity: diagnostics.Medium, FixClass: diagnostics.FixSuggest,
		Description: "A command in `serviceConfig.ExecStart`, `ExecStartPre`, `ExecStartPost`, `ExecStop`, " +
			"`ExecStopPost`, `ExecReload` or `ExecCondition` starts with `+` (runs with full privileges, outside " +
			"the sandbox) or `!`/`!!` (runs as root, ignoring User= and the capability settings). Medium when " +
			"the service otherwise runs as a non-root user or is sandboxed, low for a root service without " +
			"sandboxing.",
		Why: "The command runs as root without the unit's restrictions; when it handles files or data the " +
			"service user controls, that is a path from the service to root.",
		Remediation: "Drop the prefix and grant the specific permission instead (`ReadWritePaths`, " +
			"`LoadCredential`), or move the privileged step into a separate root oneshot unit.",
		Bad:            "systemd.services.myapp.serviceConfig = {\n  User = \"myapp\";\n  ExecStartPre = \"+${pkgs.coreutils}/bin/chown -R myapp /var/lib/myapp\";\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n};",
		Good:           "systemd.services.myapp.serviceConfig = {\n  User = \"myapp\";\n  StateDirectory = \"myapp\";\n  ExecStart = \"${pkgs.myapp}/bin/myapp\";\n};",
		FalsePositives: "Credential-install helpers run from fixed store paths (nixpkgs uses `+` in e.g. the redis module's ExecStartPre).",
		References:     []string{refSysdService + "#Command%20lines", refSysdExec + "#User="},
		CWE:            []int{269},
	}, Run: func(p *Pass) {
		for _, s := range sysdAll(p) {
			for _, d := range s.defs {
				if !d.Active() || len(d.Path) != 5 || d.Path[3] != "serviceConfig" || !sysdExecDirectives[d.Path[4]] {
					continue
				}
				elems := []Value{d.Value}
				if d.Value.Kind == List {
					elems = d.Value.List
				}
				for _, e := range elems {
					if e.Kind != String || len(e.Parts) == 0 || !e.Parts[0].Known {
						continue
					}
					prefix, esc := sysdExecPrefix(e.Parts[0].Text)
					if esc == "" {
						continue
					}
					sev := diagnostics.Low
					if !s.module {
						s.computeOnce()
					}
					if s.module || !s.info.runsPrivileged() || s.score.Exposure < 90 {
						sev = diagnostics.Medium
					}
					what := "with full privileges, outside the sandbox"
					if esc != "+" {
						what = "as root, ignoring User= and the capability settings"
					}
					f := p.Finding(d, "%s of service %s runs %s (%q prefix)", d.Path[4], sysdQuote(s.name), what, esc)
					f.Severity = sev
					n := e.Node
					inside := n.Valid() && d.Node.Valid() && n.File() == d.File && n.Start() >= d.Node.Start() && n.End() <= d.Node.End()
					switch {
					case inside:
						f = At(f, n)
						if fx, ok := sysdDropPrefix(n, prefix); ok {
							f.Fixes = append(f.Fixes, fx)
						}
					case n.Valid():
						// The command comes from a binding used elsewhere too: point at it, do not edit it.
						f.Related = append(f.Related, diagnostics.Related{
							Location: diagnostics.Location{Path: n.File().Path, Span: n.Span()}, Message: "the command is written here"})
					}
					p.Report(f)
				}
			}
		}
	}}
}

// sysdDropPrefix removes + and ! from the prefix of a string literal,
// keeping -, @ and :.
func sysdDropPrefix(n nixast.Node, prefix string) (diagnostics.Fix, bool) {
	if !n.Valid() || n.Kind() != nixast.KindString {
		return diagnostics.Fix{}, false
	}
	start := n.Start() + 1
	src := n.File().Src
	if start+len(prefix) > len(src) || string(src[start:start+len(prefix)]) != prefix {
		return diagnostics.Fix{}, false
	}
	keep := strings.Map(func(r rune) rune {
		if r == '+' || r == '!' {
			return -1
		}
		return r
	}, prefix)
	return diagnostics.Fix{Title: "Run the command inside the sandbox (drop the " + strconv.Quote(strings.Trim(prefix, "-@:|")) + " prefix)",
		Edits: []diagnostics.Edit{spanEdit(n.File(), start, start+len(prefix), keep)}}, true
}

// sysdTemplate is the catalog's hardened serviceConfig (Part C.4), in order.
var sysdTemplate = [][2]string{
	{"NoNewPrivileges", "true"}, {"PrivateTmp", "true"}, {"PrivateDevices", "true"}, {"PrivateUsers", "true"},
	{"ProtectSystem", `"strict"`}, {"ProtectHome", "true"},
	{"ProtectKernelTunables", "true"}, {"ProtectKernelModules", "true"}, {"ProtectKernelLogs", "true"},
	{"ProtectControlGroups", "true"}, {"ProtectClock", "true"}, {"ProtectHostname", "true"},
	{"ProtectProc", `"invisible"`}, {"ProcSubset", `"pid"`},
	{"RestrictAddressFamilies", `[ "AF_UNIX" "AF_INET" "AF_INET6" ]`},
	{"RestrictNamespaces", "true"}, {"RestrictRealtime", "true"}, {"RestrictSUIDSGID", "true"},
	{"LockPersonality", "true"}, {"MemoryDenyWriteExecute", "true"},
	{"SystemCallArchitectures", `"native"`}, {"SystemCallFilter", sysdSyscallFilter},
	{"CapabilityBoundingSet", `""`}, {"AmbientCapabilities", `""`},
	{"DevicePolicy", `"closed"`}, {"UMask", `"0077"`}, {"RemoveIPC", "true"},
}

func sysdThreshold(o Options) float64 {
	if o.ExposureThreshold > 0 {
		return o.ExposureThreshold
	}
	return DefaultExposureThreshold
}

// sysdTopGaps names the directives that cost the most exposure.
func sysdTopGaps(sc Score, n int) []string {
	rows := append([]ScoreRow(nil), sc.Rows...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Exposure > rows[j].Exposure })
	seen := map[string]bool{}
	var out []string
	for _, r := range rows {
		if r.Exposure == 0 || seen[r.Directive] {
			continue
		}
		seen[r.Directive] = true
		out = append(out, r.Directive)
		if len(out) == n {
			break
		}
	}
	return out
}

func sysdRule016() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-016", Slug: "systemd-exposure-high", Title: "Exposure score above threshold (aggregate)",
		Category: catSystemd, Severity: diagnostics.Info, MaxSeverity: diagnostics.Medium, FixClass: diagnostics.FixSuggest,
		Description: "The `systemd-analyze security` exposure nixsec computes from a service's definitions is " +
			"at or above the threshold (default 7.5; `analyzer.Options.ExposureThreshold`, `nixsec score --threshold`): medium at 9.0 (UNSAFE) and above, " +
			"low from 7.5 (EXPOSED), info below when the threshold is lowered. Only services whose whole " +
			"serviceConfig is in the source are scored. `Type = \"oneshot\"` jobs, which systemd-analyze leaves " +
			"out of its overview, are reported at low (info below 7.5). `nixsec score` prints the full table.\n\n" +
			"The score follows systemd's analyze-security.c (81 checks, CAP_BPF included) and the implications " +
			"systemd applies when it loads a unit (DynamicUser implies PrivateTmp, ProtectSystem=strict, " +
			"ProtectHome=read-only, NoNewPrivileges, RestrictSUIDSGID and RemoveIPC; PrivateDevices closes the " +
			"device policy; ProtectClock then adds DeviceAllow=char-rtc r). It is tested against " +
			"`systemd-analyze security --offline` on the unit NixOS writes, and like the online mode it counts " +
			"PrivateMounts as set when another directive implies a mount namespace.\n\n" +
			"When it reports a service, the per-directive rules NIXSEC-SYSD-002..013 are folded into this one " +
			"finding: an unhardened service gets one diagnostic (plus SYSD-001 for root) that lists the gaps and " +
			"offers each gap rule's fix, instead of a dozen on the same name. Disable this rule to see the gaps " +
			"one by one.",
		Why: "One number comparable with `systemd-analyze security <unit>` on the running machine (lynis " +
			"BOOT-5264 runs the same analysis): a service at 9.6 has essentially no sandbox.",
		Remediation: "Insert the hardened template and remove what the service needs: DynamicUser (or User), " +
			"NoNewPrivileges, PrivateTmp/Devices/Users, ProtectSystem = \"strict\", ProtectHome, ProtectKernel*, " +
			"ProtectControlGroups, ProtectClock, ProtectHostname, ProtectProc = \"invisible\", ProcSubset = " +
			"\"pid\", RestrictAddressFamilies, RestrictNamespaces, RestrictRealtime, RestrictSUIDSGID, " +
			"LockPersonality, MemoryDenyWriteExecute, SystemCallArchitectures = \"native\", SystemCallFilter = " +
			"[ \"@system-service\" \"~@privileged\" \"~@resources\" ], CapabilityBoundingSet = \"\", " +
			"DevicePolicy = \"closed\", UMask = \"0077\", RemoveIPC.",
		Bad: "systemd.services.myapp = {\n  wantedBy = [ \"multi-user.target\" ];\n  script = \"exec ${pkgs.myapp}/bin/myapp\";\n};",
		Good: "systemd.services.myapp = {\n  wantedBy = [ \"multi-user.target\" ];\n  script = \"exec ${pkgs.myapp}/bin/myapp\";\n  serviceConfig = {\n" +
			"    DynamicUser = true;\n    PrivateDevices = true;\n    ProtectKernelTunables = true;\n    ProtectKernelModules = true;\n" +
			"    CapabilityBoundingSet = \"\";\n    SystemCallFilter = [ \"@system-service\" \"~@privileged\" \"~@resources\" ];\n" +
			"    # … and the rest of the template: 3.4 instead of 9.6\n  };\n};",
		FalsePositives: "Units that must run unsandboxed (system management); the score of units defined by modules is not known from the source and is never reported.",
		References:     []string{refSysdAnalyze + "#systemd-analyze%20security%20%5BUNIT...%5D", refSysdAnalyzeSrc, "https://cisofy.com/lynis/controls/BOOT-5264/"},
		CWE:            []int{250},
	}, Run: func(p *Pass) {
		thr := int(math.Round(sysdThreshold(p.Options) * 10))
		sysdEachHandWritten(p, func(s *sysdService) {
			sc := s.score
			if !s.exposed(p) {
				return
			}
			sev := diagnostics.Info
			switch {
			case s.typ == "oneshot":
				// A job that runs and exits: systemd-analyze's overview leaves
				// it out; the gaps still matter, one finding says so.
				sev = diagnostics.Low
				if sc.Exposure < 75 {
					sev = diagnostics.Info
				}
			case sc.Exposure >= 90:
				sev = diagnostics.Medium
			case sc.Exposure >= 75:
				sev = diagnostics.Low
			}
			msg := fmt.Sprintf("service %s has systemd exposure %s (threshold %.1f); biggest gaps: %s",
				sysdQuote(s.name), sc.String(), float64(thr)/10, strings.Join(sysdTopGaps(sc, 5), ", "))
			if sc.Approximate {
				msg += "; approximate: " + strings.Join(sc.Unknown, ", ")
			}
			if len(s.folded) > 0 {
				var ids []string
				for _, g := range s.folded {
					ids = append(ids, strings.TrimPrefix(g.RuleID, "NIXSEC-"))
				}
				msg += fmt.Sprintf("; %d hardening gaps (%s), each with its own fix here; `nixsec score --service %s` shows every check", len(s.folded), strings.Join(ids, ", "), s.name)
			}
			f, ok := s.finding(p, sev, nil, "%s", msg)
			if !ok {
				return
			}
			if sc.Approximate {
				f.Confidence = diagnostics.Possible
			}
			var gaps []*sysdGap
			if v := s.get("serviceConfig", "User"); !v.set && !v.maybe {
				if dv := s.get("serviceConfig", "DynamicUser"); !dv.set && !dv.maybe {
					gaps = append(gaps, &sysdGap{directive: "DynamicUser", want: "true", v: dv})
					if sd := s.get("serviceConfig", "StateDirectory"); !sd.set && !sd.maybe {
						gaps = append(gaps, &sysdGap{directive: "StateDirectory", want: sysdQuote(s.name), v: sd})
					}
				}
			}
			for _, t := range sysdTemplate {
				if v := s.get("serviceConfig", t[0]); !v.set && !v.maybe {
					gaps = append(gaps, &sysdGap{directive: t[0], want: t[1], v: v})
				}
			}
			var fixes []diagnostics.Fix
			if len(gaps) > 0 {
				if fx, ok := s.fixGaps(gaps, "Insert the hardened serviceConfig template (then remove what the service needs)", false); ok {
					fixes = append(fixes, fx)
				}
			}
			// The folded gap findings' fixes are offered here, each on its
			// own (their edits may overlap one another).
			for _, g := range s.folded {
				fixes = append(fixes, g.Fixes...)
				if g.Severity > f.Severity {
					f.Severity = g.Severity
				}
				f.Related = append(f.Related, g.Related...)
			}
			s.report(p, f, fixes...)
		})
	}}
}

func sysdRule017() *Rule {
	return &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SYSD-017", Slug: "systemd-confinement-weak", Title: "Confinement misuse / opportunity (info)",
		Category: catSystemd, Severity: diagnostics.Info, MaxSeverity: diagnostics.Info, FixClass: diagnostics.FixSuggest,
		Description: "A service uses NixOS confinement (`confinement.enable = true`) with `mode = " +
			"\"chroot-only\"`, which leaves PrivateDevices, PrivateTmp, PrivateUsers, ProtectControlGroups and " +
			"ProtectKernelModules/Tunables off, or with `fullUnit = true`, which copies the unit's whole closure " +
			"into the chroot.",
		Why: "chroot-only drops the API file system sandboxing that the default full-apivfs mode gives; " +
			"fullUnit fills the chroot with store paths the service never needed. Confinement also does not " +
			"cover network namespaces.",
		Remediation: "Use `confinement = { enable = true; mode = \"full-apivfs\"; };` and list the extra store " +
			"paths the service needs in `confinement.packages` instead of `fullUnit`.",
		Bad:            "systemd.services.myapp.confinement = {\n  enable = true;\n  mode = \"chroot-only\";\n};",
		Good:           "systemd.services.myapp.confinement = {\n  enable = true;\n  packages = [ pkgs.cacert ];\n};",
		FalsePositives: "Services that must not see /dev, /proc or /sys at all (chroot-only is then the point).",
		References:     []string{refSysdConfine, "https://nixos.org/manual/nixos/stable/options#opt-systemd.services._name_.confinement.mode"},
		CWE:            []int{250},
	}, Run: func(p *Pass) {
		for _, s := range sysdAll(p) {
			en := s.get("confinement", "enable")
			if !en.set || !en.known || len(en.lines) == 0 || en.lines[len(en.lines)-1] != "true" {
				continue
			}
			if m := s.get("confinement", "mode"); m.set && m.known && len(m.defs) == 1 && m.lines[0] == "chroot-only" {
				d := m.defs[0]
				f := p.Finding(d, "service %s is confined with mode \"chroot-only\": no private /dev, /tmp or user namespace", sysdQuote(s.name))
				if fx, ok := ReplaceValue(d, `"full-apivfs"`, `Use confinement mode "full-apivfs"`, false); ok {
					f.Fixes = append(f.Fixes, fx)
				}
				p.Report(f)
			}
			if fu := s.get("confinement", "fullUnit"); fu.set && fu.known && len(fu.defs) == 1 && fu.lines[0] == "true" {
				d := fu.defs[0]
				f := p.Finding(d, "service %s copies its whole unit closure into the confinement chroot (fullUnit = true)", sysdQuote(s.name))
				if fx, ok := ReplaceValue(d, "false", "List the needed store paths in confinement.packages instead", false); ok {
					f.Fixes = append(f.Fixes, fx)
				}
				p.Report(f)
			}
		}
	}}
}

// sysdListElem reports whether n is an element of a list literal.
func sysdListElem(n nixast.Node) bool {
	return n.Valid() && n.Parent().Kind() == nixast.KindList && n.FieldName() == nixast.FieldElement
}
