package server

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/nixast"
)

// Bounds that keep the option hover short.
const (
	hoverMaxSystems = 3  // systems shown in full; others are counted
	hoverMaxDefs    = 12 // definitions listed per option
	hoverMaxRules   = 8
	hoverValueLen   = 80
)

// optionHover describes the option under the cursor: its full path, the
// effective value and every definition of it in the system (file:line,
// value, priority, conditions, status), the system, and the rules that
// look at it. It reads the model of the document's last analysis.
func optionHover(_ context.Context, hc *HoverContext) (string, nixast.Span) {
	if hc.Model == nil || hc.File == nil {
		return "", nixast.Span{}
	}
	hits := analyzer.OptionAt(hc.Model, hc.File.Path, hc.Offset)
	if len(hits) == 0 {
		return "", nixast.Span{}
	}
	// Group by system and path: a module imported by several hosts is
	// one hit per host; the outer key of a set is one hit per definition
	// under it.
	type group struct {
		sys  *analyzer.System
		path []string
		defs []*analyzer.Definition
	}
	var groups []*group
	index := map[string]*group{}
	for _, h := range hits {
		k := fmt.Sprintf("%p\x00%s", h.Def.System, analyzer.JoinPath(h.Path))
		g := index[k]
		if g == nil {
			g = &group{sys: h.Def.System, path: h.Path}
			index[k] = g
			groups = append(groups, g)
		}
		g.defs = append(g.defs, h.Def)
	}
	rel := relPather(hc.Roots, hc.File.Path)
	var b strings.Builder
	shown := 0
	for _, g := range groups {
		if shown == hoverMaxSystems {
			fmt.Fprintf(&b, "\n*… and %d more systems with this option.*\n", len(groups)-shown)
			break
		}
		if shown > 0 {
			b.WriteString("\n")
		}
		shown++
		full := len(g.path) == len(g.defs[0].Path)
		fmt.Fprintf(&b, "**`%s`** · %s\n\n", analyzer.JoinPath(g.path), systemLabel(g.sys, rel))
		if full {
			writeOptionDefs(&b, g.sys, g.path, rel)
		} else {
			writeSetDefs(&b, g.path, g.defs, rel)
		}
	}
	// Rules, for the option itself (not for a set above it).
	if g := groups[0]; len(g.path) == len(g.defs[0].Path) {
		if rules := analyzer.RulesForOption(g.path); len(rules) > 0 {
			var links []string
			for i, r := range rules {
				if i == hoverMaxRules {
					links = append(links, fmt.Sprintf("… %d more", len(rules)-i))
					break
				}
				if hc.DocsBase != "" {
					links = append(links, fmt.Sprintf("[%s](%s%s.md) %s", r.ID, hc.DocsBase, r.ID, r.Title))
				} else {
					links = append(links, fmt.Sprintf("%s %s", r.ID, r.Title))
				}
			}
			b.WriteString("\nChecked by: " + strings.Join(links, " · ") + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n"), hits[0].Key.Span()
}

// writeOptionDefs writes the effective value of path in sys and every
// definition of it.
func writeOptionDefs(b *strings.Builder, sys *analyzer.System, path []string, rel func(string) string) {
	defs := sys.Lookup(path...)
	v, d, ok := sys.Get(path...)
	switch {
	case !ok:
		b.WriteString("Effective value: none of these definitions applies (the option's default does)\n\n")
	case !v.Known() && len(sys.Effective(path...)) > 1:
		fmt.Fprintf(b, "Effective value: undetermined — %d definitions may apply\n\n", len(sys.Effective(path...)))
	default:
		fmt.Fprintf(b, "Effective value: %s — from %s\n\n", valueText(d), defLink(d, rel))
	}
	if len(defs) == 1 && ok && len(defs[0].Conditions) == 0 && defs[0].Priority == analyzer.PriorityPlain {
		return // one plain definition: the line above says it all
	}
	fmt.Fprintf(b, "Definitions (%d):\n\n", len(defs))
	for i, x := range defs {
		if i == hoverMaxDefs {
			fmt.Fprintf(b, "- … %d more\n", len(defs)-i)
			break
		}
		fmt.Fprintf(b, "- %s: %s, %s", defLink(x, rel), valueText(x), priorityName(x.Priority))
		for _, c := range x.Conditions {
			b.WriteString(", " + conditionText(c))
		}
		b.WriteString(" — " + statusText(x, rel) + "\n")
	}
}

// writeSetDefs lists the definitions written under a set's key.
func writeSetDefs(b *strings.Builder, prefix []string, defs []*analyzer.Definition, rel func(string) string) {
	fmt.Fprintf(b, "Sets %d option(s) here:\n\n", len(defs))
	for i, d := range defs {
		if i == hoverMaxDefs {
			fmt.Fprintf(b, "- … %d more\n", len(defs)-i)
			break
		}
		fmt.Fprintf(b, "- `%s` = %s (line %d) — %s\n", analyzer.JoinPath(d.Path[len(prefix):]), valueText(d), line(d), statusText(d, rel))
	}
}

func valueText(d *analyzer.Definition) string {
	var s string
	if d.Value.Known() {
		s = d.Value.String()
	} else if d.Node.Valid() {
		s = strings.Join(strings.Fields(d.Node.Text()), " ")
	} else {
		return "*unknown*"
	}
	s = truncate(s, hoverValueLen)
	if !d.Value.Known() {
		return "`" + strings.ReplaceAll(s, "`", "'") + "` (not resolved)"
	}
	return "`" + strings.ReplaceAll(s, "`", "'") + "`"
}

func priorityName(p int) string {
	switch p {
	case analyzer.PriorityForce:
		return "mkForce"
	case analyzer.PriorityPlain:
		return "plain"
	case analyzer.PriorityDefault:
		return "mkDefault"
	case analyzer.PriorityOptionDefault:
		return "mkOptionDefault"
	}
	return fmt.Sprintf("mkOverride %d", p)
}

func conditionText(c analyzer.Condition) string {
	text := "?"
	if c.Node.Valid() {
		text = truncate(strings.Join(strings.Fields(c.Node.Text()), " "), 60)
	}
	kind := "if"
	if c.Else {
		kind = "unless"
	}
	truth := c.Holds().String()
	if c.ViaConfig {
		truth += " via config"
	}
	return fmt.Sprintf("%s `%s` (%s)", kind, strings.ReplaceAll(text, "`", "'"), truth)
}

func statusText(d *analyzer.Definition, rel func(string) string) string {
	switch d.Status {
	case analyzer.Effective:
		return "**effective**"
	case analyzer.Overridden:
		if d.By != nil {
			return "overridden by " + defLink(d.By, rel)
		}
		return "overridden"
	case analyzer.Inactive:
		return "inactive (condition false)"
	case analyzer.MaybeOverridden:
		if d.By != nil {
			return "may be overridden by " + defLink(d.By, rel)
		}
		return "may be overridden"
	}
	return d.Status.String()
}

func line(d *analyzer.Definition) int {
	n := d.Key
	if !n.Valid() {
		n = d.Binding
	}
	if !n.Valid() || d.File == nil {
		return 0
	}
	return d.File.Lines.Line(n.Start()) + 1
}

// defLink is "file.nix:12", linked to the file and line.
func defLink(d *analyzer.Definition, rel func(string) string) string {
	if d.File == nil {
		return "?"
	}
	l := line(d)
	return fmt.Sprintf("[%s:%d](%s#L%d)", rel(d.File.Path), l, pathToURI(d.File.Path), l)
}

// systemLabel names the system a definition belongs to: "host", or its
// name (containers.web, nixosConfigurations.x) with its kind.
func systemLabel(s *analyzer.System, rel func(string) string) string {
	name := s.Name
	if name == "" {
		switch s.Context {
		case analyzer.NixOSHost:
			name = "host"
		default:
			name = s.Context.String()
		}
	} else if s.Context != analyzer.NixOSHost {
		name += " (" + s.Context.String() + ")"
	}
	if root := s.Root(); root.Entry != nil {
		name += ", from `" + rel(root.Entry.Path) + "`"
	}
	return "system " + name
}

// relPather shows paths relative to the workspace folder holding them, or
// to the document's directory.
func relPather(roots []string, doc string) func(string) string {
	return func(p string) string {
		best := ""
		for _, r := range roots {
			if rp, err := filepath.Rel(r, p); err == nil && !strings.HasPrefix(rp, "..") && (best == "" || len(rp) < len(best)) {
				best = rp
			}
		}
		if best == "" {
			if rp, err := filepath.Rel(filepath.Dir(doc), p); err == nil && !strings.HasPrefix(rp, "../..") {
				best = rp
			} else {
				best = p
			}
		}
		return filepath.ToSlash(best)
	}
}
