package analyzer

import (
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Container engines, root-equivalent groups, registries, Incus/LXD, LXC and
// libvirt: NIXSEC-CTR-018..026.

// enabled says whether an engine is on in system s: Tri plus the definition
// that turns it on (nil when implied by another option).
func engineEnabled(s *System, engine string) (Tri, *Definition) {
	var path []string
	switch engine {
	case "docker":
		path = []string{"virtualisation", "docker", "enable"}
	case "podman":
		path = []string{"virtualisation", "podman", "enable"}
	case "incus":
		path = []string{"virtualisation", "incus", "enable"}
	case "lxd":
		path = []string{"virtualisation", "lxd", "enable"}
	case "libvirtd":
		path = []string{"virtualisation", "libvirtd", "enable"}
	}
	t, d, ok := boolOpt(s, path...)
	if ok && t != TriFalse {
		return t, d
	}
	if ok && t == TriFalse {
		return TriFalse, d
	}
	// oci-containers turns its backend on; the podman docker socket implies podman.
	if engine == "docker" || engine == "podman" {
		cs := ociContainers(s)
		for _, c := range cs {
			if c.Legacy && engine == "docker" {
				return TriTrue, nil
			}
		}
		if len(cs) > 0 && ociBackend(s) == engine {
			return TriTrue, nil
		}
	}
	if engine == "podman" {
		if ds := trueDefs(s, "virtualisation", "podman", "dockerSocket", "enable"); len(ds) > 0 {
			return TriTrue, ds[0]
		}
	}
	return TriFalse, nil
}

// userGroupElems returns, for every user, the elements of its extraGroups
// (users.users and the legacy users.extraUsers).
type groupMember struct {
	User    string
	Group   string
	Elem    listElem
	Via     string // the option, for messages
	Members bool   // written in users.groups.<g>.members (the element is the user)
}

// groupMembers lists the memberships of the groups the rules look at (the
// root-equivalent ones and wheel); other groups are left out early, since a
// host can list hundreds of users.
func groupMembers(s *System) []groupMember {
	keep := func(g string) bool { _, ok := rootGroups[g]; return ok || g == "wheel" }
	var out []groupMember
	for _, base := range [][]string{{"users", "users"}, {"users", "extraUsers"}} {
		users := namesUnder(s, base)
		if out == nil {
			out = make([]groupMember, 0, len(users)) // most list one group of interest or none
		}
		for _, u := range users {
			path := sub(base, u, "extraGroups")
			via := ""
			for _, e := range listElems(s, path...) {
				if g, ok := e.Value.Str(); ok && e.Value.Kind == String && keep(g) {
					if via == "" {
						via = JoinPath(path)
					}
					out = append(out, groupMember{User: u, Group: g, Elem: e, Via: via})
				}
			}
		}
	}
	for _, base := range [][]string{{"users", "groups"}, {"users", "extraGroups"}} {
		for _, g := range namesUnder(s, base) {
			if !keep(g) {
				continue
			}
			path := sub(base, g, "members")
			for _, e := range listElems(s, path...) {
				if u, ok := e.Value.Str(); ok && e.Value.Kind == String {
					out = append(out, groupMember{User: u, Group: g, Elem: e, Via: JoinPath(path), Members: true})
				}
			}
		}
	}
	return out
}

func inGroup(members []groupMember, user, group string) bool {
	for _, m := range members {
		if m.User == user && m.Group == group {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------

var ctr018 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-018", Slug: "root-equivalent-group", Title: "Users in root-equivalent groups (docker, podman, incus-admin, lxd, libvirtd)",
		Category: catContainers, Severity: diagnostics.Info, MaxSeverity: diagnostics.High,
		Description: "`users.users.<user>.extraGroups` (or `users.groups.<group>.members`) contains `docker` while " +
			"rootful Docker is enabled, `podman` while Podman is enabled, `incus-admin` with Incus, `lxd` with LXD, " +
			"`libvirtd` with libvirt, or `disk`. The finding is on the exact list element. High; info when the " +
			"user is also in `wheel` and sudo asks for a password (the group is then an implicit passwordless root).",
		Why: "Members of these groups control a daemon that runs as root: a docker group member starts a " +
			"privileged container mounting `/`. The podman module says of its socket group: \"members of this " +
			"group can gain root access\". `disk` gives raw access to every block device.",
		Remediation: "Remove the group. Use rootless Docker (`virtualisation.docker.rootless = { enable = true; " +
			"setSocketVariable = true; };`) or rootless Podman, and administer root-owned daemons through sudo.",
		FixClass:   diagnostics.FixSuggest,
		References: []string{refDocker, refPodman, refIncus, "https://docs.docker.com/engine/security/#docker-daemon-attack-surface"},
		CWE:        []int{250, 269},
		Bad:        "virtualisation.docker.enable = true;\nusers.users.alice.extraGroups = [ \"docker\" ];",
		Good:       "virtualisation.docker.rootless = {\n  enable = true;\n  setSocketVariable = true;\n};\nusers.users.alice.extraGroups = [ \"video\" ];",
		FalsePositives: "Single-user workstations where the user is the administrator anyway. Groups whose daemon " +
			"is not enabled in the analysed configuration are not reported. Inside a NixOS container guest the " +
			"group is root-equivalent in the guest only and the finding is low.",
	},
	Run: runCTR018,
}

var rootGroups = map[string]string{"docker": "docker", "podman": "podman", "incus-admin": "incus", "lxd": "lxd", "libvirtd": "libvirtd", "disk": ""}

func runCTR018(p *Pass) {
	for _, s := range ctrSystems(p) {
		members := groupMembers(s)
		wheelNoPass := false
		var wheelDef *Definition
		if t, d, _ := boolOpt(s, "security", "sudo", "wheelNeedsPassword"); t == TriFalse {
			wheelNoPass, wheelDef = true, d
		}
		type enabled struct {
			t Tri
			d *Definition
		}
		engines := map[string]enabled{} // once per engine, not per member
		for _, m := range members {
			engine, ok := rootGroups[m.Group]
			if !ok {
				continue
			}
			var t Tri = TriTrue
			var ed *Definition
			if engine != "" {
				e, ok := engines[engine]
				if !ok {
					e.t, e.d = engineEnabled(s, engine)
					engines[engine] = e
				}
				t, ed = e.t, e.d
				if t == TriFalse || t == TriUnknown && ed == nil {
					continue
				}
			}
			why := map[string]string{
				"docker": "the docker group controls the root Docker daemon", "podman": "the podman group controls the rootful Podman socket",
				"incus-admin": "incus-admin controls the root Incus daemon", "lxd": "the lxd group controls the root LXD daemon",
				"libvirtd": "libvirtd group members manage root-run virtual machines", "disk": "the disk group reads and writes every block device",
			}[m.Group]
			elem := m.Group
			if m.Members {
				elem = m.User
			}
			f := At(p.Finding(m.Elem.Def, "%s contains %q: %s, which is root-equivalent", m.Via, elem, why), m.Elem.Node)
			f.Severity = diagnostics.High
			if t == TriUnknown {
				f.Confidence = diagnostics.Possible
			}
			if ed != nil {
				f.Related = append(f.Related, relatedDef(ed, engine+" is enabled here"))
				if ed.Confidence() == diagnostics.Possible {
					f.Confidence = diagnostics.Possible
				}
			}
			if s.Context == NixOSContainer || s.IsContainer {
				f.Severity = diagnostics.Low
				f.Message += " inside this container guest (not on the host)"
			} else if inGroup(members, m.User, "wheel") {
				if wheelNoPass {
					f.Related = append(f.Related, relatedDef(wheelDef, m.User+" is also passwordless root through wheel"))
				} else {
					f.Severity = diagnostics.Info
					f.Message += "; " + m.User + " is in wheel, so this is an implicit passwordless root"
				}
			}
			if fix, ok := removeElems("Remove "+elem+" from "+m.Via, m.Elem.Node); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}

// ---------------------------------------------------------------------------

var ctr019 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-019", Slug: "docker-tcp-without-tls", Title: "Docker daemon listening on TCP without TLS",
		Category: catContainers, Severity: diagnostics.High, MaxSeverity: diagnostics.Critical,
		Description: "With Docker enabled, `virtualisation.docker.listenOptions` contains a TCP endpoint " +
			"(`\"2375\"`, `\"0.0.0.0:2375\"`, `\"[::]:2375\"`), `virtualisation.docker.daemon.settings.hosts` contains " +
			"`tcp://…`, or `virtualisation.docker.extraOptions` passes `-H tcp://…`/`--host=tcp://…`, while " +
			"`daemon.settings` does not set `tlsverify = true` with `tlscacert`. Critical; high when bound to loopback only.",
		Why: "The Docker API has no authentication of its own: whoever reaches the TCP socket is root on the host. " +
			"On loopback, every local user is.",
		Remediation: "Remove the TCP listener and keep the unix socket; use `ssh://` remote contexts. If TCP is " +
			"unavoidable, bind it to a VPN address and require mutual TLS (`tlsverify`, `tlscacert`, `tlscert`, `tlskey`).",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refDocker, refDockerd + "#daemon-socket-option", "https://docs.docker.com/engine/security/protect-access/"},
		CWE:            []int{306, 319},
		Bad:            "virtualisation.docker = {\n  enable = true;\n  listenOptions = [ \"/run/docker.sock\" \"0.0.0.0:2375\" ];\n};",
		Good:           "virtualisation.docker = {\n  enable = true;\n  listenOptions = [ \"/run/docker.sock\" ];\n};",
		FalsePositives: "None significant.",
	},
	Run: runCTR019,
}

// tcpListen reads a systemd ListenStream value or a dockerd -H value and
// returns the host part for TCP endpoints.
func tcpListen(v string) (host string, ok bool) {
	v = strings.TrimSpace(v)
	switch {
	case strings.HasPrefix(v, "tcp://"):
		v = strings.TrimPrefix(v, "tcp://")
		if v == "" {
			return "", true
		}
	case v == "", strings.HasPrefix(v, "/"), strings.HasPrefix(v, "@"), strings.HasPrefix(v, "unix://"),
		strings.HasPrefix(v, "fd://"), strings.HasPrefix(v, "vsock:"), strings.HasPrefix(v, "ssh://"):
		return "", false
	}
	if isDigits(v) {
		return "", true
	}
	i := strings.LastIndex(v, ":")
	if i < 0 || !isDigits(v[i+1:]) {
		return "", false
	}
	return v[:i], true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func loopbackHost(h string) bool {
	h = strings.Trim(h, "[]")
	return h == "localhost" || h == "::1" || strings.HasPrefix(h, "127.")
}

// dockerTLS reports whether the daemon requires TLS client certificates,
// and whether nixsec can tell.
func dockerTLS(s *System) (tls, known bool) {
	base := []string{"virtualisation", "docker", "daemon", "settings"}
	t, _, ok := boolOpt(s, sub(base, "tlsverify")...)
	if ok && t == TriUnknown {
		return false, false
	}
	if t == TriTrue && (len(s.Effective(sub(base, "tlscacert")...)) > 0 || s.MaybeSet(sub(base, "tlscacert")...)) {
		return true, true
	}
	if xo, _, ok := s.Get("virtualisation", "docker", "extraOptions"); ok {
		str, known := xo.Str()
		if strings.Contains(str, "--tlsverify") {
			return true, true
		}
		if !known {
			return false, false
		}
	}
	return false, true
}

func runCTR019(p *Pass) {
	for _, s := range ctrSystems(p) {
		t, ed := engineEnabled(s, "docker")
		if t == TriFalse || t == TriUnknown && ed == nil {
			continue
		}
		if tls, known := dockerTLS(s); tls || !known {
			continue
		}
		report := func(d *Definition, n, last nixast.Node, opt, val, host string, removable bool) {
			f := spanFinding(p.Finding(d, "%s contains %q: the unauthenticated Docker API listens on TCP without TLS (root for anyone who reaches it)", opt, val), n, last)
			f.Severity = diagnostics.Critical
			if loopbackHost(host) {
				f.Severity = diagnostics.High
				f.Message += "; on loopback every local user becomes root"
			}
			if t == TriUnknown || ed != nil && ed.Confidence() == diagnostics.Possible {
				f.Confidence = diagnostics.Possible
			}
			if removable {
				if fix, ok := removeElems("Remove the TCP listener "+val, n); ok {
					f.Fixes = append(f.Fixes, fix)
				}
			}
			p.Report(f)
		}
		for _, e := range listElems(s, "virtualisation", "docker", "listenOptions") {
			if v, ok := e.Value.Str(); ok {
				if host, tcp := tcpListen(v); tcp {
					report(e.Def, e.Node, nixast.Node{}, "virtualisation.docker.listenOptions", v, host, true)
				}
			}
		}
		for _, e := range listElems(s, "virtualisation", "docker", "daemon", "settings", "hosts") {
			if v, ok := e.Value.Str(); ok && strings.HasPrefix(v, "tcp://") {
				host, _ := tcpListen(v)
				report(e.Def, e.Node, nixast.Node{}, "virtualisation.docker.daemon.settings.hosts", v, host, true)
			}
		}
		for _, d := range s.Effective("virtualisation", "docker", "extraOptions") {
			str, _ := d.Value.Str()
			toks := strings.Fields(str)
			for i := 0; i < len(toks); i++ {
				tok, val := toks[i], ""
				switch {
				case tok == "-H" || tok == "--host":
					if i+1 < len(toks) {
						val = toks[i+1]
						i++
					}
				case strings.HasPrefix(tok, "--host="):
					val = strings.TrimPrefix(tok, "--host=")
				case strings.HasPrefix(tok, "-H"):
					val = strings.TrimPrefix(strings.TrimPrefix(tok, "-H"), "=")
				}
				if strings.HasPrefix(val, "tcp://") {
					host, _ := tcpListen(val)
					report(d, d.Node, nixast.Node{}, "virtualisation.docker.extraOptions", val, host, false)
				}
			}
		}
	}
}

// ---------------------------------------------------------------------------

var ctr020 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-020", Slug: "docker-weak-daemon-settings", Title: "Weak Docker daemon settings",
		Category: catContainers, Severity: diagnostics.Info, MaxSeverity: diagnostics.High,
		Description: "`virtualisation.docker.daemon.settings` (written to daemon.json) with `\"seccomp-profile\" = " +
			"\"unconfined\"` (high), a non-empty `\"insecure-registries\"` or `iptables = false` (medium), " +
			"`\"no-new-privileges\" = false` (low) or `icc = true` (info); and, once per Docker host, the hardening " +
			"settings left unset: `no-new-privileges` (low), `userns-remap` and `icc = false` (info).",
		Why: "Plaintext registries allow image tampering in transit; without iptables rules published ports and " +
			"network isolation are managed ad hoc; without userns-remap container root is host root; " +
			"no-new-privileges stops setuid escalation inside containers; an unconfined seccomp profile removes " +
			"the default system-call filter for every container.",
		Remediation: "Remove `insecure-registries` and `\"seccomp-profile\" = \"unconfined\"`; add " +
			"`\"no-new-privileges\" = true;`, `\"userns-remap\" = \"default\";` and `icc = false;`.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refDocker, refDockerd + "#daemon-configuration-file", "https://docs.docker.com/engine/security/userns-remap/"},
		CWE:            []int{1188, 319},
		Bad:            "virtualisation.docker = {\n  enable = true;\n  daemon.settings.\"insecure-registries\" = [ \"registry.lan:5000\" ];\n};",
		Good:           "virtualisation.docker = {\n  enable = true;\n  daemon.settings = {\n    \"no-new-privileges\" = true;\n    \"userns-remap\" = \"default\";\n    icc = false;\n  };\n};",
		FalsePositives: "userns-remap breaks some bind-mount workflows; the missing-settings finding is low or info.",
	},
	Run: runCTR020,
}

