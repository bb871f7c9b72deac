package main

import (
	"bufio"
	"fmt"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

func init() { addCommand(dumpOptionsCommand) }

func dumpOptionsCommand() *cobra.Command {
	var format string
	var maxFileSize int64
	c := &cobra.Command{
		Use:   "dump-options [flags] PATH...",
		Short: "Print the option definitions nixsec sees, per system",
		Long: `Print the module model nixsec builds from the given files: each system (a
NixOS configuration, a flake host, a container, a test node, a Home Manager
user, a flake's nixConfig) with its context, and every option definition in
it: path, resolved value, file:line:col of the key and of the value, priority,
conditions (their text and whether they hold), and whether the definition
takes effect or which definition overrides it.

Paths are walked like 'nixsec lint' does. Files imported by another given file
are part of the importer's system; imports outside the given files are read
from disk.`,
		Example: "  nixsec dump-options configuration.nix\n  nixsec dump-options --format json flake.nix",
		RunE: func(cmd *cobra.Command, args []string) error {
			format = strings.ToLower(format)
			if format != "text" && format != "json" {
				return usageError("unknown --format %q (want text or json)", format)
			}
			if maxFileSize <= 0 || maxFileSize<<20 > nixast.MaxFileSize {
				return usageError("--max-file-size must be between 1 and %d (MiB)", nixast.MaxFileSize>>20)
			}
			if len(args) == 0 {
				args = []string{"."}
			}
			stderr := cmd.ErrOrStderr()
			var files []*nixast.File
			failed := false
			for _, r := range load(collect(args), runtime.GOMAXPROCS(0), maxFileSize<<20) {
				if r.err != nil {
					fmt.Fprintln(stderr, diagnostics.FormatErrorText(*r.err, false))
					failed = true
					continue
				}
				files = append(files, r.file)
			}
			dump := analyzer.BuildModel(files).Dump(nil)
			bw := bufio.NewWriter(cmd.OutOrStdout())
			var err error
			if format == "json" {
				err = writeJSON(bw, dump)
			} else {
				err = dump.WriteText(bw)
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
			return nil
		},
	}
	c.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	c.Flags().Int64Var(&maxFileSize, "max-file-size", 32, "skip (with an error) files larger than `MiB`")
	return c
}
