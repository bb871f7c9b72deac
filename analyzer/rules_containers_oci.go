package analyzer

import (
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// OCI container rules (virtualisation.oci-containers.containers.<n> and the
// legacy docker-containers.<n>): NIXSEC-CTR-008..017.

// ociContainer is one OCI container of a system.
type ociContainer struct {
	Name   string
	Prefix []string
	Legacy bool // docker-containers.<n> (always the docker backend)
	Sys    *System
}

func ociContainers(s *System) []ociContainer {
	var out []ociContainer
	base := []string{"virtualisation", "oci-containers", "containers"}
	for _, n := range namesUnder(s, base) {
		c := ociContainer{Name: n, Prefix: sub(base, n), Sys: s}
		// The model maps the legacy docker-containers.<n> here; that module
		// always used the docker backend.
		for _, d := range defsUnder(s, c.Prefix) {
			if len(d.WrittenPath) > 0 && d.WrittenPath[0] == "docker-containers" {
				c.Legacy = true
			}
		}
		out = append(out, c)
	}
	for _, n := range namesUnder(s, []string{"docker-containers"}) {
		out = append(out, ociContainer{Name: n, Prefix: []string{"docker-containers", n}, Legacy: true, Sys: s})
	}
	return out
}

// path maps an option name to its path; the legacy module called
// extraOptions extraDockerOptions.
func (c ociContainer) path(opt ...string) []string {
	if c.Prefix[0] == "docker-containers" && len(opt) > 0 && opt[0] == "extraOptions" {
		opt = append([]string{"extraDockerOptions"}, opt[1:]...)
	}
	return sub(c.Prefix, opt...)
}

// opt names an option of this container for messages, as the source
// spells it.
func (c ociContainer) opt(name ...string) string {
	if c.Legacy {
		if len(name) > 0 && name[0] == "extraOptions" {
			name = append([]string{"extraDockerOptions"}, name[1:]...)
		}
		return JoinPath(sub([]string{"docker-containers", c.Name}, name...))
	}
	return JoinPath(c.path(name...))
}

// ociBackend is the engine of s's OCI containers: "docker", "podman" or ""
// when nixsec cannot tell.
func ociBackend(s *System) string {
	if v, _, ok := strOpt(s, "virtualisation", "oci-containers", "backend"); ok {
		return v
	}
	if s.MaybeSet("virtualisation", "oci-containers", "backend") {
		return ""
	}
	// Default: "podman" if stateVersion >= 22.05, else "docker".
	if sv, _, ok := strOpt(s, "system", "stateVersion"); ok && len(sv) >= 5 {
		if sv >= "22.05" {
			return "podman"
		}
		return "docker"
	}
	return ""
}

// rootless reports a podman container run by a non-root user (podman.user).
func (c ociContainer) rootless() bool {
	if c.Legacy {
		return false
	}
	u, _, ok := strOpt(c.Sys, c.path("podman", "user")...)
	return ok && u != "root" && u != "" && ociBackend(c.Sys) != "docker"
}

// ---------------------------------------------------------------------------
// extraOptions parsing

// ociFlag is one option of `docker run`/`podman run` written in extraOptions.
type ociFlag struct {
	Name     string // canonical long name: network, cap-add, security-opt, volume…
	Value    string
	HasValue bool
	First    listElem
	Last     listElem // the value's element for two-element spellings; else First
	Possible bool     // an unknown element before it may have consumed it
}

// Text renders the flag as written for messages.
func (f ociFlag) Text() string {
	s, _ := f.First.Value.Str()
	if f.Last.Node != f.First.Node {
		v, _ := f.Last.Value.Str()
		return s + " " + v
	}
	return s
}

var ociShort = map[string]string{"v": "volume", "p": "publish", "u": "user", "e": "env", "l": "label", "w": "workdir",
	"h": "hostname", "m": "memory", "c": "cpu-shares", "a": "attach"}

var ociLongAlias = map[string]string{"net": "network", "publish-all": "publish-all"}

// ociValued are run options that take a value (so the next element is the
// value, not an option).
var ociValued = map[string]bool{
	"network": true, "pid": true, "ipc": true, "uts": true, "userns": true, "cgroupns": true, "cap-add": true,
	"cap-drop": true, "security-opt": true, "device": true, "volume": true, "publish": true, "user": true,
	"mount": true, "env": true, "label": true, "name": true, "hostname": true, "workdir": true, "entrypoint": true,
	"add-host": true, "dns": true, "dns-search": true, "dns-option": true, "log-opt": true, "log-driver": true,
	"memory": true, "memory-swap": true, "memory-reservation": true, "cpus": true, "cpu-shares": true, "cpuset-cpus": true,
	"restart": true, "tmpfs": true, "ulimit": true, "health-cmd": true, "health-interval": true, "health-retries": true,
	"health-timeout": true, "health-start-period": true, "env-file": true, "group-add": true, "runtime": true,
	"sysctl": true, "shm-size": true, "ip": true, "ip6": true, "mac-address": true, "network-alias": true,
	"stop-signal": true, "stop-timeout": true, "platform": true, "pull": true, "uidmap": true, "gidmap": true,
	"subuidname": true, "subgidname": true, "device-cgroup-rule": true, "volumes-from": true, "label-file": true,
	"expose": true, "link": true, "pod": true, "annotation": true, "arch": true, "cgroup-parent": true, "cidfile": true,
	"gpus": true, "pids-limit": true, "secret": true, "storage-opt": true, "tz": true, "umask": true, "timeout": true,
	"requires": true, "sdnotify": true, "systemd": true, "cgroups": true, "attach": true, "blkio-weight": true,
	"init-path": true, "log-level": true, "hooks-dir": true, "image-volume": true, "oom-score-adj": true,
	"chrootdirs": true, "decryption-key": true, "detach-keys": true, "device-read-bps": true, "device-write-bps": true,
	"hostuser": true, "passwd-entry": true, "personality": true, "preserve-fd": true, "rdt-class": true,
	"seccomp-policy": true, "variant": true, "os": true, "health-on-failure": true, "stop-timeout-seconds": true,
}

// ociFlags parses a container's extraOptions: each element is one argument
// (the module shell-escapes every element), so `--network host` is two
// elements and `"--network host"` one (invalid) argument.
func ociFlags(c ociContainer) []ociFlag {
	var out []ociFlag
	for _, d := range c.Sys.Effective(c.path("extraOptions")...) {
		els := defElems(d)
		unknownBefore := false
		for i := 0; i < len(els); i++ {
			s, ok := els[i].Value.Str()
			if !ok || els[i].Value.Kind != String {
				unknownBefore = true
				continue
			}
			var name, val string
			var hasVal bool
			switch {
			case strings.HasPrefix(s, "--"):
				name, val, hasVal = strings.Cut(s[2:], "=")
				if a, ok := ociLongAlias[name]; ok {
					name = a
				}
			case strings.HasPrefix(s, "-") && len(s) >= 2:
				long, ok := ociShort[s[1:2]]
				if !ok {
					if s == "-P" {
						name = "publish-all"
						break
					}
					continue
				}
				name = long
				if len(s) > 2 {
					val, hasVal = strings.TrimPrefix(s[2:], "="), true
				}
			default:
				continue // a value of an option nixsec does not know
			}
			f := ociFlag{Name: name, Value: val, HasValue: hasVal, First: els[i], Last: els[i], Possible: unknownBefore}
			if !hasVal && ociValued[name] && i+1 < len(els) {
				nv, ok := els[i+1].Value.Str()
				if !ok {
					i++
					unknownBefore = true
					continue
				}
				f.Value, f.HasValue, f.Last = nv, true, els[i+1]
				i++
			}
			out = append(out, f)
		}
	}
	return out
}

// flagIssue turns a parsed flag into a finding with the removal fix.
func flagFinding(p *Pass, c ociContainer, f ociFlag, sev diagnostics.Severity, format string, args ...any) diagnostics.Finding {
	fd := p.Finding(f.First.Def, format, args...)
	fd = spanFinding(fd, f.First.Node, f.Last.Node)
	fd.Severity = sev
	fd.Related = append(fd.Related, f.First.relatedSrc()...)
	if f.Possible {
		fd.Confidence = diagnostics.Possible
	}
	nodes := []nixast.Node{f.First.Node}
	if f.Last.Node != f.First.Node {
		nodes = append(nodes, f.Last.Node)
	}
	if fix, ok := removeElems("Remove "+strings.TrimSpace(f.Text())+" from extraOptions", nodes...); ok {
		fd.Fixes = append(fd.Fixes, fix)
	}
	return fd
}

func runOCI(p *Pass, fn func(*Pass, ociContainer)) {
	for _, s := range ctrSystems(p) {
		for _, c := range ociOf(p, s) {
			fn(p, c)
		}
	}
}

// ---------------------------------------------------------------------------

var ctr008 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-008", Slug: "oci-container-privileged", Title: "Privileged OCI container",
		Category: catContainers, Severity: diagnostics.High, MaxSeverity: diagnostics.Critical,
		Description: "`virtualisation.oci-containers.containers.<name>.privileged = true`, or `extraOptions` (legacy " +
			"`docker-containers.<name>.extraDockerOptions`) containing `--privileged` or `--privileged=true`. " +
			"Critical for a rootful engine, high for a rootless podman container (`podman.user` not root).",
		Why: "A privileged container gets every capability, every host device and no seccomp or AppArmor " +
			"confinement: under a rootful engine it is root on the host.",
		Remediation: "Set `privileged = false;` and grant only the specific capability or device needed with " +
			"`capabilities.<CAP> = true;` or `devices = [ … ];`.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refOCIContainers, refDockerRun + "#privileged"},
		CWE:            []int{250},
		Bad:            "virtualisation.oci-containers.containers.agent = {\n  image = \"example/agent:1.2\";\n  privileged = true;\n};",
		Good:           "virtualisation.oci-containers.containers.agent = {\n  image = \"example/agent:1.2\";\n  capabilities.NET_BIND_SERVICE = true;\n};",
		FalsePositives: "Infrastructure containers that must be privileged (some CNI/CSI agents) need an explicit suppression.",
	},
	Run: func(p *Pass) { runOCI(p, checkPrivileged) },
}