func runCTR020(p *Pass) {
	base := []string{"virtualisation", "docker", "daemon", "settings"}
	for _, s := range ctrSystems(p) {
		t, ed := engineEnabled(s, "docker")
		if t == TriFalse || t == TriUnknown && ed == nil {
			continue
		}
		for _, e := range listElems(s, sub(base, "insecure-registries")...) {
			v, _ := e.Value.Str()
			f := At(p.Finding(e.Def, "virtualisation.docker.daemon.settings.\"insecure-registries\" contains %q: images are pulled over plain HTTP or unverified TLS", v), e.Node)
			f.Severity = diagnostics.Medium
			if fix, ok := removeElems("Remove "+v+" from insecure-registries", e.Node); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
		for _, d := range s.Effective(sub(base, "iptables")...) {
			if d.Value.IsBool(false) {
				f := p.Finding(d, "virtualisation.docker.daemon.settings.iptables = false: Docker no longer manages the rules that publish ports and isolate container networks")
				f.Severity = diagnostics.Medium
				p.Report(f)
			}
		}
		for _, d := range s.Effective(sub(base, "seccomp-profile")...) {
			if d.Value.IsStr("unconfined") {
				f := p.Finding(d, "virtualisation.docker.daemon.settings.\"seccomp-profile\" = \"unconfined\": no container gets the default system-call filter")
				f.Severity = diagnostics.High
				p.Report(f)
			}
		}
		for _, d := range s.Effective(sub(base, "no-new-privileges")...) {
			if d.Value.IsBool(false) {
				f := p.Finding(d, "virtualisation.docker.daemon.settings.\"no-new-privileges\" = false: setuid binaries in containers can gain privileges")
				f.Severity = diagnostics.Low
				if fix, ok := ReplaceValue(d, "true", "Set no-new-privileges = true", false); ok {
					f.Fixes = append(f.Fixes, fix)
				}
				p.Report(f)
			}
		}
		for _, d := range s.Effective(sub(base, "icc")...) {
			if d.Value.IsBool(true) {
				f := p.Finding(d, "virtualisation.docker.daemon.settings.icc = true: containers on the default bridge can reach each other")
				f.Severity = diagnostics.Info
				if fix, ok := ReplaceValue(d, "false", "Set icc = false", false); ok {
					f.Fixes = append(f.Fixes, fix)
				}
				p.Report(f)
			}
		}
		// Hardening left unset: one finding per host, at docker.enable.
		if ed == nil {
			continue
		}
		type want struct{ key, value string }
		var missing []want
		for _, w := range []want{{"no-new-privileges", "true"}, {"userns-remap", `"default"`}, {"icc", "false"}} {
			if len(s.Effective(sub(base, w.key)...)) == 0 && !s.MaybeSet(sub(base, w.key)...) {
				missing = append(missing, w)
			}
		}
		if len(missing) == 0 {
			continue
		}
		var names, whys []string
		for _, w := range missing {
			names = append(names, w.key)
			whys = append(whys, map[string]string{
				"no-new-privileges": "setuid binaries in containers can gain privileges",
				"userns-remap":      "container root is host root",
				"icc":               "containers on the default bridge reach each other",
			}[w.key])
		}
		f := p.Finding(ed, "Docker is enabled without daemon.settings %s: %s", strings.Join(names, ", "), strings.Join(whys, "; "))
		f.Severity = diagnostics.Info
		if missing[0].key == "no-new-privileges" {
			f.Severity = diagnostics.Low
		}
		// Add the settings next to an existing daemon.settings binding (nested
		// shape) or next to docker.enable.
		anchor := ed
		for _, d := range defsUnder(s, base) {
			if len(d.Path) == len(base)+1 {
				if _, ok := bindingPrefix(d); ok {
					anchor = d
					break
				}
			}
		}
		var edit diagnostics.Edit
		ok := true
		for i, w := range missing {
			fix, added := AddSibling(anchor, sub(base, w.key), w.value, "", false)
			if !added {
				ok = false
				break
			}
			if i == 0 {
				edit = fix.Edits[0]
			} else {
				edit.NewText += fix.Edits[0].NewText
			}
		}
		if ok {
			f.Fixes = append(f.Fixes, diagnostics.Fix{Title: "Add the Docker daemon hardening settings", Edits: []diagnostics.Edit{edit}})
		}
		p.Report(f)
	}
}

// ---------------------------------------------------------------------------

var ctr021 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-021", Slug: "docker-rootful", Title: "Rootful Docker where rootless suffices (info)",
		Category: catContainers, Severity: diagnostics.Info, MaxSeverity: diagnostics.Info,
		Description: "`virtualisation.docker.enable = true` without `virtualisation.docker.rootless.enable`, on a " +
			"host that runs no `oci-containers` with the docker backend (so the containers are user workloads).",
		Why: "The rootful daemon is a standing root process, and its socket group is root-equivalent.",
		Remediation: "Use `virtualisation.docker.rootless = { enable = true; setSocketVariable = true; };` and " +
			"disable the rootful daemon.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refDockerRootless, "https://docs.docker.com/engine/security/rootless/"},
		CWE:            []int{250},
		Bad:            "virtualisation.docker.enable = true;",
		Good:           "virtualisation.docker.rootless = {\n  enable = true;\n  setSocketVariable = true;\n};",
		FalsePositives: "System services that need rootful Docker.",
	},
	Run: runCTR021,
}

