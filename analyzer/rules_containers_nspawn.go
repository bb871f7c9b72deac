package analyzer

import (
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// NixOS (systemd-nspawn) container rules: NIXSEC-CTR-001..007.

// ctrIssue is one problem found in a container's settings, before it is
// turned into a finding (CTR-002 asks whether other issues exist).
type ctrIssue struct {
	Def      *Definition
	First    nixast.Node // where the finding goes
	Last     nixast.Node // optional end of a two-element range
	Severity diagnostics.Severity
	Message  string
	Fix      *diagnostics.Fix
	Related  []diagnostics.Related
	Escalate bool // subject to the "no user namespacing" escalation
}

func (is ctrIssue) report(p *Pass, c *nixosContainer) {
	f := p.Finding(is.Def, "%s", is.Message)
	f = spanFinding(f, is.First, is.Last)
	f.Severity = is.Severity
	f.Related = append(f.Related, is.Related...)
	if is.Fix != nil {
		f.Fixes = append(f.Fixes, *is.Fix)
	}
	if c != nil && is.Escalate {
		escalateNoUserns(p, &f, *c)
	}
	p.Report(f)
}

func fixPtr(f diagnostics.Fix, ok bool) *diagnostics.Fix {
	if !ok {
		return nil
	}
	return &f
}

func init() {
	Register(ctr001, ctr002, ctr003, ctr004, ctr005, ctr006, ctr007)
}

// ---------------------------------------------------------------------------

var ctr001 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-001", Slug: "nixos-container-host-network", Title: "NixOS container shares the host network namespace",
		Category: catContainers, Severity: diagnostics.Info, MaxSeverity: diagnostics.High,
		Description: "A declarative NixOS container (`containers.<name>`) without `privateNetwork = true` and without " +
			"`networkNamespace` runs in the host's network namespace. The finding is low; it is high when the " +
			"container also holds CAP_NET_ADMIN or CAP_NET_RAW (`additionalCapabilities`, `enableTun`).",
		Why: "The nixos-containers module says such a container \"shares the network interfaces of the host, and can " +
			"bind to any port on any interface\". It also reaches services the host binds to localhost only. With " +
			"CAP_NET_ADMIN it can reconfigure the host's interfaces, routes and firewall.",
		Remediation: "Give the container its own network: `privateNetwork = true;` with `hostAddress` and " +
			"`localAddress` (for example 10.233.1.1 and 10.233.1.2), and publish only what must be reachable with " +
			"`forwardPorts`.",
		FixClass:   diagnostics.FixSuggest,
		References: []string{refNixOSContainers},
		CWE:        []int{653},
		Bad:        "containers.web = {\n  autoStart = true;\n  config = { services.nginx.enable = true; };\n};",
		Good: "containers.web = {\n  privateNetwork = true;\n  hostAddress = \"10.233.1.1\";\n  localAddress = \"10.233.1.2\";\n" +
			"  config = { services.nginx.enable = true; };\n};",
		FalsePositives: "Containers meant to serve on the host's addresses (a reverse proxy in a container) share the " +
			"host network on purpose; suppress the finding with a reason.",
	},
	Run: runCTR001,
}

func netAdminGrant(c nixosContainer) (*Definition, nixast.Node, string) {
	for _, e := range listElems(c.Sys, c.path("additionalCapabilities")...) {
		if s, ok := e.Value.Str(); ok {
			switch normCap(s) {
			case "NET_ADMIN", "NET_RAW", "ALL":
				return e.Def, e.Node, "additionalCapabilities grants " + s
			}
		}
	}
	for _, d := range trueDefs(c.Sys, c.path("enableTun")...) {
		return d, d.Node, "enableTun = true grants CAP_NET_ADMIN"
	}
	return nil, nixast.Node{}, ""
}