func checkPrivileged(p *Pass, c ociContainer) {
	sev := diagnostics.Critical
	note := "root on the host under a rootful engine"
	if c.rootless() {
		sev, note = diagnostics.High, "rootless podman limits it to the podman user"
	}
	for _, d := range trueDefs(c.Sys, c.path("privileged")...) {
		f := p.Finding(d, "%s = true: the container gets every capability and device (%s)", c.opt("privileged"), note)
		f.Severity = sev
		if fix, ok := ReplaceValue(d, "false", "Set privileged = false", false); ok {
			f.Fixes = append(f.Fixes, fix)
		}
		p.Report(f)
	}
	for _, fl := range ociFlags(c) {
		if fl.Name == "privileged" && (!fl.HasValue || strings.EqualFold(fl.Value, "true")) {
			p.Report(flagFinding(p, c, fl, sev, "%s contains %q: the container gets every capability and device (%s)", c.opt("extraOptions"), fl.Text(), note))
		}
	}
}

// ---------------------------------------------------------------------------

var ctr009 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-009", Slug: "oci-container-dangerous-caps", Title: "OCI container with added dangerous capabilities",
		Category: catContainers, Severity: diagnostics.High, MaxSeverity: diagnostics.Critical,
		Description: "`capabilities.<CAP> = true` or `extraOptions` `--cap-add=<CAP>` / `\"--cap-add\" \"<CAP>\"` for " +
			"ALL, SYS_ADMIN, SYS_MODULE, SYS_PTRACE, SYS_RAWIO, DAC_READ_SEARCH, NET_ADMIN, BPF, PERFMON, SYS_BOOT, " +
			"MKNOD or SYS_TIME, with or without the CAP_ prefix. Critical for ALL, SYS_ADMIN, SYS_MODULE, SYS_RAWIO " +
			"and DAC_READ_SEARCH under a rootful engine.",
		Why: "These capabilities are the usual container-escape primitives. `capabilities.X = false` is `--cap-drop` " +
			"and is not reported.",
		Remediation: "Remove the capability; start from `--cap-drop=ALL` and add back only the narrow capability " +
			"the workload needs.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refOCIContainers, refCapabilities, refDockerRun + "#privileged"},
		CWE:            []int{250, 269},
		Bad:            "virtualisation.oci-containers.containers.app.capabilities.SYS_ADMIN = true;",
		Good:           "virtualisation.oci-containers.containers.app.capabilities.NET_BIND_SERVICE = true;",
		FalsePositives: "NET_ADMIN for VPN containers in their own network namespace is expected; suppress per container.",
	},
	Run: func(p *Pass) { runOCI(p, checkCaps) },
}

