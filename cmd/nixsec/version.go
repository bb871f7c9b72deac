package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/nixsec/nixsec/internal/version"
)

func init() { addCommand(versionCommand) }

func versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the nixsec version, Go version and Nix grammar version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "nixsec %s\n", version.Version)
			fmt.Fprintf(w, "go: %s\n", version.Go())
			fmt.Fprintf(w, "grammar: %s %s\n", version.GrammarModule, version.GrammarVersion)
			return nil
		},
	}
}