func runCTR021(p *Pass) {
	for _, s := range ctrSystems(p) {
		defs := trueDefs(s, "virtualisation", "docker", "enable")
		if len(defs) == 0 {
			continue
		}
		if t, _, ok := boolOpt(s, "virtualisation", "docker", "rootless", "enable"); ok && t != TriFalse {
			continue
		}
		cs := ociOf(p, s)
		serves := false
		for _, c := range cs {
			if c.Legacy || ociBackend(s) != "podman" {
				serves = true // docker (or maybe docker) backend containers need the daemon
			}
		}
		if serves {
			continue
		}
		d := defs[len(defs)-1]
		f := p.Finding(d, "virtualisation.docker.enable = true runs a rootful Docker daemon; rootless Docker suffices for user workloads")
		if fix, ok := ReplaceValue(d, "false", "", false); ok {
			if add1, ok1 := AddSibling(d, []string{"virtualisation", "docker", "rootless", "enable"}, "true", "", false); ok1 {
				if add2, ok2 := AddSibling(d, []string{"virtualisation", "docker", "rootless", "setSocketVariable"}, "true", "", false); ok2 {
					add1.Edits[0].NewText += add2.Edits[0].NewText
					f.Fixes = append(f.Fixes, diagnostics.Fix{Title: "Switch to rootless Docker",
						Edits: []diagnostics.Edit{fix.Edits[0], add1.Edits[0]}})
				}
			}
		}
		p.Report(f)
	}
}

