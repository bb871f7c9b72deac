// Package version says which nixsec this is: the release version stamped in
// by the linker, and the tree-sitter Nix grammar it parses with.
package version

import "runtime"

// Version is set at build time:
//
//	go build -ldflags "-X github.com/nixsec/nixsec/internal/version.Version=v1.2.3"
//
// `make build` stamps the output of `git describe`.
var Version = "dev"

// The tree-sitter Nix grammar compiled into internal/tsnix. It must match the
// version tools/fetchgrammar pins (a test checks).
const (
	GrammarModule  = "github.com/nix-community/tree-sitter-nix"
	GrammarVersion = "v0.3.0"
)

// Go is the Go toolchain the binary was built with.
func Go() string { return runtime.Version() }
