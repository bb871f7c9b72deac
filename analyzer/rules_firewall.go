package analyzer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Firewall rules (catalog D.1, NIXSEC-FW-*) and the helpers the firewall and
// network-service families share: which systems are servers, whether a
// port is open, whether the firewall is off, and decoding of embedded
// strings (iptables/nftables rules, pg_hba lines, NFS exports) with exact
// source ranges.

const fwRef = "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/services/networking/firewall.nix"

// ---------------------------------------------------------------------------
// Systems and contexts

// nwServer reports whether s is a system whose network exposure matters:
// not a NixOS test node or VM variant, not an installer image, not a Home
// Manager, nix-darwin or flake nixConfig context.
func nwServer(s *System) bool {
	switch s.Context {
	case HomeManager, Darwin, FlakeConfig:
		return false
	}
	return !s.Throwaway()
}

// nwContainerGuest reports a NixOS container guest: containers.<n>.config, or
// a system that says boot.isContainer = true (also conditionally).
func nwContainerGuest(s *System) bool {
	if s.ContainerGuest() {
		return true
	}
	for _, d := range s.Effective("boot", "isContainer") {
		if d.Value.IsBool(true) {
			return true
		}
	}
	return false
}

// nwIsolatedGuest reports a container guest with its own network namespace
// (containers.<n>.privateNetwork = true on the host): its listeners are not
// on the host's interfaces.
func nwIsolatedGuest(s *System) bool {
	if s.Context != NixOSContainer || s.Parent == nil {
		return false
	}
	path := append(SplitPath(s.Name), "privateNetwork")
	for _, d := range s.Parent.Effective(path...) {
		if d.Value.IsBool(true) && d.Confidence() == diagnostics.Definite {
			return true
		}
	}
	return false
}

// nwContainerOnly reports a definition guarded by `mkIf config.boot.isContainer`
// (or the then-branch of `if config.boot.isContainer`): it applies only
// when the system is a container guest.
func nwContainerOnly(d *Definition) bool {
	for _, c := range d.Conditions {
		t := strings.Join(strings.Fields(c.Node.Unparen().Text()), "")
		if !c.Else && (t == "config.boot.isContainer" || t == "config.boot.isNspawnContainer") {
			return true
		}
	}
	return false
}

// nwState is what nixsec knows about a boolean option.
type nwState uint8

const (
	nwNo    nwState = iota // not set (or set to false)
	nwMaybe                // set in a way nixsec cannot resolve, or conditionally
	nwYes                  // set to true for certain
)

// nwBool returns whether option path is true in s, and the definition
// that makes it so. A conditional or unresolved definition gives nwMaybe.
func nwBool(s *System, path ...string) (nwState, *Definition) {
	st, at := nwNo, (*Definition)(nil)
	for _, d := range s.Effective(path...) {
		switch {
		case d.Value.IsBool(true) && d.Confidence() == diagnostics.Definite:
			return nwYes, d
		case d.Value.IsBool(true) || (d.Value.Kind == Unknown):
			st, at = nwMaybe, d
		}
	}
	if st == nwNo && s.MaybeSet(path...) {
		for i := len(path) - 1; i >= 1; i-- {
			for _, d := range s.Lookup(path[:i]...) {
				if d.Active() && d.Opaque {
					return nwMaybe, d
				}
			}
		}
	}
	return st, at
}

// nwFalse returns a definition setting path to false for certain.
func nwFalse(s *System, path ...string) *Definition {
	for _, d := range s.Effective(path...) {
		if d.Value.IsBool(false) && d.Confidence() == diagnostics.Definite {
			return d
		}
	}
	return nil
}

// nwFirewallOff returns the definition that certainly disables the NixOS
// firewall, unless firewalld replaces it.
func nwFirewallOff(s *System) *Definition {
	d := nwFalse(s, "networking", "firewall", "enable")
	if d == nil || d.Status != Effective {
		return nil
	}
	if st, _ := nwBool(s, "services", "firewalld", "enable"); st != nwNo {
		return nil
	}
	return d
}

// nwFirewallMaybeOff reports whether any active definition disables the firewall.
func nwFirewallMaybeOff(s *System) bool {
	for _, d := range s.Effective("networking", "firewall", "enable") {
		if d.Value.IsBool(false) {
			return true
		}
	}
	return false
}

// nwPortOpen finds port in the global allowed{TCP,UDP}Ports (or a range)
// of s. It returns the definition and the element that opens it.
func nwPortOpen(s *System, proto string, port int64) (*Definition, nixast.Node, bool) {
	for _, d := range s.Effective("networking", "firewall", "allowed"+proto+"Ports") {
		els := nwListElements(d)
		for i, v := range d.Value.List {
			if v.Kind == Int && v.Int == port {
				return d, els[i], true
			}
		}
	}
	for _, d := range s.Effective("networking", "firewall", "allowed"+proto+"PortRanges") {
		els := nwListElements(d)
		for i, v := range d.Value.List {
			from, ok1 := nwIntAttr(v, "from")
			to, ok2 := nwIntAttr(v, "to")
			if ok1 && ok2 && from <= port && port <= to {
				return d, els[i], true
			}
		}
	}
	return nil, nixast.Node{}, false
}

// nwListElements returns, for a list-valued definition, the node of each
// element: the element of the list literal written at the definition when
// there is one, else the node the element's value came from.
func nwListElements(d *Definition) []nixast.Node {
	out := make([]nixast.Node, len(d.Value.List))
	var lits []nixast.Node
	if n := d.Node.Unparen(); n.Kind() == nixast.KindList {
		lits = n.ChildrenOf(nixast.FieldElement)
	}
	for i, v := range d.Value.List {
		if len(lits) == len(d.Value.List) {
			out[i] = lits[i]
		} else {
			out[i] = v.Node
		}
		if !out[i].Valid() {
			out[i] = d.Node
		}
	}
	return out
}

// nwDirectElement reports whether el is an element of the list literal
// written at d (so a fix may remove it).
func nwDirectElement(d *Definition, el nixast.Node) bool {
	n := d.Node.Unparen()
	if n.Kind() != nixast.KindList {
		return false
	}
	for _, e := range n.ChildrenOf(nixast.FieldElement) {
		if e.Index() == el.Index() {
			return true
		}
	}
	return false
}

func nwIntAttr(v Value, name string) (int64, bool) {
	if v.Kind != Attrs {
		return 0, false
	}
	a, ok := v.Attr(name)
	if !ok || a.Kind != Int {
		return 0, false
	}
	return a.Int, true
}

// nwRelated points at another definition.
func nwRelated(d *Definition, format string, args ...any) diagnostics.Related {
	return diagnostics.Related{Location: d.Location(), Message: fmt.Sprintf(format, args...)}
}

func nwRelatedNode(n nixast.Node, format string, args ...any) diagnostics.Related {
	return diagnostics.Related{Location: diagnostics.Location{Path: n.File().Path, Span: n.Span()}, Message: fmt.Sprintf(format, args...)}
}

// nwWeaken lowers the finding's confidence when a definition it depends on
// (an enable switch) is itself only possibly in effect.
func nwWeaken(f *diagnostics.Finding, ds ...*Definition) {
	for _, d := range ds {
		if d == nil {
			continue
		}
		if d.Confidence() == diagnostics.Possible || !d.Value.Known() {
			f.Confidence = diagnostics.Possible
		}
	}
}

// nwOverrides adds related locations for the definitions d overrides (an
// mkForce over a secure setting elsewhere).
func nwOverrides(f *diagnostics.Finding, d *Definition) {
	for _, o := range d.System.Lookup(d.Path...) {
		if o != d && o.Status == Overridden && o.By == d {
			f.Related = append(f.Related, nwRelated(o, "%s = %s here is overridden", o.PathString(), o.Value))
		}
	}
}

// nwFinding starts a finding at definition d (see Pass.Finding) and adds
// the definitions d overrides as related locations.
func nwFinding(p *Pass, d *Definition, format string, args ...any) diagnostics.Finding {
	f := p.Finding(d, format, args...)
	nwOverrides(&f, d)
	return f
}

// nwAtSpan narrows a finding to a source span of file path.
func nwAtSpan(f diagnostics.Finding, path string, sp nixast.Span) diagnostics.Finding {
	f.Path, f.Span = path, sp
	return f
}

// ---------------------------------------------------------------------------
// Embedded strings with exact source ranges

// nwText is a decoded string value with, for each decoded byte, the source
// range that produced it. Interpolations nixsec cannot resolve are a single
// NUL byte.
type nwText struct {
	text       string
	starts     []int
	ends       []int
	path       string
	exact      bool // ranges are per byte (the value is a string literal)
	whole      nixast.Span
	hasUnknown bool
}

// nwDecode decodes the string value of definition d.
func nwDecode(d *Definition) (nwText, bool) {
	return nwDecodeValue(d.Value, d.Node)
}

func nwDecodeValue(v Value, fallback nixast.Node) (nwText, bool) {
	if v.Kind != String {
		return nwText{}, false
	}
	n := v.Node
	if k := n.Kind(); n.Valid() && (k == nixast.KindString || k == nixast.KindIndentedString) && !n.HasError() {
		if t, ok := nwAlign(v, n); ok {
			return t, true
		}
		t := nwText{path: n.File().Path, exact: true, whole: n.Span()}
		var b strings.Builder
		for _, p := range nixast.StringParts(n) {
			if p.IsInterpolation() {
				b.WriteByte(0)
				t.starts = append(t.starts, p.Span.Start)
				t.ends = append(t.ends, p.Span.End)
				t.hasUnknown = true
				continue
			}
			for i := 0; i < len(p.Text); i++ {
				sp := p.SourceSpan(i, i+1)
				t.starts = append(t.starts, sp.Start)
				t.ends = append(t.ends, sp.End)
			}
			b.WriteString(p.Text)
		}
		t.text = b.String()
		return t, true
	}
	// A computed string: decoded text, located at the whole value.
	if !fallback.Valid() {
		fallback = n
	}
	if !fallback.Valid() {
		return nwText{}, false
	}
	t := nwText{path: fallback.File().Path, whole: fallback.Span()}
	var b strings.Builder
	for _, p := range v.Parts {
		if p.Known {
			b.WriteString(p.Text)
		} else {
			b.WriteByte(0)
			t.hasUnknown = true
		}
	}
	t.text = b.String()
	return t, true
}

