package analyzer

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Container rules (catalog D.3, NIXSEC-CTR-001..026): shared helpers.
// The NixOS-container rules (systemd-nspawn, `containers.<n>`) live in this
// file; OCI containers in rules_containers_oci.go; engines, groups, Incus,
// LXC and libvirt in rules_containers_engine.go.

const catContainers = "Containers"

const (
	refNixOSContainers = "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/virtualisation/nixos-containers.nix"
	refOCIContainers   = "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/virtualisation/oci-containers.nix"
	refDocker          = "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/virtualisation/docker.nix"
	refDockerRootless  = "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/virtualisation/docker-rootless.nix"
	refPodman          = "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/virtualisation/podman/default.nix"
	refContainersConf  = "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/virtualisation/containers.nix"
	refIncus           = "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/virtualisation/incus.nix"
	refLXC             = "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/virtualisation/lxc.nix"
	refLibvirtd        = "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/virtualisation/libvirtd.nix"
	refNspawn          = "https://www.freedesktop.org/software/systemd/man/latest/systemd-nspawn.html"
	refCapabilities    = "https://man7.org/linux/man-pages/man7/capabilities.7.html"
	refDockerRun       = "https://docs.docker.com/reference/cli/docker/container/run/"
	refPodmanRun       = "https://docs.podman.io/en/latest/markdown/podman-run.1.html"
	refDockerd         = "https://docs.docker.com/reference/cli/dockerd/"
	refDockerSecurity  = "https://docs.docker.com/engine/security/"
	refIncusSecurity   = "https://linuxcontainers.org/incus/docs/main/explanation/security/"
	refLXCConf         = "https://linuxcontainers.org/lxc/manpages/man5/lxc.container.conf.5.html"
)

// ctrSystems are the systems container rules look at: NixOS systems that
// are servers. A NixOS test node, a VM variant or an installer image is a
// throwaway machine; Home Manager and nix-darwin have no such options. A
// container guest (containers.<n>.config) is checked as its own system:
// its findings name it.
func ctrSystems(p *Pass) []*System {
	v := p.Shared("ctr.systems", func() any {
		var out []*System
		for _, s := range p.Systems() {
			if s.Context.IsTestOrVM() || !s.Context.IsNixOS() || s.Installer {
				continue
			}
			out = append(out, s)
		}
		return out
	})
	out := v.([]*System)
	return out[:len(out):len(out)]
}

// ociOf and nixosOf return ociContainers and nixosContainers of s,
// computed once per Analyze: every container rule asks for them.
func ociOf(p *Pass, s *System) []ociContainer {
	m := p.Shared("ctr.oci", func() any { return map[*System][]ociContainer{} }).(map[*System][]ociContainer)
	cs, ok := m[s]
	if !ok {
		cs = ociContainers(s)
		m[s] = cs
	}
	return cs[:len(cs):len(cs)]
}

func nixosOf(p *Pass, s *System) []nixosContainer {
	m := p.Shared("ctr.nixos", func() any { return map[*System][]nixosContainer{} }).(map[*System][]nixosContainer)
	cs, ok := m[s]
	if !ok {
		cs = nixosContainers(s)
		m[s] = cs
	}
	return cs[:len(cs):len(cs)]
}

// sub appends names to a path without aliasing.
func sub(base []string, names ...string) []string {
	return append(append([]string(nil), base...), names...)
}

// namesUnder returns the distinct names defined directly below prefix.
func namesUnder(s *System, prefix []string) []string {
	return s.Names(JoinPath(sub(prefix, "*")))
}

// defsUnder returns the active definitions at or below prefix.
func defsUnder(s *System, prefix []string) []*Definition {
	var out []*Definition
	for _, d := range s.Match(JoinPath(prefix)) {
		if d.Active() {
			out = append(out, d)
		}
	}
	return out
}

