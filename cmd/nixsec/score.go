package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

func init() { addCommand(scoreCommand) }

type scoreFlags struct {
	service     string
	format      string
	threshold   float64
	maxFileSize int64
}

func scoreCommand() *cobra.Command {
	var fl scoreFlags
	c := &cobra.Command{
		Use:   "score [flags] [PATH...]",
		Short: "Compute systemd-analyze security exposure scores from the source",
		Long: `Compute the exposure score 'systemd-analyze security' would give each
systemd.services.<name> defined in the given files, without building or
booting the system: 0.0 (PERFECT) to 10.0 (DANGEROUS), from the service's
serviceConfig, unitConfig.DefaultDependencies and confinement settings.

A score marked "~" is approximate: some value could not be resolved or is set
under a condition. A score marked "≤" is partial: part of the serviceConfig
cannot be seen (it comes from an expression nixsec does not evaluate), and the
hidden settings would usually lower it. Units that a NixOS module or a package
defines (the source only adjusts them) are listed without a score.

--service NAME prints the per-check breakdown for one service, like
'systemd-analyze security NAME.service'.

Exit status: 0, or 1 when --threshold is given and a fully visible service
scores at or above it, 2 for usage and input errors.`,
		Example: "  nixsec score configuration.nix\n  nixsec score --service nginx .\n  nixsec score --format json --threshold 7.5 flake.nix",
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScore(cmd, args, &fl)
		},
	}
	f := c.Flags()
	f.StringVar(&fl.service, "service", "", "print the per-check breakdown of service `NAME` (with or without .service)")
	f.StringVarP(&fl.format, "format", "f", "text", "output format: text or json")
	f.Float64Var(&fl.threshold, "threshold", analyzer.DefaultExposureThreshold, "exposure (0-10) at or above which a service counts as failing; with it given, exit 1 if any does")
	f.Int64Var(&fl.maxFileSize, "max-file-size", 32, "skip (with an error) files larger than `MiB`")
	return c
}

// scoredService is one row of the report.
type scoredService struct {
	analyzer.ServiceScore
	Unit   string
	System string
	Where  string // path:line:col of the service's name
}

