// Command nixsec is the static security analyzer for Nix and NixOS
// configurations. Each subcommand lives in its own file and registers itself
// from init with addCommand, so adding one is a one-file change.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/spf13/cobra"

	"github.com/nixsec/nixsec/internal/version"
)

// Exit codes.
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage, I/O or input error
)

// exitCode is an error that carries the process exit code. A nil message
// means the command already reported what happened.
type exitCode struct {
	code int
	err  error
}

func (e *exitCode) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitCode) Unwrap() error { return e.err }

// usageError reports a bad argument or flag (exit 2).
func usageError(format string, args ...any) error {
	return &exitCode{exitError, fmt.Errorf(format, args...)}
}

var commands []func() *cobra.Command

// addCommand registers a subcommand constructor; call it from init.
func addCommand(c func() *cobra.Command) { commands = append(commands, c) }

// newRoot builds a fresh command tree (fresh so tests can run it many times).
func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "nixsec",
		Short: "Static security analyzer for Nix and NixOS configurations",
		Long: "nixsec reads NixOS modules, flakes and other Nix files without evaluating them and\n" +
			"reports insecure settings: open firewalls, privileged containers, plaintext secrets,\n" +
			"unhardened services and more.",
		Version:           version.Version,
		SilenceUsage:      true,
		SilenceErrors:     true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: true},
	}
	root.SetVersionTemplate("nixsec {{.Version}}\n")
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitCode{exitError, fmt.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath())}
	})
	var subs []*cobra.Command
	for _, mk := range commands {
		subs = append(subs, mk())
	}
	sort.Slice(subs, func(i, j int) bool { return subs[i].Name() < subs[j].Name() })
	root.AddCommand(subs...)
	return root
}

// run executes nixsec with args and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ec *exitCode
	if errors.As(err, &ec) {
		if ec.err != nil {
			fmt.Fprintln(stderr, "nixsec:", ec.err)
		}
		return ec.code
	}
	// Cobra's own errors (unknown command, bad arguments) are usage errors.
	fmt.Fprintln(stderr, "nixsec:", err)
	return exitError
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