func runCTR001(p *Pass) {
	for _, s := range ctrSystems(p) {
		for _, c := range nixosOf(p, s) {
			if privateNetworkOn(c) {
				continue
			}
			t, d, ok := boolOpt(s, c.path("privateNetwork")...)
			if ok && (t != TriFalse || d == nil) {
				continue // unknown, or set in ways nixsec cannot see
			}
			if s.MaybeSet(c.path("networkNamespace")...) {
				continue
			}
			var f diagnostics.Finding
			if d != nil {
				f = p.Finding(d, "containers.%s.privateNetwork = false: the container shares the host's network namespace and can bind any host port", c.Name)
				if fix, ok := ReplaceValue(d, "true", "Give the container a private network (then set hostAddress and localAddress)", false); ok {
					f.Fixes = append(f.Fixes, fix)
				}
			} else {
				if !declared(c) {
					continue // only extended here: declared where nixsec cannot see
				}
				var ok bool
				f, ok = containerFinding(p, c, diagnostics.Definite, "container %q has no `privateNetwork = true`: it shares the host's network namespace, can bind any host port and reach host-only services", c.Name)
				if !ok {
					continue
				}
				if fix, ok := addToContainer(c, []string{"privateNetwork"}, "true", "Give the container a private network (then set hostAddress and localAddress)", false); ok {
					f.Fixes = append(f.Fixes, fix)
				}
			}
			f.Severity = diagnostics.Low
			if nd, nn, why := netAdminGrant(c); nd != nil {
				f.Severity = diagnostics.High
				f.Message += "; with CAP_NET_ADMIN it can reconfigure host networking"
				f.Related = append(f.Related, related(nn, why))
			}
			p.Report(f)
		}
	}
}

// ---------------------------------------------------------------------------

var ctr002 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-002", Slug: "nixos-container-no-userns", Title: "NixOS container without user namespacing",
		Category: catContainers, Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "A NixOS container whose `privateUsers` is unset (the default `\"no\"`), `\"no\"`, `\"identity\"` " +
			"or 0. High when the same container is also granted dangerous capabilities, devices, writable " +
			"sensitive bind mounts or nspawn flags (CTR-003/004/005/007), which are then raised to critical.",
		Why: "Without user namespacing, uid 0 in the container is uid 0 on the host: any escape, or any writable " +
			"bind mount, acts as host root. The module calls `\"pick\"` the recommended option, which \"enhances " +
			"container security massively\".",
		Remediation: "Set `containers.<name>.privateUsers = \"pick\";`. Bind mounts under /nix get `idmap` " +
			"automatically; host paths bind-mounted read-write may need their ownership changed.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refNixOSContainers, refNspawn + "#--private-users="},
		CWE:            []int{250},
		Bad:            "containers.db = {\n  config = { services.postgresql.enable = true; };\n};",
		Good:           "containers.db = {\n  privateUsers = \"pick\";\n  config = { services.postgresql.enable = true; };\n};",
		FalsePositives: "Containers that must share host uids with bind-mounted data; document and suppress.",
	},
	Run: runCTR002,
}

// otherUsernsIssues is what CTR-002 escalates on.
func otherUsernsIssues(c nixosContainer) []ctrIssue {
	var out []ctrIssue
	out = append(out, capIssues(c)...)
	out = append(out, deviceIssues(c)...)
	for _, is := range bindIssues(c) {
		if is.Escalate {
			out = append(out, is)
		}
	}
	out = append(out, nspawnFlagIssues(c)...)
	return out
}

func runCTR002(p *Pass) {
	for _, s := range ctrSystems(p) {
		for _, c := range nixosOf(p, s) {
			off, d, known := privateUsersOff(c)
			if !off || !known {
				continue
			}
			var f diagnostics.Finding
			if d != nil {
				f = p.Finding(d, "containers.%s.privateUsers = %s: container root is uid 0 on the host", c.Name, d.Value.String())
				if fix, ok := ReplaceValue(d, `"pick"`, "Enable user namespacing (privateUsers = \"pick\")", false); ok {
					f.Fixes = append(f.Fixes, fix)
				}
			} else {
				if !declared(c) {
					continue // only extended here: declared where nixsec cannot see
				}
				var ok bool
				f, ok = containerFinding(p, c, diagnostics.Definite, "container %q has no `privateUsers` (default \"no\"): container root is uid 0 on the host", c.Name)
				if !ok {
					continue
				}
				if fix, ok := addToContainer(c, []string{"privateUsers"}, `"pick"`, "Enable user namespacing (privateUsers = \"pick\")", false); ok {
					f.Fixes = append(f.Fixes, fix)
				}
			}
			if others := otherUsernsIssues(c); len(others) > 0 {
				f.Severity = diagnostics.High
				for _, o := range others {
					f.Related = append(f.Related, related(o.First, "also: "+o.Message))
				}
			}
			p.Report(f)
		}
	}
}

// ---------------------------------------------------------------------------

