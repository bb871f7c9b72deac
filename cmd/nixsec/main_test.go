package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"
)

func nixsec(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const clean = "{ networking.firewall.enable = true; }\n"
const broken = "{ networking.firewall.enable = true }\n"

// tree makes a directory with everything the walker must handle.
func tree(t *testing.T) string {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "configuration.nix"), clean)
	write(t, filepath.Join(dir, "hosts/web.nix"), broken)
	write(t, filepath.Join(dir, "hosts/notes.txt"), broken)  // not *.nix: skipped when walking
	write(t, filepath.Join(dir, ".git/hooks/x.nix"), broken) // .git: skipped
	write(t, filepath.Join(dir, ".gitignore"), "gen/\n# comment\n*.local.nix\n")
	write(t, filepath.Join(dir, "gen/out.nix"), broken)             // ignored directory
	write(t, filepath.Join(dir, "secrets.local.nix"), broken)       // ignored file
	write(t, filepath.Join(dir, "hosts/.gitignore"), "old.nix\r\n") // nested, CRLF
	write(t, filepath.Join(dir, "hosts/old.nix"), broken)           // ignored by the nested file
	write(t, filepath.Join(dir, "other/old.nix"), broken)           // not ignored: other directory
	store := t.TempDir()                                            // reached only through result links
	write(t, filepath.Join(store, "pkg/default.nix"), broken)
	if err := os.Symlink(store, filepath.Join(dir, "result")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(store, "pkg/default.nix"), filepath.Join(dir, "result-dev.nix")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func chdir(t *testing.T, dir string) {
	t.Helper()
	old, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(old) })
}

func jsonReport(t *testing.T, out string) (paths []string, errs []map[string]any, doc map[string]any) {
	t.Helper()
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	seen := map[string]bool{}
	for _, f := range doc["findings"].([]any) {
		p := f.(map[string]any)["path"].(string)
		if !seen[p] {
			seen[p] = true
			paths = append(paths, p)
		}
	}
	for _, e := range doc["errors"].([]any) {
		errs = append(errs, e.(map[string]any))
	}
	return paths, errs, doc
}

func TestLintWalk(t *testing.T) {
	dir := tree(t)
	chdir(t, dir)
	code, out, stderr := nixsec(t, "lint", "--format", "json", ".")
	if code != exitFindings {
		t.Fatalf("exit %d, want 1; stderr: %s", code, stderr)
	}
	paths, errs, doc := jsonReport(t, out)
	want := []string{"hosts/web.nix", "other/old.nix"}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Errorf("findings in %v, want %v", paths, want)
	}
	if len(errs) != 0 {
		t.Errorf("errors: %v", errs)
	}
	if n := doc["files_checked"].(float64); n != 3 { // configuration.nix, hosts/web.nix, other/old.nix
		t.Errorf("files_checked = %v", n)
	}
}

func TestLintExplicitFileAnyExtension(t *testing.T) {
	dir := tree(t)
	chdir(t, dir)
	code, out, _ := nixsec(t, "lint", "--format", "json", "hosts/notes.txt", "gen/out.nix")
	if code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	paths, _, _ := jsonReport(t, out)
	if strings.Join(paths, " ") != "gen/out.nix hosts/notes.txt" {
		t.Errorf("findings in %v", paths)
	}
}

// .gitignore files above the walked directory, up to the work tree's top,
// and .git/info/exclude apply too.
func TestLintGitignoreAboveRoot(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".git/info/exclude"), "excluded.nix\n")
	write(t, filepath.Join(dir, ".gitignore"), "/hosts/generated/\n")
	write(t, filepath.Join(dir, "hosts/.gitignore"), "*.old.nix\n")
	write(t, filepath.Join(dir, "hosts/web/a.nix"), broken)
	write(t, filepath.Join(dir, "hosts/web/a.old.nix"), broken)
	write(t, filepath.Join(dir, "hosts/web/excluded.nix"), broken)
	write(t, filepath.Join(dir, "hosts/generated/g.nix"), broken)
	chdir(t, filepath.Join(dir, "hosts"))
	_, out, _ := nixsec(t, "lint", "--format", "json", ".")
	if paths, _, _ := jsonReport(t, out); strings.Join(paths, " ") != "web/a.nix" {
		t.Errorf("from hosts/: findings in %v, want [web/a.nix]", paths)
	}
	chdir(t, filepath.Join(dir, "hosts/web"))
	_, out, _ = nixsec(t, "lint", "--format", "json", ".")
	if paths, _, _ := jsonReport(t, out); strings.Join(paths, " ") != "a.nix" {
		t.Errorf("from hosts/web/: findings in %v, want [a.nix]", paths)
	}
}

