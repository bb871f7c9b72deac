package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/agnivade/levenshtein"
	"github.com/spf13/cobra"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/diagnostics"
)

func init() {
	addCommand(rulesCommand)
	addCommand(explainCommand)
}

func rulesCommand() *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "rules",
		Short: "List the rules nixsec checks",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var metas []diagnostics.RuleMeta
			for _, r := range analyzer.Rules() {
				metas = append(metas, r.RuleMeta)
			}
			w := cmd.OutOrStdout()
			switch strings.ToLower(format) {
			case "text":
				return writeRuleTable(w, metas)
			case "json":
				out := make([]diagnostics.RuleJSON, 0, len(metas))
				for i := range metas {
					out = append(out, metas[i].JSON())
				}
				return writeJSON(w, out)
			}
			return usageError("unknown --format %q (want text or json)", format)
		},
	}
	c.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	return c
}

func writeRuleTable(w io.Writer, metas []diagnostics.RuleMeta) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tCATEGORY\tSLUG\tTITLE")
	for _, m := range metas {
		sev := m.Severity.String()
		if m.MaxSeverity > m.Severity {
			sev += "→" + m.MaxSeverity.String()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", m.ID, sev, m.Category, m.Slug, m.Title)
	}
	return tw.Flush()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func explainCommand() *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:     "explain RULE",
		Short:   "Show everything about one rule, by ID or slug",
		Example: "  nixsec explain NIXSEC-SYN-001\n  nixsec explain syntax-error",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r := findRule(args[0])
			if r == nil {
				return unknownRule(args[0])
			}
			w := cmd.OutOrStdout()
			switch strings.ToLower(format) {
			case "text", "markdown", "md":
				_, err := io.WriteString(w, diagnostics.RuleHelpMarkdown(r.RuleMeta))
				return err
			case "json":
				return writeJSON(w, r.RuleMeta.JSON())
			}
			return usageError("unknown --format %q (want text, markdown or json)", format)
		},
	}
	c.Flags().StringVarP(&format, "format", "f", "text", "output format: text (Markdown) or json")
	return c
}

// findRule looks a rule up by ID (with or without the NIXSEC- prefix) or
// slug, ignoring case.
func findRule(q string) *analyzer.Rule {
	if r, ok := analyzer.Lookup(q); ok {
		return r
	}
	for _, r := range analyzer.Rules() {
		if strings.EqualFold(r.ID, q) || strings.EqualFold(r.Slug, q) || strings.EqualFold(r.ID, "NIXSEC-"+q) {
			return r
		}
	}
	return nil
}

// unknownRule names the rules closest to q.
func unknownRule(q string) error {
	type cand struct {
		r    *analyzer.Rule
		dist int
	}
	lq := strings.ToLower(q)
	var cands []cand
	for _, r := range analyzer.Rules() {
		id, slug := strings.ToLower(r.ID), strings.ToLower(r.Slug)
		d := min(levenshtein.ComputeDistance(lq, id), levenshtein.ComputeDistance(lq, slug),
			levenshtein.ComputeDistance(lq, strings.TrimPrefix(id, "nixsec-")))
		if len(lq) >= 3 && (strings.Contains(id, lq) || strings.Contains(slug, lq)) {
			d = min(d, 1)
		}
		if d <= max(1, len(lq)/5) {
			cands = append(cands, cand{r, d})
		}
	}
	best := len(lq)
	for _, c := range cands {
		best = min(best, c.dist)
	}
	// Stable by distance, then ID (Rules is ordered by ID).
	for i := 1; i < len(cands); i++ {
		for j := i; j > 0 && cands[j].dist < cands[j-1].dist; j-- {
			cands[j], cands[j-1] = cands[j-1], cands[j]
		}
	}
	if len(cands) > 5 {
		cands = cands[:5]
	}
	if len(cands) == 0 {
		return usageError("unknown rule %q; run 'nixsec rules' to list them", q)
	}
	var names []string
	for _, c := range cands {
		if c.dist == best { // the closest ones
			names = append(names, fmt.Sprintf("%s (%s)", c.r.ID, c.r.Slug))
		}
	}
	return usageError("unknown rule %q; did you mean %s?", q, strings.Join(names, ", "))
}
