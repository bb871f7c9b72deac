package diagnostics

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"
	"golang.org/x/mod/semver"
)

// SRCROOT is the uriBaseId that relative artifact URIs are relative to; the
// run's originalUriBaseIds maps it to Report.Root.
const SRCROOT = "%SRCROOT%"

// SecuritySeverity is the CVSS-like score GitHub code scanning reads from a
// rule's `security-severity` property: over 9.0 is critical, 7.0–8.9 high,
// 4.0–6.9 medium, 0.1–3.9 low.
func SecuritySeverity(s Severity) string {
	switch s {
	case Critical:
		return "9.5"
	case High:
		return "8.0"
	case Medium:
		return "5.5"
	case Low:
		return "3.0"
	}
	return "1.0"
}

// SARIFLevel maps a severity to a SARIF result level.
func SARIFLevel(s Severity) string {
	switch {
	case s >= High:
		return "error"
	case s == Medium:
		return "warning"
	}
	return "note"
}

// problemSeverity is GitHub's `problem.severity` rule property.
func problemSeverity(s Severity) string {
	switch {
	case s >= High:
		return "error"
	case s == Medium:
		return "warning"
	}
	return "recommendation"
}

// WriteSARIF writes the report as a SARIF 2.1.0 log with one run. Columns are
// UTF-16 code units (columnKind utf16CodeUnits), lines and columns 1-based,
// end columns exclusive; regions also carry exact byte offsets. Artifact URIs
// are relative to %SRCROOT% (Report.Root) when the file lies under it.
func WriteSARIF(w io.Writer, r *Report) error {
	log, err := BuildSARIF(r)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// BuildSARIF converts the report to a SARIF log.
func BuildSARIF(r *Report) (*sarif.Report, error) {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return nil, err
	}
	driver := sarif.NewDriver(r.Tool.Name)
	if r.Tool.Version != "" {
		v := sarifVersion(r.Tool.Version)
		driver.WithVersion(v)
		if semver.IsValid("v" + v) {
			driver.WithSemanticVersion(v)
		}
	}
	if r.Tool.InformationURI != "" {
		driver.WithInformationURI(r.Tool.InformationURI)
	}
	driver.Rules = []*sarif.ReportingDescriptor{}
	index := map[string]int{}
	known := map[string]bool{}
	for _, m := range r.Rules {
		known[m.ID] = true
	}
	for _, m := range r.ruleTable() {
		index[m.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule(m, known[m.ID]))
	}
	run := sarif.NewRun(*sarif.NewTool(driver))
	run.ColumnKind = "utf16CodeUnits"
	if r.Root != "" {
		run.OriginalUriBaseIDs = map[string]*sarif.ArtifactLocation{
			SRCROOT: sarif.NewSimpleArtifactLocation(dirURI(r.Root)),
		}
	}
	prints := r.Fingerprints()
	for i, f := range r.Findings {
		meta := r.Rule(f.RuleID)
		res := sarif.NewRuleResult(f.RuleID).
			WithRuleIndex(index[f.RuleID]).
			WithLevel(SARIFLevel(f.Severity)).
			WithMessage(sarif.NewTextMessage(sarifText(f.Message, meta.Title)))
		res.AddLocation(sarif.NewLocationWithPhysicalLocation(r.sarifPhysical(f.Location)))
		for i, rel := range f.Related {
			loc := sarif.NewLocationWithPhysicalLocation(r.sarifPhysical(rel.Location)).WithId(i + 1)
			if rel.Message != "" {
				loc.WithMessage(sarif.NewTextMessage(validText(rel.Message)))
			}
			res.AddRelatedLocation(loc)
		}
		for _, fix := range f.Fixes {
			res.AddFix(r.sarifFix(fix))
		}
		props := sarif.NewPropertyBag()
		props.Add("severity", f.Severity.String())
		props.Add("confidence", f.Confidence.String())
		if f.System != "" {
			props.Add("system", validText(f.System))
		}
		res.AttachPropertyBag(props)
		res.PartialFingerprints = map[string]interface{}{"nixsecFinding/v1": prints[i]}
		run.AddResult(res)
	}
	inv := run.AddInvocation(len(r.Errors) == 0)
	for _, e := range r.Errors {
		n := sarif.NewNotification().WithLevel("error").WithMessage(sarif.NewTextMessage(validText(e.Error())))
		if e.Path != "" {
			n.AddLocation(sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().WithArtifactLocation(r.artifactLocation(e.Path))))
		}
		props := sarif.NewPropertyBag()
		props.Add("kind", string(e.Kind))
		n.AttachPropertyBag(props)
		inv.AddTToolExecutionNotification(n)
	}
	log.AddRun(run)
	return log, nil
}

