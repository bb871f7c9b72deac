package server

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// SuppressComment is the inline suppression the "suppress" action writes on
// the line above a finding: rule ID, then the reason. Its keyword is
// diagnostics.SuppressionComment, the one place the syntax is spelled.
const SuppressComment = "# " + diagnostics.SuppressionComment + " %s: %s"

// SuppressReason is the placeholder reason the action writes; the user is
// expected to replace it.
const SuppressReason = "TODO explain why this is acceptable"

func (s *Server) codeAction(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.CodeActionParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	uri := string(p.TextDocument.URI)
	res, _, ok := s.current(uri)
	if !ok || res.file == nil {
		return []protocol.CodeAction{}, nil
	}
	s.mu.Lock()
	utf8 := s.enc == encUTF8
	s.mu.Unlock()
	c := conv{lines: res.file.Lines, utf8: utf8}
	want := func(k protocol.CodeActionKind) bool {
		if len(p.Context.Only) == 0 {
			return k != kindFixAllOurs // fix-all only when asked for by kind
		}
		for _, o := range p.Context.Only {
			if k == o || strings.HasPrefix(string(k), string(o)+".") {
				return true
			}
		}
		return false
	}
	actions := []protocol.CodeAction{}
	sp := c.span(p.Range)
	// Codes of the diagnostics the client sent, to narrow what we offer.
	codes := map[string]bool{}
	for _, d := range p.Context.Diagnostics {
		if code, ok := d.Code.(string); ok && d.Source == "nixsec" {
			codes[code] = true
		}
	}
	if want(kindQuickFix) {
		for i := range res.findings {
			f := &res.findings[i]
			if !touches(f.Span, sp) || (len(codes) > 0 && !codes[f.RuleID]) {
				continue
			}
			diag := res.diags[i]
			for _, fix := range f.Fixes {
				edit, ok := s.workspaceEdit(uri, res, c, fix.Edits)
				if !ok {
					continue
				}
				actions = append(actions, protocol.CodeAction{
					Title: fix.Title, Kind: kindQuickFix, Diagnostics: []protocol.Diagnostic{diag},
					IsPreferred: fix.Safe, Edit: edit,
				})
			}
			if f.RuleID != analyzer.InternalErrorID && f.RuleID != analyzer.SyntaxError.ID && f.RuleID != analyzer.BadSuppression.ID {
				edit, _ := s.workspaceEdit(uri, res, c, []diagnostics.Edit{suppressEdit(res.file, f)})
				actions = append(actions, protocol.CodeAction{
					Title: fmt.Sprintf("Suppress %s on this line (nixsec-ignore)", f.RuleID),
					Kind:  kindQuickFix, Diagnostics: []protocol.Diagnostic{diag}, Edit: edit,
				})
			}
		}
	}
	if want(kindFixAllOurs) {
		if edits := fixAllEdits(res); len(edits) > 0 {
			edit, ok := s.workspaceEdit(uri, res, c, edits)
			if ok {
				actions = append(actions, protocol.CodeAction{Title: "Apply all safe nixsec fixes", Kind: kindFixAllOurs, Edit: edit})
			}
		}
	}
	return actions, nil
}

// touches reports whether a finding's span meets the requested range (an
// empty range is a cursor, which touches a span it is inside or at the end of).
func touches(f, r nixast.Span) bool {
	return f.Start <= r.End && r.Start <= f.End
}

// suppressEdit inserts the suppression comment on its own line above the
// finding, with the finding line's indentation.
func suppressEdit(file *nixast.File, f *diagnostics.Finding) diagnostics.Edit {
	line := file.Lines.Line(f.Span.Start)
	start := file.Lines.LineStart(line)
	text := file.Lines.LineText(line)
	indent := text[:len(text)-len(strings.TrimLeft(string(text), " \t"))]
	eol := "\n"
	if end := file.Lines.LineEnd(line); end < len(file.Src) && file.Src[end] == '\r' {
		eol = "\r\n"
	}
	comment := string(indent) + fmt.Sprintf(SuppressComment, f.RuleID, SuppressReason) + eol
	return diagnostics.Edit{Location: diagnostics.Location{Path: file.Path, Span: nixast.Span{Start: start, End: start}}, NewText: comment}
}

// fixAllEdits collects the edits of every safe fix in the document whose
// edits stay in the document and overlap no edit already taken.
func fixAllEdits(res *analysis) []diagnostics.Edit {
	var taken []diagnostics.Edit
	overlaps := func(e diagnostics.Edit) bool {
		for _, t := range taken {
			if e.Span.Start < t.Span.End && t.Span.Start < e.Span.End {
				return true
			}
			// Two insertions at one point, or an insertion at a
			// replacement's edge, have no defined order: skip.
			if e.Span.Start == t.Span.Start || (e.Span.Len() == 0 && (e.Span.Start == t.Span.End)) || (t.Span.Len() == 0 && t.Span.Start == e.Span.End) {
				return true
			}
		}
		return false
	}
	for _, f := range res.findings {
	fixes:
		for _, fix := range f.Fixes {
			if !fix.Safe || len(fix.Edits) == 0 {
				continue
			}
			for _, e := range fix.Edits {
				if (e.Path != "" && e.Path != res.file.Path) || overlaps(e) {
					continue fixes
				}
			}
			taken = append(taken, fix.Edits...)
			break // one fix per finding
		}
	}
	sort.Slice(taken, func(i, j int) bool { return taken[i].Span.Start < taken[j].Span.Start })
	return taken
}

// workspaceEdit turns edits into a versioned WorkspaceEdit: one
// TextDocumentEdit per file, carrying the version of an open document
// (null for a file on disk). ok is false when an edit's file cannot be read.
func (s *Server) workspaceEdit(uri string, res *analysis, c conv, edits []diagnostics.Edit) (*protocol.WorkspaceEdit, bool) {
	byPath := map[string][]diagnostics.Edit{}
	var order []string
	for _, e := range edits {
		p := e.Path
		if p == "" {
			p = res.file.Path
		}
		if _, ok := byPath[p]; !ok {
			order = append(order, p)
		}
		byPath[p] = append(byPath[p], e)
	}
	we := &protocol.WorkspaceEdit{}
	for _, p := range order {
		var (
			docURI  string
			version *int32
			fc      conv
		)
		if p == res.file.Path {
			v := res.version
			docURI, version, fc = uri, &v, c
		} else {
			s.mu.Lock()
			var open *docState
			for _, d := range s.docs {
				if d.path == p {
					open = d
				}
			}
			if open != nil && open.file != nil {
				v := open.version
				docURI, version, fc = open.uri, &v, conv{lines: open.file.Lines, utf8: c.utf8}
			}
			s.mu.Unlock()
			if open == nil {
				f, err := s.ws.File(p)
				if err != nil || f == nil {
					return nil, false
				}
				docURI, fc = pathToURI(p), conv{lines: f.Lines, utf8: c.utf8}
			}
		}
		tde := protocol.TextDocumentEdit{
			TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{
				TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: protocol.DocumentURI(docURI)},
				Version:                version,
			},
			Edits: []protocol.TextEdit{},
		}
		for _, e := range byPath[p] {
			tde.Edits = append(tde.Edits, protocol.TextEdit{Range: fc.rng(e.Span), NewText: e.NewText})
		}
		we.DocumentChanges = append(we.DocumentChanges, tde)
	}
	return we, true
}
