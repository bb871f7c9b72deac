package server

import (
	"errors"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// conv converts between byte offsets and LSP positions of one text in the
// negotiated encoding. Out-of-range positions are clamped, never rejected.
type conv struct {
	lines *nixast.LineIndex
	utf8  bool
}

func (c conv) pos(off int) protocol.Position {
	var p nixast.Pos
	if c.utf8 {
		p = c.lines.UTF8(off)
	} else {
		p = c.lines.UTF16(off)
	}
	return protocol.Position{Line: uint32(p.Line), Character: uint32(p.Col)}
}

func (c conv) rng(sp nixast.Span) protocol.Range {
	return protocol.Range{Start: c.pos(sp.Start), End: c.pos(sp.End)}
}

func (c conv) off(p protocol.Position) int {
	// uint32 positions above MaxInt32 come from broken clients; clamp.
	line, col := int(min(p.Line, 1<<31-1)), int(min(p.Character, 1<<31-1))
	if c.utf8 {
		return c.lines.FromUTF8(nixast.Pos{Line: line, Col: col})
	}
	return c.lines.FromUTF16(nixast.Pos{Line: line, Col: col})
}

// span converts a range to a byte span, ordering reversed ends.
func (c conv) span(r protocol.Range) nixast.Span {
	a, b := c.off(r.Start), c.off(r.End)
	if b < a {
		a, b = b, a
	}
	return nixast.Span{Start: a, End: b}
}

// lspSeverity maps nixsec severities to the editor's four levels.
func lspSeverity(s diagnostics.Severity) protocol.DiagnosticSeverity {
	switch {
	case s >= diagnostics.High:
		return protocol.DiagnosticSeverityError
	case s == diagnostics.Medium:
		return protocol.DiagnosticSeverityWarning
	case s == diagnostics.Low:
		return protocol.DiagnosticSeverityInformation
	default:
		return protocol.DiagnosticSeverityHint
	}
}

// diagnostic converts one finding. lookup gives the converter of another
// file for related locations (nil when that file cannot be read).
func toDiagnostic(f *diagnostics.Finding, c conv, docsBase, docURI string, lookup func(path string) *conv) protocol.Diagnostic {
	d := protocol.Diagnostic{
		Range:    c.rng(f.Span),
		Severity: lspSeverity(f.Severity),
		Code:     f.RuleID,
		Source:   "nixsec",
		Message:  f.Message,
	}
	if f.Confidence == diagnostics.Possible {
		d.Message += " (possible: depends on a value nixsec could not resolve)"
	}
	if f.System != "" {
		d.Message += " [in " + f.System + "]"
	}
	if f.RuleID != analyzer.InternalErrorID && docsBase != "" {
		d.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(docsBase + f.RuleID + ".md")}
	}
	for _, r := range f.Related {
		path := r.Path
		if path == "" {
			path = f.Path
		}
		rc, uri := &c, docURI
		if path != f.Path {
			rc, uri = lookup(path), pathToURI(path)
		}
		var rng protocol.Range
		if rc != nil {
			rng = rc.rng(r.Span)
		}
		d.RelatedInformation = append(d.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: protocol.DocumentURI(uri), Range: rng},
			Message:  r.Message,
		})
	}
	return d
}

// uriToPath turns a file:// URI into a local path.
func uriToPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", err
	}
	if u.Scheme != "file" {
		return "", errors.New("not a file URI: " + uri)
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/")
	}
	return filepath.FromSlash(p), nil
}

// pathToURI turns a local path into a file:// URI. A path that is already
// a URI (an untitled buffer's) is returned as it is.
func pathToURI(path string) string {
	if strings.Contains(path, "://") || strings.HasPrefix(path, "untitled:") {
		return path
	}
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// docPath is the path a document's File carries: the local path for file
// URIs, the URI itself otherwise (untitled buffers).
func docPath(uri string) string {
	if p, err := uriToPath(uri); err == nil {
		return p
	}
	return uri
}