// sarifVersion makes a version start with a number, as SARIF consumers
// compare versions: "v1.2.3" is "1.2.3", and a build that is not a release
// ("dev", a commit hash from git describe) is "0.0.0-<it>".
func sarifVersion(v string) string {
	t := strings.TrimPrefix(v, "v")
	if semver.IsValid("v" + t) {
		return t
	}
	clean := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '.' {
			return r
		}
		return '-'
	}, v)
	return "0.0.0-" + strings.ReplaceAll(clean, ".", "-")
}

func sarifText(msg, fallback string) string {
	msg = validText(msg)
	if msg == "" {
		return fallback
	}
	return msg
}

// sarifRule describes a rule; a rule that is not documented (an internal
// error, a finding from a rule missing in the table) gets no help page.
func sarifRule(m RuleMeta, documented bool) *sarif.ReportingDescriptor {
	rule := sarif.NewRule(m.ID)
	if m.Slug != "" {
		rule.WithName(m.Slug)
	}
	rule.WithShortDescription(sarif.NewMultiformatMessageString(nonEmpty(m.Title, m.ID)))
	rule.WithFullDescription(sarif.NewMultiformatMessageString(nonEmpty(m.Description, m.Title, m.ID)))
	if documented {
		rule.WithHelp(sarif.NewMultiformatMessageString(ruleHelpText(m)).WithMarkdown(RuleHelpMarkdown(m)))
		rule.WithHelpURI(m.HelpURI())
	}
	rule.WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(SARIFLevel(m.Severity)))
	props := sarif.NewPropertyBag()
	tags := []string{"security"}
	if m.Category != "" {
		tags = append(tags, m.Category)
	}
	for _, c := range m.CWE {
		tags = append(tags, fmt.Sprintf("external/cwe/cwe-%d", c))
	}
	props.Add("tags", tags)
	props.Add("precision", "high")
	props.Add("problem.severity", problemSeverity(m.Severity))
	props.Add("security-severity", SecuritySeverity(m.Severity))
	props.Add("severity", m.Severity.String())
	if m.MaxSeverity > m.Severity {
		props.Add("maxSeverity", m.MaxSeverity.String())
	}
	if m.Category != "" {
		props.Add("category", m.Category)
	}
	if m.FixClass != "" {
		props.Add("fixClass", string(m.FixClass))
	}
	rule.AttachPropertyBag(props)
	return rule
}

func nonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func ruleHelpText(m RuleMeta) string {
	var parts []string
	for _, p := range []string{m.Description, m.Why, m.Remediation} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	parts = append(parts, "Documentation: "+m.HelpURI())
	return strings.Join(parts, "\n\n")
}

