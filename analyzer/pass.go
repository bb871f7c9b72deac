package analyzer

import (
	"fmt"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// BuildModel builds the module model of the given files. Each file that is
// not imported by another is an entry point with a system of its own.
func BuildModel(files []*nixast.File) *Model {
	m := &Model{}
	for _, f := range files {
		if len(f.Errors) > 0 {
			continue // a broken file gives no trustworthy definitions
		}
		m.Systems = append(m.Systems, BuildSystem("", NixOSHost, f))
	}
	return m
}

// Systems returns every system of the model, nested ones included.
func (p *Pass) Systems() []*System { return p.Model.AllSystems() }

// Finding starts a finding about definition d: located at its value, with
// its confidence, the rule's default severity and the system it belongs to.
func (p *Pass) Finding(d *Definition, format string, args ...any) diagnostics.Finding {
	f := diagnostics.Finding{
		RuleID:     p.Rule.ID,
		Severity:   p.Rule.Severity,
		Confidence: d.Confidence(),
		Message:    fmt.Sprintf(format, args...),
		Location:   d.Location(),
		System:     d.System.Name,
	}
	if d.Status == MaybeOverridden && d.By != nil {
		f.Related = append(f.Related, diagnostics.Related{
			Location: d.By.Location(),
			Message:  fmt.Sprintf("%s may be overridden here (priority %d)", d.PathString(), d.By.Priority),
		})
	}
	for _, c := range d.Conditions {
		if c.Holds() == TriUnknown {
			f.Related = append(f.Related, diagnostics.Related{
				Location: diagnostics.Location{Path: d.File.Path, Span: c.Node.Span()},
				Message:  "applies only when this condition holds",
			})
		}
	}
	return f
}

// At locates a finding at node n of d's file instead of d's whole value
// (a single list element, one string).
func At(f diagnostics.Finding, n nixast.Node) diagnostics.Finding {
	if n.Valid() {
		f.Path = n.File().Path
		f.Span = n.Span()
	}
	return f
}