// ---------------------------------------------------------------------------

var ctr022 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-022", Slug: "podman-docker-socket", Title: "Podman Docker-compatible socket enabled",
		Category: catContainers, Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "`virtualisation.podman.dockerSocket.enable = true`. High when users are added to the `podman` group.",
		Why: "It exposes the rootful Podman API at /run/docker.sock, where Docker tools look for it; the module " +
			"text says members of the socket's group \"can gain root access\".",
		Remediation:    "Disable it and use per-user rootless sockets (`systemctl --user enable --now podman.socket`).",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refPodman},
		CWE:            []int{250},
		Bad:            "virtualisation.podman = {\n  enable = true;\n  dockerSocket.enable = true;\n};",
		Good:           "virtualisation.podman = {\n  enable = true;\n  dockerCompat = true;\n};",
		FalsePositives: "CI hosts that need the Docker API.",
	},
	Run: runCTR022,
}

func runCTR022(p *Pass) {
	for _, s := range ctrSystems(p) {
		for _, d := range trueDefs(s, "virtualisation", "podman", "dockerSocket", "enable") {
			f := p.Finding(d, "virtualisation.podman.dockerSocket.enable = true exposes the rootful Podman API as /run/docker.sock")
			f.Severity = diagnostics.Medium
			for _, m := range groupMembers(s) {
				if m.Group == "podman" {
					f.Severity = diagnostics.High
					f.Related = append(f.Related, related(m.Elem.Node, m.User+" is in the podman group and can use the socket"))
				}
			}
			if fix, ok := ReplaceValue(d, "false", "Disable the Docker-compatible socket", false); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}

// ---------------------------------------------------------------------------

var ctr023 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-023", Slug: "container-insecure-registries", Title: "Insecure registries / accept-anything image policy",
		Category: catContainers, Severity: diagnostics.Info, MaxSeverity: diagnostics.Medium,
		Description: "`virtualisation.containers.registries.insecure` is not empty (medium, on each entry), or " +
			"`virtualisation.containers.policy` accepts any image (`type = \"insecureAcceptAnything\"` for " +
			"`default` or the docker transport), or, with Podman or `virtualisation.containers` enabled, no policy " +
			"is set, so skopeo's accept-anything default applies (info).",
		Why: "Registry traffic in plain text and unsigned images can be tampered with between the registry and " +
			"the host.",
		Remediation: "Remove insecure registries (serve them over TLS); define a `policy` that requires " +
			"`signedBy` or `sigstoreSigned` for production registries.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refContainersConf, "https://github.com/containers/image/blob/main/docs/containers-policy.json.5.md"},
		CWE:            []int{319, 494},
		Bad:            "virtualisation.containers.registries.insecure = [ \"registry.lan:5000\" ];",
		Good:           "virtualisation.containers.registries.insecure = [ ];",
		FalsePositives: "Local lab registries.",
	},
	Run: runCTR023,
}

