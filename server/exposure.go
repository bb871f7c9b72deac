package server

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/nixast"
)

// CmdShowExposure is the command of the exposure lenses: arguments are the
// document URI, the service name and the system name ("" for the top
// level). workspace/executeCommand answers the breakdown as markdown.
const CmdShowExposure = "nixsec.showExposure"

// exposureLens is one service's lens in a document.
type exposureLens struct {
	span   nixast.Span
	name   string
	system string
	score  analyzer.Score
	more   int // other systems that define the service at the same place
}

// exposureTitle is the lens text: `systemd-analyze security`'s number and
// level, marked ≈ when an input is not known exactly and ≤ when part of
// the unit cannot be seen (then hidden settings would usually lower it).
func exposureTitle(sc analyzer.Score, system string, more int) string {
	t := "exposure "
	switch {
	case sc.Partial:
		t += "≤" + sc.Text() + " " + sc.Level + " (partial: the unit is defined elsewhere)"
	case sc.Approximate:
		t += "≈" + sc.Text() + " " + sc.Level + " (approximate)"
	default:
		t += sc.Text() + " " + sc.Level
	}
	if system != "" {
		t += " · " + system
	}
	if more > 0 {
		t += fmt.Sprintf(" (+%d systems)", more)
	}
	return t
}

// lensesOf computes the exposure lenses of an analysis once.
func lensesOf(res *analysis) []exposureLens {
	res.lensOnce.Do(func() {
		model := res.Model()
		if model == nil || res.file == nil {
			return
		}
		at := map[nixast.Span]int{} // span → index in res.lenses
		for _, sys := range model.AllSystems() {
			if !sys.Context.IsNixOS() {
				continue
			}
			has := false
			for _, d := range sys.Defs {
				if d.File == res.file || (d.File != nil && d.File.Path == res.file.Path) {
					has = true
					break
				}
			}
			if !has {
				continue
			}
			keysOf := analyzer.ServiceKeysIn(sys, res.file.Path)
			for _, ss := range analyzer.ServiceScores(sys) {
				keys := keysOf[ss.Name]
				if len(keys) == 0 {
					continue
				}
				sp := keys[0].Span() // once per service per file
				if i, ok := at[sp]; ok {
					res.lenses[i].more++
					continue
				}
				at[sp] = len(res.lenses)
				res.lenses = append(res.lenses, exposureLens{span: sp, name: ss.Name, system: sys.Name, score: ss.Score})
			}
		}
	})
	return res.lenses
}

// exposureLenses puts `systemd-analyze security`'s verdict above each
// systemd.services.<name> the document defines.
func exposureLenses(_ context.Context, lc *LensContext) []CodeLens {
	if lc.result == nil {
		return nil
	}
	var out []CodeLens
	for _, l := range lensesOf(lc.result) {
		out = append(out, CodeLens{
			Span: l.span, Title: exposureTitle(l.score, l.system, l.more),
			Command: CmdShowExposure, Arguments: []any{lc.URI, l.name, l.system},
		})
	}
	return out
}

type executeCommandParams struct {
	Command   string            `json:"command"`
	Arguments []json.RawMessage `json:"arguments"`
}

// executeCommand runs nixsec.showExposure: it answers the service's
// breakdown as markdown, logs it (window/logMessage) and shows a one-line
// summary (window/showMessage) for clients that ignore the result.
func (s *Server) executeCommand(ctx context.Context, raw json.RawMessage) (any, error) {
	var p executeCommandParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	if p.Command != CmdShowExposure {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("unknown command %q", p.Command))
	}
	var uri, name, system string
	args := []*string{&uri, &name, &system}
	if len(p.Arguments) < 2 {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, CmdShowExposure+" takes the document URI, the service name and the system name")
	}
	for i, a := range p.Arguments {
		if i < len(args) && json.Unmarshal(a, args[i]) != nil {
			return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("%s: argument %d is not a string", CmdShowExposure, i+1))
		}
	}
	res, _, ok := s.current(uri)
	var model *analyzer.Model
	if ok {
		s.touch(uri)
		model = res.Model()
	}
	if model == nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("%s is not open or cannot be analysed", uri))
	}
	var sys *analyzer.System
	for _, x := range model.AllSystems() {
		if x.Name == system && x.Context.IsNixOS() {
			sys = x
			break
		}
	}
	if sys == nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("no system %q in %s", system, uri))
	}
	sc := analyzer.ScoreService(sys, name)
	md := exposureMarkdown(name, system, sc)
	unit := name + ".service"
	if system != "" {
		unit += " (" + system + ")"
	}
	s.notify(mLogMessage, logMessageParams{Type: protocol.MessageTypeInfo, Message: md})
	s.notify(mShowMessage, logMessageParams{Type: protocol.MessageTypeInfo, Message: fmt.Sprintf("nixsec: %s %s", unit, exposureTitle(sc, "", 0))})
	return md, nil
}

// exposureMarkdown renders a score as `systemd-analyze security NAME` does:
// one row per check, ✗ for the ones that add exposure, then the total.
func exposureMarkdown(name, system string, sc analyzer.Score) string {
	var b strings.Builder
	unit := name + ".service"
	fmt.Fprintf(&b, "# Exposure of %s", unit)
	if system != "" {
		fmt.Fprintf(&b, " in %s", system)
	}
	b.WriteString("\n\nAs `systemd-analyze security` would score it, from the NixOS definitions (nothing is built or evaluated).\n\n")
	switch {
	case sc.Partial:
		b.WriteString("**Partial:** part of the unit is defined where nixsec cannot see it (a NixOS module or package, an opaque `serviceConfig`); the settings shown are the visible ones, and hidden ones would usually lower the exposure.\n\n")
	case sc.Approximate:
		b.WriteString("**Approximate:** some inputs are not known exactly")
		if len(sc.Unknown) > 0 {
			b.WriteString(": " + strings.Join(sc.Unknown, "; "))
		}
		b.WriteString(".\n\n")
	}
	b.WriteString("| | Check | Description | Exposure |\n| --- | --- | --- | --- |\n")
	for _, r := range sc.Rows {
		mark, exp := "✗", fmt.Sprintf("%d.%d", r.Exposure/10, r.Exposure%10)
		switch {
		case r.NA:
			mark, exp = "–", "n/a"
		case r.Badness == 0:
			mark, exp = "✓", ""
		}
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", mark, strings.ReplaceAll(r.Name, "|", "\\|"), strings.ReplaceAll(r.Description, "|", "\\|"), exp)
	}
	prefix := ""
	switch {
	case sc.Partial:
		prefix = "≤"
	case sc.Approximate:
		prefix = "≈"
	}
	fmt.Fprintf(&b, "\n→ Overall exposure level for %s: **%s%s %s**\n", unit, prefix, sc.Text(), sc.Level)
	return b.String()
}