// boolOpt is the effective value of a boolean option: TriTrue/TriFalse when
// every active definition agrees, TriUnknown when they disagree or one is
// not known, and ok=false when nothing defines it. d is the definition to
// point at (the last true one for TriTrue).
func boolOpt(s *System, path ...string) (t Tri, d *Definition, ok bool) {
	defs := s.Effective(path...)
	if len(defs) == 0 {
		if s.MaybeSet(path...) {
			return TriUnknown, nil, true
		}
		return TriUnknown, nil, false
	}
	t = TriUnknown
	for i, x := range defs {
		var v Tri
		switch {
		case x.Value.IsBool(true):
			v = TriTrue
		case x.Value.IsBool(false):
			v = TriFalse
		default:
			return TriUnknown, x, true
		}
		if i == 0 {
			t = v
		} else if v != t {
			return TriUnknown, x, true
		}
		d = x
	}
	return t, d, true
}

// isTrue reports a boolean option that is (or may be) true, with the
// definition that makes it so. Possible definitions (under an unknown
// condition) count; their findings carry Possible confidence.
func trueDefs(s *System, path ...string) []*Definition {
	var out []*Definition
	for _, d := range s.Effective(path...) {
		if d.Value.IsBool(true) {
			out = append(out, d)
		}
	}
	return out
}

// strOpt is the effective string value of a single-valued option.
func strOpt(s *System, path ...string) (string, *Definition, bool) {
	v, d, ok := s.Get(path...)
	if !ok || v.Kind != String {
		return "", d, false
	}
	str, known := v.Str()
	return str, d, known
}

// listElem is one element of a list-valued definition, with the node that
// wrote it.
type listElem struct {
	Value Value
	Node  nixast.Node // where findings go: inside the definition's value
	Src   nixast.Node // where the element's value is written (a let binding…)
	Def   *Definition
}

// relatedSrc points at the element's value when it is written away from
// the definition (a let-bound list).
func (e listElem) relatedSrc() []diagnostics.Related {
	if e.Src.Valid() && !within(e.Src, e.Node) {
		return []diagnostics.Related{related(e.Src, "value written here")}
	}
	return nil
}

// listElems returns the elements of every active definition of a list
// option (lists from several modules concatenate).
func listElems(s *System, path ...string) []listElem {
	defs := s.Effective(path...)
	if len(defs) == 1 {
		return defElems(defs[0]) // the usual case, without a copy
	}
	var out []listElem
	for _, d := range defs {
		out = append(out, defElems(d)...)
	}
	return out
}

func defElems(d *Definition) []listElem {
	if d.Value.Kind != List {
		return nil
	}
	out := make([]listElem, 0, len(d.Value.List))
	// Prefer the element as written in the definition's list literal (a
	// variable naming a let-bound string is still that element).
	var written []nixast.Node
	if l := d.Node.Unparen(); l.Kind() == nixast.KindList {
		written = l.ChildrenOf(nixast.FieldElement)
		if len(written) != len(d.Value.List) {
			written = nil
		}
	}
	for i, v := range d.Value.List {
		n := v.Node
		if written != nil {
			n = written[i]
		}
		if !n.Valid() || !within(n, d.Node) {
			n = d.Node
		}
		out = append(out, listElem{Value: v, Node: n, Src: v.Node, Def: d})
	}
	return out
}

// isListElement reports whether n is written directly as an element of a
// list literal, so that removing it is a safe edit.
func isListElement(n nixast.Node) bool {
	return n.Valid() && n.Parent().Kind() == nixast.KindList && n.FieldName() == nixast.FieldElement
}

// removeElems removes one or more consecutive list elements.
func removeElems(title string, els ...nixast.Node) (diagnostics.Fix, bool) {
	fix := diagnostics.Fix{Title: title}
	for _, el := range els {
		if !isListElement(el) {
			return diagnostics.Fix{}, false
		}
		fix.Edits = append(fix.Edits, RemoveListElement(el, title, false).Edits...)
	}
	return fix, len(fix.Edits) > 0
}