var criticalCaps = map[string]bool{"ALL": true, "SYS_ADMIN": true, "SYS_MODULE": true, "SYS_RAWIO": true, "DAC_READ_SEARCH": true}

func capSeverity(c ociContainer, cp string) diagnostics.Severity {
	if criticalCaps[cp] && !c.rootless() {
		return diagnostics.Critical
	}
	return diagnostics.High
}

func checkCaps(p *Pass, c ociContainer) {
	for _, name := range namesUnder(c.Sys, c.path("capabilities")) {
		cp := normCap(name)
		if _, bad := dangerousCaps[cp]; !bad {
			continue
		}
		for _, d := range trueDefs(c.Sys, c.path("capabilities", name)...) {
			f := p.Finding(d, "%s = true adds %s, a container-escape primitive", c.opt("capabilities", name), cp)
			f.Severity = capSeverity(c, cp)
			if fix, ok := ReplaceValue(d, "null", "Do not add "+cp+" (capabilities."+name+" = null)", false); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
	for _, fl := range ociFlags(c) {
		if fl.Name != "cap-add" || !fl.HasValue {
			continue
		}
		worst, bad := diagnostics.Info, ""
		for _, part := range strings.Split(fl.Value, ",") {
			cp := normCap(part)
			if _, ok := dangerousCaps[cp]; ok {
				if s := capSeverity(c, cp); bad == "" || s > worst {
					worst, bad = s, cp
				}
			}
		}
		if bad != "" {
			p.Report(flagFinding(p, c, fl, worst, "%s contains %q: adds %s, a container-escape primitive", c.opt("extraOptions"), fl.Text(), bad))
		}
	}
}

// ---------------------------------------------------------------------------

var ctr010 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-010", Slug: "oci-container-host-namespaces", Title: "OCI container joins host namespaces",
		Category: catContainers, Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "`extraOptions` containing `--network=host` / `--net=host` (also `\"--network\" \"host\"`), " +
			"`--pid=host`, `--ipc=host`, `--uts=host`, `--userns=host`, `--cgroupns=host`, or `networks = [ \"host\" ]`. " +
			"High for the pid and ipc namespaces, medium for the others.",
		Why: "`--pid=host` exposes and lets the container signal or trace every host process (and reach " +
			"/proc/<pid>/root); `--network=host` lets it bind any host port and reach host-local services such as " +
			"127.0.0.1-bound databases; `--ipc=host` shares host shared memory.",
		Remediation: "Remove the option; publish the ports the service needs with `ports = [ \"127.0.0.1:8080:80\" ];`.",
		FixClass:    diagnostics.FixSuggest,
		References:  []string{refOCIContainers, refDockerRun + "#network", refPodmanRun},
		CWE:         []int{653},
		Bad:         "virtualisation.oci-containers.containers.app = {\n  image = \"example/app:1.0\";\n  extraOptions = [ \"--network=host\" ];\n};",
		Good:        "virtualisation.oci-containers.containers.app = {\n  image = \"example/app:1.0\";\n  ports = [ \"127.0.0.1:8080:80\" ];\n};",
		FalsePositives: "Monitoring agents (node-exporter, cAdvisor) need host pid or network namespaces; suppress per " +
			"container. `--userns=host` is the default of a rootful engine without userns-remap; it is reported " +
			"because it also overrides a configured remapping.",
	},
	Run: func(p *Pass) { runOCI(p, checkHostNS) },
}

var hostNSSeverity = map[string]diagnostics.Severity{
	"pid": diagnostics.High, "ipc": diagnostics.High, "network": diagnostics.Medium, "uts": diagnostics.Medium,
	"userns": diagnostics.Medium, "cgroupns": diagnostics.Medium,
}