func acceptsAnything(v Value) bool {
	if v.Kind != List {
		return false
	}
	for _, e := range v.List {
		if t, ok := e.Attr("type"); ok && t.IsStr("insecureAcceptAnything") {
			return true
		}
	}
	return false
}

func runCTR023(p *Pass) {
	base := []string{"virtualisation", "containers"}
	for _, s := range ctrSystems(p) {
		for _, e := range listElems(s, sub(base, "registries", "insecure")...) {
			v, _ := e.Value.Str()
			f := At(p.Finding(e.Def, "virtualisation.containers.registries.insecure contains %q: images from it travel without TLS verification", v), e.Node)
			f.Severity = diagnostics.Medium
			if fix, ok := removeElems("Remove "+v+" from registries.insecure", e.Node); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
		policy := sub(base, "policy")
		var explicit bool
		for _, d := range defsUnder(s, policy) {
			if len(d.Path) > len(policy) || d.Value.Kind == Attrs && len(d.Value.Attrs) > 0 {
				explicit = true
			}
			scope := JoinPath(d.Path[len(policy):])
			isDefault := len(d.Path) == len(policy)+1 && d.Path[len(policy)] == "default"
			isDocker := len(d.Path) >= len(policy)+2 && d.Path[len(policy)] == "transports" && d.Path[len(policy)+1] == "docker"
			if (isDefault || isDocker) && acceptsAnything(d.Value) {
				f := p.Finding(d, "virtualisation.containers.policy.%s accepts any image (insecureAcceptAnything): signatures are not checked", scope)
				f.Severity = diagnostics.Info
				p.Report(f)
			}
		}
		if explicit || s.MaybeSet(policy...) {
			continue
		}
		var on *Definition
		for _, path := range [][]string{sub(base, "enable"), {"virtualisation", "podman", "enable"}} {
			if ds := trueDefs(s, path...); len(ds) > 0 && on == nil {
				on = ds[0]
			}
		}
		if on == nil {
			continue
		}
		f := p.Finding(on, "%s with no virtualisation.containers.policy: skopeo's default policy accepts any image without a signature", on.PathString())
		f.Severity = diagnostics.Info
		p.Report(f)
	}
}

// ---------------------------------------------------------------------------

var ctr024 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-024", Slug: "incus-weak-isolation", Title: "Incus/LXD privileged or weakly isolated instances, exposed API",
		Category: catContainers, Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "In `virtualisation.incus.preseed` (or `virtualisation.lxd.preseed`; LXD was removed from nixpkgs " +
			"in 25.11): a profile with `\"security.privileged\" = \"true\"` or `raw.lxc`/`raw.apparmor`/`raw.seccomp`/" +
			"`raw.idmap` (high), `\"security.nesting\" = \"true\"` or `\"security.syscalls.intercept.mount.allowed\" = " +
			"\"true\"` (medium); server `config.\"core.https_address\"` on all interfaces (`\":8443\"`, `\"[::]:8443\"`) " +
			"(medium) and `config.\"core.trust_password\"` (high: a plaintext password in the Nix store).",
		Why: "A privileged LXC container maps container root to host root; nesting and raw.* keys weaken " +
			"AppArmor and seccomp; the HTTPS API is a remote control plane for root.",
		Remediation: "Drop `security.privileged` (or set it to \"false\"), avoid raw.* keys, bind `core.https_address` " +
			"to a management address, and enroll clients with certificates or tokens instead of a trust password.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refIncus, refIncusSecurity, "https://linuxcontainers.org/incus/docs/main/reference/instance_options/#security-policies"},
		CWE:            []int{250, 256},
		Bad:            "virtualisation.incus.preseed.profiles = [\n  { name = \"default\"; config.\"security.privileged\" = \"true\"; }\n];",
		Good:           "virtualisation.incus.preseed.profiles = [\n  { name = \"default\"; config.\"security.idmap.isolated\" = \"true\"; }\n];",
		FalsePositives: "Nested container labs.",
	},
	Run: runCTR024,
}

