// Command fetchgrammar materializes the tree-sitter Nix grammar sources for the
// cgo binding in internal/tsnix. The sources are third-party code and are never
// committed: they come from the Go module download, verified twice (the go
// command checks the checksum database, we check a pinned h1: sum of the zip).
package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/dirhash"
)

const (
	module  = "github.com/nix-community/tree-sitter-nix"
	version = "v0.3.0"
	// Pinned h1: sum of the module zip; a mismatch means the download is not
	// the grammar this project was tested with.
	pinnedSum = "h1:J9PXu/iAN7GhVbQCGb7Eat1u6OAHFJxZktdNa4T96wM="
)

func main() {
	out := flag.String("out", "internal/tsnix/_grammar", "folder to write the grammar sources into")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "fetchgrammar:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	stamp := filepath.Join(out, "SUM")
	if b, err := os.ReadFile(stamp); err == nil && strings.TrimSpace(string(b)) == pinnedSum {
		return nil // already materialized from the verified zip
	}
	cmd := exec.Command("go", "mod", "download", "-json", module+"@"+version)
	cmd.Stderr = os.Stderr
	raw, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go mod download %s@%s: %v", module, version, err)
	}
	var info struct{ Zip, Sum, Error string }
	if err := json.Unmarshal(raw, &info); err != nil {
		return fmt.Errorf("reading go mod download output: %v", err)
	}
	if info.Error != "" {
		return fmt.Errorf("go mod download: %s", info.Error)
	}
	if info.Sum != pinnedSum {
		return fmt.Errorf("checksum mismatch for %s@%s: go reports %s, pinned %s", module, version, info.Sum, pinnedSum)
	}
	// Recompute the hash of the zip we are about to read, so a modified
	// module cache cannot slip other sources in.
	got, err := dirhash.HashZip(info.Zip, dirhash.Hash1)
	if err != nil {
		return fmt.Errorf("hashing %s: %v", info.Zip, err)
	}
	if got != pinnedSum {
		return fmt.Errorf("checksum mismatch for %s: computed %s, pinned %s", info.Zip, got, pinnedSum)
	}
	zr, err := zip.OpenReader(info.Zip)
	if err != nil {
		return err
	}
	defer zr.Close()
	prefix := module + "@" + version + "/src/"
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	n := 0
	for _, f := range zr.File {
		rel, ok := strings.CutPrefix(f.Name, prefix)
		if !ok || !wanted(rel) {
			continue
		}
		if err := extract(f, filepath.Join(out, filepath.FromSlash(rel))); err != nil {
			return err
		}
		n++
	}
	if n < 3 {
		return fmt.Errorf("%s has no parser.c/scanner.c/tree_sitter under src/", info.Zip)
	}
	if err := copyRuntimeHeader(filepath.Join(out, "tree_sitter", "api.h")); err != nil {
		return err
	}
	return os.WriteFile(stamp, []byte(pinnedSum+"\n"), 0o644)
}

// copyRuntimeHeader copies api.h of the go-tree-sitter runtime this module
// requires (verified by go.sum) for the C shim that walks trees in one call.
func copyRuntimeHeader(dst string) error {
	cmd := exec.Command("go", "mod", "download", "-json", "github.com/smacker/go-tree-sitter")
	cmd.Stderr = os.Stderr
	raw, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("locating go-tree-sitter: %v", err)
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(raw, &info); err != nil || info.Error != "" {
		return fmt.Errorf("locating go-tree-sitter: %v %s", err, info.Error)
	}
	b, err := os.ReadFile(filepath.Join(info.Dir, "api.h"))
	if err != nil {
		return fmt.Errorf("reading go-tree-sitter api.h: %v", err)
	}
	return os.WriteFile(dst, b, 0o644)
}

func wanted(rel string) bool {
	return rel == "parser.c" || rel == "scanner.c" || (strings.HasPrefix(rel, "tree_sitter/") && strings.HasSuffix(rel, ".h"))
}

func extract(f *zip.File, dst string) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, rc); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, buf.Bytes(), 0o644)
}