func checkHostNS(p *Pass, c ociContainer) {
	for _, fl := range ociFlags(c) {
		sev, ok := hostNSSeverity[fl.Name]
		if !ok || !fl.HasValue || fl.Value != "host" {
			continue
		}
		p.Report(flagFinding(p, c, fl, sev, "%s contains %q: the container shares the host's %s namespace", c.opt("extraOptions"), fl.Text(), fl.Name))
	}
	for _, e := range listElems(c.Sys, c.path("networks")...) {
		if e.Value.IsStr("host") {
			f := At(p.Finding(e.Def, "%s contains \"host\": the container shares the host's network namespace", c.opt("networks")), e.Node)
			f.Severity = diagnostics.Medium
			if fix, ok := removeElems("Remove \"host\" from networks", e.Node); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}

// ---------------------------------------------------------------------------
// Volumes

// hostMount is a bind mount of a host path written in volumes or extraOptions.
type hostMount struct {
	Src, Dst string
	ReadOnly bool
	Elem     listElem
	Last     listElem
	Flag     *ociFlag // nil for the volumes option
	Opts     []string
}

// parseVolume reads "src:dst[:opts]"; ok is false for named and anonymous
// volumes (only host paths are bind mounts).
func parseVolume(s string) (src, dst string, opts []string, ok bool) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 || !strings.HasPrefix(parts[0], "/") {
		return "", "", nil, false
	}
	if len(parts) == 3 {
		opts = strings.Split(parts[2], ",")
	}
	return parts[0], parts[1], opts, true
}

func volumeReadOnly(opts []string) bool {
	for _, o := range opts {
		switch o {
		case "ro", "readonly", "O":
			return true
		}
	}
	return false
}

// parseMount reads --mount type=bind,source=…,target=…[,readonly].
func parseMount(s string) (src, dst string, ro, ok bool) {
	typ := "volume"
	for _, kv := range strings.Split(s, ",") {
		k, v, has := strings.Cut(kv, "=")
		switch strings.ToLower(k) {
		case "type":
			typ = v
		case "source", "src":
			src = v
		case "target", "dst", "destination":
			dst = v
		case "readonly", "ro":
			ro = !has || v == "true" || v == "1"
		}
	}
	return src, dst, ro, typ == "bind" && strings.HasPrefix(src, "/")
}

func hostMounts(c ociContainer) []hostMount {
	var out []hostMount
	for _, e := range listElems(c.Sys, c.path("volumes")...) {
		s, ok := e.Value.Str()
		if !ok {
			continue
		}
		src, dst, opts, ok := parseVolume(s)
		if !ok {
			continue
		}
		out = append(out, hostMount{Src: src, Dst: dst, ReadOnly: volumeReadOnly(opts), Elem: e, Last: e, Opts: opts})
	}
	for _, fl := range ociFlags(c) {
		fl := fl
		switch fl.Name {
		case "volume":
			if src, dst, opts, ok := parseVolume(fl.Value); ok {
				out = append(out, hostMount{Src: src, Dst: dst, ReadOnly: volumeReadOnly(opts), Elem: fl.First, Last: fl.Last, Flag: &fl, Opts: opts})
			}
		case "mount":
			if src, dst, ro, ok := parseMount(fl.Value); ok {
				out = append(out, hostMount{Src: src, Dst: dst, ReadOnly: ro, Elem: fl.First, Last: fl.Last, Flag: &fl})
			}
		}
	}
	return out
}

var ctr011 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-011", Slug: "container-engine-socket-mount", Title: "Container-engine or Nix daemon socket mounted into a container",
		Category: catContainers, Severity: diagnostics.Critical, MaxSeverity: diagnostics.Critical,
		Description: "An OCI container `volumes` entry (or `extraOptions` `-v`/`--volume`/`--mount`) or a NixOS " +
			"container `bindMounts` entry whose host path is a container-engine or daemon API socket: " +
			"/var/run/docker.sock, /run/docker.sock, /run/podman/podman.sock, /run/user/*/podman/podman.sock, " +
			"/run/containerd/containerd.sock, /var/lib/incus/unix.socket, /nix/var/nix/daemon-socket/socket, " +
			"/run/libvirt/libvirt-sock. A read-only mount is reported too: `:ro` does not stop API calls.",
		Why: "Whoever can talk to a rootful engine's API is root on the host: it can start a privileged " +
			"container that mounts `/`.",
		Remediation: "Remove the mount. Put a socket proxy with a restricted API allow-list in front of the " +
			"engine, or run a rootless engine per user.",
		FixClass:   diagnostics.FixManual,
		References: []string{refOCIContainers, refPodman, refDockerSecurity + "#docker-daemon-attack-surface"},
		CWE:        []int{250, 668},
		Bad:        "virtualisation.oci-containers.containers.traefik.volumes = [\n  \"/var/run/docker.sock:/var/run/docker.sock:ro\"\n];",
		Good:       "virtualisation.oci-containers.containers.traefik.volumes = [\n  \"/etc/traefik:/etc/traefik:ro\"\n];",
		FalsePositives: "Traefik- and Portainer-style tools mount the socket by design; the finding stands " +
			"(the container is root-equivalent) and needs a documented suppression. NixOS containers always get " +
			"the Nix daemon socket read-only from the module; only mounts written in the configuration are reported.",
	},
	Run: runCTR011,
}

func runCTR011(p *Pass) {
	for _, s := range ctrSystems(p) {
		for _, c := range ociOf(p, s) {
			for _, m := range hostMounts(c) {
				sock, ok := engineSocket(m.Src)
				if !ok {
					continue
				}
				opt := c.opt("volumes")
				if m.Flag != nil {
					opt = c.opt("extraOptions")
				}
				f := p.Finding(m.Elem.Def, "%s mounts the daemon socket %s into the container: API access to the engine is root on the host", opt, sock)
				f = spanFinding(f, m.Elem.Node, m.Last.Node)
				if m.Flag != nil && m.Flag.Possible {
					f.Confidence = diagnostics.Possible
				}
				p.Report(f)
			}
		}
		for _, c := range nixosOf(p, s) {
			for _, mp := range namesUnder(s, c.path("bindMounts")) {
				bp := c.path("bindMounts", mp)
				src := mp
				var d *Definition
				if v, hd, ok := s.Get(sub(bp, "hostPath")...); ok && v.Kind != Null {
					str, known := v.Str()
					if !known {
						continue
					}
					src, d = str, hd
				} else if s.MaybeSet(sub(bp, "hostPath")...) {
					continue
				}
				sock, ok := engineSocket(src)
				if !ok || strings.HasPrefix(sock, "/nix/var/nix/daemon-socket") {
					continue // the module already mounts the Nix daemon socket read-only
				}
				var f diagnostics.Finding
				if d != nil {
					f = p.Finding(d, "containers.%s.bindMounts.%s mounts the daemon socket %s into the container: API access to the engine is root on the host", c.Name, JoinPath([]string{mp}), sock)
				} else {
					defs := defsUnder(s, bp)
					if len(defs) == 0 {
						continue
					}
					f = At(p.Finding(defs[0], "containers.%s.bindMounts.%s mounts the daemon socket %s into the container: API access to the engine is root on the host", c.Name, JoinPath([]string{mp}), sock), nameNode(defs[0], len(bp)-1))
				}
				p.Report(f)
			}
		}
	}
}