// spanFinding locates f at the range covering nodes first..last.
func spanFinding(f diagnostics.Finding, first, last nixast.Node) diagnostics.Finding {
	f = At(f, first)
	if last.Valid() && last.File() == first.File() && last.End() > first.End() {
		f.Span.End = last.End()
	}
	return f
}

// within reports whether n lies inside outer (same file).
func within(n, outer nixast.Node) bool {
	return n.Valid() && outer.Valid() && n.File() == outer.File() && n.Start() >= outer.Start() && n.End() <= outer.End()
}

// related is a related location at node n.
func related(n nixast.Node, msg string) diagnostics.Related {
	return diagnostics.Related{Location: diagnostics.Location{Path: n.File().Path, Span: n.Span()}, Message: msg}
}

func relatedDef(d *Definition, msg string) diagnostics.Related {
	return diagnostics.Related{Location: d.Location(), Message: msg}
}

// plainString returns the text of a one-line "..." literal whose source
// text is exactly its value (no escapes, no interpolation), so an edit can
// rewrite it textually.
func plainString(n nixast.Node) (string, bool) {
	n = n.Unparen()
	if n.Kind() != nixast.KindString {
		return "", false
	}
	t := n.Text()
	if len(t) < 2 || t[0] != '"' || t[len(t)-1] != '"' {
		return "", false
	}
	inner := t[1 : len(t)-1]
	if strings.ContainsAny(inner, "\\$\"\n") {
		return "", false
	}
	return inner, true
}

// quote renders s as a Nix string literal.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "${", "\\${", "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// nameNode finds the source node that names path segment idx of d (for
// example the `web` of containers.web.autoStart), walking from d's binding
// up through the enclosing bindings. It returns d's key when the name is
// not written in the source (computed through a variable).
func nameNode(d *Definition, idx int) nixast.Node {
	if idx >= len(d.Path) {
		return d.Key
	}
	b := d.Binding
	end := len(d.Path)
	for b.Valid() {
		if b.Kind() == nixast.KindBinding {
			segs := nixast.AttrPath(b)
			start := end - len(segs)
			if start < 0 {
				break
			}
			if idx >= start && idx < end {
				s := segs[idx-start]
				if s.Static && s.Name == d.Path[idx] {
					return s.Node
				}
				break
			}
			end = start
		}
		b = b.Parent()
	}
	if d.Key.Valid() {
		return d.Key
	}
	return d.Node
}

// ---------------------------------------------------------------------------
// NixOS containers (containers.<name>)

// nixosContainer is one declarative NixOS container of system s.
type nixosContainer struct {
	Name   string
	Prefix []string // containers.<name>
	Sys    *System
	Guest  *System // the containers.<name>.config system, if any
}

