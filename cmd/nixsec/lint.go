package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/internal/version"
	"github.com/nixsec/nixsec/nixast"
)

func init() { addCommand(lintCommand) }

type lintFlags struct {
	format      string
	output      string
	color       bool
	noColor     bool
	noSource    bool
	minSeverity string
	failOn      string
	jobs        int
	maxFileSize int64 // MiB
}

func lintCommand() *cobra.Command {
	var fl lintFlags
	c := &cobra.Command{
		Use:   "lint [flags] PATH...",
		Short: "Check Nix files and directories for security problems",
		Long: `Check Nix files and directories for security problems.

Directories are searched recursively for *.nix files, skipping .git, result*
symlinks and what .gitignore files ignore; a file named explicitly is checked
whatever its name. Without a path, the current directory is checked.

Exit status: 0 when nothing at or above --fail-on was found, 1 when something
was, 2 when a file could not be read or parsed or the command line was wrong.`,
		Example: "  nixsec lint examples/\n  nixsec lint --format sarif --output nixsec.sarif .\n  nixsec lint --min-severity medium --fail-on high configuration.nix",
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(cmd, args, &fl)
		},
	}
	f := c.Flags()
	f.StringVarP(&fl.format, "format", "f", "text", "output format: text, json or sarif")
	f.StringVarP(&fl.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	f.BoolVar(&fl.color, "color", false, "color the text output even when it is not a terminal")
	f.BoolVar(&fl.noColor, "no-color", false, "never color the output (also: NO_COLOR environment variable)")
	f.BoolVar(&fl.noSource, "no-source", false, "do not quote source lines in the text output")
	f.StringVar(&fl.minSeverity, "min-severity", "info", "report only findings at or above `SEVERITY` (info, low, medium, high, critical)")
	f.StringVar(&fl.failOn, "fail-on", "low", "exit 1 when a reported finding is at or above `SEVERITY`; none never fails")
	f.IntVarP(&fl.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "files parsed in parallel")
	f.Int64Var(&fl.maxFileSize, "max-file-size", 32, "skip (with an error) files larger than `MiB`")
	return c
}

func runLint(cmd *cobra.Command, args []string, fl *lintFlags) error {
	stderr := cmd.ErrOrStderr()
	format := strings.ToLower(fl.format)
	switch format {
	case "text", "json", "sarif":
	default:
		return usageError("unknown --format %q (want text, json or sarif)", fl.format)
	}
	minSev, err := diagnostics.ParseSeverity(fl.minSeverity)
	if err != nil {
		return usageError("--min-severity: %v", err)
	}
	failOn, failNever := diagnostics.Severity(0), strings.EqualFold(fl.failOn, "none")
	if !failNever {
		if failOn, err = diagnostics.ParseSeverity(fl.failOn); err != nil {
			return usageError("--fail-on: %v, or none", err)
		}
	}
	if fl.color && fl.noColor {
		return usageError("--color and --no-color contradict each other")
	}
	if fl.maxFileSize <= 0 || fl.maxFileSize > nixast.MaxFileSize>>20 {
		return usageError("--max-file-size must be between 1 and %d (MiB)", nixast.MaxFileSize>>20)
	}
	if fl.jobs < 1 {
		return usageError("--jobs must be at least 1")
	}
	if len(args) == 0 {
		args = []string{"."}
	}

	targets := collect(args)
	results := load(targets, fl.jobs, fl.maxFileSize<<20)

	root, _ := os.Getwd()
	rep := &diagnostics.Report{Tool: toolInfo(), Root: root}
	var files []*nixast.File
	for _, r := range results {
		if r.err != nil {
			rep.Errors = append(rep.Errors, *r.err)
			continue
		}
		files = append(files, r.file)
		rep.AddSource(r.file)
	}
	rep.Files = len(files)
	for _, r := range analyzer.Rules() {
		rep.Rules = append(rep.Rules, r.RuleMeta)
	}
	for _, f := range analyzer.Analyze(files, analyzer.Options{}) {
		if f.Severity >= minSev {
			rep.Findings = append(rep.Findings, f)
		}
	}

	// Findings may point into files the analyzer read by itself (imports
	// outside the linted set): parse those too, for lines and columns.
	for _, p := range rep.PathsWithoutSource() {
		if src, ferr := readSource(p, nixast.MaxFileSize); ferr == nil {
			if f, err := nixast.Parse(p, src); err == nil {
				rep.AddSource(f)
			}
		}
	}

	// File errors always go to stderr; JSON and SARIF also carry them.
	errColor := !fl.noColor && os.Getenv("NO_COLOR") == "" && isTerminal(stderr)
	for _, e := range rep.Errors {
		fmt.Fprintln(stderr, diagnostics.FormatErrorText(e, errColor))
	}

	var out io.Writer = cmd.OutOrStdout()
	var file *os.File
	if fl.output != "" && fl.output != "-" {
		if file, err = os.Create(fl.output); err != nil {
			return &exitCode{exitError, fmt.Errorf("cannot write report: %w", err)}
		}
		out = file
	}
	bw := bufio.NewWriter(out)
	switch format {
	case "text":
		color := fl.color || (!fl.noColor && os.Getenv("NO_COLOR") == "" && file == nil && isTerminal(out))
		err = diagnostics.WriteText(bw, rep, diagnostics.TextOptions{Color: color, Source: !fl.noSource, Summary: true})
	case "json":
		err = diagnostics.WriteJSON(bw, rep)
	case "sarif":
		err = diagnostics.WriteSARIF(bw, rep)
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return &exitCode{exitError, fmt.Errorf("writing report: %w", err)}
	}

	switch {
	case len(rep.Errors) > 0:
		return &exitCode{code: exitError}
	case !failNever && hasAtLeast(rep.Findings, failOn):
		return &exitCode{code: exitFindings}
	}
	return nil
}

func hasAtLeast(fs []diagnostics.Finding, s diagnostics.Severity) bool {
	for _, f := range fs {
		if f.Severity >= s {
			return true
		}
	}
	return false
}

func toolInfo() diagnostics.Tool {
	return diagnostics.Tool{
		Name:           "nixsec",
		Version:        version.Version,
		InformationURI: "https://github.com/nixsec/nixsec",
		Grammar:        version.GrammarModule + "@" + version.GrammarVersion,
		GoVersion:      version.Go(),
	}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("TERM") != "dumb"
}