// A finding in a file the analyzer reached through an import, not named on
// the command line, still gets a line and column.
func TestLintFindingInImportedFile(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, "hosts/main.nix", "{ imports = [ ../lib/extra.nix ]; }\n")
	write(t, "lib/extra.nix", "{ nixpkgs.config.allowBroken = true; }\n")
	_, out, _ := nixsec(t, "lint", "--format", "json", "hosts/main.nix")
	var doc struct {
		Findings []struct {
			Path  string
			Start struct{ Line, Column int }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Findings) == 0 {
		t.Skip("no rule reports nixpkgs.config.allowBroken in an imported file")
	}
	for _, f := range doc.Findings {
		if f.Start.Line == 0 {
			t.Errorf("finding in %s has no line: %s", f.Path, out)
		}
	}
}

func TestLintNotRegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.nix")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	code, _, stderr := nixsec(t, "lint", fifo, filepath.Join(dir, "pipe.nix", "below.nix"))
	if code != exitError || !strings.Contains(stderr, "pipe.nix: error: not a regular file") || !strings.Contains(stderr, "below.nix: error: not a directory") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestLintSymlinkedDirectoryNamedExplicitly(t *testing.T) {
	dir := tree(t)
	chdir(t, dir)
	if err := os.Symlink(filepath.Join(dir, "other"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	code, out, _ := nixsec(t, "lint", "--format", "json", "link")
	paths, _, _ := jsonReport(t, out)
	if code != exitFindings || strings.Join(paths, " ") != "link/old.nix" {
		t.Errorf("exit %d, findings in %v", code, paths)
	}
}

func TestLintIgnoredDirectoryNamedExplicitly(t *testing.T) {
	dir := tree(t)
	chdir(t, dir)
	code, out, _ := nixsec(t, "lint", "--format", "json", "gen")
	paths, _, _ := jsonReport(t, out)
	if code != exitFindings || strings.Join(paths, " ") != "gen/out.nix" {
		t.Errorf("exit %d, findings in %v", code, paths)
	}
}

func TestLintBadInputs(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, "ok.nix", clean)
	write(t, "binary.nix", "{ a = 1; }\x00\x01\x02")
	write(t, "latin1.nix", "{ description = \"caf\xe9\"; a = }\n")
	write(t, "big.nix", "{ x = \""+strings.Repeat("a", 3<<19)+"\"; }\n") // 1.5 MiB
	for _, format := range []string{"text", "json", "sarif"} {
		code, out, stderr := nixsec(t, "lint", "--max-file-size", "1", "--format", format, "--no-color",
			"ok.nix", "binary.nix", "latin1.nix", "big.nix", "missing.nix")
		if code != exitError {
			t.Errorf("%s: exit %d, want 2", format, code)
		}
		for _, want := range []string{
			"binary.nix: error: binary file",
			"big.nix: error: file is 1.5 MiB, larger than the 1 MiB limit",
			"missing.nix: error: no such file or directory",
		} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", format, want, stderr)
			}
		}
		if !utf8.ValidString(out) {
			t.Errorf("%s: output is not valid UTF-8", format)
		}
		if !strings.Contains(out, "latin1.nix") {
			t.Errorf("%s: the non-UTF-8 file was not linted:\n%s", format, out)
		}
		switch format {
		case "json":
			_, errs, doc := jsonReport(t, out)
			if len(errs) != 3 {
				t.Errorf("json errors = %v", errs)
			}
			if doc["files_checked"].(float64) != 2 {
				t.Errorf("files_checked = %v", doc["files_checked"])
			}
		case "sarif":
			var log struct {
				Runs []struct {
					Invocations []struct {
						ExecutionSuccessful bool  `json:"executionSuccessful"`
						Notifications       []any `json:"toolExecutionNotifications"`
					} `json:"invocations"`
					Results []any `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal([]byte(out), &log); err != nil {
				t.Fatal(err)
			}
			inv := log.Runs[0].Invocations[0]
			if inv.ExecutionSuccessful || len(inv.Notifications) != 3 || len(log.Runs[0].Results) == 0 {
				t.Errorf("sarif invocation %+v, %d results", inv, len(log.Runs[0].Results))
			}
		}
	}
}

func TestLintUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "secret.nix")
	write(t, p, clean)
	os.Chmod(p, 0)
	code, _, stderr := nixsec(t, "lint", p)
	if code != exitError || !strings.Contains(stderr, "permission denied") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestLintExitCodes(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, "clean.nix", clean)
	write(t, "broken.nix", broken) // a high syntax finding
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"lint", "clean.nix"}, exitOK},
		{[]string{"lint", "broken.nix"}, exitFindings},
		{[]string{"lint", "--fail-on", "none", "broken.nix"}, exitOK},
		{[]string{"lint", "--fail-on", "critical", "broken.nix"}, exitOK},
		{[]string{"lint", "--fail-on", "HIGH", "broken.nix"}, exitFindings},
		{[]string{"lint", "--min-severity", "critical", "broken.nix"}, exitOK},
		{[]string{"lint", "--fail-on", "sometimes", "broken.nix"}, exitError},
		{[]string{"lint", "--format", "xml", "clean.nix"}, exitError},
		{[]string{"lint", "--no-such-flag", "clean.nix"}, exitError},
		{[]string{"lint", "--color", "--no-color", "clean.nix"}, exitError},
		{[]string{"lint", "--max-file-size", "0", "clean.nix"}, exitError},
		{[]string{"frobnicate"}, exitError},
		{[]string{"lint", "clean.nix", "missing.nix"}, exitError},
	} {
		if code, _, stderr := nixsec(t, c.args...); code != c.code {
			t.Errorf("nixsec %s: exit %d, want %d; stderr: %s", strings.Join(c.args, " "), code, c.code, stderr)
		}
	}
}

func TestLintOutputFileAndText(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, "broken.nix", broken)
	code, out, _ := nixsec(t, "lint", "--output", "report.txt", "broken.nix")
	if code != exitFindings || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	b, err := os.ReadFile("report.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !strings.HasPrefix(text, "broken.nix:1:36: high NIXSEC-SYN-001 ") || strings.Contains(text, "\x1b[") {
		t.Errorf("report:\n%s", text)
	}
	if !strings.Contains(text, " 1 | { networking.firewall.enable = true }\n") || !strings.Contains(text, "1 finding (1 high) in 1 file") {
		t.Errorf("report lacks the source line or summary:\n%s", text)
	}
	_, out, _ = nixsec(t, "lint", "--no-source", "--color", "broken.nix")
	if strings.Contains(out, " | ") || !strings.Contains(out, "\x1b[") {
		t.Errorf("--no-source --color output:\n%q", out)
	}
	if code, _, stderr := nixsec(t, "lint", "--output", filepath.Join(dir, "no/such/dir/r.txt"), "broken.nix"); code != exitError || !strings.Contains(stderr, "cannot write report") {
		t.Errorf("unwritable output: exit %d, %s", code, stderr)
	}
}

// The output does not depend on how many workers parse.
func TestLintDeterministic(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	for i := 0; i < 40; i++ {
		content := clean
		if i%3 == 0 {
			content = broken
		}
		write(t, filepath.Join(dir, "m", string(rune('a'+i%26))+strings.Repeat("x", i/26), "f.nix"), content)
	}
	_, want, _ := nixsec(t, "lint", "--format", "json", "-j", "1", ".")
	for _, j := range []string{"2", "8", "32"} {
		if _, got, _ := nixsec(t, "lint", "--format", "json", "-j", j, "."); got != want {
			t.Errorf("-j %s output differs from -j 1", j)
		}
	}
	paths, _, _ := jsonReport(t, want)
	if !sort.StringsAreSorted(paths) || len(paths) != 14 {
		t.Errorf("paths %v", paths)
	}
}

func TestRulesAndExplain(t *testing.T) {
	code, out, _ := nixsec(t, "rules")
	if code != 0 || !strings.HasPrefix(out, "ID ") || !strings.Contains(out, "NIXSEC-SYN-001") {
		t.Errorf("rules: exit %d\n%s", code, out)
	}
	code, out, _ = nixsec(t, "rules", "--format", "json")
	var rules []map[string]any
	if err := json.Unmarshal([]byte(out), &rules); err != nil || code != 0 || len(rules) == 0 {
		t.Fatalf("rules --format json: exit %d, %v\n%s", code, err, out)
	}
	if rules[0]["id"] == "" || rules[0]["help_uri"] == "" {
		t.Errorf("rule JSON %v", rules[0])
	}
	for _, q := range []string{"NIXSEC-SYN-001", "syntax-error", "nixsec-syn-001", "SYN-001"} {
		code, out, _ := nixsec(t, "explain", q)
		if code != 0 || !strings.Contains(out, "# NIXSEC-SYN-001: Syntax error") || !strings.Contains(out, "## Remediation") {
			t.Errorf("explain %s: exit %d\n%s", q, code, out)
		}
	}
	code, out, _ = nixsec(t, "explain", "--format", "json", "syntax-error")
	var one map[string]any
	if err := json.Unmarshal([]byte(out), &one); err != nil || code != 0 || one["id"] != "NIXSEC-SYN-001" {
		t.Errorf("explain --format json: %v %s", err, out)
	}
	code, _, stderr := nixsec(t, "explain", "NIXSEC-SYN-01")
	if code != exitError || !strings.Contains(stderr, `unknown rule "NIXSEC-SYN-01"; did you mean NIXSEC-SYN-001 (syntax-error)`) {
		t.Errorf("explain unknown: exit %d, %s", code, stderr)
	}
	code, _, stderr = nixsec(t, "explain", "zzzzzzzzzzzzzzzz")
	if code != exitError || !strings.Contains(stderr, "nixsec rules") {
		t.Errorf("explain far: exit %d, %s", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := nixsec(t, "version")
	if code != 0 || !strings.HasPrefix(out, "nixsec ") || !strings.Contains(out, "go: go1.") || !strings.Contains(out, "tree-sitter-nix v0.3.0") {
		t.Errorf("version: exit %d\n%s", code, out)
	}
}