var ctr003 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-003", Slug: "nixos-container-dangerous-caps", Title: "NixOS container granted dangerous capabilities",
		Category: catContainers, Severity: diagnostics.High, MaxSeverity: diagnostics.Critical,
		Description: "`containers.<name>.additionalCapabilities` contains CAP_SYS_ADMIN, CAP_SYS_MODULE, CAP_SYS_RAWIO, " +
			"CAP_SYS_PTRACE, CAP_DAC_READ_SEARCH, CAP_SYS_BOOT, CAP_BPF, CAP_PERFMON, CAP_MKNOD, CAP_SYS_TIME, " +
			"CAP_NET_ADMIN (without a private network) or \"all\". Critical when the container also runs without " +
			"user namespacing.",
		Why: "These capabilities are known container-escape primitives: mounting file systems, loading kernel " +
			"modules, raw device I/O, open_by_handle_at with CAP_DAC_READ_SEARCH, tracing host processes.",
		Remediation: "Remove the capability and grant the narrow one actually needed (for example " +
			"CAP_NET_BIND_SERVICE); enable `privateUsers = \"pick\"`.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refNixOSContainers, refCapabilities},
		CWE:            []int{250, 269},
		Bad:            "containers.builder.additionalCapabilities = [ \"CAP_SYS_ADMIN\" ];",
		Good:           "containers.builder.additionalCapabilities = [ \"CAP_NET_BIND_SERVICE\" ];",
		FalsePositives: "Nested container hosts need some of these; document and suppress.",
	},
	Run: func(p *Pass) { runContainerIssues(p, capIssues) },
}

func runContainerIssues(p *Pass, fn func(nixosContainer) []ctrIssue) {
	for _, s := range ctrSystems(p) {
		for _, c := range nixosOf(p, s) {
			c := c
			for _, is := range fn(c) {
				is.report(p, &c)
			}
		}
	}
}

func capIssues(c nixosContainer) []ctrIssue {
	var out []ctrIssue
	for _, e := range listElems(c.Sys, c.path("additionalCapabilities")...) {
		s, ok := e.Value.Str()
		if !ok {
			continue
		}
		nc := normCap(s)
		if _, bad := dangerousCaps[nc]; !bad {
			continue
		}
		if nc == "NET_ADMIN" && privateNetworkOn(c) {
			continue // in its own network namespace: the VPN case
		}
		is := ctrIssue{Def: e.Def, First: e.Node, Severity: diagnostics.High, Escalate: true,
			Message: sprintf("containers.%s.additionalCapabilities grants %q, a container-escape primitive", c.Name, s)}
		is.Fix = fixPtr(removeElems("Remove "+s+" from additionalCapabilities", e.Node))
		out = append(out, is)
	}
	return out
}

// ---------------------------------------------------------------------------

var ctr004 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-004", Slug: "nixos-container-broad-devices", Title: "NixOS container with broad device access",
		Category: catContainers, Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "`containers.<name>.allowedDevices` grants write or mknod access (`modifier` with `w` or `m`) to " +
			"raw block devices (/dev/sd*, /dev/nvme*, /dev/vd*, /dev/dm-*, /dev/mapper/*, block-*), /dev/mem, " +
			"/dev/kmem or /dev/port (high), or to /dev/kvm, /dev/fuse or /dev/kmsg (medium).",
		Why: "Raw block and memory devices let the container read or rewrite host data outside its own file " +
			"system, bypassing every permission check.",
		Remediation: "Drop the entry or make it read-only (`modifier = \"r\"`); pass specific data with `bindMounts` " +
			"and `isReadOnly = true` instead.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refNixOSContainers, "https://www.freedesktop.org/software/systemd/man/latest/systemd.resource-control.html#DeviceAllow="},
		CWE:            []int{732},
		Bad:            "containers.backup.allowedDevices = [ { node = \"/dev/sda\"; modifier = \"rw\"; } ];",
		Good:           "containers.backup.allowedDevices = [ { node = \"/dev/sda\"; modifier = \"r\"; } ];",
		FalsePositives: "GPU, tuner and serial passthrough (/dev/dri/*, /dev/ttyUSB*) is not reported.",
	},
	Run: func(p *Pass) { runContainerIssues(p, deviceIssues) },
}

