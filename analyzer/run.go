package analyzer

import (
	"fmt"
	"runtime/debug"
	"sort"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Pass is what a rule's Run sees: the files and the module model built
// from them.
type Pass struct {
	Rule    *Rule
	Files   []*nixast.File
	Model   *Model
	Options Options
	out     *[]diagnostics.Finding
	shared  map[string]any // results several rules share within one Analyze
}

// Shared returns the value computed by compute for key, once per Analyze:
// rules of one family use it to walk the files a single time.
func (p *Pass) Shared(key string, compute func() any) any {
	if v, ok := p.shared[key]; ok {
		return v
	}
	if p.shared == nil {
		p.shared = map[string]any{}
	}
	v := compute()
	p.shared[key] = v
	return v
}

// Report records a finding for the pass's rule. An unset severity takes the
// rule's default.
func (p *Pass) Report(f diagnostics.Finding) {
	f.RuleID = p.Rule.ID
	if f.Severity < p.Rule.Severity {
		f.Severity = p.Rule.Severity
	}
	*p.out = append(*p.out, f)
}

// Options select rules for Analyze.
type Options struct {
	// Enabled decides whether a rule runs; nil runs every rule.
	Enabled func(*Rule) bool
	// ExposureThreshold is the systemd exposure (0–10, as
	// `systemd-analyze security` prints it) at or above which
	// NIXSEC-SYSD-016 reports a service; 0 means the default, 7.5.
	ExposureThreshold float64
	// Model configures how the module model reads imported files (loader
	// and parse cache); the zero value reads them from disk.
	Model ModelOptions
}

// Analyze runs the rules over already parsed files and returns the findings
// in a deterministic order. A panicking rule does not stop the others: it is
// reported as an internal error finding on the first file.
func Analyze(files []*nixast.File, opts Options) []diagnostics.Finding {
	out, _ := AnalyzeModel(files, opts)
	return out
}

// AnalyzeModel is Analyze that also returns the module model the rules ran
// on, so that an editor can answer questions about it (hover, lenses)
// without building it again.
func AnalyzeModel(files []*nixast.File, opts Options) ([]diagnostics.Finding, *Model) {
	var out []diagnostics.Finding
	for _, f := range files {
		out = append(out, syntaxFindings(f, opts)...)
	}
	model := BuildModelWith(files, opts.Model)
	for _, pr := range model.Problems {
		if pr.Kind == ModelPanic {
			out = append(out, diagnostics.Finding{RuleID: InternalErrorID, Severity: diagnostics.Info, Message: pr.Message,
				Location: diagnostics.Location{Path: pr.File.Path}})
		}
	}
	shared := map[string]any{}
	for _, r := range Rules() {
		if r.Run == nil || (opts.Enabled != nil && !opts.Enabled(r)) {
			continue
		}
		runRule(&Pass{Rule: r, Files: files, Model: model, Options: opts, out: &out, shared: shared})
	}
	out = applySuppressions(files, out, opts)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Less(&out[j]) })
	return dedupe(out), model
}

// dedupe keeps one finding per rule and place: a module imported by several
// hosts of a flake is analysed once per host, but its problem is one place
// to fix. When the hosts disagree (an escalation that holds on one host),
// the most severe, surest copy stays.
func dedupe(fs []diagnostics.Finding) []diagnostics.Finding {
	type key struct {
		rule, path string
		span       nixast.Span
	}
	seen := make(map[key]int, len(fs))
	out := fs[:0]
	for _, f := range fs {
		k := key{f.RuleID, f.Path, f.Span}
		if i, dup := seen[k]; dup {
			// Keep the most severe, surest copy.
			if f.Severity > out[i].Severity || (f.Severity == out[i].Severity && f.Confidence < out[i].Confidence) {
				out[i] = f
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, f)
	}
	return out
}

// InternalErrorID marks findings that report a nixsec bug rather than a problem in the source.
const InternalErrorID = "NIXSEC-INTERNAL"

func runRule(p *Pass) {
	r, files, out := p.Rule, p.Files, p.out
	before := len(*out)
	defer func() {
		if v := recover(); v != nil {
			*out = (*out)[:before]
			loc := diagnostics.Location{}
			if len(files) > 0 {
				loc.Path = files[0].Path
			}
			*out = append(*out, diagnostics.Finding{
				RuleID: InternalErrorID, Severity: diagnostics.Info, Location: loc,
				Message: fmt.Sprintf("internal error in rule %s (please report): %v\n%s", r.ID, v, debug.Stack()),
			})
		}
	}()
	r.Run(p)
}