var ctr012 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-012", Slug: "oci-container-sensitive-volume", Title: "Sensitive host path mounted into an OCI container",
		Category: catContainers, Severity: diagnostics.Medium, MaxSeverity: diagnostics.Critical,
		Description: "A `volumes` entry `\"<src>:<dst>[:<opts>]\"` (or `extraOptions` `-v`, `--volume`, " +
			"`--mount type=bind,…`) whose host path is `/`, `/etc`, `/root` (critical), or `/home`, `/boot`, " +
			"`/proc`, `/sys`, `/dev`, `/nix`, `/nix/store`, `/var/lib`, `/run/secrets`, `/etc/ssh` (high), and whose " +
			"options do not include `ro`. Read-only mounts of `/` or `/etc` are medium. Named volumes are not host paths " +
			"and are not reported.",
		Why: "Write access to host configuration or credentials from a container is host compromise; even a " +
			"read-only `/` or `/etc` leaks secrets such as SSH host keys.",
		Remediation: "Append `:ro` (`\"/etc/app:/etc/app:ro\"`) when the container does not write, and mount a " +
			"dedicated subdirectory rather than a top-level system path.",
		FixClass:       diagnostics.FixAuto,
		References:     []string{refOCIContainers, "https://docs.docker.com/engine/storage/bind-mounts/"},
		CWE:            []int{732, 668},
		Bad:            "virtualisation.oci-containers.containers.app.volumes = [ \"/etc/ssh:/host-ssh\" ];",
		Good:           "virtualisation.oci-containers.containers.app.volumes = [ \"/etc/ssh:/host-ssh:ro\" ];",
		FalsePositives: "Backup agents reading `/` read-only are reported as medium; suppress with a reason.",
	},
	Run: func(p *Pass) { runOCI(p, checkVolumes) },
}

func checkVolumes(p *Pass, c ociContainer) {
	for _, m := range hostMounts(c) {
		if _, sock := engineSocket(m.Src); sock {
			continue // NIXSEC-CTR-011
		}
		risk, ok := hostPathRisk(m.Src)
		if !ok {
			continue
		}
		src := cleanPath(m.Src)
		whole := src == "/" || src == "/etc"
		opt := c.opt("volumes")
		if m.Flag != nil {
			opt = c.opt("extraOptions")
		}
		var f diagnostics.Finding
		switch {
		case m.ReadOnly && !whole:
			continue
		case m.ReadOnly:
			f = p.Finding(m.Elem.Def, "%s mounts %s (%s) read-only into the container: it can read host secrets", opt, src, risk.What)
			f.Severity = diagnostics.Medium
		default:
			f = p.Finding(m.Elem.Def, "%s mounts %s (%s) writable into the container", opt, src, risk.What)
			f.Severity = diagnostics.High
			if whole || under(src, "/root") {
				f.Severity = diagnostics.Critical
			}
			if m.Flag == nil && !whole {
				if fix, ok := roVolumeFix(m); ok {
					f.Fixes = append(f.Fixes, fix)
				}
			}
		}
		f = spanFinding(f, m.Elem.Node, m.Last.Node)
		if m.Flag != nil && m.Flag.Possible {
			f.Confidence = diagnostics.Possible
		}
		p.Report(f)
	}
}

// roVolumeFix rewrites one volume string to read-only: "a:b" → "a:b:ro",
// "a:b:rw,z" → "a:b:ro,z", "a:b:z" → "a:b:z,ro". Only that string changes.
func roVolumeFix(m hostMount) (diagnostics.Fix, bool) {
	text, ok := plainString(m.Elem.Node)
	if !ok {
		return diagnostics.Fix{}, false
	}
	parts := strings.Split(text, ":")
	switch len(parts) {
	case 2:
		parts = append(parts, "ro")
	case 3:
		opts := strings.Split(parts[2], ",")
		replaced := false
		for i, o := range opts {
			if o == "rw" {
				opts[i], replaced = "ro", true
			}
		}
		if !replaced {
			opts = append(opts, "ro")
		}
		parts[2] = strings.Join(opts, ",")
	default:
		return diagnostics.Fix{}, false
	}
	return ReplaceNode(m.Elem.Node, quote(strings.Join(parts, ":")), "Mount it read-only (:ro)", true), true
}

// ---------------------------------------------------------------------------

var ctr013 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-013", Slug: "oci-container-host-devices", Title: "Host devices passed to an OCI container",
		Category: catContainers, Severity: diagnostics.Info, MaxSeverity: diagnostics.High,
		Description: "`devices = [ … ]` or `extraOptions` `--device` for /dev/mem, /dev/kmem, /dev/port or raw block " +
			"devices (/dev/sd*, /dev/nvme*, /dev/mapper/* …) (high), /dev/kvm, /dev/kmsg, /dev/fuse (medium), and " +
			"GPU, sound and serial devices such as /dev/dri, /dev/snd, /dev/ttyUSB* (info). A block device " +
			"passed with read-only permissions (`:r`) is not reported.",
		Why: "Raw device access bypasses file-system permissions: a writable block device is the host's data, " +
			"/dev/mem is its memory.",
		Remediation: "Remove the device, or restrict it to read access: `\"/dev/sdb:/dev/sdb:r\"`.",
		FixClass:    diagnostics.FixSuggest,
		References:  []string{refOCIContainers, refDockerRun + "#device"},
		CWE:         []int{732},
		Bad:         "virtualisation.oci-containers.containers.disk-tool.devices = [ \"/dev/sda:/dev/sda\" ];",
		Good:        "virtualisation.oci-containers.containers.disk-tool.devices = [ \"/dev/sda:/dev/sda:r\" ];",
		FalsePositives: "Storage-management containers need block devices (suppress explicitly); GPU and " +
			"USB passthrough is info only.",
	},
	Run: func(p *Pass) { runOCI(p, checkDevices) },
}

// parseDevice reads "host[:container[:perms]]".
func parseDevice(s string) (host, perms string) {
	parts := strings.Split(s, ":")
	host, perms = parts[0], "rwm"
	switch {
	case len(parts) == 3:
		perms = parts[2]
	case len(parts) == 2 && !strings.HasPrefix(parts[1], "/"):
		perms = parts[1]
	}
	return host, perms
}