// deviceRisk classifies a device node path; ok is false for devices that
// are not reported.
func deviceRisk(n string) (diagnostics.Severity, string, bool) {
	switch {
	case n == "/dev/mem" || n == "/dev/kmem" || n == "/dev/port":
		return diagnostics.High, "physical memory or I/O ports", true
	case strings.HasPrefix(n, "block-"), isBlockDevice(n):
		return diagnostics.High, "a raw block device", true
	case n == "/dev/kvm", n == "/dev/fuse", n == "/dev/kmsg":
		return diagnostics.Medium, "a kernel interface", true
	}
	return 0, "", false
}

func isBlockDevice(n string) bool {
	for _, p := range []string{"/dev/sd", "/dev/nvme", "/dev/vd", "/dev/xvd", "/dev/hd", "/dev/dm-", "/dev/mapper/", "/dev/md", "/dev/mmcblk", "/dev/loop", "/dev/disk/"} {
		if strings.HasPrefix(n, p) && len(n) > len(p) {
			return true
		}
	}
	return false
}

func deviceIssues(c nixosContainer) []ctrIssue {
	var out []ctrIssue
	for _, e := range listElems(c.Sys, c.path("allowedDevices")...) {
		if e.Value.Kind != Attrs {
			continue
		}
		nv, ok1 := e.Value.Attr("node")
		mv, ok2 := e.Value.Attr("modifier")
		node, k1 := nv.Str()
		mod, k2 := mv.Str()
		if !ok1 || !ok2 || !k1 || !k2 || !strings.ContainsAny(mod, "wm") {
			continue
		}
		sev, what, bad := deviceRisk(node)
		if !bad {
			continue
		}
		at := e.Node
		inside := within(mv.Node, e.Node)
		if inside {
			at = mv.Node
		}
		is := ctrIssue{Def: e.Def, First: at, Severity: sev, Escalate: true,
			Message: sprintf("containers.%s.allowedDevices grants %q access to %s (%s)", c.Name, mod, node, what)}
		if inside && isLiteral(mv.Node) && mv.Node.Unparen().Kind() == nixast.KindString {
			fix := ReplaceNode(mv.Node, `"r"`, "Make the device read-only", false)
			is.Fix = &fix
		}
		if nv.Node.Valid() {
			is.Related = append(is.Related, related(nv.Node, "device "+node))
		}
		out = append(out, is)
	}
	return out
}

// ---------------------------------------------------------------------------

var ctr005 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-005", Slug: "nixos-container-writable-bind", Title: "Writable bind mount of a sensitive host path into a NixOS container",
		Category: catContainers, Severity: diagnostics.Info, MaxSeverity: diagnostics.Critical,
		Description: "`containers.<name>.bindMounts.<mountPoint>` with `isReadOnly = false` whose `hostPath` (or the " +
			"mount point, when hostPath is null) is a sensitive host path: `/` , `/etc`, `/root`, `/nix`, " +
			"`/nix/store`, `/nix/var` (critical); `/home`, `/boot`, `/run`, `/var/lib`, `/dev`, `/sys`, `/proc`, " +
			"`/run/secrets`, `/var/lib/sops-nix`, `/etc/ssh` (high). Any other writable bind mount is info. " +
			"Container-engine sockets are NIXSEC-CTR-011.",
		Why: "Write access to host configuration, credentials or the Nix store from inside the container is host " +
			"compromise; without user namespacing the container writes as host root.",
		Remediation: "Remove `isReadOnly = false` (the default is read-only) when the container does not need to " +
			"write; otherwise mount a dedicated subdirectory owned by the service.",
		FixClass:       diagnostics.FixAuto,
		References:     []string{refNixOSContainers, refNspawn + "#--bind="},
		CWE:            []int{732, 668},
		Bad:            "containers.web.bindMounts.\"/host-etc\" = {\n  hostPath = \"/etc\";\n  isReadOnly = false;\n};",
		Good:           "containers.web.bindMounts.\"/host-etc\" = {\n  hostPath = \"/etc\";\n  isReadOnly = true;\n};",
		FalsePositives: "Data directories owned by the containerized service are reported as info only.",
	},
	Run: func(p *Pass) { runContainerIssues(p, bindIssues) },
}