// nwAlign lays the evaluated text of a string literal (interpolations the
// evaluator resolved included, unresolved ones as NUL) over the literal's
// parts, so that every byte keeps a source range: literal bytes their own,
// interpolated bytes the whole ${…}. It fails when the parts cannot be
// matched unambiguously.
func nwAlign(v Value, n nixast.Node) (nwText, bool) {
	var full strings.Builder
	for _, p := range v.Parts {
		if p.Known {
			full.WriteString(p.Text)
		} else {
			full.WriteByte(0)
		}
	}
	ft := full.String()
	parts := nixast.StringParts(n)
	t := nwText{path: n.File().Path, exact: true, whole: n.Span(), text: ft}
	cur := 0
	for i, p := range parts {
		if !p.IsInterpolation() {
			if !strings.HasPrefix(ft[cur:], p.Text) {
				return nwText{}, false
			}
			for j := 0; j < len(p.Text); j++ {
				sp := p.SourceSpan(j, j+1)
				t.starts = append(t.starts, sp.Start)
				t.ends = append(t.ends, sp.End)
			}
			cur += len(p.Text)
			continue
		}
		// The interpolation covers the text up to the next literal part.
		end := len(ft)
		if i+1 < len(parts) {
			if parts[i+1].IsInterpolation() {
				return nwText{}, false // two adjacent interpolations: ambiguous
			}
			k := strings.Index(ft[cur:], parts[i+1].Text)
			if k < 0 || parts[i+1].Text == "" {
				return nwText{}, false
			}
			end = cur + k
		}
		if strings.IndexByte(ft[cur:end], 0) >= 0 {
			t.hasUnknown = true
		}
		for j := cur; j < end; j++ {
			t.starts = append(t.starts, p.Span.Start)
			t.ends = append(t.ends, p.Span.End)
		}
		cur = end
	}
	if cur != len(ft) || len(t.starts) != len(ft) {
		return nwText{}, false
	}
	return t, true
}

// span maps the decoded range [i, j) to source.
func (t nwText) span(i, j int) nixast.Span {
	if !t.exact || len(t.starts) == 0 {
		return t.whole
	}
	i = min(max(i, 0), len(t.starts)-1)
	j = min(max(j, i+1), len(t.ends))
	return nixast.Span{Start: t.starts[i], End: t.ends[j-1]}
}

// verbatim reports whether decoded [i, j) is written literally in the
// source (no escapes, no interpolation), so a fix may replace it with plain
// text.
func (t nwText) verbatim(src []byte, i, j int) bool {
	if !t.exact || i < 0 || j > len(t.text) || i >= j {
		return false
	}
	sp := t.span(i, j)
	return sp.End-sp.Start == j-i && string(src[sp.Start:sp.End]) == t.text[i:j]
}

// nwLine is one line of an embedded text: its decoded start offset and text.
type nwLine struct {
	off  int
	text string
}

// lines splits the text into lines (shell continuations are joined by the
// caller that needs them).
func (t nwText) lines() []nwLine {
	var out []nwLine
	start := 0
	for i := 0; i <= len(t.text); i++ {
		if i == len(t.text) || t.text[i] == '\n' {
			out = append(out, nwLine{off: start, text: t.text[start:i]})
			start = i + 1
		}
	}
	return out
}

// nwTrimmed returns the decoded range of the line's text without comment
// and surrounding space.
func nwTrimmed(l nwLine, comment byte) (int, int) {
	s := l.text
	if comment != 0 {
		if i := strings.IndexByte(s, comment); i >= 0 {
			s = s[:i]
		}
	}
	a := len(s) - len(strings.TrimLeft(s, " \t\r"))
	b := len(strings.TrimRight(s, " \t\r"))
	if b < a {
		b = a
	}
	return l.off + a, l.off + b
}

// nwField is a whitespace-separated token of a line with its decoded offset.
type nwField struct {
	off  int
	text string
}

func nwFields(s string, base int) []nwField {
	var out []nwField
	i := 0
	for i < len(s) {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
			i++
		}
		if i >= len(s) {
			break
		}
		j := i
		if s[i] == '"' || s[i] == '\'' {
			q := s[i]
			j++
			for j < len(s) && s[j] != q {
				j++
			}
			if j < len(s) {
				j++
			}
		}
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '\r' {
			j++
		}
		out = append(out, nwField{off: base + i, text: s[i:j]})
		i = j
	}
	return out
}

// nwStringFix replaces decoded text [i, j) of t with plain text, when that
// part is written verbatim.
func nwStringFix(t nwText, src []byte, i, j int, text, title string, safe bool) (diagnostics.Fix, bool) {
	if !t.verbatim(src, i, j) || strings.ContainsAny(text, "\"\\$'") {
		return diagnostics.Fix{}, false
	}
	sp := t.span(i, j)
	return diagnostics.Fix{Title: title, Safe: safe, Edits: []diagnostics.Edit{{
		Location: diagnostics.Location{Path: t.path, Span: sp}, NewText: text}}}, true
}

// nwSrc returns the source of the file a text comes from.
func nwSrc(d *Definition, t nwText) []byte {
	if n := d.Value.Node; n.Valid() && n.File().Path == t.path {
		return n.File().Src
	}
	return d.File.Src
}

// ---------------------------------------------------------------------------
// Addresses

// nwLoopback reports an address (host, host:port, URL) that is loopback only.
func nwLoopback(a string) bool {
	a = strings.TrimSpace(strings.ToLower(a))
	a = strings.TrimPrefix(a, "-")
	if i := strings.Index(a, "://"); i >= 0 {
		a = a[i+3:]
		if j := strings.IndexByte(a, '/'); j >= 0 {
			a = a[:j]
		}
	}
	a = strings.Trim(a, "[]")
	if h, _, ok := strings.Cut(a, "]:"); ok {
		a = strings.TrimPrefix(h, "[")
	} else if strings.Count(a, ":") == 1 {
		a, _, _ = strings.Cut(a, ":")
	}
	return a == "localhost" || a == "::1" || strings.HasPrefix(a, "127.") || a == "0:0:0:0:0:0:0:1"
}

// nwAllInterfaces reports a wildcard listen address.
func nwAllInterfaces(a string) bool {
	a = strings.TrimSpace(strings.ToLower(a))
	a = strings.TrimPrefix(a, "-")
	if i := strings.Index(a, "://"); i >= 0 {
		a = a[i+3:]
		if j := strings.IndexByte(a, '/'); j >= 0 {
			a = a[:j]
		}
	}
	if strings.HasPrefix(a, "[") {
		if j := strings.IndexByte(a, ']'); j >= 0 {
			a = a[1:j]
		}
	} else if strings.Count(a, ":") == 1 {
		a, _, _ = strings.Cut(a, ":")
	}
	switch a {
	case "0.0.0.0", "::", "*", "", "0:0:0:0:0:0:0:0", "::0", "0.0.0.0/0", "::/0":
		return true
	}
	return false
}

// ---------------------------------------------------------------------------
// Rule metadata

