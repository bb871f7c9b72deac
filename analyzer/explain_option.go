package analyzer

import (
	"regexp"
	"strings"
	"sync"

	"github.com/nixsec/nixsec/nixast"
)

// This file holds what the LSP server's option hover needs from the
// analyzer: the model of an analysis (AnalyzeModel), the definitions under
// a cursor (OptionAt) and the rules that look at an option (RulesForOption).

// OptionHit is one definition whose attribute path covers a source offset.
type OptionHit struct {
	// Path is the option path the name under the cursor stands for: the
	// definition's whole Path on any segment of its own attrpath, a prefix
	// on the key of an enclosing set (`firewall` in
	// `networking.firewall = { enable = …; }`).
	Path []string
	Def  *Definition
	Key  nixast.Node // the attribute name under the cursor
}

// OptionAt returns the definitions of every system of m, written in the
// file at path, one of whose attribute names (in its own attrpath or in
// an enclosing binding) contains offset. Hits are in system order, then
// source order.
func OptionAt(m *Model, path string, offset int) []OptionHit {
	if m == nil {
		return nil
	}
	var out []OptionHit
	for _, sys := range m.AllSystems() {
		for _, d := range sys.Defs {
			if d.File == nil || d.File.Path != path || !d.Binding.Valid() {
				continue
			}
			// The cursor must be inside the binding or one that encloses
			// it: a cheap test before walking up.
			if kp := d.KeyPath; kp.Valid() && kp.Contains(offset) {
				if h, ok := hitIn(d, offset); ok {
					out = append(out, h)
				}
				continue
			}
			if d.Binding.Contains(offset) {
				continue // inside the value, not on a name
			}
			if h, ok := hitIn(d, offset); ok {
				out = append(out, h)
			}
		}
	}
	return out
}

func hitIn(d *Definition, offset int) (OptionHit, bool) {
	// Any segment of the binding's own attrpath stands for the whole
	// option (segments before the option's, like containers.web.config in
	// a container's definition, name its system).
	own := 0
	if d.Binding.Kind() == nixast.KindBinding {
		segs := nixast.AttrPath(d.Binding)
		own = len(segs)
		for _, sg := range segs {
			if sg.Node.Valid() && sg.Node.Contains(offset) {
				return OptionHit{Path: d.Path, Def: d, Key: sg.Node}, true
			}
		}
	}
	// Keys of the sets that enclose the binding.
	for idx := len(d.Path) - own - 1; idx >= 0; idx-- {
		n, ok := sysdKeyNode(d, idx)
		if !ok {
			return OptionHit{}, false
		}
		if n.Valid() && n.Contains(offset) {
			return OptionHit{Path: d.Path[:idx+1], Def: d, Key: n}, true
		}
	}
	return OptionHit{}, false
}

var (
	optionRulesOnce sync.Once
	optionRules     map[*Rule][][]string // option paths each rule's examples and text name
)

// backticked dotted option paths in rule texts: `services.openssh.settings.PermitRootLogin`
var optionPathRe = regexp.MustCompile("`([A-Za-z_][A-Za-z0-9_'-]*(?:\\.(?:[A-Za-z_<*][A-Za-z0-9_'<>*-]*|\"[^\"`]*\"))+)")

// RulesForOption returns the rules that look at the option path (relative
// to its system), ordered by ID: those whose Bad or Good example defines
// it, or whose description or remediation names it. Names of attrsOf
// options (a service, container or user name) match any name.
func RulesForOption(path []string) []*Rule {
	optionRulesOnce.Do(indexRuleOptions)
	var out []*Rule
	for _, r := range Rules() {
		for _, p := range optionRules[r] {
			if optionPathMatches(p, path) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

func indexRuleOptions() {
	optionRules = map[*Rule][][]string{}
	for _, r := range Rules() {
		if r.Run == nil || strings.HasPrefix(r.ID, "NIXSEC-SYN-") || r.ID == BadSuppression.ID {
			continue // rules about the text, not about options
		}
		var paths [][]string
		for _, ex := range []string{r.Bad, r.Good} {
			paths = append(paths, examplePaths(r.ID, ex)...)
		}
		for _, text := range []string{r.Description, r.Remediation} {
			for _, m := range optionPathRe.FindAllStringSubmatch(text, -1) {
				p := SplitPath(m[1])
				if len(p) >= 2 && !strings.HasPrefix(p[0], "pkgs") && p[0] != "lib" && p[0] != "builtins" && p[0] != "config" {
					paths = append(paths, p)
				}
			}
		}
		optionRules[r] = paths
	}
}

// examplePaths builds a model of a rule's Nix example (a module, or bare
// bindings) and returns the paths it defines, in every system.
func examplePaths(id, src string) (paths [][]string) {
	if strings.TrimSpace(src) == "" {
		return nil
	}
	defer func() {
		if recover() != nil {
			paths = nil
		}
	}()
	for _, text := range []string{src, "{\n" + src + "\n}"} {
		f, err := nixast.Parse(id+".nix", []byte(text))
		if err != nil || len(f.Errors) > 0 {
			continue
		}
		k := f.Expr().Kind()
		if k != nixast.KindAttrset && k != nixast.KindRecAttrset && k != nixast.KindFunction {
			continue
		}
		m := BuildModelWith([]*nixast.File{f}, ModelOptions{NoImports: true})
		for _, s := range m.AllSystems() {
			for _, d := range s.Defs {
				paths = append(paths, d.Path)
			}
		}
		return paths
	}
	return nil
}

// optionPathMatches reports whether a path from a rule's examples names
// the same option as p: equal, or differing only in one middle segment
// (the name of a service, container, user, virtual host, interface…), or
// p lies below a set the rule defines as a whole.
func optionPathMatches(rule, p []string) bool {
	if len(rule) == 0 || len(p) == 0 {
		return false
	}
	if len(rule) != len(p) {
		// A rule that sets a whole set (`serviceConfig = { … }` kept
		// opaque) does not name its leaves; prefixes of two or more
		// segments of p do not match either: too vague.
		return false
	}
	diff := 0
	for i := range rule {
		if rule[i] == p[i] || rule[i] == "*" || strings.HasPrefix(rule[i], "<") {
			continue
		}
		if i == 0 || i == len(p)-1 {
			return false
		}
		diff++
	}
	return diff <= 1
}

// ServiceKeyIn returns the attribute names that name systemd.services.<name>
// of sys in the file at path, in source order (one per binding that writes
// the name literally).
func ServiceKeyIn(sys *System, name, path string) []nixast.Node {
	return ServiceKeysIn(sys, path)[name]
}

// ServiceKeysIn is ServiceKeyIn for every service of sys at once: one pass
// over the definitions instead of one per service.
func ServiceKeysIn(sys *System, path string) map[string][]nixast.Node {
	out := map[string][]nixast.Node{}
	seen := map[nixast.Span]bool{}
	for _, d := range sys.Defs {
		if d.File == nil || d.File.Path != path || len(d.Path) < 3 || d.Path[0] != "systemd" || d.Path[1] != "services" {
			continue
		}
		if n, ok := sysdKeyNode(d, 2); ok && n.Valid() && !seen[n.Span()] {
			seen[n.Span()] = true
			out[d.Path[2]] = append(out[d.Path[2]], n)
		}
	}
	return out
}