func bindIssues(c nixosContainer) []ctrIssue {
	var out []ctrIssue
	for _, mp := range namesUnder(c.Sys, c.path("bindMounts")) {
		bp := c.path("bindMounts", mp)
		t, d, _ := boolOpt(c.Sys, sub(bp, "isReadOnly")...)
		if t != TriFalse || d == nil {
			continue
		}
		src := mp
		var srcDef *Definition
		if v, hd, ok := c.Sys.Get(sub(bp, "hostPath")...); ok && v.Kind != Null {
			s, known := v.Str()
			if !known {
				continue
			}
			src, srcDef = s, hd
		} else if c.Sys.MaybeSet(sub(bp, "hostPath")...) {
			continue
		} else if v, md, ok := c.Sys.Get(sub(bp, "mountPoint")...); ok {
			s, known := v.Str()
			if !known {
				continue
			}
			src, srcDef = s, md
		}
		if _, sock := engineSocket(src); sock {
			continue // NIXSEC-CTR-011
		}
		is := ctrIssue{Def: d, First: d.Node}
		if srcDef != nil {
			is.Related = append(is.Related, relatedDef(srcDef, "host path "+src))
		}
		if risk, ok := hostPathRisk(src); ok {
			is.Severity = diagnostics.High
			if risk.Severity == diagnostics.Critical {
				is.Severity = diagnostics.Critical
			}
			is.Escalate = true
			is.Message = sprintf("containers.%s.bindMounts.%s mounts %s (%s) writable into the container", c.Name, JoinPath([]string{mp}), src, risk.What)
			is.Fix = fixPtr(ReplaceValue(d, "true", "Mount it read-only (isReadOnly = true)", true))
		} else {
			is.Severity = diagnostics.Info
			is.Message = sprintf("containers.%s.bindMounts.%s mounts host path %s writable into the container", c.Name, JoinPath([]string{mp}), src)
			is.Fix = fixPtr(ReplaceValue(d, "true", "Mount it read-only (isReadOnly = true)", false))
		}
		out = append(out, is)
	}
	return out
}

// ---------------------------------------------------------------------------

var ctr006 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-006", Slug: "nixos-container-tun", Title: "NixOS container with TUN/NET_ADMIN (enableTun)",
		Category: catContainers, Severity: diagnostics.Low, MaxSeverity: diagnostics.High,
		Description: "`containers.<name>.enableTun = true`, which grants CAP_NET_ADMIN and `/dev/net/tun`. High " +
			"without `privateNetwork = true`, low with it.",
		Why: "With CAP_NET_ADMIN in the host's network namespace the container can reconfigure host interfaces, " +
			"routes and netfilter rules, including the NixOS firewall.",
		Remediation: "Add `privateNetwork = true;` (VPN containers work in their own namespace), or drop " +
			"`enableTun` when the container does not need a tunnel.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refNixOSContainers},
		CWE:            []int{250},
		Bad:            "containers.vpn.enableTun = true;",
		Good:           "containers.vpn = {\n  enableTun = true;\n  privateNetwork = true;\n};",
		FalsePositives: "VPN gateway containers with a private network are reported as low.",
	},
	Run: runCTR006,
}

func runCTR006(p *Pass) {
	for _, s := range ctrSystems(p) {
		for _, c := range nixosOf(p, s) {
			for _, d := range trueDefs(s, c.path("enableTun")...) {
				var f diagnostics.Finding
				if privateNetworkOn(c) {
					f = p.Finding(d, "containers.%s.enableTun = true grants CAP_NET_ADMIN and /dev/net/tun (in the container's private network)", c.Name)
					f.Severity = diagnostics.Low
				} else {
					f = p.Finding(d, "containers.%s.enableTun = true grants CAP_NET_ADMIN in the host's network namespace: the container can reconfigure host networking", c.Name)
					f.Severity = diagnostics.High
				}
				if fix, ok := ReplaceValue(d, "false", "Disable enableTun", false); ok {
					f.Fixes = append(f.Fixes, fix)
				}
				p.Report(f)
			}
		}
	}
}

// ---------------------------------------------------------------------------