func truthy(v Value) bool {
	return v.IsBool(true) || v.IsStr("true") || v.IsStr("1") || v.IsStr("yes")
}

func instanceKeyRisk(key string, v Value) (diagnostics.Severity, string) {
	switch {
	case key == "security.privileged" && truthy(v):
		return diagnostics.High, "maps container root to host root"
	case strings.HasPrefix(key, "raw.") && key != "raw.qemu.conf" && key != "raw.qemu":
		return diagnostics.High, "bypasses the confinement Incus generates"
	case key == "security.nesting" && truthy(v):
		return diagnostics.Medium, "weakens the AppArmor profile to allow nested containers"
	case key == "security.syscalls.intercept.mount.allowed" && truthy(v):
		return diagnostics.Medium, "lets the container mount file systems through the daemon"
	}
	return 0, ""
}

func runCTR024(p *Pass) {
	for _, s := range ctrSystems(p) {
		for _, engine := range []string{"incus", "lxd"} {
			if t, _, ok := boolOpt(s, "virtualisation", engine, "enable"); ok && t == TriFalse {
				continue
			}
			pre := []string{"virtualisation", engine, "preseed"}
			opt := JoinPath(pre)
			for _, d := range s.Effective(sub(pre, "config", "core.https_address")...) {
				if v, ok := d.Value.Str(); ok && d.Value.Kind == String {
					host, _, _ := strings.Cut(v, "]")
					if strings.HasPrefix(v, ":") || strings.HasPrefix(v, "[::]") || strings.HasPrefix(v, "0.0.0.0") || host == "[::" {
						f := p.Finding(d, "%s.config.\"core.https_address\" = %q: the %s API listens on every interface", opt, v, engine)
						f.Severity = diagnostics.Medium
						p.Report(f)
					}
				}
			}
			for _, d := range s.Effective(sub(pre, "config", "core.trust_password")...) {
				f := p.Finding(d, "%s.config.\"core.trust_password\" is set: the password is world-readable in the Nix store and admits new %s clients", opt, engine)
				f.Severity = diagnostics.High
				p.Report(f)
			}
			for _, e := range listElems(s, sub(pre, "profiles")...) {
				name := "?"
				if n, ok := e.Value.Attr("name"); ok {
					if str, ok := n.Str(); ok {
						name = str
					}
				}
				cfg, ok := e.Value.Attr("config")
				if !ok || cfg.Kind != Attrs {
					continue
				}
				for _, a := range cfg.Attrs {
					sev, why := instanceKeyRisk(a.Name, a.Value)
					if why == "" {
						continue
					}
					at := a.Value.Node
					if !within(at, e.Node) {
						at = a.Key
					}
					if !within(at, e.Node) {
						at = e.Node
					}
					f := At(p.Finding(e.Def, "%s profile %q sets %q = %s: it %s", opt, name, a.Name, a.Value.String(), why), at)
					f.Severity = sev
					if (a.Name == "security.privileged" || a.Name == "security.nesting") && within(a.Value.Node, e.Node) {
						if _, ok := plainString(a.Value.Node); ok {
							f.Fixes = append(f.Fixes, ReplaceNode(a.Value.Node, `"false"`, "Set "+a.Name+" = \"false\"", false))
						}
					}
					p.Report(f)
				}
			}
		}
	}
}

