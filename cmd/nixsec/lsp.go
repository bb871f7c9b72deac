package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/nixsec/nixsec/internal/version"
	"github.com/nixsec/nixsec/server"
)

func init() { addCommand(lspCommand) }

func lspCommand() *cobra.Command {
	var (
		listen   string
		logPath  string
		debounce time.Duration
		docsBase string
	)
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server (stdio by default) for editors",
		Long: "nixsec lsp speaks the Language Server Protocol on standard input and output, so that\n" +
			"editors show nixsec's findings as diagnostics with quick fixes and explanations. It is\n" +
			"meant to run next to nil or nixd, which provide completion and navigation.\n\n" +
			"--listen serves TCP connections on a loopback address instead, for debugging; the\n" +
			"protocol has no authentication, so never listen on a public address.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts := server.Options{Debounce: debounce, DocsBaseURL: docsBase, Version: version.Version}
			if logPath != "" {
				f, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
				if err != nil {
					return usageError("--log: %v", err)
				}
				defer f.Close()
				opts.Log = f
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if listen != "" {
				host, _, err := net.SplitHostPort(listen)
				if err != nil {
					return usageError("--listen %q: want HOST:PORT such as 127.0.0.1:7777", listen)
				}
				if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
					return usageError("--listen %q: only loopback addresses (127.0.0.1, ::1, localhost) are allowed; the protocol has no authentication", listen)
				}
				return server.ListenAndServe(ctx, listen, opts, func(a net.Addr) {
					fmt.Fprintf(cmd.ErrOrStderr(), "nixsec lsp: listening on %s\n", a)
				})
			}
			rwc := stdio{in: cmd.InOrStdin(), out: cmd.OutOrStdout()}
			if code := server.New(opts).Serve(ctx, rwc); code != 0 {
				return &exitCode{code, nil}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&listen, "listen", "", "serve on a loopback TCP address (`HOST:PORT`) instead of stdio, for debugging")
	f.StringVar(&logPath, "log", "", "append the server's log to `FILE`")
	f.DurationVar(&debounce, "debounce", server.DefaultDebounce, "delay between an edit and its analysis (the client's debounceMs setting wins)")
	f.StringVar(&docsBase, "docs-base-url", server.DefaultDocsBaseURL, "`URL` prefix of rule documentation linked from diagnostics")
	return cmd
}

// stdio is the server's connection on standard input and output.
type stdio struct {
	in  io.Reader
	out io.Writer
}

func (s stdio) Read(p []byte) (int, error)  { return s.in.Read(p) }
func (s stdio) Write(p []byte) (int, error) { return s.out.Write(p) }
func (s stdio) Close() error {
	if c, ok := s.in.(io.Closer); ok && s.in != os.Stdin {
		return c.Close()
	}
	return nil
}