var ctr007 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-007", Slug: "nixos-container-nspawn-flags", Title: "Dangerous systemd-nspawn flags",
		Category: catContainers, Severity: diagnostics.High, MaxSeverity: diagnostics.Critical,
		Description: "`containers.<name>.extraFlags` (passed verbatim to systemd-nspawn) containing " +
			"`--capability=` with all or a dangerous capability, `--private-users=no`/`identity`, writable " +
			"`--bind=` of a sensitive host path or a daemon socket, `--network-namespace-path=/proc/1/ns/net`, or " +
			"`--system-call-filter=` entries that re-allow @mount, @module, @raw-io, @privileged or @cpu-emulation. " +
			"Raw nspawn units (`systemd.nspawn.<name>`) are read too: `execConfig.Capability`, " +
			"`execConfig.PrivateUsers = false` and sensitive `filesConfig.Bind` entries.",
		Why: "The same escape primitives as NIXSEC-CTR-003 and NIXSEC-CTR-005, added through the free-form flag " +
			"list where the typed options cannot be checked by the module.",
		Remediation: "Remove the flag; use the typed options instead: `additionalCapabilities`, `bindMounts` with " +
			"`isReadOnly = true`, `privateUsers = \"pick\"`.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refNixOSContainers, refNspawn},
		CWE:            []int{250, 732},
		Bad:            "containers.ci.extraFlags = [ \"--capability=all\" \"--bind=/etc\" ];",
		Good:           "containers.ci.extraFlags = [ \"--drop-capability=CAP_SYS_CHROOT\" ];",
		FalsePositives: "`--drop-capability=`, `--bind-ro=` and `--tmpfs=` are hardening or harmless and are not reported.",
	},
	Run: func(p *Pass) {
		runContainerIssues(p, nspawnFlagIssues)
		for _, s := range ctrSystems(p) {
			for _, is := range nspawnUnitIssues(s) {
				is.report(p, nil)
			}
		}
	},
}

// strElems returns the strings of a definition whose value is a string or a
// list of strings, each with its node.
func strElems(d *Definition) []listElem {
	if d.Value.Kind == List {
		return defElems(d)
	}
	return []listElem{{Value: d.Value, Node: d.Node, Src: d.Node, Def: d}}
}

// nspawnUnitIssues checks raw systemd-nspawn units (systemd.nspawn.<name>,
// rendered to /etc/systemd/nspawn/<name>.nspawn): Capability=, PrivateUsers=
// and Bind= carry the same escape primitives as the flags.
func nspawnUnitIssues(s *System) []ctrIssue {
	var out []ctrIssue
	for _, n := range namesUnder(s, []string{"systemd", "nspawn"}) {
		base := []string{"systemd", "nspawn", n}
		for _, d := range s.Effective(sub(base, "execConfig", "Capability")...) {
			for _, e := range strElems(d) {
				str, ok := e.Value.Str()
				if !ok {
					continue
				}
				sev, why := nspawnFlagRisk("capability", strings.Join(strings.Fields(str), ","))
				if why != "" {
					out = append(out, ctrIssue{Def: d, First: e.Node, Severity: sev,
						Message: sprintf("systemd.nspawn.%s.execConfig.Capability = %q %s", JoinPath([]string{n}), str, why)})
				}
			}
		}
		for _, d := range s.Effective(sub(base, "execConfig", "PrivateUsers")...) {
			v := d.Value
			str, _ := v.Str()
			if v.IsBool(false) || v.Kind == String && (str == "no" || str == "false" || str == "identity") {
				out = append(out, ctrIssue{Def: d, First: d.Node, Severity: diagnostics.High,
					Message: sprintf("systemd.nspawn.%s.execConfig.PrivateUsers = %s turns user namespacing off: container root is host root", JoinPath([]string{n}), v.String())})
			}
		}
		for _, d := range s.Effective(sub(base, "filesConfig", "Bind")...) {
			for _, e := range strElems(d) {
				str, ok := e.Value.Str()
				if !ok {
					continue
				}
				for _, b := range strings.Fields(str) {
					sev, why := nspawnFlagRisk("bind", b)
					if why != "" {
						out = append(out, ctrIssue{Def: d, First: e.Node, Severity: sev,
							Message: sprintf("systemd.nspawn.%s.filesConfig.Bind = %q %s", JoinPath([]string{n}), b, why)})
					}
				}
			}
		}
	}
	return out
}

// nspawnValued are systemd-nspawn long options that take a value.
var nspawnValued = map[string]bool{
	"capability": true, "drop-capability": true, "private-users": true, "bind": true, "bind-ro": true,
	"network-namespace-path": true, "system-call-filter": true, "tmpfs": true, "overlay": true, "overlay-ro": true,
	"setenv": true, "machine": true, "directory": true, "image": true, "user": true, "chdir": true, "property": true,
	"network-interface": true, "network-macvlan": true, "network-ipvlan": true, "network-bridge": true, "network-zone": true,
	"port": true, "personality": true, "uuid": true, "slice": true, "link-journal": true, "resolv-conf": true,
	"timezone": true, "kill-signal": true, "notify-ready": true, "volatile": true, "rlimit": true, "oom-score-adjust": true,
	"cpu-affinity": true, "hostname": true, "inaccessible": true, "pivot-root": true, "register": true, "keep-unit": false,
}