func runScore(cmd *cobra.Command, args []string, fl *scoreFlags) error {
	format := strings.ToLower(fl.format)
	if format != "text" && format != "json" {
		return usageError("unknown --format %q (want text or json)", fl.format)
	}
	if math.IsNaN(fl.threshold) || fl.threshold < 0 || fl.threshold > 10 {
		return usageError("--threshold must be between 0 and 10, like systemd-analyze's exposure (got %v)", fl.threshold)
	}
	if fl.maxFileSize <= 0 || fl.maxFileSize<<20 > nixast.MaxFileSize {
		return usageError("--max-file-size must be between 1 and %d (MiB)", nixast.MaxFileSize>>20)
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	stderr := cmd.ErrOrStderr()
	var files []*nixast.File
	failed := false
	for _, r := range load(collect(args), runtime.GOMAXPROCS(0), fl.maxFileSize<<20) {
		if r.err != nil {
			fmt.Fprintln(stderr, diagnostics.FormatErrorText(*r.err, false))
			failed = true
			continue
		}
		files = append(files, r.file)
	}
	services := scoreModel(analyzer.BuildModel(files))

	want := strings.TrimSuffix(fl.service, ".service")
	if fl.service != "" {
		var match []scoredService
		for _, s := range services {
			if s.Name == want {
				match = append(match, s)
			}
		}
		if len(match) == 0 {
			return &exitCode{exitError, fmt.Errorf("no systemd.services.%s in the given files%s", analyzer.JoinPath([]string{want}), suggestService(want, services))}
		}
		services = match
	}

	thr := int(math.Round(fl.threshold * 10))
	bw := bufio.NewWriter(cmd.OutOrStdout())
	var err error
	switch {
	case format == "json":
		err = writeJSON(bw, scoreJSON(services, fl.service != "", thr))
	case fl.service != "":
		err = writeScoreDetails(bw, services)
	default:
		err = writeScoreTable(bw, services, thr)
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return &exitCode{exitError, fmt.Errorf("writing output: %w", err)}
	}
	if failed {
		return &exitCode{code: exitError}
	}
	if cmd.Flags().Changed("threshold") {
		for _, s := range services {
			if countsAgainst(s, thr) {
				return &exitCode{code: exitFindings}
			}
		}
	}
	return nil
}

// countsAgainst reports a fully visible service at or above the threshold.
func countsAgainst(s scoredService, thr int) bool {
	return !s.Module && !s.Partial && s.Exposure >= thr
}

// scoreModel scores the services of every NixOS system of the model.
func scoreModel(m *analyzer.Model) []scoredService {
	lines := map[string]*nixast.LineIndex{}
	var out []scoredService
	for _, sys := range m.AllSystems() {
		if !sys.Context.IsNixOS() {
			continue
		}
		for _, f := range sys.Files {
			lines[f.Path] = f.Lines
		}
		for _, ss := range analyzer.ServiceScores(sys) {
			s := scoredService{ServiceScore: ss, Unit: ss.Name + ".service", System: sys.Name}
			if s.System == "" {
				s.System = "-"
			}
			if li := lines[ss.Location.Path]; li != nil {
				p := li.Human(ss.Location.Span.Start)
				s.Where = fmt.Sprintf("%s:%d:%d", ss.Location.Path, p.Line, p.Col)
			} else {
				s.Where = ss.Location.Path
			}
			out = append(out, s)
		}
	}
	return out
}

func suggestService(want string, services []scoredService) string {
	var names []string
	seen := map[string]bool{}
	for _, s := range services {
		if !seen[s.Name] {
			seen[s.Name] = true
			names = append(names, s.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	if len(names) > 10 {
		names = append(names[:10], "…")
	}
	return " (services: " + strings.Join(names, ", ") + ")"
}

// exposureText is the EXPOSURE column: "9.6", "~8.2", "≤7.7", or "-" for
// a unit defined by a module.
func exposureText(s scoredService) string {
	if s.Module {
		return "-"
	}
	t := s.Score.Text()
	switch {
	case s.Partial:
		return "≤" + t
	case s.Approximate:
		return "~" + t
	}
	return t
}

func levelText(s scoredService) string {
	if s.Module {
		return "MODULE"
	}
	return s.Level
}

// topGaps names the directives that cost the most, like the largest
// contributions of `systemd-analyze security NAME`.
func topGaps(sc analyzer.Score, n int) []string {
	type gap struct {
		dir string
		exp int
	}
	var gs []gap
	idx := map[string]int{}
	for _, r := range sc.Rows {
		if r.NA || r.Exposure == 0 {
			continue
		}
		if i, ok := idx[r.Directive]; ok {
			gs[i].exp += r.Exposure
			continue
		}
		idx[r.Directive] = len(gs)
		gs = append(gs, gap{r.Directive, r.Exposure})
	}
	// Stable selection sort: biggest first, table order on ties.
	var out []string
	for len(out) < n && len(gs) > 0 {
		best := 0
		for i := range gs {
			if gs[i].exp > gs[best].exp {
				best = i
			}
		}
		out = append(out, gs[best].dir)
		gs = append(gs[:best], gs[best+1:]...)
	}
	return out
}

func writeScoreTable(w io.Writer, services []scoredService, thr int) error {
	if len(services) == 0 {
		_, err := fmt.Fprintln(w, "no systemd.services.<name> found")
		return err
	}
	var tb bytes.Buffer
	tw := tabwriter.NewWriter(&tb, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "UNIT\tSYSTEM\tEXPOSURE\tPREDICATE\tLOCATION\tTOP GAPS")
	above := 0
	for _, s := range services {
		gaps := strings.Join(topGaps(s.Score, 4), ", ")
		switch {
		case s.Module:
			gaps = "(unit of a NixOS module or package: its settings are not in the source)"
		case gaps == "":
			gaps = "-"
		}
		if countsAgainst(s, thr) {
			above++
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.Unit, s.System, exposureText(s), levelText(s), s.Where, gaps)
	}
	if err := flushTrimmed(w, tw, &tb); err != nil {
		return err
	}
	var notes []string
	for _, s := range services {
		if !s.Module && s.Approximate {
			notes = append(notes, fmt.Sprintf("  %s: %s", s.Unit, strings.Join(s.Unknown, "; ")))
		}
	}
	fmt.Fprintf(w, "\n%d service(s), %d at or above %d.%d\n", len(services), above, thr/10, thr%10)
	if len(notes) > 0 {
		fmt.Fprintln(w, "Not exact:")
		for _, n := range notes {
			fmt.Fprintln(w, n)
		}
	}
	return nil
}

func writeScoreDetails(w io.Writer, services []scoredService) error {
	for i, s := range services {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s (system %s, %s)\n", s.Unit, s.System, s.Where)
		var tb bytes.Buffer
		tw := tabwriter.NewWriter(&tb, 0, 0, 1, ' ', 0)
		fmt.Fprintln(tw, " \tNAME\t DESCRIPTION\t EXPOSURE")
		for _, r := range s.Rows {
			mark := "✗"
			switch {
			case r.NA:
				mark = " "
			case r.Badness == 0:
				mark = "✓"
			}
			exp := ""
			if !r.NA && r.Exposure > 0 {
				exp = fmt.Sprintf("%d.%d", r.Exposure/10, r.Exposure%10)
			}
			fmt.Fprintf(tw, "%s\t%s\t %s\t %s\n", mark, r.Name, r.Description, exp)
		}
		if err := flushTrimmed(w, tw, &tb); err != nil {
			return err
		}
		fmt.Fprintf(w, "\n→ Overall exposure level for %s: %s %s\n", s.Unit, exposureText(s), levelText(s))
		if s.Module {
			fmt.Fprintln(w, "  The unit comes from a NixOS module or package; only the source's own settings are scored.")
		} else if s.Approximate {
			fmt.Fprintf(w, "  Not exact: %s\n", strings.Join(s.Unknown, "; "))
		}
	}
	return nil
}

// flushTrimmed flushes a tabwriter that writes into tb and copies the
// result to w without the padding at the ends of lines.
func flushTrimmed(w io.Writer, tw *tabwriter.Writer, tb *bytes.Buffer) error {
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, line := range strings.SplitAfter(tb.String(), "\n") {
		if line == "" {
			continue
		}
		if _, err := io.WriteString(w, strings.TrimRight(line, " \n")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// Score JSON: one object per service.
type scoreRowJSON struct {
	Name        string  `json:"name"`
	Directive   string  `json:"directive"`
	Description string  `json:"description"`
	Weight      int     `json:"weight"`
	Badness     *int    `json:"badness"` // null when not applicable
	Range       int     `json:"range"`
	Exposure    float64 `json:"exposure"`
}

type scoreJSONEntry struct {
	Unit        string         `json:"unit"`
	Name        string         `json:"name"`
	System      string         `json:"system,omitempty"` // "" for the top-level system, as in lint's JSON
	Path        string         `json:"path"`
	Location    string         `json:"location"`
	Type        string         `json:"type,omitempty"`
	Module      bool           `json:"module"`
	Exposure    *float64       `json:"exposure"` // null for module units
	Level       string         `json:"level"`
	Approximate bool           `json:"approximate"`
	Partial     bool           `json:"partial"`
	Unknown     []string       `json:"unknown"`
	AtThreshold bool           `json:"at_or_above_threshold"`
	TopGaps     []string       `json:"top_gaps"`
	Checks      []scoreRowJSON `json:"checks,omitempty"`
}

func scoreJSON(services []scoredService, details bool, thr int) []scoreJSONEntry {
	out := make([]scoreJSONEntry, 0, len(services))
	for _, s := range services {
		e := scoreJSONEntry{
			Unit: s.Unit, Name: s.Name, System: strings.TrimPrefix(s.System, "-"), Path: s.Location.Path, Location: s.Where, Type: s.Type,
			Module: s.Module, Level: levelText(s), Approximate: s.Approximate, Partial: s.Partial,
			Unknown: append([]string{}, s.Unknown...), AtThreshold: countsAgainst(s, thr), TopGaps: append([]string{}, topGaps(s.Score, 5)...),
		}
		if !s.Module {
			x := float64(s.Exposure) / 10
			e.Exposure = &x
		}
		if details {
			for _, r := range s.Rows {
				row := scoreRowJSON{Name: r.Name, Directive: r.Directive, Description: r.Description, Weight: r.Weight, Range: r.Range, Exposure: float64(r.Exposure) / 10}
				if !r.NA {
					b := r.Badness
					row.Badness = &b
				}
				e.Checks = append(e.Checks, row)
			}
		}
		out = append(out, e)
	}
	return out
}