var (
	FirewallDisabled = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-FW-001", Slug: "firewall-disabled", Title: "Firewall disabled",
		Category: "Firewall", Severity: diagnostics.High, MaxSeverity: diagnostics.Critical,
		Description: "`networking.firewall.enable` is set to `false` (plainly, through `mkForce`/`mkDefault`, or inside `mkIf`) on a NixOS host, " +
			"and neither firewalld nor a custom nftables ruleset replaces it.",
		Why: "The NixOS firewall is a stateful default-drop filter for inbound connections. Without it every listening socket, " +
			"including services that bind to all interfaces by default or are added later, is reachable from the network. " +
			"The finding is critical when the same system also runs something that answers without authentication beyond " +
			"loopback (Redis, MongoDB, PostgreSQL trust, memcached, …) or sshd with password authentication.",
		Remediation: "Remove the definition or set `networking.firewall.enable = true;` and open only the ports that must be public " +
			"with `networking.firewall.allowedTCPPorts`, or per interface with `networking.firewall.interfaces.<if>.allowedTCPPorts`.",
		FixClass:   diagnostics.FixSuggest,
		References: []string{fwRef, "https://nixos.org/manual/nixos/stable/#sec-firewall", "https://cisofy.com/lynis/controls/FIRE-4590/"},
		CWE:        []int{284},
		Bad:        "networking.firewall.enable = false;",
		Good:       "networking.firewall.enable = true;\nnetworking.firewall.allowedTCPPorts = [ 22 443 ];",
		FalsePositives: "Not reported in NixOS container guests (`containers.<n>.config`, `boot.isContainer = true`, or under `mkIf config.boot.isContainer`), where the host filters " +
			"and a guest firewall without a private network would rewrite the host's tables; in NixOS test nodes and VM variants; " +
			"in installer images; when `services.firewalld.enable = true`; and when `networking.nftables` carries a custom ruleset " +
			"(NIXSEC-FW-002 checks that instead). Hosts behind a cloud security group are still reported: nixsec cannot see it.",
	}}

	NftablesNoDropPolicy = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-FW-002", Slug: "nftables-input-accepts", Title: "Custom nftables ruleset without default-drop input policy",
		Category: "Firewall", Severity: diagnostics.High, MaxSeverity: diagnostics.High,
		Description: "The NixOS firewall is disabled and replaced by a hand-written `networking.nftables.ruleset` (or `networking.nftables.tables.<t>.content`) " +
			"whose `type filter hook input` chain neither has `policy drop` nor ends with an unconditional `drop`/`reject`, or that has no input chain at all.",
		Why: "nftables base chains accept by default. A ruleset without a dropping input chain filters nothing inbound: it is " +
			"equivalent to a disabled firewall, but harder to spot in review.",
		Remediation: "Re-enable the NixOS firewall (`networking.firewall.enable = true;` keeps the nftables backend when `networking.nftables.enable = true`) " +
			"and move custom accepts to `networking.firewall.extraInputRules`; or give the input chain `policy drop;` together with " +
			"`ct state established,related accept` and `iifname \"lo\" accept`.",
		FixClass:   diagnostics.FixSuggest,
		References: []string{"https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/services/networking/nftables.nix", "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/services/networking/firewall-nftables.nix", "https://wiki.nftables.org/wiki-nftables/index.php/Configuring_chains"},
		CWE:        []int{284},
		Bad:        "networking.firewall.enable = false;\nnetworking.nftables = {\n  enable = true;\n  ruleset = ''\n    table inet filter {\n      chain input {\n        type filter hook input priority 0; policy accept;\n      }\n    }\n  '';\n};",
		Good:       "networking.nftables.ruleset = ''\n  table inet filter {\n    chain input {\n      type filter hook input priority 0; policy drop;\n      iifname \"lo\" accept\n      ct state established,related accept\n      tcp dport 22 accept\n    }\n  }\n'';",
		FalsePositives: "A chain whose last rule is an unconditional `drop` (as in the nftables module's own example) counts as dropping. " +
			"Rulesets from `rulesetFile`, `include` directives or unresolved interpolations are not judged. Filtering done by an upstream router is invisible here.",
	}}

	FirewallAcceptAll = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-FW-003", Slug: "firewall-raw-accept-all", Title: "Raw rules that accept everything",
		Category: "Firewall", Severity: diagnostics.High, MaxSeverity: diagnostics.High,
		Description: "A line of `networking.firewall.extraCommands` (iptables backend) sets the INPUT policy to ACCEPT, flushes the filter table or the `nixos-fw` chain, " +
			"or appends an ACCEPT (`-j ACCEPT`, `-j nixos-fw-accept`) to INPUT/`nixos-fw` without a source, port or interface qualifier; or a line of " +
			"`networking.firewall.extraInputRules`/`extraForwardRules` (nftables backend) accepts without qualifiers (`accept`, `meta l4proto tcp accept`, " +
			"`ip saddr 0.0.0.0/0 accept`, `tcp dport 0-65535 accept`).",
		Why:         "One unqualified accept in the allow chain neutralizes the whole firewall: every port becomes reachable.",
		Remediation: "Qualify the rule by source and port, e.g. `ip saddr 192.168.1.0/24 tcp dport 9100 accept` (nftables) or `iptables -A nixos-fw -s 192.168.1.0/24 -p tcp --dport 9100 -j nixos-fw-accept`.",
		FixClass:    diagnostics.FixSuggest,
		References:  []string{"https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/services/networking/firewall-iptables.nix", "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/services/networking/firewall-nftables.nix", "https://cisofy.com/lynis/controls/FIRE-4508/"},
		CWE:         []int{284},
		Bad:         "networking.firewall.extraCommands = ''\n  iptables -A nixos-fw -j nixos-fw-accept\n'';",
		Good:        "networking.firewall.extraCommands = ''\n  iptables -A nixos-fw -s 192.168.1.0/24 -p tcp --dport 9100 -j nixos-fw-accept\n'';",
		FalsePositives: "Rules qualified by an interface are left to review unless the interface is a physical, wireless or wildcard one (`eth0`, `wlan0`, `en+`); " +
			"a VPN interface (`wg0`) is not reported. Lines with unresolved interpolations in the deciding parts are not judged. Not reported when the firewall is disabled (NIXSEC-FW-001).",
	}}

	FirewallWideRange = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-FW-004", Slug: "firewall-wide-port-range", Title: "Wide port ranges opened",
		Category: "Firewall", Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "`networking.firewall.allowedTCPPortRanges`/`allowedUDPPortRanges` hold a range `{ from = A; to = B; }` spanning 1000 ports or more, " +
			"or covering a sensitive service port (see NIXSEC-FW-005); also `allowedTCPPorts = lib.range A B` with such a span.",
		Why: "A wide range exposes every present and future listener in it (debug ports, databases, ephemeral services) instead of the few intended ports.",
		Remediation: "Narrow the range to the documented ports of the service, or scope it to a private interface: " +
			"`networking.firewall.interfaces.\"wg0\".allowedUDPPortRanges = [ … ];`.",
		FixClass:   diagnostics.FixSuggest,
		References: []string{fwRef},
		CWE:        []int{284},
		Bad:        "networking.firewall.allowedTCPPortRanges = [ { from = 1000; to = 65535; } ];",
		Good:       "networking.firewall.allowedTCPPortRanges = [ { from = 1714; to = 1764; } ];",
		FalsePositives: "Media/VoIP servers (RTP ranges such as 10000-20000 UDP), passive FTP and game servers need ranges: review and suppress. " +
			"Interface-scoped ranges (`networking.firewall.interfaces.<if>`) are not reported. Severity is high when the span is 10000 or more, " +
			"covers all of 1-1024, or includes a port of an unauthenticated-by-default service.",
	}}

	FirewallSensitivePort = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-FW-005", Slug: "firewall-sensitive-port", Title: "Sensitive or management ports opened globally",
		Category: "Firewall", Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "The global `networking.firewall.allowedTCPPorts`/`allowedUDPPorts` (not interface-scoped) contain a database, cluster, " +
			"remote-desktop, file-sharing or management port: Docker API 2375/2376, etcd 2379/2380, Kubernetes 6443/10250/10255, MySQL 3306, PostgreSQL 5432, " +
			"Redis 6379, memcached 11211, MongoDB 27017, Elasticsearch 9200/9300, CouchDB 5984, InfluxDB 8086, Prometheus 9090/9100, Grafana 3000, Ollama 11434, " +
			"VNC 5900-5910, RDP 3389, SMB 139/445, rpcbind/NFS 111/2049, FTP 21, telnet 23, TFTP 69/udp, SNMP 161-162/udp, IPMI 623/udp, admin UIs 8080/8443, " +
			"MinIO/Portainer 9000/9001, Docker registry 5000, IPP 631.",
		Why: "These services are often unauthenticated or weakly authenticated by default and should be reachable from trusted networks only.",
		Remediation: "Open the port on a trusted interface only (`networking.firewall.interfaces.\"wg0\".allowedTCPPorts = [ 5432 ];`) or with a " +
			"source-restricted `networking.firewall.extraInputRules` line, and bind the service to localhost or the VPN address.",
		FixClass:   diagnostics.FixSuggest,
		References: []string{fwRef, "https://dev-sec.io/baselines/linux/", "https://cisofy.com/lynis/controls/DBS-1888/"},
		CWE:        []int{284, 668},
		Bad:        "networking.firewall.allowedTCPPorts = [ 22 6379 ];",
		Good:       "networking.firewall.allowedTCPPorts = [ 22 ];\nnetworking.firewall.interfaces.\"wg0\".allowedTCPPorts = [ 6379 ];",
		FalsePositives: "A host whose only non-loopback interface is a private or VPN network cannot be recognized statically. Ports shared by many " +
			"web applications (3000, 5000, 8080, 8443, 9000, 9001) are reported as possible. High for services without authentication by default " +
			"(2375, 2379, 10250, 6379, 11211, 27017, 9200, 11434, VNC, 111, 23, 69/udp, 161/udp), medium otherwise, and medium when the same " +
			"system configures the service with authentication (Redis with a password, MongoDB with `enableAuth`, etcd with client certificates).",
	}}

	FirewallTrustedInterfaces = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-FW-006", Slug: "firewall-broad-trusted-interface", Title: "Broad trusted interfaces",
		Category: "Firewall", Severity: diagnostics.Info, MaxSeverity: diagnostics.High,
		Description: "`networking.firewall.trustedInterfaces` lists a physical or wireless interface (`eth*`, `en*`, `wl*`, `ww*`), a wildcard " +
			"(`eth+`, `*`), a container bridge (`docker0`, `br-*`, `virbr*`, `ve-*`) or a VPN interface (`tailscale0`, `wg*`).",
		Why: "Traffic from a trusted interface is accepted unconditionally on every port, bypassing all per-port rules. Trusting the uplink " +
			"turns the firewall off for the network it faces; trusting a container bridge lets every container reach every host port.",
		Remediation: "Remove the interface and open specific ports on it: `networking.firewall.interfaces.\"<if>\".allowedTCPPorts = [ … ];`.",
		FixClass:    diagnostics.FixSuggest,
		References:  []string{fwRef, "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/services/networking/firewall-nftables.nix"},
		CWE:         []int{284},
		Bad:         "networking.firewall.trustedInterfaces = [ \"eth0\" ];",
		Good:        "networking.firewall.interfaces.\"eth0\".allowedTCPPorts = [ 443 ];",
		FalsePositives: "Severity depends on the name: high for physical, wireless and wildcard names; low for container bridges; info for VPN " +
			"interfaces (a single-user tailnet or a dedicated back-end network is often fine). `lo` and unrecognized names are not reported.",
	}}

	FirewallReversePath = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-FW-007", Slug: "firewall-rpfilter-disabled", Title: "Reverse-path filtering disabled",
		Category: "Firewall", Severity: diagnostics.Low, MaxSeverity: diagnostics.Medium,
		Description: "`networking.firewall.checkReversePath = false`.",
		Why: "Without the reverse-path check, packets with spoofed source addresses are accepted, which bypasses source-based rules " +
			"and helps reflection attacks. Medium on hosts that route (NAT or IP forwarding enabled).",
		Remediation: "Use `networking.firewall.checkReversePath = \"loose\";`, which keeps asymmetric, VPN and policy routing working, or `true`.",
		FixClass:    diagnostics.FixAuto,
		References:  []string{fwRef, "https://dev-sec.io/baselines/linux/"},
		CWE:         []int{290},
		Bad:         "networking.firewall.checkReversePath = false;",
		Good:        "networking.firewall.checkReversePath = \"loose\";",
		FalsePositives: "Asymmetric routing, WireGuard full tunnels, Tailscale exit nodes and policy routing need a relaxed check: the module " +
			"documentation recommends \"loose\" there, which is not reported. The kernel `rp_filter` sysctl is checked by the kernel rules.",
	}}

	FirewallPingUnlimited = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-FW-008", Slug: "firewall-ping-unlimited", Title: "ICMP echo allowed without rate limit",
		Category: "Firewall", Severity: diagnostics.Info, MaxSeverity: diagnostics.Info,
		Description:    "`networking.firewall.allowPing = true` is set explicitly and `networking.firewall.pingLimit` is not.",
		Why:            "Unlimited ICMPv4 echo replies ease host discovery and ICMP floods. ICMPv6 echo is always allowed by the module.",
		Remediation:    "Set `networking.firewall.pingLimit = \"--limit 1/minute --limit-burst 5\";` (iptables) or `\"2/second\"` (nftables), or `allowPing = false` where ping is not needed.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{fwRef},
		Bad:            "networking.firewall.allowPing = true;",
		Good:           "networking.firewall.allowPing = true;\nnetworking.firewall.pingLimit = \"--limit 1/minute --limit-burst 5\";",
		FalsePositives: "Monitoring that relies on ICMP. The default (`allowPing` unset) is not reported.",
	}}

	FirewallNoLogging = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-FW-009", Slug: "firewall-refused-logging-off", Title: "Refused-connection logging disabled",
		Category: "Firewall", Severity: diagnostics.Info, MaxSeverity: diagnostics.Info,
		Description: "`networking.firewall.logRefusedConnections = false` is set explicitly.",
		Why:         "Without logs of refused connections, scans and brute-force attempts leave no trace on the host.",
		Remediation: "Set `networking.firewall.logRefusedConnections = true;` where kernel logs are shipped and rotated; keep `logRefusedPackets = false`.",
		FixClass:    diagnostics.FixSuggest,
		References:  []string{fwRef, "https://github.com/NixOS/nixpkgs/pull/507761", "https://cisofy.com/lynis/controls/FIRE-4586/"},
		Bad:         "networking.firewall.logRefusedConnections = false;",
		Good:        "networking.firewall.logRefusedConnections = true;",
		FalsePositives: "nixpkgs made `false` the default in 2026 (PR #507761) because the logs flood the kernel ring buffer on internet-facing " +
			"servers; an unset option is therefore not reported, whatever the nixpkgs revision.",
	}}

	FirewallRejects = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-FW-010", Slug: "firewall-rejects-packets", Title: "Refused packets rejected instead of dropped",
		Category: "Firewall", Severity: diagnostics.Info, MaxSeverity: diagnostics.Info,
		Description:    "`networking.firewall.rejectPackets = true`.",
		Why:            "Rejecting answers every probe with an ICMP error or TCP RST; in the module's words it \"makes port scanning somewhat easier\".",
		Remediation:    "Remove the setting or set it to `false` (the default drops refused packets).",
		FixClass:       diagnostics.FixAuto,
		References:     []string{fwRef},
		Bad:            "networking.firewall.rejectPackets = true;",
		Good:           "networking.firewall.rejectPackets = false;",
		FalsePositives: "Internal networks where fast failure is preferred.",
	}}

	FirewallConntrackHelpers = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-FW-011", Slug: "firewall-conntrack-helpers", Title: "Connection-tracking helpers auto-loaded",
		Category: "Firewall", Severity: diagnostics.Medium, MaxSeverity: diagnostics.Medium,
		Description: "`networking.firewall.autoLoadConntrackHelpers = true`, or `networking.firewall.connectionTrackingModules` lists helpers (ftp, sip, irc, h323, pptp, snmp, …).",
		Why: "Connection-tracking helpers parse untrusted payloads and open related ports dynamically (NAT slipstreaming-class attacks); " +
			"the module itself warns that helpers \"can pose as a security risk\".",
		Remediation: "Remove both options (defaults `false` and `[ ]`); where a helper is required, attach it explicitly with a CT target rule for the specific port.",
		FixClass:    diagnostics.FixAuto,
		References:  []string{fwRef, "https://home.regit.org/netfilter-en/secure-use-of-helpers/"},
		CWE:         []int{284},
		Bad:         "networking.firewall.autoLoadConntrackHelpers = true;",
		Good:        "networking.firewall.autoLoadConntrackHelpers = false;",
		FalsePositives: "FTP/SIP gateways that need a helper (attach it with an explicit CT rule instead). Kernel 6.0 removed helper autoloading " +
			"and the module asserts against it there.",
	}}

	FirewallNoForwardFilter = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-FW-012", Slug: "firewall-forward-unfiltered", Title: "Forwarding/NAT enabled without forward filtering",
		Category: "Firewall", Severity: diagnostics.Info, MaxSeverity: diagnostics.Medium,
		Description: "The host forwards packets (`networking.nat.enable = true`, `boot.kernel.sysctl.\"net.ipv4.ip_forward\"`/`\"net.ipv4.conf.all.forwarding\"` = 1, " +
			"or `services.tailscale.useRoutingFeatures` = \"server\"/\"both\") while forward filtering is off (`networking.firewall.filterForward` " +
			"is not `true` with the nftables backend). Reported as low; a Tailscale subnet router or exit node as info (the tailnet's access " +
			"controls decide who uses its routes); `networking.nat.forwardPorts` entries raise it to medium.",
		Why: "The NixOS firewall filters INPUT only by default: routed and DNATed traffic is not covered by `allowedTCPPorts`, so every " +
			"forwarded destination and published port is reachable.",
		Remediation: "Set `networking.nftables.enable = true; networking.firewall.filterForward = true;` and allow the required flows with `networking.firewall.extraForwardRules`.",
		FixClass:    diagnostics.FixSuggest,
		References:  []string{fwRef, "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/services/networking/firewall-nftables.nix", "https://dev-sec.io/baselines/linux/"},
		CWE:         []int{284},
		Bad:         "networking.nat = {\n  enable = true;\n  externalInterface = \"eth0\";\n  internalInterfaces = [ \"ve-+\" ];\n};",
		Good:        "networking.nat.enable = true;\nnetworking.nftables.enable = true;\nnetworking.firewall.filterForward = true;",
		FalsePositives: "Dedicated routers with their own forward policy (e.g. a custom nftables ruleset), Docker hosts (Docker manages the FORWARD chain) " +
			"and Kubernetes nodes (`services.k3s.enable`, `services.rke2.enable`, `services.kubernetes.roles`: the network plugin manages it) " +
			"are not reported. Not reported when the firewall is disabled (NIXSEC-FW-001).",
	}}

	FirewallOpenSensitive = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-FW-013", Slug: "open-firewall-sensitive-service", Title: "openFirewall (or equivalent) on sensitive services",
		Category: "Firewall", Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "An enabled service whose port should not be public opens it on all interfaces: `openFirewall = true` on Redis servers, " +
			"Prometheus exporters, Ollama, Open WebUI, etcd, a Docker registry, Node-RED, Samba, Cockpit, xrdp, Home Assistant, Jellyfin, Plex, " +
			"AdGuard Home, qBittorrent and *arr apps, Transmission's `openRPCPort`.",
		Why: "`openFirewall` adds the port to the global allow list, so it is reachable from every network the host is on. Several of these " +
			"services have no authentication by default (exporters leak host data, Ollama has no auth, Redis without `requirePass`).",
		Remediation: "Set `openFirewall = false;`, open the port only on a trusted interface (`networking.firewall.interfaces.\"wg0\".allowedTCPPorts = [ <port> ];`) " +
			"and bind the service to 127.0.0.1 or the VPN address.",
		FixClass:   diagnostics.FixSuggest,
		References: []string{fwRef, "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/services/databases/redis.nix", "https://github.com/NixOS/nixpkgs/tree/master/nixos/modules/services/monitoring/prometheus/exporters"},
		CWE:        []int{284, 668},
		Bad:        "services.prometheus.exporters.node = {\n  enable = true;\n  openFirewall = true;\n};",
		Good:       "services.prometheus.exporters.node.enable = true;\nnetworking.firewall.interfaces.\"wg0\".allowedTCPPorts = [ 9100 ];",
		FalsePositives: "Public-by-design services (web, mail, game servers, SSH, Syncthing's sync ports, Transmission's peer port) are not in the list. " +
			"High for services without authentication by default (exporters, Ollama, etcd, registry, Node-RED, Redis without a password), medium otherwise. " +
			"etcd with `clientCertAuth = true` is medium. Not reported when the service is not enabled, when the firewall is disabled (NIXSEC-FW-001), or inside container guests with a private network.",
	}}
)