type flagTok struct {
	text string
	el   int // index of the element it comes from
}

func nspawnFlagIssues(c nixosContainer) []ctrIssue {
	var out []ctrIssue
	for _, d := range c.Sys.Effective(c.path("extraFlags")...) {
		els := defElems(d)
		var toks []flagTok
		whole := map[int]int{} // element → number of tokens in it
		for i, e := range els {
			s, ok := e.Value.Str()
			if !ok {
				continue
			}
			for _, t := range strings.Fields(s) {
				toks = append(toks, flagTok{t, i})
				whole[i]++
			}
		}
		for i := 0; i < len(toks); i++ {
			t := toks[i].text
			if !strings.HasPrefix(t, "--") {
				continue
			}
			name, val, hasVal := strings.Cut(t[2:], "=")
			last := i
			if !hasVal && nspawnValued[name] && i+1 < len(toks) {
				val, hasVal, last = toks[i+1].text, true, i+1
			}
			if !hasVal {
				continue
			}
			sev, why := nspawnFlagRisk(name, val)
			if why == "" {
				continue
			}
			first, lastEl := els[toks[i].el], els[toks[last].el]
			flag := "--" + name + "=" + val
			is := ctrIssue{Def: d, First: first.Node, Severity: sev, Escalate: true,
				Message: sprintf("containers.%s.extraFlags passes %q to systemd-nspawn: %s", c.Name, flag, why)}
			if toks[last].el != toks[i].el {
				is.Last = lastEl.Node
			}
			// Offer removal only when the flag is all its element(s) hold.
			removable := false
			switch {
			case last == i:
				removable = whole[toks[i].el] == 1
			case toks[last].el == toks[i].el:
				removable = whole[toks[i].el] == 2
			default:
				removable = whole[toks[i].el] == 1 && whole[toks[last].el] == 1
			}
			if removable {
				nodes := []nixast.Node{first.Node}
				if toks[last].el != toks[i].el {
					nodes = append(nodes, lastEl.Node)
				}
				is.Fix = fixPtr(removeElems("Remove "+flag, nodes...))
			}
			out = append(out, is)
			i = last
		}
	}
	return out
}

func nspawnFlagRisk(name, val string) (diagnostics.Severity, string) {
	switch name {
	case "capability":
		for _, cp := range strings.Split(val, ",") {
			n := normCap(cp)
			if n == "ALL" {
				return diagnostics.Critical, "grants every capability"
			}
			if _, bad := dangerousCaps[n]; bad {
				return diagnostics.High, "grants " + cp + ", a container-escape primitive"
			}
		}
	case "private-users":
		switch strings.ToLower(val) {
		case "no", "false", "identity", "0":
			return diagnostics.High, "turns user namespacing off: container root is host root"
		}
	case "bind":
		src, _, _ := strings.Cut(val, ":")
		if strings.HasPrefix(src, "+") || src == "" {
			return 0, ""
		}
		src = strings.TrimPrefix(src, "-")
		if s, ok := engineSocket(src); ok {
			return diagnostics.Critical, "mounts the daemon socket " + s + " (root API access)"
		}
		if risk, ok := hostPathRisk(src); ok {
			sev := diagnostics.High
			if cleanPath(src) == "/" {
				sev = diagnostics.Critical
			}
			return sev, "mounts " + src + " (" + risk.What + ") writable"
		}
	case "network-namespace-path":
		if cleanPath(val) == "/proc/1/ns/net" {
			return diagnostics.High, "joins the host's network namespace"
		}
	case "system-call-filter":
		if strings.HasPrefix(val, "~") {
			return 0, ""
		}
		for _, g := range strings.Fields(val) {
			switch g {
			case "@mount", "@module", "@raw-io", "@privileged", "@cpu-emulation", "@obsolete", "@swap", "@reboot":
				return diagnostics.High, "re-allows the " + g + " system calls"
			}
		}
	}
	return 0, ""
}