// ---------------------------------------------------------------------------

var ctr025 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-025", Slug: "lxc-confinement-disabled", Title: "LXC configuration disabling confinement",
		Category: catContainers, Severity: diagnostics.High, MaxSeverity: diagnostics.High,
		Description: "A line of `virtualisation.lxc.defaultConfig` (the default.conf of every new container) that " +
			"disables confinement: `lxc.apparmor.profile = unconfined`, an empty `lxc.cap.drop =`, " +
			"`lxc.cgroup.devices.allow = a` / `lxc.cgroup2.devices.allow = a`, `lxc.mount.auto` with `proc:rw` or " +
			"`sys:rw`, or an empty `lxc.seccomp.profile =`. The finding is on the line.",
		Why: "These lines remove AppArmor, capability, device or seccomp confinement from every container " +
			"created with the default configuration.",
		Remediation:    "Delete the line: the LXC defaults and the AppArmor profiles the NixOS module installs then apply.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refLXC, refLXCConf},
		CWE:            []int{693},
		Bad:            "virtualisation.lxc.defaultConfig = ''\n  lxc.apparmor.profile = unconfined\n'';",
		Good:           "virtualisation.lxc.defaultConfig = ''\n  lxc.net.0.type = veth\n'';",
		FalsePositives: "None common. `virtualisation.lxc.systemConfig` is lxc.system.conf(5), which holds no container keys, and is not read.",
	},
	Run: runCTR025,
}

// lxcLineRisk reads one LXC config line and says why it disables
// confinement ("" when it does not), with the line as key = value.
func lxcLineRisk(line string) (string, string) {
	line = strings.TrimSpace(line)
	if line == "" || strings.HasPrefix(line, "#") {
		return "", ""
	}
	k, v, ok := strings.Cut(line, "=")
	if !ok {
		return "", ""
	}
	// LXC has no trailing comments; a " #" after the value is read as one so
	// that a note next to a line does not hide it.
	if i := strings.Index(v, " #"); i >= 0 {
		v = v[:i]
	}
	k, v = strings.TrimSpace(k), strings.TrimSpace(v)
	clean := k + " = " + v
	if v == "" {
		clean = k + " ="
	}
	switch {
	case k == "lxc.apparmor.profile" && v == "unconfined":
		return "runs containers without an AppArmor profile", clean
	case k == "lxc.cap.drop" && v == "":
		return "clears the list of dropped capabilities", clean
	case (k == "lxc.cgroup.devices.allow" || k == "lxc.cgroup2.devices.allow") && v == "a":
		return "allows every device", clean
	case k == "lxc.mount.auto" && (strings.Contains(v, "proc:rw") || strings.Contains(v, "sys:rw")):
		return "mounts /proc or /sys writable", clean
	case k == "lxc.seccomp.profile" && v == "":
		return "runs containers without a seccomp profile", clean
	}
	return "", ""
}