func init() {
	FirewallDisabled.Run = runFirewallDisabled
	NftablesNoDropPolicy.Run = runNftablesNoDrop
	FirewallAcceptAll.Run = runFirewallAcceptAll
	FirewallWideRange.Run = runFirewallWideRange
	FirewallSensitivePort.Run = runFirewallSensitivePort
	FirewallTrustedInterfaces.Run = runFirewallTrusted
	FirewallReversePath.Run = runFirewallReversePath
	FirewallPingUnlimited.Run = runFirewallPing
	FirewallNoLogging.Run = runFirewallLogging
	FirewallRejects.Run = runFirewallRejects
	FirewallConntrackHelpers.Run = runFirewallConntrack
	FirewallNoForwardFilter.Run = runFirewallForward
	FirewallOpenSensitive.Run = runFirewallOpenSensitive
	Register(FirewallDisabled, NftablesNoDropPolicy, FirewallAcceptAll, FirewallWideRange, FirewallSensitivePort,
		FirewallTrustedInterfaces, FirewallReversePath, FirewallPingUnlimited, FirewallNoLogging, FirewallRejects,
		FirewallConntrackHelpers, FirewallNoForwardFilter, FirewallOpenSensitive)
}

// fwHostSystems are the systems the firewall rules judge: servers that are
// not container guests (the host filters for those).
func fwHostSystems(p *Pass) []*System {
	var out []*System
	for _, s := range p.Systems() {
		if nwServer(s) && !nwContainerGuest(s) {
			out = append(out, s)
		}
	}
	return out
}

// fwEnabled reports whether the firewall may be on (no certain `false`).
func fwEnabled(s *System) bool { return nwFirewallOff(s) == nil }

func fwPath(name ...string) []string { return append([]string{"networking", "firewall"}, name...) }

// ---------------------------------------------------------------------------
// FW-001

// fwCustomNftables reports whether networking.nftables carries a custom
// ruleset (then FW-002 judges the host instead of FW-001).
func fwCustomNftables(s *System) bool {
	if st, _ := nwBool(s, "networking", "nftables", "enable"); st == nwNo {
		return false
	}
	for _, d := range s.Effective("networking", "nftables", "ruleset") {
		if t, ok := d.Value.Str(); !ok || strings.TrimSpace(t) != "" {
			return true
		}
	}
	if len(s.Effective("networking", "nftables", "rulesetFile")) > 0 {
		return true
	}
	for _, d := range s.Match("networking.nftables.tables") {
		if d.Active() {
			return true
		}
	}
	return false
}