func infoDevice(n string) bool {
	for _, p := range []string{"/dev/dri", "/dev/snd", "/dev/ttyUSB", "/dev/ttyACM", "/dev/bus/usb", "/dev/video", "/dev/nvidia", "/dev/net/tun", "/dev/hidraw"} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

func checkDevices(p *Pass, c ociContainer) {
	type dev struct {
		val         string
		first, last listElem
		flag        *ociFlag
	}
	var devs []dev
	for _, e := range listElems(c.Sys, c.path("devices")...) {
		if s, ok := e.Value.Str(); ok {
			devs = append(devs, dev{s, e, e, nil})
		}
	}
	for _, fl := range ociFlags(c) {
		fl := fl
		if fl.Name == "device" && fl.HasValue {
			devs = append(devs, dev{fl.Value, fl.First, fl.Last, &fl})
		}
	}
	for _, d := range devs {
		host, perms := parseDevice(d.val)
		host = cleanPath(host)
		sev, what, bad := deviceRisk(host)
		memory := host == "/dev/mem" || host == "/dev/kmem" || host == "/dev/port"
		switch {
		case bad && !memory && !strings.ContainsAny(perms, "wm"):
			continue
		case !bad && infoDevice(host):
			sev, what = diagnostics.Info, "device passthrough"
		case !bad:
			continue
		}
		opt := c.opt("devices")
		if d.flag != nil {
			opt = c.opt("extraOptions")
		}
		var f diagnostics.Finding
		if d.flag != nil {
			f = flagFinding(p, c, *d.flag, sev, "%s passes %s to the container with %q access (%s)", opt, host, perms, what)
		} else {
			f = At(p.Finding(d.first.Def, "%s passes %s to the container with %q access (%s)", opt, host, perms, what), d.first.Node)
			f.Severity = sev
			switch {
			case memory:
				if fix, ok := removeElems("Remove "+host+" from devices", d.first.Node); ok {
					f.Fixes = append(f.Fixes, fix)
				}
			case sev > diagnostics.Info:
				if text, ok := plainString(d.first.Node); ok {
					parts := strings.Split(text, ":")
					dst := parts[0]
					if len(parts) >= 2 && strings.HasPrefix(parts[1], "/") {
						dst = parts[1]
					}
					f.Fixes = append(f.Fixes, ReplaceNode(d.first.Node, quote(parts[0]+":"+dst+":r"), "Pass the device read-only (:r)", false))
				}
			}
		}
		if d.flag != nil && sev == diagnostics.Info {
			f.Fixes = nil
		}
		p.Report(f)
	}
}

// ---------------------------------------------------------------------------

var ctr014 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-014", Slug: "oci-container-security-opt", Title: "Container security profiles disabled",
		Category: catContainers, Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "`extraOptions` containing `--security-opt` (as `--security-opt=…` or as two elements) with " +
			"`seccomp=unconfined`, `systempaths=unconfined`, `unmask=ALL` (high) or `apparmor=unconfined`, " +
			"`label=disable`, `no-new-privileges=false` (medium). The `key:value` spelling is recognized too.",
		Why: "These options remove the seccomp filter, the AppArmor/SELinux confinement or the masking of " +
			"/proc and /sys that container engines apply by default, widening the kernel attack surface an " +
			"escape can use.",
		Remediation: "Remove the option. If one system call is missing, ship a custom seccomp profile " +
			"(`--security-opt=seccomp=/etc/containers/profile.json`); add `--security-opt=no-new-privileges`.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refDockerRun + "#security-opt", refPodmanRun, "https://docs.docker.com/engine/security/seccomp/"},
		CWE:            []int{693},
		Bad:            "virtualisation.oci-containers.containers.app.extraOptions = [ \"--security-opt\" \"seccomp=unconfined\" ];",
		Good:           "virtualisation.oci-containers.containers.app.extraOptions = [ \"--security-opt=no-new-privileges\" ];",
		FalsePositives: "Debugging containers; suppress with a reason.",
	},
	Run: func(p *Pass) { runOCI(p, checkSecurityOpt) },
}

func securityOptRisk(v string) (diagnostics.Severity, bool) {
	k, val, ok := strings.Cut(v, "=")
	if !ok {
		k, val, ok = strings.Cut(v, ":")
	}
	if !ok {
		return 0, false
	}
	k, val = strings.ToLower(k), strings.ToLower(val)
	switch {
	case k == "seccomp" && val == "unconfined", k == "systempaths" && val == "unconfined", k == "unmask" && val == "all":
		return diagnostics.High, true
	case k == "apparmor" && val == "unconfined", k == "label" && val == "disable", k == "no-new-privileges" && val == "false":
		return diagnostics.Medium, true
	}
	return 0, false
}

func checkSecurityOpt(p *Pass, c ociContainer) {
	for _, fl := range ociFlags(c) {
		if fl.Name != "security-opt" || !fl.HasValue {
			continue
		}
		if sev, bad := securityOptRisk(fl.Value); bad {
			p.Report(flagFinding(p, c, fl, sev, "%s contains %q: the container runs without that confinement", c.opt("extraOptions"), fl.Text()))
		}
	}
}

// ---------------------------------------------------------------------------

var ctr015 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-015", Slug: "oci-container-port-bypasses-firewall", Title: "Published container ports bypass the NixOS firewall",
		Category: catContainers, Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "A `ports` entry without a host IP (`\"8080:80\"`, `\"8080:80/tcp\"`, `\"80\"`) or bound to " +
			"`0.0.0.0` / `[::]`, or `extraOptions` `-p`/`--publish` likewise or `-P`/`--publish-all`. High when " +
			"the image is a database or an administration UI. Rootless podman containers (`podman.user` not " +
			"root) publish through a user-space forwarder that the firewall does filter and are not reported.",
		Why: "The oci-containers module says it: \"Publishing a port bypasses the NixOS firewall\". The engine " +
			"installs NAT rules ahead of the NixOS input chain, so the service is reachable from the network " +
			"although `networking.firewall.allowedTCPPorts` does not list it.",
		Remediation: "Publish to loopback (`\"127.0.0.1:8080:80\"`) and expose the service through a reverse proxy, " +
			"or bind it to a VPN address.",
		FixClass:       diagnostics.FixAuto,
		References:     []string{refOCIContainers, "https://docs.docker.com/engine/network/packet-filtering-firewalls/"},
		CWE:            []int{668, 284},
		Bad:            "virtualisation.oci-containers.containers.db = {\n  image = \"postgres:16\";\n  ports = [ \"5432:5432\" ];\n};",
		Good:           "virtualisation.oci-containers.containers.db = {\n  image = \"postgres:16\";\n  ports = [ \"127.0.0.1:5432:5432\" ];\n};",
		FalsePositives: "Services meant to be public; the finding then documents that the firewall configuration does not describe them.",
	},
	Run: func(p *Pass) { runOCI(p, checkPorts) },
}