func runCTR025(p *Pass) {
	for _, s := range ctrSystems(p) {
		for _, d := range s.Effective("virtualisation", "lxc", "defaultConfig") {
			n := d.Node.Unparen()
			if n.Kind() == nixast.KindIndentedString || n.Kind() == nixast.KindString {
				src := n.File().Src
				start := n.Start()
				text := string(src[start:n.End()])
				off := 0
				for _, raw := range strings.SplitAfter(text, "\n") {
					lineStart, lineEnd := start+off, start+off+len(raw)
					off += len(raw)
					line := strings.TrimRight(raw, "\r\n")
					if strings.Contains(line, "${") {
						continue
					}
					inner := strings.TrimSpace(line)
					inner = strings.TrimPrefix(strings.TrimPrefix(inner, "''"), "\"")
					inner = strings.TrimSuffix(strings.TrimSuffix(inner, "''"), "\"")
					why, clean := lxcLineRisk(inner)
					if why == "" {
						continue
					}
					lead := len(line) - len(strings.TrimLeft(line, " \t"))
					trimmed := strings.TrimSpace(line)
					f := p.Finding(d, "virtualisation.lxc.defaultConfig line %q %s for every new container", clean, why)
					f.Span = nixast.Span{Start: lineStart + lead, End: lineStart + lead + len(trimmed)}
					if n.Kind() == nixast.KindIndentedString && trimmed == strings.TrimSpace(inner) {
						f.Fixes = append(f.Fixes, diagnostics.Fix{Title: "Delete the line",
							Edits: []diagnostics.Edit{spanEdit(n.File(), lineStart, lineEnd, "")}})
					}
					p.Report(f)
				}
				continue
			}
			str, _ := d.Value.Str()
			for _, line := range strings.Split(str, "\n") {
				if why, clean := lxcLineRisk(line); why != "" {
					p.Report(p.Finding(d, "virtualisation.lxc.defaultConfig line %q %s for every new container", clean, why))
				}
			}
		}
	}
}

// ---------------------------------------------------------------------------

var ctr026 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-026", Slug: "libvirt-qemu-root", Title: "libvirt runs QEMU as root (info)",
		Category: catContainers, Severity: diagnostics.Info, MaxSeverity: diagnostics.Low,
		Description: "`virtualisation.libvirtd.qemu.runAsRoot = true` (or the legacy " +
			"`virtualisation.libvirtd.qemuRunAsRoot = true`): low with libvirtd enabled, info otherwise. The " +
			"default was true in older nixpkgs and is false in recent ones; an unset option is not reported " +
			"because nixsec does not know the nixpkgs revision.",
		Why: "A QEMU escape lands as root instead of as the unprivileged `qemu-libvirtd` user.",
		Remediation: "Set `virtualisation.libvirtd.qemu.runAsRoot = false;` and fix ownership under " +
			"/var/lib/libvirt/qemu (chown to qemu-libvirtd).",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refLibvirtd, "https://libvirt.org/drvqemu.html#posix-users-groups"},
		CWE:            []int{250},
		Bad:            "virtualisation.libvirtd = {\n  enable = true;\n  qemu.runAsRoot = true;\n};",
		Good:           "virtualisation.libvirtd = {\n  enable = true;\n  qemu.runAsRoot = false;\n};",
		FalsePositives: "PCI passthrough setups that need root.",
	},
	Run: runCTR026,
}

func runCTR026(p *Pass) {
	for _, s := range ctrSystems(p) {
		enabled, _, _ := boolOpt(s, "virtualisation", "libvirtd", "enable")
		if enabled == TriFalse {
			continue // libvirtd is certainly off: the setting does nothing
		}
		for _, path := range [][]string{{"virtualisation", "libvirtd", "qemu", "runAsRoot"}, {"virtualisation", "libvirtd", "qemuRunAsRoot"}} {
			for _, d := range trueDefs(s, path...) {
				f := p.Finding(d, "%s = true: QEMU runs as root, so a guest escape is host root", JoinPath(path))
				f.Severity = diagnostics.Info
				if enabled == TriTrue {
					f.Severity = diagnostics.Low
				}
				if fix, ok := ReplaceValue(d, "false", "Run QEMU as qemu-libvirtd (runAsRoot = false)", false); ok {
					f.Fixes = append(f.Fixes, fix)
				}
				p.Report(f)
			}
		}
	}
}

func init() {
	Register(ctr018, ctr019, ctr020, ctr021, ctr022, ctr023, ctr024, ctr025, ctr026)
}