// RuleHelpMarkdown renders a rule's metadata as a Markdown help page (SARIF
// help.markdown, and the body of docs/rules/<ID>.md).
func RuleHelpMarkdown(m RuleMeta) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n", m.ID, nonEmpty(m.Title, m.Slug))
	fmt.Fprintf(&b, "Severity: **%s**", m.Severity)
	if m.MaxSeverity > m.Severity {
		fmt.Fprintf(&b, " (up to %s)", m.MaxSeverity)
	}
	if m.Category != "" {
		fmt.Fprintf(&b, " · Category: %s", m.Category)
	}
	if m.FixClass != "" {
		fmt.Fprintf(&b, " · Fix: %s", m.FixClass)
	}
	if m.Slug != "" {
		fmt.Fprintf(&b, " · Slug: `%s`", m.Slug)
	}
	b.WriteString("\n\n")
	section := func(title, body string) {
		if body != "" {
			fmt.Fprintf(&b, "## %s\n\n%s\n\n", title, body)
		}
	}
	section("What it detects", m.Description)
	section("Why it matters", m.Why)
	section("Remediation", m.Remediation)
	if m.Bad != "" {
		fmt.Fprintf(&b, "## Bad\n\n```nix\n%s\n```\n\n", m.Bad)
	}
	if m.Good != "" {
		fmt.Fprintf(&b, "## Good\n\n```nix\n%s\n```\n\n", m.Good)
	}
	section("False positives", m.FalsePositives)
	if len(m.References) > 0 || len(m.CWE) > 0 {
		b.WriteString("## References\n\n")
		for _, c := range m.CWE {
			fmt.Fprintf(&b, "- [CWE-%d](https://cwe.mitre.org/data/definitions/%d.html)\n", c, c)
		}
		for _, ref := range m.References {
			fmt.Fprintf(&b, "- <%s>\n", ref)
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// artifactLocation names path relative to %SRCROOT% when it lies under
// Report.Root, else as an absolute file URI.
func (r *Report) artifactLocation(path string) *sarif.ArtifactLocation {
	rel, inside := r.RelPath(path)
	if inside && r.Root != "" {
		return sarif.NewSimpleArtifactLocation(relURI(rel)).WithUriBaseId(SRCROOT)
	}
	if inside { // no root known: a relative reference is the best we have
		return sarif.NewSimpleArtifactLocation(relURI(rel))
	}
	return sarif.NewSimpleArtifactLocation(fileURI(rel))
}

func (r *Report) sarifPhysical(loc Location) *sarif.PhysicalLocation {
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(r.artifactLocation(loc.Path))
	if reg := r.sarifRegion(loc); reg != nil {
		pl.WithRegion(reg)
	}
	return pl
}

func (r *Report) sarifRegion(loc Location) *sarif.Region {
	if r.Sources[loc.Path] == nil {
		return nil
	}
	start := r.Position(loc.Path, loc.Span.Start)
	end := r.Position(loc.Path, max(loc.Span.End, loc.Span.Start))
	return sarif.NewRegion().
		WithStartLine(start.Line).WithStartColumn(start.ColumnUTF16).
		WithEndLine(end.Line).WithEndColumn(end.ColumnUTF16).
		WithByteOffset(start.Offset).WithByteLength(end.Offset - start.Offset)
}

func (r *Report) sarifFix(fix Fix) *sarif.Fix {
	out := sarif.NewFix().WithDescription(sarif.NewTextMessage(validText(fix.Title)))
	changes := map[string]*sarif.ArtifactChange{}
	var order []string
	for _, e := range fix.Edits {
		ch := changes[e.Path]
		if ch == nil {
			ch = sarif.NewArtifactChange(r.artifactLocation(e.Path))
			changes[e.Path] = ch
			order = append(order, e.Path)
		}
		reg := r.sarifRegion(e.Location)
		if reg == nil {
			reg = sarif.NewRegion().WithByteOffset(e.Span.Start).WithByteLength(max(e.Span.End-e.Span.Start, 0))
		}
		ch.WithReplacement(sarif.NewReplacement(reg).WithInsertedContent(sarif.NewArtifactContent().WithText(validText(e.NewText))))
	}
	for _, p := range order {
		out.ArtifactChanges = append(out.ArtifactChanges, changes[p])
	}
	props := sarif.NewPropertyBag()
	props.Add("safe", fix.Safe)
	out.AttachPropertyBag(props)
	return out
}

// relURI escapes a relative slash path as a URI reference.
func relURI(p string) string {
	u := (&url.URL{Path: p}).String()
	return u
}

// fileURI turns an absolute slash path into a file:// URI.
func fileURI(p string) string {
	if !strings.HasPrefix(p, "/") { // Windows drive paths
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// dirURI is the file:// URI of a directory, with the trailing slash SARIF
// requires of a base URI.
func dirURI(dir string) string {
	u := fileURI(filepath.ToSlash(dir))
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}