// portHost returns the host IP of a port spec ("" when none) and whether
// the spec could be read.
func portHost(spec string) (ip, rest string, ok bool) {
	spec, _, _ = strings.Cut(spec, "/")
	if strings.HasPrefix(spec, "[") {
		end := strings.Index(spec, "]")
		if end < 0 || !strings.HasPrefix(spec[end+1:], ":") {
			return "", "", false
		}
		return spec[:end+1], spec[end+2:], true
	}
	parts := strings.Split(spec, ":")
	switch len(parts) {
	case 1, 2:
		return "", spec, true
	case 3:
		return parts[0], parts[1] + ":" + parts[2], true
	}
	return "", "", false
}

func anyAddress(ip string) bool {
	switch ip {
	case "", "0.0.0.0", "[::]", "::", "[::0]":
		return true
	}
	return false
}

var sensitiveImages = []string{"postgres", "mysql", "mariadb", "mongo", "redis", "valkey", "elasticsearch", "opensearch",
	"memcached", "influxdb", "couchdb", "cassandra", "clickhouse", "etcd", "rabbitmq", "adminer", "phpmyadmin",
	"pgadmin", "portainer", "mongo-express", "redis-commander", "kibana", "minio", "neo4j", "docker-registry", "registry"}

// sensitiveImage reports database and administration images (Part E:
// CTR-015 + database/admin image → high).
func sensitiveImage(c ociContainer) (string, *Definition, bool) {
	img, d, ok := strOpt(c.Sys, c.path("image")...)
	if !ok {
		return "", nil, false
	}
	name := img
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	name, _, _ = strings.Cut(name, "@")
	name, _, _ = strings.Cut(name, ":")
	for _, s := range sensitiveImages {
		if name == s || strings.HasPrefix(name, s+"-") || strings.HasSuffix(name, "-"+s) {
			return img, d, true
		}
	}
	return "", nil, false
}

func checkPorts(p *Pass, c ociContainer) {
	if c.rootless() {
		return
	}
	img, imgDef, sensitive := sensitiveImage(c)
	escalate := func(f *diagnostics.Finding) {
		f.Severity = diagnostics.Medium
		if sensitive {
			f.Severity = diagnostics.High
			f.Related = append(f.Related, relatedDef(imgDef, "the image "+img+" is a database or administration service"))
		}
	}
	for _, e := range listElems(c.Sys, c.path("ports")...) {
		s, ok := e.Value.Str()
		if !ok {
			continue
		}
		ip, rest, ok := portHost(s)
		if !ok || !anyAddress(ip) {
			continue
		}
		f := At(p.Finding(e.Def, "%s publishes %q on every host address: the engine's NAT rules bypass the NixOS firewall", c.opt("ports"), s), e.Node)
		escalate(&f)
		if text, ok := plainString(e.Node); ok && text == s {
			newText := "127.0.0.1:" + rest
			if strings.HasPrefix(ip, "[") {
				newText = "[::1]:" + rest
			}
			if !strings.Contains(rest, ":") {
				newText = "127.0.0.1::" + rest
			}
			if _, proto, has := strings.Cut(s, "/"); has {
				newText += "/" + proto
			}
			f.Fixes = append(f.Fixes, ReplaceNode(e.Node, quote(newText), "Publish on loopback only ("+newText+")", true))
		}
		p.Report(f)
	}
	for _, fl := range ociFlags(c) {
		switch {
		case fl.Name == "publish-all" && (!fl.HasValue || fl.Value == "true"):
			f := flagFinding(p, c, fl, diagnostics.Medium, "%s contains %q: every exposed port is published on every host address, bypassing the NixOS firewall", c.opt("extraOptions"), fl.Text())
			escalate(&f)
			p.Report(f)
		case fl.Name == "publish" && fl.HasValue:
			if ip, _, ok := portHost(fl.Value); ok && anyAddress(ip) {
				f := flagFinding(p, c, fl, diagnostics.Medium, "%s contains %q: the port is published on every host address, bypassing the NixOS firewall", c.opt("extraOptions"), fl.Text())
				escalate(&f)
				p.Report(f)
			}
		}
	}
}

// ---------------------------------------------------------------------------

var ctr016 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-016", Slug: "oci-container-root", Title: "OCI container running as root / rootful engine",
		Category: catContainers, Severity: diagnostics.Info, MaxSeverity: diagnostics.Low,
		Description: "An OCI container under a rootful engine (docker, or podman with `podman.user` unset or " +
			"\"root\") whose `user` is \"root\", \"0\" or \"0:0\" (or `extraOptions` `--user=0`/`-u root`): low. " +
			"When `user` is not set at all the image's default user applies, which is often root: info, possible.",
		Why: "A root process inside a rootful container is host root after any escape; a non-root user in the " +
			"container, or rootless podman (`podman.user = \"<unprivileged>\"`), shrinks the blast radius.",
		Remediation: "Set `user = \"1000:1000\";` (or the image's documented uid) and/or run the container rootless " +
			"with `podman.user = \"<service user>\";`, that user having `linger = true` and a static uid.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refOCIContainers, "https://docs.docker.com/engine/security/userns-remap/"},
		CWE:            []int{250},
		Bad:            "virtualisation.oci-containers.containers.app = {\n  image = \"example/app:1.0\";\n  user = \"root\";\n};",
		Good:           "virtualisation.oci-containers.containers.app = {\n  image = \"example/app:1.0\";\n  user = \"1000:1000\";\n};",
		FalsePositives: "Images that need root at start and drop privileges themselves.",
	},
	Run: func(p *Pass) { runOCI(p, checkRootUser) },
}