func nixosContainers(s *System) []nixosContainer {
	seen := map[string]bool{}
	var out []nixosContainer
	for _, n := range namesUnder(s, []string{"containers"}) {
		seen[n] = true
		out = append(out, nixosContainer{Name: n, Prefix: []string{"containers", n}, Sys: s})
	}
	for _, ch := range s.Children {
		if ch.Context != NixOSContainer {
			continue
		}
		p := SplitPath(ch.Name)
		if len(p) != 2 || p[0] != "containers" {
			continue
		}
		if !seen[p[1]] {
			seen[p[1]] = true
			out = append(out, nixosContainer{Name: p[1], Prefix: p, Sys: s})
		}
	}
	for i := range out {
		for _, ch := range s.Children {
			if ch.Context == NixOSContainer && ch.Name == JoinPath(out[i].Prefix) {
				out[i].Guest = ch
			}
		}
	}
	// Only containers with an active definition exist.
	live := out[:0]
	for _, c := range out {
		active := len(defsUnder(s, c.Prefix)) > 0
		if !active && c.Guest != nil {
			for _, d := range c.Guest.Defs {
				if d.Active() {
					active = true
					break
				}
			}
		}
		if active {
			live = append(live, c)
		}
	}
	out = live
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (c nixosContainer) path(names ...string) []string { return sub(c.Prefix, names...) }

// anchor returns a definition written directly for this container (in the
// host system) that names it, for locating findings about missing
// settings and for adding sibling bindings.
func (c nixosContainer) anchor() *Definition {
	var best *Definition
	for _, d := range defsUnder(c.Sys, c.Prefix) {
		if best == nil || len(d.Path) < len(best.Path) {
			best = d
		}
	}
	return best
}

// nameLocation is the node naming the container: `web` in containers.web.
func (c nixosContainer) nameLocation() (nixast.Node, *Definition) {
	if d := c.anchor(); d != nil {
		return nameNode(d, 1), d
	}
	if c.Guest != nil && len(c.Guest.Defs) > 0 {
		d := c.Guest.Defs[0]
		// Walk up from the guest's first binding to the one that names the container.
		for b := d.Binding; b.Valid(); b = b.Parent() {
			if b.Kind() != nixast.KindBinding {
				continue
			}
			for _, s := range nixast.AttrPath(b) {
				if s.Static && s.Name == c.Name {
					return s.Node, nil
				}
			}
		}
		// The guest is a module of its own (`config = ./web.nix`): point at
		// the binding in the host that names it.
		for _, f := range c.Sys.Files {
			if n := guestNameNode(f, c.Name); n.Valid() && len(f.Errors) == 0 {
				return n, nil
			}
		}
		return d.Key, nil
	}
	return nixast.Node{}, nil
}

// containerFinding starts a finding about container c as a whole, located
// at its name.
func containerFinding(p *Pass, c nixosContainer, conf diagnostics.Confidence, format string, args ...any) (diagnostics.Finding, bool) {
	n, d := c.nameLocation()
	if !n.Valid() {
		return diagnostics.Finding{}, false
	}
	var f diagnostics.Finding
	if d != nil {
		f = p.Finding(d, format, args...)
		f.Related = nil
	} else {
		f = diagnostics.Finding{RuleID: p.Rule.ID, Severity: p.Rule.Severity, Message: sprintf(format, args...), System: c.Sys.Name}
	}
	f = At(f, n)
	if conf == diagnostics.Possible {
		f.Confidence = conf
	}
	return f, true
}

// addToContainer offers a fix adding `names = value;` to container c.
func addToContainer(c nixosContainer, names []string, value, title string, safe bool) (diagnostics.Fix, bool) {
	var anchors []*Definition
	for _, d := range defsUnder(c.Sys, c.Prefix) {
		if len(d.Path) == len(c.Prefix)+1 {
			anchors = append(anchors, d)
		}
	}
	for _, d := range anchors {
		if fix, ok := AddSibling(d, c.path(names...), value, title, safe); ok {
			return fix, true
		}
	}
	return diagnostics.Fix{}, false
}

// privateUsersOff reports whether container c runs without user
// namespacing: privateUsers unset, "no", "identity" or 0. The definition is
// nil when the default applies; known is false when nixsec cannot tell.
func privateUsersOff(c nixosContainer) (off bool, d *Definition, known bool) {
	p := c.path("privateUsers")
	defs := c.Sys.Effective(p...)
	if len(defs) == 0 {
		if c.Sys.MaybeSet(p...) {
			return false, nil, false
		}
		return true, nil, true
	}
	v, d, _ := c.Sys.Get(p...)
	switch {
	case v.IsStr("no"), v.IsStr("identity"):
		return true, d, true
	case v.Kind == Int && v.Int == 0:
		return true, d, true
	case v.IsStr("pick"), v.Kind == Int:
		return false, d, true
	}
	return false, d, false
}

// declared reports whether container c is declared in its system, rather
// than only extended: a host-side option set directly on it (autoStart,
// privateNetwork, ephemeral, …; `containers.web = { … }` sets those), or its
// guest configuration written as a whole (`containers.web.config = { … }` or
// `= ./web.nix`). A module that only adds a bind mount or one guest option
// (`containers.web.bindMounts."/x" = …`, `containers.web.config.a.b = …`)
// extends a container declared elsewhere, often in a module nixsec cannot
// see, so the defaults of options it leaves unset say nothing.
func declared(c nixosContainer) bool {
	for _, d := range defsUnder(c.Sys, c.Prefix) {
		if len(d.Path) == len(c.Prefix)+1 {
			return true
		}
	}
	if c.Guest == nil {
		return false
	}
	for _, f := range c.Sys.Files {
		if len(f.Errors) == 0 && writesGuestWhole(f, c.Name) {
			return true
		}
	}
	return false
}

// writesGuestWhole reports whether f has a binding whose full path (the
// names of the enclosing bindings, then its own) ends in
// containers.<name>.config.
func writesGuestWhole(f *nixast.File, name string) bool { return guestNameNode(f, name).Valid() }

// guestNameNode returns the node naming the container in the first binding
// of f whose full path ends in containers.<name>.config.
func guestNameNode(f *nixast.File, name string) nixast.Node {
	var found nixast.Node
	var walk func(n nixast.Node, prefix []string, names []nixast.Node, depth int)
	walk = func(n nixast.Node, prefix []string, names []nixast.Node, depth int) {
		if found.Valid() || depth > 64 {
			return
		}
		for ch := n.FirstChild(); ch.Valid() && !found.Valid(); ch = ch.NextSibling() {
			if ch.Kind() != nixast.KindBinding {
				walk(ch, prefix, names, depth+1)
				continue
			}
			full, nodes := prefix, names
			for _, s := range nixast.AttrPath(ch.Child(nixast.FieldAttrpath)) {
				full = append(full[:len(full):len(full)], s.Name)
				nodes = append(nodes[:len(nodes):len(nodes)], s.Node)
			}
			if k := len(full); k >= 3 && full[k-1] == "config" && full[k-2] == name && full[k-3] == "containers" {
				found = nodes[k-2]
				return
			}
			walk(ch.Child(nixast.FieldExpression), full, nodes, depth+1)
		}
	}
	walk(f.Root(), nil, nil, 0)
	return found
}

// privateNetworkOn reports whether container c certainly has its own
// network namespace (privateNetwork = true or networkNamespace set).
func privateNetworkOn(c nixosContainer) bool {
	if t, _, _ := boolOpt(c.Sys, c.path("privateNetwork")...); t == TriTrue {
		return true
	}
	if v, _, ok := c.Sys.Get(c.path("networkNamespace")...); ok && v.Kind != Null {
		return true
	}
	return false
}

// escalateNoUserns applies the catalog's Part E rule "CTR-002 (privateUsers
// no) + CTR-003/004/005/007 → critical" (capped by the rule's maximum).
func escalateNoUserns(p *Pass, f *diagnostics.Finding, c nixosContainer) {
	off, d, known := privateUsersOff(c)
	if !off || !known {
		return
	}
	f.Severity = p.Rule.MaxSeverity
	if strings.Contains(f.Message, "user namespacing off") {
		return
	}
	if d != nil {
		f.Related = append(f.Related, relatedDef(d, "container root is host root: privateUsers is "+d.Value.String()))
	} else {
		f.Message += " (and without user namespacing: container root is host root)"
	}
}

var dangerousCaps = map[string]diagnostics.Severity{
	"SYS_ADMIN": diagnostics.Critical, "SYS_MODULE": diagnostics.Critical, "SYS_RAWIO": diagnostics.Critical,
	"DAC_READ_SEARCH": diagnostics.Critical, "ALL": diagnostics.Critical,
	"SYS_PTRACE": diagnostics.High, "SYS_BOOT": diagnostics.High, "BPF": diagnostics.High, "PERFMON": diagnostics.High,
	"MKNOD": diagnostics.High, "SYS_TIME": diagnostics.High, "NET_ADMIN": diagnostics.High,
	"DAC_OVERRIDE": diagnostics.High, "SETFCAP": diagnostics.High,
}

// normCap normalizes a capability name: upper case, no CAP_ prefix.
func normCap(c string) string {
	c = strings.ToUpper(strings.TrimSpace(c))
	return strings.TrimPrefix(c, "CAP_")
}

// sensitivity of a host path mounted read-write into a container.
type pathRisk struct {
	Severity diagnostics.Severity
	What     string
}

// engineSockets are API sockets of root daemons (CTR-011).
var engineSockets = []string{
	"/var/run/docker.sock", "/run/docker.sock", "/run/podman/podman.sock", "/var/run/podman/podman.sock",
	"/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock",
	"/var/lib/incus/unix.socket", "/var/lib/lxd/unix.socket", "/var/snap/lxd/common/lxd/unix.socket",
	"/nix/var/nix/daemon-socket/socket", "/nix/var/nix/daemon-socket",
	"/run/libvirt/libvirt-sock", "/var/run/libvirt/libvirt-sock", "/run/crio/crio.sock", "/var/run/crio/crio.sock",
}

// engineSocket reports whether host path p is a container-engine or Nix
// daemon socket (or the directory that holds it).
func engineSocket(p string) (string, bool) {
	p = cleanPath(p)
	for _, s := range engineSockets {
		if p == s {
			return s, true
		}
	}
	if strings.HasPrefix(p, "/run/user/") && strings.HasSuffix(p, "/podman/podman.sock") {
		return p, true
	}
	if p == "/var/run/docker" || p == "/run/podman" || p == "/run/containerd" {
		return p, true
	}
	return "", false
}

func cleanPath(p string) string {
	if p == "" || p[0] != '/' {
		return p
	}
	return path.Clean(p)
}

// under reports whether p is dir or below it.
func under(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+"/")
}