func runFirewallDisabled(p *Pass) {
	for _, s := range fwHostSystems(p) {
		if st, _ := nwBool(s, "services", "firewalld", "enable"); st != nwNo {
			continue
		}
		if fwCustomNftables(s) {
			continue
		}
		for _, d := range s.Effective(fwPath("enable")...) {
			if !d.Value.IsBool(false) || nwContainerOnly(d) {
				continue
			}
			f := nwFinding(p, d, "networking.firewall.enable is set to false: the host accepts every inbound connection")
			if exps := nwExposures(s); len(exps) > 0 {
				f.Severity = diagnostics.Critical
				names := make([]string, 0, len(exps))
				for _, e := range exps {
					names = append(names, e.what)
					if e.def != nil {
						f.Related = append(f.Related, nwRelated(e.def, "%s", e.what))
					}
				}
				f.Message = fmt.Sprintf("networking.firewall.enable is set to false while %s: the host accepts every inbound connection", nwJoin(names))
			}
			if fix, ok := ReplaceValue(d, "true", "Enable the firewall (then open the required ports)", false); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}

func nwJoin(xs []string) string {
	xs = nwUniq(xs)
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func nwUniq(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// FW-002: nftables ruleset parsing

// nftChain is one chain of a ruleset.
type nftChain struct {
	name      string
	off       int  // decoded offset of `chain`
	hookInput bool // type filter hook input
	hookFwd   bool // type filter hook forward
	hookOff   int  // decoded range of the hook statement
	hookEnd   int
	policy    string // "accept", "drop" or ""
	polOff    int
	polEnd    int
	lastRule  []string // tokens of the last rule
	unknown   bool     // an unresolved interpolation in the header or last rule
}

// nftStmt is a statement: its tokens and decoded range.
type nftStmt struct {
	toks       []string
	start, end int
}

// parseNftables reads the chains of an nftables ruleset (or a table body).
// It reports false when the text cannot be judged (include directives,
// unresolved interpolations standing alone).
func parseNftables(text string) ([]nftChain, bool) {
	// Tokenize with offsets; comments run to the end of the line.
	type tok struct {
		s   string
		off int
	}
	var toks []tok
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case c == '\n' || c == ';' || c == '{' || c == '}':
			toks = append(toks, tok{string(c), i})
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '\\' && i+1 < len(text) && text[i+1] == '\n':
			i += 2
		default:
			j := i
			if c == '"' {
				j++
				for j < len(text) && text[j] != '"' && text[j] != '\n' {
					j++
				}
				if j < len(text) && text[j] == '"' {
					j++
				}
			} else {
				for j < len(text) && !strings.ContainsRune(" \t\r\n;{}#", rune(text[j])) {
					j++
				}
			}
			toks = append(toks, tok{text[i:j], i})
			i = j
		}
	}
	var chains []nftChain
	type frame struct {
		kind  string // "table", "chain", "other", "inline"
		chain int
	}
	var stack []frame
	var cur []tok
	inChain := func() int {
		for i := len(stack) - 1; i >= 0; i-- {
			switch stack[i].kind {
			case "chain":
				return stack[i].chain
			case "other":
				return -1
			}
		}
		return -1
	}
	inline := func() bool { return len(stack) > 0 && stack[len(stack)-1].kind == "inline" }
	flush := func(endOff int) bool {
		if len(cur) == 0 {
			return true
		}
		st := nftStmt{start: cur[0].off, end: endOff}
		for _, t := range cur {
			st.toks = append(st.toks, t.s)
		}
		cur = cur[:0]
		if st.toks[0] == "include" {
			return false
		}
		if len(st.toks) == 1 && st.toks[0] == "\x00" {
			return false // an interpolation may hold whole chains
		}
		ci := inChain()
		if ci < 0 {
			return true
		}
		ch := &chains[ci]
		unknown := strings.Contains(strings.Join(st.toks, " "), "\x00")
		switch st.toks[0] {
		case "type":
			for k := 0; k+1 < len(st.toks); k++ {
				if st.toks[k] == "hook" && st.toks[k+1] == "input" && len(st.toks) > 1 && st.toks[1] == "filter" {
					ch.hookInput, ch.hookOff, ch.hookEnd = true, st.start, st.end
				}
				if st.toks[k] == "hook" && st.toks[k+1] == "forward" && len(st.toks) > 1 && st.toks[1] == "filter" {
					ch.hookFwd = true
				}
			}
			if unknown {
				ch.unknown = true
			}
		case "policy":
			if len(st.toks) > 1 {
				ch.policy, ch.polOff, ch.polEnd = strings.TrimSuffix(st.toks[1], ";"), st.start, st.end
			}
			if unknown {
				ch.unknown = true
			}
		default:
			ch.lastRule = st.toks
		}
		return true
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.s {
		case "\n", ";":
			if inline() {
				continue
			}
			if !flush(t.off) {
				return nil, false
			}
		case "{":
			if len(cur) > 0 && !inline() {
				switch cur[0].s {
				case "table":
					stack = append(stack, frame{kind: "table"})
					cur = cur[:0]
					continue
				case "chain":
					name := ""
					if len(cur) > 1 {
						name = cur[1].s
					}
					chains = append(chains, nftChain{name: name, off: cur[0].off})
					stack = append(stack, frame{kind: "chain", chain: len(chains) - 1})
					cur = cur[:0]
					continue
				}
				if inChain() >= 0 {
					// an anonymous set or verdict map inside a rule
					stack = append(stack, frame{kind: "inline"})
					cur = append(cur, t)
					continue
				}
				stack = append(stack, frame{kind: "other"})
				cur = cur[:0]
				continue
			}
			if inline() || (len(cur) > 0) {
				stack = append(stack, frame{kind: "inline"})
				cur = append(cur, t)
				continue
			}
			stack = append(stack, frame{kind: "other"})
		case "}":
			if inline() {
				stack = stack[:len(stack)-1]
				cur = append(cur, t)
				continue
			}
			if !flush(t.off) {
				return nil, false
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		default:
			cur = append(cur, t)
		}
	}
	if !flush(len(text)) {
		return nil, false
	}
	return chains, true
}

// nftVerdictOnly strips counters, logging and comments from a rule and
// returns what is left.
func nftMatchTokens(toks []string) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		switch toks[i] {
		case "counter":
			for i+2 < len(toks) && (toks[i+1] == "packets" || toks[i+1] == "bytes") {
				i += 2
			}
			continue
		case "log":
			for i+1 < len(toks) && (toks[i+1] == "prefix" || toks[i+1] == "level" || toks[i+1] == "flags" || toks[i+1] == "group") {
				i += 2
			}
			continue
		case "comment":
			i++
			continue
		}
		out = append(out, toks[i])
	}
	return out
}

// drops reports whether the chain refuses what no rule accepted.
func (c nftChain) drops() bool {
	if c.policy == "drop" {
		return true
	}
	m := nftMatchTokens(c.lastRule)
	return len(m) >= 1 && (m[0] == "drop" || m[0] == "reject")
}

func runNftablesNoDrop(p *Pass) {
	for _, s := range fwHostSystems(p) {
		var off *Definition
		for _, d := range s.Effective(fwPath("enable")...) {
			if d.Value.IsBool(false) && !nwContainerOnly(d) {
				off = d
			}
		}
		if off == nil {
			continue
		}
		if st, _ := nwBool(s, "networking", "nftables", "enable"); st == nwNo {
			continue
		}
		if st, _ := nwBool(s, "services", "firewalld", "enable"); st != nwNo {
			continue
		}
		if len(s.Effective("networking", "nftables", "rulesetFile")) > 0 {
			continue // not visible here
		}
		type src struct {
			d    *Definition
			t    nwText
			name string
		}
		var srcs []src
		unknown := false
		for _, d := range s.Effective("networking", "nftables", "ruleset") {
			t, ok := nwDecode(d)
			if !ok {
				unknown = true
				continue
			}
			if strings.TrimSpace(t.text) != "" {
				srcs = append(srcs, src{d, t, "networking.nftables.ruleset"})
			}
		}
		for _, d := range s.Match("networking.nftables.tables") {
			if !d.Active() {
				continue
			}
			if len(d.Path) != 5 || d.Path[4] != "content" {
				if len(d.Path) < 5 {
					unknown = true // a whole table given by an expression
				}
				continue
			}
			if en := nwFalse(s, "networking", "nftables", "tables", d.Path[3], "enable"); en != nil {
				continue
			}
			t, ok := nwDecode(d)
			if !ok {
				unknown = true
				continue
			}
			srcs = append(srcs, src{d, t, d.PathString()})
		}
		if unknown || len(srcs) == 0 {
			continue
		}
		var inputs []struct {
			src
			c nftChain
		}
		judged := true
		for _, sr := range srcs {
			chains, ok := parseNftables(sr.t.text)
			if !ok {
				judged = false
				break
			}
			for _, c := range chains {
				if c.hookInput {
					if c.unknown {
						judged = false
					}
					inputs = append(inputs, struct {
						src
						c nftChain
					}{sr, c})
				}
			}
		}
		if !judged {
			continue
		}
		dropping := false
		for _, in := range inputs {
			if in.c.drops() {
				dropping = true
			}
		}
		if dropping {
			continue
		}
		fix, hasFix := ReplaceValue(off, "true", "Re-enable the NixOS firewall (nftables backend)", false)
		if len(inputs) == 0 {
			sr := srcs[0]
			f := nwFinding(p, sr.d, "%s has no `type filter hook input` chain and networking.firewall.enable is false: inbound traffic is not filtered", sr.name)
			nwWeaken(&f, off)
			f.Related = append(f.Related, nwRelated(off, "the NixOS firewall is disabled here"))
			if hasFix {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
			continue
		}
		for _, in := range inputs {
			f := nwFinding(p, in.d, "")
			nwWeaken(&f, off)
			if in.c.policy == "accept" {
				f = nwAtSpan(f, in.t.path, in.t.span(in.c.polOff, in.c.polEnd))
				f.Message = fmt.Sprintf("input chain %q of %s has `policy accept` and networking.firewall.enable is false: inbound traffic not matched by a rule is accepted", in.c.name, in.name)
				if k := strings.Index(in.t.text[in.c.polOff:in.c.polEnd], "accept"); k >= 0 {
					at := in.c.polOff + k
					if pf, ok := nwStringFix(in.t, nwSrc(in.d, in.t), at, at+len("accept"), "drop", "Drop inbound traffic no rule accepts (policy drop)", false); ok {
						f.Fixes = append(f.Fixes, pf)
					}
				}
			} else {
				f = nwAtSpan(f, in.t.path, in.t.span(in.c.hookOff, in.c.hookEnd))
				f.Message = fmt.Sprintf("input chain %q of %s has no `policy drop` and no final drop rule, and networking.firewall.enable is false: inbound traffic not matched by a rule is accepted", in.c.name, in.name)
			}
			f.Related = append(f.Related, nwRelated(off, "the NixOS firewall is disabled here"))
			if hasFix {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}

// ---------------------------------------------------------------------------
// FW-003: raw accept-all rules

// nwIfaceClass classifies an interface name for FW-003 and FW-006.
type nwIfaceClass uint8

const (
	ifUnknown nwIfaceClass = iota
	ifLoopback
	ifPhysical // physical, wireless or wildcard
	ifBridge   // container/VM bridges
	ifVPN
)

func nwClassifyIface(name string) nwIfaceClass {
	n := strings.Trim(strings.ToLower(name), "\"' ")
	switch {
	case n == "lo":
		return ifLoopback
	case n == "*" || n == "+" || n == "" || strings.HasSuffix(n, "+") && !nwBridgeName(strings.TrimSuffix(n, "+")) && !nwVPNName(strings.TrimSuffix(n, "+")) || strings.HasSuffix(n, "*") && !nwBridgeName(strings.TrimSuffix(n, "*")) && !nwVPNName(strings.TrimSuffix(n, "*")):
		return ifPhysical
	case nwBridgeName(n):
		return ifBridge
	case nwVPNName(n):
		return ifVPN
	}
	for _, pfx := range []string{"eth", "en", "wl", "ww"} {
		if strings.HasPrefix(n, pfx) {
			return ifPhysical
		}
	}
	return ifUnknown
}

func nwBridgeName(n string) bool {
	for _, pfx := range []string{"docker", "br-", "virbr", "podman", "cni", "lxdbr", "incusbr", "ve-", "vb-", "veth", "vnet", "cali", "flannel", "kube", "vmnet", "lxcbr"} {
		if strings.HasPrefix(n, pfx) {
			return true
		}
	}
	return false
}

func nwVPNName(n string) bool {
	for _, pfx := range []string{"tailscale", "wg", "zt", "tun", "tap", "nebula", "ygg", "netbird", "wt", "headscale", "innernet", "mullvad", "ppp"} {
		if strings.HasPrefix(n, pfx) {
			return true
		}
	}
	return false
}

// iptVerdict judges one iptables command line; it returns a reason when
// the line opens everything.
func iptAcceptAll(fields []string) (string, bool) {
	if len(fields) == 0 {
		return "", false
	}
	cmd := fields[0]
	if i := strings.LastIndexByte(cmd, '/'); i >= 0 {
		cmd = cmd[i+1:]
	}
	switch cmd {
	case "iptables", "ip6tables", "ip46tables", "iptables-legacy", "ip6tables-legacy", "iptables-nft", "ip6tables-nft":
	default:
		return "", false
	}
	table := "filter"
	var op, chain, target, policy string
	qualified := false
	iface := ""
	for i := 1; i < len(fields); i++ {
		a := fields[i]
		next := func() string {
			if i+1 < len(fields) {
				i++
				return fields[i]
			}
			return ""
		}
		switch a {
		case "-t", "--table":
			table = next()
		case "-P", "--policy":
			op, chain, policy = "P", next(), next()
		case "-F", "--flush":
			op = "F"
			if i+1 < len(fields) && !strings.HasPrefix(fields[i+1], "-") {
				chain = next()
			}
		case "-A", "--append", "-I", "--insert":
			op, chain = "A", next()
		case "-j", "--jump", "-g", "--goto":
			target = next()
		case "-i", "--in-interface":
			iface = next()
		case "-s", "--source", "--src":
			v := next()
			if !nwAllInterfaces(v) {
				qualified = true
			}
		case "-p", "--protocol":
			next() // a protocol alone still accepts every port
		case "!":
			qualified = true
		case "-m", "--match":
			m := next()
			if m != "comment" && m != "tcp" && m != "udp" && m != "multiport" {
				qualified = true
			}
		case "--comment":
			next()
		case "-w", "--wait":
			if i+1 < len(fields) && !strings.HasPrefix(fields[i+1], "-") {
				next()
			}
		default:
			if strings.HasPrefix(a, "-") {
				qualified = true // --dport, -d, --ctstate, --icmp-type, …
				if i+1 < len(fields) && !strings.HasPrefix(fields[i+1], "-") {
					i++
				}
			}
		}
		if strings.Contains(a, "\x00") {
			return "", false
		}
	}
	if table != "filter" {
		return "", false
	}
	inputChain := chain == "INPUT" || chain == "nixos-fw"
	switch op {
	case "P":
		if chain == "INPUT" && policy == "ACCEPT" {
			return "sets the INPUT policy to ACCEPT", true
		}
	case "F":
		if chain == "" {
			return "flushes every chain of the filter table", true
		}
		if inputChain {
			return "flushes chain " + chain, true
		}
	case "A":
		if !inputChain || (target != "ACCEPT" && target != "nixos-fw-accept") || qualified {
			return "", false
		}
		if iface != "" {
			if c := nwClassifyIface(iface); c != ifPhysical {
				return "", false
			}
			return fmt.Sprintf("accepts everything arriving on %s", iface), true
		}
		return "accepts every packet in chain " + chain, true
	}
	return "", false
}

// nftAcceptAll judges one nftables rule of extraInputRules/extraForwardRules.
func nftAcceptAll(toks []string) (string, bool) {
	m := nftMatchTokens(toks)
	if len(m) == 0 || m[len(m)-1] != "accept" {
		return "", false
	}
	m = m[:len(m)-1]
	iface := ""
	for i := 0; i < len(m); {
		rest := m[i:]
		switch {
		case len(rest) >= 3 && rest[0] == "meta" && (rest[1] == "l4proto" || rest[1] == "nfproto"):
			i += 3
			if rest[2] == "{" {
				for i < len(m) && m[i-1] != "}" {
					i++
				}
			}
		case len(rest) >= 3 && (rest[0] == "ip" && rest[1] == "protocol" || rest[0] == "ip6" && rest[1] == "nexthdr"):
			i += 3
		case len(rest) >= 3 && (rest[0] == "ip" || rest[0] == "ip6") && (rest[1] == "saddr" || rest[1] == "daddr") && nwAllInterfaces(rest[2]):
			i += 3
		case len(rest) >= 3 && (rest[0] == "tcp" || rest[0] == "udp" || rest[0] == "th") && rest[1] == "dport" && (rest[2] == "0-65535" || rest[2] == "1-65535"):
			i += 3
		case len(rest) >= 2 && (rest[0] == "iifname" || rest[0] == "iif") && !strings.Contains(rest[1], "\x00"):
			iface = rest[1]
			i += 2
		default:
			return "", false
		}
	}
	if iface != "" {
		if nwClassifyIface(iface) != ifPhysical {
			return "", false
		}
		return "accepts everything arriving on " + strings.Trim(iface, "\""), true
	}
	return "accepts every packet without qualifiers", true
}

func runFirewallAcceptAll(p *Pass) {
	for _, s := range fwHostSystems(p) {
		if !fwEnabled(s) {
			continue
		}
		for _, opt := range []string{"extraCommands", "extraInputRules", "extraForwardRules"} {
			for _, d := range s.Effective(fwPath(opt)...) {
				t, ok := nwDecode(d)
				if !ok {
					continue
				}
				lines := t.lines()
				for li := 0; li < len(lines); li++ {
					l := lines[li]
					if opt == "extraCommands" {
						// join shell line continuations
						text, off := l.text, l.off
						for strings.HasSuffix(strings.TrimRight(text, " \t\r"), "\\") && li+1 < len(lines) {
							li++
							text = strings.TrimSuffix(strings.TrimRight(text, " \t\r"), "\\") + " " + lines[li].text
						}
						a, b := nwTrimmed(nwLine{off: off, text: text}, '#')
						shown := strings.TrimSpace(text)
						if i := strings.IndexByte(shown, '#'); i >= 0 {
							shown = strings.TrimSpace(shown[:i])
						}
						for _, cmd := range nwShellCommands(text) {
							fs := nwFields(cmd, 0)
							words := make([]string, 0, len(fs))
							for _, f := range fs {
								words = append(words, strings.Trim(f.text, "\"'"))
							}
							if len(words) > 0 && words[0] == "#" || len(words) > 0 && strings.HasPrefix(words[0], "#") {
								break
							}
							if why, bad := iptAcceptAll(words); bad {
								f := nwFinding(p, d, "networking.firewall.extraCommands line %s %s, which opens the firewall to every connection", fmtQuote(shown), why)
								end := b
								if li > 0 && lines[li].off > a {
									_, end = nwTrimmed(lines[li], '#')
								}
								f = nwAtSpan(f, t.path, t.span(a, end))
								p.Report(f)
								break
							}
						}
						continue
					}
					a, b := nwTrimmed(l, '#')
					if a >= b {
						continue
					}
					for _, stmt := range strings.Split(t.text[a:b], ";") {
						toks := strings.Fields(stmt)
						if why, bad := nftAcceptAll(toks); bad {
							f := nwFinding(p, d, "networking.firewall.%s rule %s %s: every port is reachable", opt, fmtQuote(strings.TrimSpace(stmt)), why)
							f = nwAtSpan(f, t.path, t.span(a, b))
							p.Report(f)
							break
						}
					}
				}
			}
		}
	}
}

// nwShellCommands splits a shell line into its simple commands: a comment
// ends the line; `;`, `&&`, `||` and `|` separate commands.
func nwShellCommands(line string) []string {
	var out []string
	cur := 0
	quote := byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			out = append(out, line[cur:i])
			return out
		case c == ';' || c == '|' || c == '&':
			out = append(out, line[cur:i])
			for i+1 < len(line) && (line[i+1] == '|' || line[i+1] == '&') {
				i++
			}
			cur = i + 1
		}
	}
	return append(out, line[cur:])
}

func fmtQuote(s string) string {
	s = strings.ReplaceAll(s, "\x00", "${…}")
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return "`" + s + "`"
}

// ---------------------------------------------------------------------------
// FW-004 / FW-005: ports

type nwSensitive struct {
	name string
	high bool
	web  bool // a port shared by many web applications: possible only
}

// nwSensitivePorts are FW-005's ports by protocol.
var nwSensitivePorts = map[string]map[int64]nwSensitive{
	"TCP": {
		2375: {"the Docker API", true, false}, 2376: {"the Docker API (TLS)", false, false},
		2379: {"etcd", true, false}, 2380: {"etcd peer traffic", false, false},
		6443: {"the Kubernetes API", false, false}, 10250: {"the kubelet API", true, false}, 10255: {"the kubelet read-only API", false, false},
		3306: {"MySQL/MariaDB", false, false}, 5432: {"PostgreSQL", false, false}, 6379: {"Redis", true, false},
		11211: {"memcached", true, false}, 27017: {"MongoDB", true, false}, 9200: {"Elasticsearch/OpenSearch", true, false},
		9300: {"Elasticsearch transport", false, false}, 5984: {"CouchDB", false, false}, 8086: {"InfluxDB", false, false},
		9090: {"Prometheus", false, false}, 9100: {"the Prometheus node exporter", false, false}, 3000: {"Grafana", false, true},
		11434: {"Ollama", true, false}, 3389: {"RDP", false, false}, 445: {"SMB", false, false}, 139: {"NetBIOS/SMB", false, false},
		111: {"rpcbind", true, false}, 2049: {"NFS", false, false}, 21: {"FTP", false, false}, 23: {"telnet", true, false},
		8080: {"an admin UI", false, true}, 8443: {"an admin UI", false, true}, 9000: {"MinIO/Portainer", false, true},
		9001: {"the MinIO console", false, true}, 5000: {"a Docker registry", false, true}, 631: {"IPP/CUPS", false, false},
	},
	"UDP": {
		11211: {"memcached", true, false}, 111: {"rpcbind", true, false}, 69: {"TFTP", true, false}, 161: {"SNMP", true, false},
		162: {"SNMP traps", false, false}, 623: {"IPMI", false, false}, 2049: {"NFS", false, false}, 631: {"IPP/CUPS browsing", false, false},
		137: {"NetBIOS", false, false}, 138: {"NetBIOS", false, false},
	},
}

// nwSensitiveList returns FW-005's ports of proto in ascending order.
func nwSensitiveList(proto string) []int64 {
	var out []int64
	for p := range nwSensitivePorts[proto] {
		out = append(out, p)
	}
	if proto == "TCP" {
		for p := int64(5900); p <= 5910; p++ {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func nwSensitivePort(proto string, port int64) (nwSensitive, bool) {
	if proto == "TCP" && port >= 5900 && port <= 5910 {
		return nwSensitive{"VNC", true, false}, true
	}
	x, ok := nwSensitivePorts[proto][port]
	return x, ok
}

func runFirewallSensitivePort(p *Pass) {
	for _, s := range fwHostSystems(p) {
		if !fwEnabled(s) {
			continue
		}
		for _, proto := range []string{"TCP", "UDP"} {
			for _, d := range s.Effective(fwPath("allowed" + proto + "Ports")...) {
				if d.Value.Kind != List {
					continue
				}
				els := nwListElements(d)
				for i, v := range d.Value.List {
					if v.Kind != Int {
						continue
					}
					sp, ok := nwSensitivePort(proto, v.Int)
					if !ok {
						continue
					}
					f := At(nwFinding(p, d, "networking.firewall.allowed%sPorts opens %s port %d (%s) on every interface", proto, strings.ToLower(proto), v.Int, sp.name), els[i])
					if sp.high {
						f.Severity = diagnostics.High
						if auth := fwPortAuthenticated(s, v.Int); auth != "" {
							f.Severity = diagnostics.Medium
							f.Message += " (" + auth + ")"
						}
					}
					if sp.web {
						f.Confidence = diagnostics.Possible
					}
					if nwDirectElement(d, els[i]) {
						f.Fixes = append(f.Fixes, RemoveListElement(els[i], fmt.Sprintf("Remove port %d from the global list (open it per interface instead)", v.Int), false))
					}
					p.Report(f)
				}
			}
		}
	}
}

// fwPortAuthenticated says why an unauthenticated-by-default service on
// port is configured with authentication in the same system, or "".
func fwPortAuthenticated(s *System, port int64) string {
	switch port {
	case 6379:
		for _, srv := range nwRedisServers(s) {
			if srv.port == port && srv.hasPassword && srv.enable != nwNo {
				return "Redis requires a password"
			}
		}
	case 27017:
		if st, _ := nwBool(s, "services", "mongodb", "enableAuth"); st == nwYes {
			return "MongoDB authentication is enabled"
		}
	case 2379:
		if st, _ := nwBool(s, "services", "etcd", "clientCertAuth"); st == nwYes {
			return "etcd requires client certificates"
		}
	}
	return ""
}

// nwRangeCall recognizes `lib.range A B` / `range A B` with literal bounds.
func nwRangeCall(n nixast.Node) (int64, int64, bool) {
	n = n.Unparen()
	if n.Kind() != nixast.KindApply {
		return 0, 0, false
	}
	fn, args := applyParts(n)
	name := strings.Join(strings.Fields(fn.Text()), "")
	if len(args) != 2 || !(name == "range" || strings.HasSuffix(name, "lib.range") || name == "lib.lists.range" || name == "lists.range") {
		return 0, 0, false
	}
	a, ok1 := nixast.IntValue(args[0].Unparen())
	b, ok2 := nixast.IntValue(args[1].Unparen())
	return a, b, ok1 && ok2
}

func runFirewallWideRange(p *Pass) {
	for _, s := range fwHostSystems(p) {
		if !fwEnabled(s) {
			continue
		}
		for _, proto := range []string{"TCP", "UDP"} {
			check := func(d *Definition, el nixast.Node, from, to int64, viaRange bool) {
				if to < from {
					return
				}
				width := to - from + 1
				var covered []string
				high := false
				for _, port := range nwSensitiveList(proto) {
					if port < from || port > to {
						continue
					}
					sp, _ := nwSensitivePort(proto, port)
					if sp.web {
						continue
					}
					if len(covered) < 4 {
						covered = append(covered, fmt.Sprintf("%d (%s)", port, sp.name))
					}
					if sp.high {
						high = true
					}
				}
				if to-from < 1000 && len(covered) == 0 {
					return
				}
				if width == 1 {
					return // a single port: NIXSEC-FW-005's business
				}
				what := fmt.Sprintf("the %s port range %d-%d (%d ports)", strings.ToLower(proto), from, to, width)
				opt := "allowed" + proto + "PortRanges"
				if viaRange {
					opt = "allowed" + proto + "Ports"
				}
				msg := fmt.Sprintf("networking.firewall.%s opens %s on every interface", opt, what)
				if len(covered) > 0 {
					msg += ", including " + strings.Join(covered, ", ")
				}
				f := At(nwFinding(p, d, "%s", msg), el)
				if to-from >= 10000 || (from <= 1 && to >= 1024) || high {
					f.Severity = diagnostics.High
				}
				if !viaRange && nwDirectElement(d, el) {
					f.Fixes = append(f.Fixes, RemoveListElement(el, "Remove this port range (open the needed ports only)", false))
				}
				p.Report(f)
			}
			for _, d := range s.Effective(fwPath("allowed" + proto + "PortRanges")...) {
				els := nwListElements(d)
				for i, v := range d.Value.List {
					from, ok1 := nwIntAttr(v, "from")
					to, ok2 := nwIntAttr(v, "to")
					if ok1 && ok2 {
						check(d, els[i], from, to, false)
					}
				}
			}
			for _, d := range s.Effective(fwPath("allowed" + proto + "Ports")...) {
				d.Node.Walk(func(n nixast.Node) bool {
					if a, b, ok := nwRangeCall(n); ok {
						check(d, n, a, b, true)
						return false
					}
					return true
				})
			}
		}
	}
}

// ---------------------------------------------------------------------------
// FW-006

func runFirewallTrusted(p *Pass) {
	for _, s := range fwHostSystems(p) {
		if !fwEnabled(s) {
			continue
		}
		for _, d := range s.Effective(fwPath("trustedInterfaces")...) {
			els := nwListElements(d)
			for i, v := range d.Value.List {
				name, ok := v.Str()
				if !ok || v.Kind != String {
					continue
				}
				var sev diagnostics.Severity
				var why string
				switch nwClassifyIface(name) {
				case ifPhysical:
					sev, why = diagnostics.High, "a physical, wireless or wildcard interface: every port is open to the network it faces"
				case ifBridge:
					sev, why = diagnostics.Low, "a container/VM bridge: every container or VM can reach every host port"
				case ifVPN:
					sev, why = diagnostics.Info, "a VPN interface: every peer can reach every host port"
				default:
					continue
				}
				f := At(nwFinding(p, d, "networking.firewall.trustedInterfaces contains %q, %s", name, why), els[i])
				f.Severity = sev
				if nwDirectElement(d, els[i]) {
					f.Fixes = append(f.Fixes, RemoveListElement(els[i], fmt.Sprintf("Stop trusting %s (open specific ports on it instead)", name), false))
				}
				p.Report(f)
			}
		}
	}
}

// ---------------------------------------------------------------------------
// FW-007 .. FW-011: single switches

// nwRouting reports a definition that makes the host route packets; the
// state is nwMaybe when that definition is conditional.
func nwRouting(s *System) (*Definition, string, nwState) {
	if st, d := nwBool(s, "networking", "nat", "enable"); st != nwNo && d != nil && d.Value.IsBool(true) {
		return d, "networking.nat.enable = true", st
	}
	for _, key := range []string{"net.ipv4.ip_forward", "net.ipv4.conf.all.forwarding", "net.ipv6.conf.all.forwarding"} {
		for _, d := range s.Effective("boot", "kernel", "sysctl", key) {
			v := d.Value
			if v.IsBool(true) || v.Kind == Int && v.Int != 0 || v.IsStr("1") || v.IsStr("true") {
				st := nwYes
				if d.Confidence() != diagnostics.Definite {
					st = nwMaybe
				}
				return d, fmt.Sprintf("boot.kernel.sysctl.%q = %s", key, v), st
			}
		}
	}
	for _, d := range s.Effective("services", "tailscale", "useRoutingFeatures") {
		if d.Value.IsStr("server") || d.Value.IsStr("both") {
			if st, _ := nwBool(s, "services", "tailscale", "enable"); st != nwNo {
				if d.Confidence() != diagnostics.Definite {
					st = nwMaybe
				}
				return d, fmt.Sprintf("services.tailscale.useRoutingFeatures = %s", d.Value), st
			}
		}
	}
	return nil, "", nwNo
}

func runFirewallReversePath(p *Pass) {
	for _, s := range fwHostSystems(p) {
		if !fwEnabled(s) {
			continue
		}
		for _, d := range s.Effective(fwPath("checkReversePath")...) {
			if !d.Value.IsBool(false) {
				continue
			}
			f := nwFinding(p, d, "networking.firewall.checkReversePath is set to false: packets with spoofed source addresses are accepted")
			if r, what, st := nwRouting(s); r != nil && st == nwYes {
				f.Severity = diagnostics.Medium
				f.Message += " on a host that routes packets"
				f.Related = append(f.Related, nwRelated(r, "%s: the host forwards packets", what))
			}
			if fix, ok := ReplaceValue(d, `"loose"`, `Use loose reverse-path filtering`, true); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}

func runFirewallPing(p *Pass) {
	for _, s := range fwHostSystems(p) {
		if !fwEnabled(s) {
			continue
		}
		if len(s.Effective(fwPath("pingLimit")...)) > 0 || s.MaybeSet(fwPath("pingLimit")...) {
			continue
		}
		for _, d := range s.Effective(fwPath("allowPing")...) {
			if !d.Value.IsBool(true) {
				continue
			}
			f := nwFinding(p, d, "networking.firewall.allowPing is true and networking.firewall.pingLimit is not set: ICMP echo requests are answered without a rate limit")
			limit := `"--limit 1/minute --limit-burst 5"`
			if st, _ := nwBool(s, "networking", "nftables", "enable"); st == nwYes {
				limit = `"2/second"`
			}
			if fix, ok := AddSibling(d, fwPath("pingLimit"), limit, "Rate-limit ICMP echo requests", false); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}

func runFirewallLogging(p *Pass) {
	fwBoolRule(p, "logRefusedConnections", false,
		"networking.firewall.logRefusedConnections is set to false: refused connections (scans, brute force) are not logged",
		"Log refused connections", false)
}

func runFirewallRejects(p *Pass) {
	fwBoolRule(p, "rejectPackets", true,
		"networking.firewall.rejectPackets is set to true: refused packets are answered, which makes port scanning easier",
		"Drop refused packets silently", true)
}

// fwBoolRule reports networking.firewall.<option> = bad on enabled host
// firewalls, with a fix that flips the literal.
func fwBoolRule(p *Pass, option string, bad bool, msg, fixTitle string, safe bool) {
	for _, s := range fwHostSystems(p) {
		if !fwEnabled(s) {
			continue
		}
		for _, d := range s.Effective(fwPath(option)...) {
			if !d.Value.IsBool(bad) {
				continue
			}
			f := nwFinding(p, d, "%s", msg)
			if fix, ok := ReplaceValue(d, strconv.FormatBool(!bad), fixTitle, safe); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}

func runFirewallConntrack(p *Pass) {
	fwBoolRule(p, "autoLoadConntrackHelpers", true,
		"networking.firewall.autoLoadConntrackHelpers is set to true: connection-tracking helpers parse untrusted traffic and open related ports on their own",
		"Do not auto-load connection-tracking helpers", true)
	for _, s := range fwHostSystems(p) {
		if !fwEnabled(s) {
			continue
		}
		for _, d := range s.Effective(fwPath("connectionTrackingModules")...) {
			if d.Value.Kind != List || len(d.Value.List) == 0 {
				continue
			}
			var names []string
			for _, v := range d.Value.List {
				if t, ok := v.Str(); ok {
					names = append(names, t)
				} else {
					names = append(names, "…")
				}
			}
			f := nwFinding(p, d, "networking.firewall.connectionTrackingModules loads connection-tracking helpers (%s) that parse untrusted traffic", strings.Join(names, ", "))
			if fix, ok := ReplaceValue(d, "[ ]", "Load no connection-tracking helpers", true); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}

// ---------------------------------------------------------------------------
// FW-012

func runFirewallForward(p *Pass) {
	for _, s := range fwHostSystems(p) {
		if !fwEnabled(s) || nwFirewallMaybeOff(s) {
			continue
		}
		r, what, rst := nwRouting(s)
		if r == nil {
			continue
		}
		nft, _ := nwBool(s, "networking", "nftables", "enable")
		ff, _ := nwBool(s, fwPath("filterForward")...)
		if nft != nwNo && ff != nwNo {
			continue
		}
		if st, _ := nwBool(s, "virtualisation", "docker", "enable"); st != nwNo {
			continue // Docker owns the FORWARD chain
		}
		k8s := fwKubernetesNode(s)
		if k8s == nwYes {
			continue // the cluster's CNI and kube-proxy own the FORWARD chain
		}
		if fwOwnForwardPolicy(s) {
			continue
		}
		if st, _ := nwBool(s, "services", "firewalld", "enable"); st != nwNo || fwCustomNftables(s) && nwFalse(s, fwPath("enable")...) != nil {
			continue
		}
		f := nwFinding(p, r, "%s makes the host forward packets but networking.firewall.filterForward is not enabled (nftables backend): routed traffic is not filtered", what)
		f.Severity = diagnostics.Low
		if rst == nwMaybe || k8s == nwMaybe {
			f.Confidence = diagnostics.Possible
		}
		if r.PathString() == "services.tailscale.useRoutingFeatures" {
			// A subnet router or exit node forwards what the tailnet's ACLs allow.
			f.Severity = diagnostics.Info
			f.Message += "; the tailnet's access controls decide who may use the routes"
		}
		for _, d := range s.Effective("networking", "nat", "forwardPorts") {
			if d.Value.Kind == List && len(d.Value.List) > 0 || d.Value.Kind == Unknown {
				f.Severity = diagnostics.Medium
				f.Related = append(f.Related, nwRelated(d, "networking.nat.forwardPorts publishes internal ports past the input filter"))
			}
		}
		var edits [][2]string
		if nft == nwNo {
			edits = append(edits, [2]string{"networking.nftables.enable", "true"})
		}
		if ff == nwNo {
			edits = append(edits, [2]string{"networking.firewall.filterForward", "true"})
		}
		if fix, ok := nwAddTopLevel(r, edits, "Filter forwarded traffic with the nftables firewall"); ok {
			f.Fixes = append(f.Fixes, fix)
		}
		p.Report(f)
	}
}

// fwKubernetesNode reports whether s runs a Kubernetes node (k3s, rke2 or
// the kubernetes module with a role), whose network plugin manages the
// FORWARD chain.
func fwKubernetesNode(s *System) nwState {
	st := nwNo
	for _, path := range [][]string{{"services", "k3s", "enable"}, {"services", "rke2", "enable"}} {
		if b, _ := nwBool(s, path...); b > st {
			st = b
		}
	}
	for _, d := range s.Effective("services", "kubernetes", "roles") {
		if d.Value.Kind == List && len(d.Value.List) > 0 || d.Value.Kind == Unknown {
			b := nwYes
			if d.Confidence() != diagnostics.Definite || d.Value.Kind == Unknown {
				b = nwMaybe
			}
			if b > st {
				st = b
			}
		}
	}
	return st
}

// fwOwnForwardPolicy reports a forward policy of the operator's own: an
// nftables forward chain that drops by default, or iptables commands
// setting the FORWARD policy to DROP.
func fwOwnForwardPolicy(s *System) bool {
	var texts []string
	for _, d := range s.Effective("networking", "nftables", "ruleset") {
		if t, ok := nwDecode(d); ok {
			texts = append(texts, t.text)
		}
	}
	for _, d := range s.Match("networking.nftables.tables") {
		if d.Active() && len(d.Path) == 5 && d.Path[4] == "content" {
			if t, ok := nwDecode(d); ok {
				texts = append(texts, t.text)
			}
		}
	}
	for _, text := range texts {
		chains, _ := parseNftables(text)
		for _, c := range chains {
			if c.hookFwd && c.drops() {
				return true
			}
		}
	}
	for _, d := range s.Effective(fwPath("extraCommands")...) {
		if t, ok := nwDecode(d); ok {
			for _, l := range t.lines() {
				f := strings.Fields(l.text)
				for i := 0; i+2 < len(f); i++ {
					if (f[i] == "-P" || f[i] == "--policy") && f[i+1] == "FORWARD" && f[i+2] == "DROP" {
						return true
					}
				}
			}
		}
	}
	return false
}

// nwAddTopLevel inserts `path = value;` bindings after the binding of
// anchor when anchor is written at the top of its module, where full option
// paths are valid.
func nwAddTopLevel(anchor *Definition, bindings [][2]string, title string) (diagnostics.Fix, bool) {
	if len(bindings) == 0 {
		return diagnostics.Fix{}, false
	}
	if prefix, ok := bindingPrefix(anchor); !ok || len(prefix) != 0 {
		return diagnostics.Fix{}, false
	}
	fix, ok := AddSibling(anchor, SplitPath(bindings[0][0]), bindings[0][1], title, false)
	if !ok || len(fix.Edits) != 1 {
		return diagnostics.Fix{}, false
	}
	e := &fix.Edits[0]
	sep := e.NewText[:len(e.NewText)-len(strings.TrimLeft(e.NewText, " \r\n\t"))]
	for _, b := range bindings[1:] {
		e.NewText += sep + b[0] + " = " + b[1] + ";"
	}
	return fix, true
}

// ---------------------------------------------------------------------------
// FW-013

// nwOpenService is a service whose openFirewall-like switch FW-013 checks.
type nwOpenService struct {
	pattern string // option path of the switch, "*" for a name
	enable  string // relative to the pattern's parent: "enable"
	name    string
	noAuth  bool // no authentication by default
}

var nwOpenServices = []nwOpenService{
	{"services.prometheus.exporters.*.openFirewall", "enable", "the Prometheus %s exporter", true},
	{"services.ollama.openFirewall", "enable", "Ollama", true},
	{"services.open-webui.openFirewall", "enable", "Open WebUI", false},
	{"services.etcd.openFirewall", "enable", "etcd", true},
	{"services.dockerRegistry.openFirewall", "enable", "the Docker registry", true},
	{"services.node-red.openFirewall", "enable", "Node-RED", true},
	{"services.samba.openFirewall", "enable", "Samba", false},
	{"services.cockpit.openFirewall", "enable", "Cockpit", false},
	{"services.xrdp.openFirewall", "enable", "xrdp", false},
	{"services.home-assistant.openFirewall", "enable", "Home Assistant", false},
	{"services.jellyfin.openFirewall", "enable", "Jellyfin", false},
	{"services.plex.openFirewall", "enable", "Plex", false},
	{"services.adguardhome.openFirewall", "enable", "the AdGuard Home admin UI", false},
	{"services.qbittorrent.openFirewall", "enable", "qBittorrent", false},
	{"services.sonarr.openFirewall", "enable", "Sonarr", false},
	{"services.radarr.openFirewall", "enable", "Radarr", false},
	{"services.prowlarr.openFirewall", "enable", "Prowlarr", false},
	{"services.lidarr.openFirewall", "enable", "Lidarr", false},
	{"services.readarr.openFirewall", "enable", "Readarr", false},
	{"services.bazarr.openFirewall", "enable", "Bazarr", false},
	{"services.sabnzbd.openFirewall", "enable", "SABnzbd", false},
	{"services.transmission.openRPCPort", "enable", "the Transmission RPC interface", false},
}

func runFirewallOpenSensitive(p *Pass) {
	for _, s := range p.Systems() {
		if !nwServer(s) || nwIsolatedGuest(s) || nwFirewallOff(s) != nil {
			continue
		}
		for _, svc := range nwOpenServices {
			for _, d := range s.Match(svc.pattern) {
				pat := SplitPath(svc.pattern)
				if len(d.Path) != len(pat) || !d.Active() || !d.Value.IsBool(true) {
					continue
				}
				base := d.Path[:len(d.Path)-1]
				en, enDef := nwBool(s, append(append([]string(nil), base...), svc.enable)...)
				if en == nwNo {
					continue
				}
				name := svc.name
				if strings.Contains(name, "%s") {
					name = fmt.Sprintf(name, d.Path[3])
				}
				f := nwFinding(p, d, "%s = true opens %s on every interface", d.PathString(), name)
				if en == nwMaybe {
					f.Confidence = diagnostics.Possible
				}
				nwWeaken(&f, enDef)
				if svc.noAuth && svc.pattern == "services.etcd.openFirewall" {
					if st, _ := nwBool(s, "services", "etcd", "clientCertAuth"); st != nwNo {
						svc.noAuth = false // client certificates required
					}
				}
				if svc.noAuth {
					f.Severity = diagnostics.High
					f.Message += ", and it has no authentication by default"
				}
				if fix, ok := ReplaceValue(d, "false", "Do not open the port on every interface", false); ok {
					f.Fixes = append(f.Fixes, fix)
				}
				p.Report(f)
			}
		}
		// Redis servers: high without a password.
		for _, srv := range nwRedisServers(s) {
			d := srv.openFirewall
			if d == nil || srv.enable == nwNo || srv.portZero {
				continue
			}
			f := nwFinding(p, d, "%s = true opens Redis (port %s) on every interface", d.PathString(), srv.portText)
			if srv.enable == nwMaybe {
				f.Confidence = diagnostics.Possible
			}
			nwWeaken(&f, srv.enableDef)
			if !srv.hasPassword {
				f.Severity = diagnostics.High
				f.Message += " without a password (requirePass/requirePassFile unset)"
			}
			if fix, ok := ReplaceValue(d, "false", "Do not open the Redis port on every interface", false); ok {
				f.Fixes = append(f.Fixes, fix)
			}
			p.Report(f)
		}
	}
}