func rootUser(u string) bool {
	name, _, _ := strings.Cut(u, ":")
	return name == "root" || name == "0"
}

func checkRootUser(p *Pass, c ociContainer) {
	if c.rootless() {
		return
	}
	if c.Sys.MaybeSet(c.path("podman", "user")...) && len(c.Sys.Effective(c.path("podman", "user")...)) == 0 {
		return
	}
	if _, _, known := strOpt(c.Sys, c.path("podman", "user")...); !known && len(c.Sys.Effective(c.path("podman", "user")...)) > 0 {
		return
	}
	var flagged bool
	for _, fl := range ociFlags(c) {
		if fl.Name == "user" && fl.HasValue {
			if rootUser(fl.Value) {
				p.Report(flagFinding(p, c, fl, diagnostics.Low, "%s contains %q: the container runs as root under a rootful engine", c.opt("extraOptions"), fl.Text()))
			}
			flagged = true
		}
	}
	if flagged {
		return
	}
	up := c.path("user")
	defs := c.Sys.Effective(up...)
	if len(defs) == 0 {
		if c.Sys.MaybeSet(up...) {
			return
		}
		imgs := c.Sys.Effective(c.path("image")...)
		if len(imgs) == 0 {
			return
		}
		d := imgs[len(imgs)-1]
		f := At(p.Finding(d, "%s has no `user`: the image's default user (often root) runs under a rootful engine", JoinPath(c.Prefix)), nameNode(d, len(c.Prefix)-1))
		f.Severity = diagnostics.Info
		f.Confidence = diagnostics.Possible
		if fix, ok := AddSibling(d, c.path("user"), `"1000:1000"`, "Run as an unprivileged user (user = \"1000:1000\")", false); ok {
			f.Fixes = append(f.Fixes, fix)
		}
		p.Report(f)
		return
	}
	for _, d := range defs {
		u, ok := d.Value.Str()
		if !ok || d.Value.Kind != String || !rootUser(u) {
			continue
		}
		f := p.Finding(d, "%s = %q: the container runs as root under a rootful engine", c.opt("user"), u)
		f.Severity = diagnostics.Low
		if fix, ok := ReplaceValue(d, `"1000:1000"`, "Run as an unprivileged user (user = \"1000:1000\")", false); ok {
			f.Fixes = append(f.Fixes, fix)
		}
		p.Report(f)
	}
}

// ---------------------------------------------------------------------------

var ctr017 = &Rule{
	RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-CTR-017", Slug: "oci-container-unpinned-image", Title: "Unpinned container image",
		Category: catContainers, Severity: diagnostics.Low, MaxSeverity: diagnostics.Medium,
		Description: "An OCI container `image` without a digest (`@sha256:…`): medium with the tag `latest` or no " +
			"tag, or with `pull = \"always\"`/`\"newer\"`; low with a version tag. Containers loaded from " +
			"`imageFile`/`imageStream` and `localhost/` images are not reported.",
		Why: "The code that runs changes without a configuration change; a compromised registry or a moved tag " +
			"goes unnoticed, and the system is no longer reproducible from its Nix source.",
		Remediation: "Pin a digest (`image = \"docker.io/library/nginx:1.27@sha256:<digest>\";`) or build the image " +
			"with `pkgs.dockerTools` and set `imageFile`/`imageStream`; keep `pull = \"missing\"`.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{refOCIContainers, "https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier"},
		CWE:            []int{494, 829},
		Bad:            "virtualisation.oci-containers.containers.web.image = \"nginx:latest\";",
		Good:           "virtualisation.oci-containers.containers.web.image = \"nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\";",
		FalsePositives: "Local development images.",
	},
	Run: func(p *Pass) { runOCI(p, checkImage) },
}

// imageTag splits an image reference into its tag and digest.
func imageTag(img string) (tag, digest string) {
	ref := img
	if i := strings.Index(ref, "@"); i >= 0 {
		ref, digest = ref[:i], ref[i+1:]
	}
	last := ref
	if i := strings.LastIndex(ref, "/"); i >= 0 {
		last = ref[i+1:]
	}
	if i := strings.LastIndex(last, ":"); i >= 0 {
		tag = last[i+1:]
	}
	return tag, digest
}

func checkImage(p *Pass, c ociContainer) {
	for _, opt := range []string{"imageFile", "imageStream"} {
		if v, _, ok := c.Sys.Get(c.path(opt)...); ok && v.Kind != Null || c.Sys.MaybeSet(c.path(opt)...) && len(c.Sys.Effective(c.path(opt)...)) == 0 {
			return
		}
	}
	pull, pullDef, _ := strOpt(c.Sys, c.path("pull")...)
	for _, d := range c.Sys.Effective(c.path("image")...) {
		if d.Value.Kind != String {
			continue
		}
		img, known := d.Value.Str()
		if strings.Contains(img, "@sha256:") || strings.HasPrefix(img, "localhost/") {
			continue
		}
		if !known {
			continue // an interpolated tag or digest nixsec cannot see
		}
		tag, _ := imageTag(img)
		var f diagnostics.Finding
		switch tag {
		case "", "latest":
			what := "no tag (\"latest\")"
			if tag == "latest" {
				what = "the tag \"latest\""
			}
			f = p.Finding(d, "%s = %q has %s and no digest: the image can change without a configuration change", c.opt("image"), img, what)
			f.Severity = diagnostics.Medium
		default:
			f = p.Finding(d, "%s = %q is not pinned by digest: the tag %q can be moved", c.opt("image"), img, tag)
			f.Severity = diagnostics.Low
			if pull == "always" || pull == "newer" {
				f.Severity = diagnostics.Medium
			}
		}
		if pullDef != nil && (pull == "always" || pull == "newer") {
			f.Related = append(f.Related, relatedDef(pullDef, "pull = \""+pull+"\" fetches whatever the tag points to at every start"))
		}
		p.Report(f)
	}
}

func init() {
	Register(ctr008, ctr009, ctr010, ctr011, ctr012, ctr013, ctr014, ctr015, ctr016, ctr017)
}