// hostPathRisk classifies a host path mounted writable (CTR-005, CTR-012).
// ok is false for paths that are not sensitive.
func hostPathRisk(p string) (pathRisk, bool) {
	p = cleanPath(p)
	switch {
	case p == "/":
		return pathRisk{diagnostics.Critical, "the whole host file system"}, true
	case p == "/etc":
		return pathRisk{diagnostics.Critical, "host configuration"}, true
	case p == "/root" || under(p, "/root"):
		return pathRisk{diagnostics.Critical, "root's home directory"}, true
	case p == "/nix" || p == "/nix/store" || under(p, "/nix/var"):
		return pathRisk{diagnostics.Critical, "the Nix store or Nix state"}, true
	case under(p, "/etc/ssh"), under(p, "/etc/nixos"), p == "/etc/shadow", p == "/etc/passwd", p == "/etc/group",
		under(p, "/etc/sudoers"), under(p, "/etc/sudoers.d"), under(p, "/etc/pam.d"), under(p, "/etc/systemd"):
		return pathRisk{diagnostics.High, "host credentials or configuration"}, true
	case under(p, "/boot"):
		return pathRisk{diagnostics.High, "the boot partition"}, true
	case p == "/home":
		return pathRisk{diagnostics.High, "every user's home directory"}, true
	case p == "/run" || p == "/var/run":
		return pathRisk{diagnostics.High, "host runtime state and daemon sockets"}, true
	case p == "/var/lib" || under(p, "/var/lib/sops-nix") || under(p, "/var/lib/docker") || under(p, "/var/lib/containers"):
		return pathRisk{diagnostics.High, "host service state"}, true
	case under(p, "/run/secrets"), under(p, "/run/agenix"):
		return pathRisk{diagnostics.High, "host secrets"}, true
	case p == "/dev", under(p, "/sys"), under(p, "/proc"):
		return pathRisk{diagnostics.High, "kernel and device interfaces"}, true
	}
	return pathRisk{}, false
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
