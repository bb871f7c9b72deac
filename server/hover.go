package server

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// HoverContext is what a hover provider sees: the document's current
// analysis and the byte offset under the cursor.
type HoverContext struct {
	URI      string
	File     *nixast.File
	Offset   int
	Findings []diagnostics.Finding
	DocsBase string
	// Model is the module model of the document's last analysis (nil
	// when it could not be parsed); Roots are the workspace folders, to
	// show paths relative to them.
	Model *analyzer.Model
	Roots []string
}

// HoverProvider returns markdown for the position and the span it
// describes, or "" when it has nothing to say. Providers are asked in
// order and their answers joined: the findings under the cursor first,
// then the option under it (optionHover).
type HoverProvider func(ctx context.Context, hc *HoverContext) (markdown string, span nixast.Span)

// CodeLensProvider returns lenses for a document (exposureLenses is the
// built-in one). Ranges are byte spans; the server converts them.
type CodeLensProvider func(ctx context.Context, lc *LensContext) []CodeLens

// LensContext is what a code-lens provider sees: the document's current
// analysis.
type LensContext struct {
	URI      string
	File     *nixast.File
	Findings []diagnostics.Finding
	Model    *analyzer.Model
	result   *analysis
}

// CodeLens is a provider's lens: a span, a title and an optional command.
type CodeLens struct {
	Span      nixast.Span
	Title     string
	Command   string
	Arguments []any
}

func (s *Server) hover(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.HoverParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	res, _, ok := s.current(string(p.TextDocument.URI))
	if !ok || res.file == nil {
		return nil, nil
	}
	s.touch(string(p.TextDocument.URI))
	s.mu.Lock()
	c := conv{lines: res.file.Lines, utf8: s.enc == encUTF8}
	docsBase := s.docsBaseLocked()
	providers := s.hovers
	s.mu.Unlock()
	hc := &HoverContext{URI: string(p.TextDocument.URI), File: res.file, Offset: c.off(p.Position), Findings: res.findings, DocsBase: docsBase, Model: res.Model(), Roots: s.rootsCopy()}
	var parts []string
	var span nixast.Span
	first := true
	for _, hp := range providers {
		md, sp := hp(ctx, hc)
		if md == "" {
			continue
		}
		parts = append(parts, md)
		if first {
			span, first = sp, false
		} else {
			span = nixast.Span{Start: min(span.Start, sp.Start), End: max(span.End, sp.End)}
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	r := c.rng(span)
	return protocol.Hover{
		Contents: protocol.MarkupContent{Kind: protocol.Markdown, Value: strings.Join(parts, "\n\n---\n\n")},
		Range:    &r,
	}, nil
}

// findingHover explains the rules of the findings under the cursor.
func findingHover(_ context.Context, hc *HoverContext) (string, nixast.Span) {
	var parts []string
	var span nixast.Span
	seen := map[string]bool{}
	for _, f := range hc.Findings {
		if hc.Offset < f.Span.Start || hc.Offset > f.Span.End || seen[f.RuleID] {
			continue
		}
		seen[f.RuleID] = true
		if len(parts) == 0 {
			span = f.Span
		}
		parts = append(parts, explainMarkdown(&f, hc.DocsBase))
	}
	return strings.Join(parts, "\n\n---\n\n"), span
}

// explainMarkdown is a rule's full explanation for one finding.
func explainMarkdown(f *diagnostics.Finding, docsBase string) string {
	var b strings.Builder
	r, ok := analyzer.Lookup(f.RuleID)
	if !ok {
		fmt.Fprintf(&b, "**%s**\n\n%s\n", f.RuleID, f.Message)
		return b.String()
	}
	fmt.Fprintf(&b, "### %s — %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "*%s* · severity **%s**", r.Category, f.Severity)
	if f.Confidence == diagnostics.Possible {
		b.WriteString(" · confidence possible")
	}
	b.WriteString("\n\n")
	fmt.Fprintf(&b, "%s\n\n", f.Message)
	section := func(title, text string) {
		if strings.TrimSpace(text) != "" {
			fmt.Fprintf(&b, "**%s**\n\n%s\n\n", title, strings.TrimSpace(text))
		}
	}
	section("What it detects", r.Description)
	section("Why it matters", r.Why)
	section("Remediation", r.Remediation)
	if r.Good != "" {
		fmt.Fprintf(&b, "```nix\n%s\n```\n\n", strings.TrimSpace(r.Good))
	}
	section("When it may not apply", r.FalsePositives)
	var refs []string
	if docsBase != "" {
		refs = append(refs, fmt.Sprintf("[%s documentation](%s%s.md)", r.ID, docsBase, r.ID))
	}
	for _, u := range r.References {
		refs = append(refs, fmt.Sprintf("<%s>", u))
	}
	for _, cwe := range r.CWE {
		refs = append(refs, fmt.Sprintf("[CWE-%d](https://cwe.mitre.org/data/definitions/%d.html)", cwe, cwe))
	}
	if len(refs) > 0 {
		b.WriteString("**References**\n\n")
		for _, ref := range refs {
			fmt.Fprintf(&b, "- %s\n", ref)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func (s *Server) codeLens(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.CodeLensParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	lenses := []protocol.CodeLens{}
	s.mu.Lock()
	providers := s.lenses
	s.mu.Unlock()
	if len(providers) == 0 {
		return lenses, nil
	}
	res, _, ok := s.current(string(p.TextDocument.URI))
	if !ok || res.file == nil {
		return lenses, nil
	}
	s.touch(string(p.TextDocument.URI))
	s.mu.Lock()
	c := conv{lines: res.file.Lines, utf8: s.enc == encUTF8}
	s.mu.Unlock()
	lc := &LensContext{URI: string(p.TextDocument.URI), File: res.file, Findings: res.findings, Model: res.Model(), result: res}
	for _, lp := range providers {
		for _, l := range lp(ctx, lc) {
			cl := protocol.CodeLens{Range: c.rng(l.Span)}
			cl.Command = &protocol.Command{Title: l.Title, Command: l.Command, Arguments: l.Arguments}
			lenses = append(lenses, cl)
		}
	}
	return lenses, nil
}
