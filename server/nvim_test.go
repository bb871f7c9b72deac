package server

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// buildNixsec builds cmd/nixsec into a temporary directory.
func buildNixsec(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "nixsec")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/nixsec")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/nixsec: %v\n%s", err, out)
	}
	return bin
}

// TestNeovim drives a real headless Neovim (0.7+) with the user-facing
// setup in editors/neovim/nixsec.lua: a syntax error shows up, a quick fix
// applies and clears its finding, hover explains a rule, an exposure code
// lens appears above a service and hover on an option shows its value.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("nvim not found, and CI is set: install Debian's neovim package")
		}
		t.Skip("nvim not installed")
	}
	bin := buildNixsec(t)
	dir := t.TempDir()
	for _, name := range []string{"broken.nix", "fetch.nix", "service.nix"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "lsp", "nvim", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	editors, err := filepath.Abs(filepath.Join("..", "editors", "neovim"))
	if err != nil {
		t.Fatal(err)
	}
	logFile := filepath.Join(dir, "nixsec.log")
	result := filepath.Join(dir, "result.json")
	init := filepath.Join(dir, "init.lua")
	lua := "package.path = " + luaString(editors+"/?.lua;") + " .. package.path\n" +
		"require('nixsec').setup({ cmd = { " + luaString(bin) + ", 'lsp', '--debounce', '0', '--log', " + luaString(logFile) + " } })\n" +
		"vim.schedule(function() dofile(" + luaString(filepath.Join(editors, "test", "e2e.lua")) + ") end)\n"
	if err := os.WriteFile(init, []byte(lua), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-n", "-i", "NONE", "-u", init)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"NIXSEC_RESULT="+result,
		"NIXSEC_BROKEN="+filepath.Join(dir, "broken.nix"),
		"NIXSEC_FETCH="+filepath.Join(dir, "fetch.nix"),
		"NIXSEC_SERVICE="+filepath.Join(dir, "service.nix"),
		"XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"XDG_DATA_HOME="+filepath.Join(dir, "data"),
		"XDG_STATE_HOME="+filepath.Join(dir, "state"),
		"XDG_CACHE_HOME="+filepath.Join(dir, "cache"),
	)
	out, err := cmd.CombinedOutput()
	logs, _ := os.ReadFile(logFile)
	raw, rerr := os.ReadFile(result)
	if rerr != nil {
		t.Fatalf("nvim wrote no result (%v): %v\noutput: %s\nserver log: %s", rerr, err, out, logs)
	}
	var r struct {
		OK             bool     `json:"ok"`
		Error          any      `json:"error"`
		Filetype       string   `json:"filetype"`
		OffsetEncoding string   `json:"offset_encoding"`
		Actions        []string `json:"actions"`
		Preferred      bool     `json:"preferred"`
		Line           string   `json:"line"`
		Hover          string   `json:"hover"`
		Broken         []struct {
			Code     string `json:"code"`
			Severity int    `json:"severity"`
			Lnum     int    `json:"lnum"`
			Source   string `json:"source"`
		} `json:"broken"`
		Lenses []struct {
			Title, Command string
			Line           int
		} `json:"lenses"`
		OptionHover string                  `json:"option_hover"`
		Before      []struct{ Code string } `json:"before"`
		After       []struct{ Code string } `json:"after"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("result %s: %v", raw, err)
	}
	t.Logf("neovim saw: %s", raw)
	if !r.OK {
		t.Fatalf("e2e script failed: %v\nserver log:\n%s", r.Error, logs)
	}
	if r.Filetype != "nix" {
		t.Errorf("filetype %q", r.Filetype)
	}
	if len(r.Broken) == 0 || r.Broken[0].Code != "NIXSEC-SYN-001" || r.Broken[0].Severity != 1 || r.Broken[0].Source != "nixsec" {
		t.Errorf("syntax error diagnostics: %+v", r.Broken)
	}
	if !r.Preferred || !strings.Contains(r.Line, `"https://example.com/tool.tar.gz"`) {
		t.Errorf("quick fix: preferred=%v line=%q actions=%v", r.Preferred, r.Line, r.Actions)
	}
	for _, d := range r.After {
		if d.Code == "NIXSEC-SUP-006" {
			t.Errorf("fixed finding still shown: %+v", r.After)
		}
	}
	if !strings.Contains(r.Hover, "NIXSEC-SUP-005") {
		t.Errorf("hover %q", r.Hover)
	}
	if len(r.Lenses) != 1 || !strings.HasPrefix(r.Lenses[0].Title, "exposure 9.6 UNSAFE") || r.Lenses[0].Line != 4 || r.Lenses[0].Command != CmdShowExposure {
		t.Errorf("code lenses %+v, want one \"exposure 9.6 UNSAFE\" on line 4", r.Lenses)
	}
	if !strings.Contains(r.OptionHover, "networking.firewall.enable") || !strings.Contains(r.OptionHover, "Effective value: `false`") {
		t.Errorf("option hover %q", r.OptionHover)
	}
}

func luaString(s string) string {
	b, _ := json.Marshal(s) // a JSON string is a valid Lua string literal for paths
	return string(b)
}
