package diagnostics

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nixsec/nixsec/nixast"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// span finds the n-th (0-based) occurrence of sub in src.
func span(t *testing.T, src, sub string, n int) nixast.Span {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(src[off:], sub)
		if j < 0 {
			t.Fatalf("%q not found %d times", sub, n+1)
		}
		if i == n {
			return nixast.Span{Start: off + j, End: off + j + len(sub)}
		}
		off += j + len(sub)
	}
}

var testRules = []RuleMeta{
	{
		ID: "NIXSEC-FW-001", Slug: "firewall-disabled", Title: "Firewall disabled", Category: "Firewall",
		Severity: High, MaxSeverity: Critical, FixClass: FixSuggest, CWE: []int{284},
		Description: "networking.firewall.enable is false.",
		Why:         "Every listening service is reachable from the network.",
		Remediation: "Enable the firewall and open only the ports you need.",
		References:  []string{"https://nixos.org/manual/nixos/stable/#sec-firewall"},
		Bad:         "{ networking.firewall.enable = false; }",
		Good:        "{ networking.firewall.enable = true; }",
	},
	{
		ID: "NIXSEC-NIX-002", Slug: "insecure-substituter", Title: "Substituter over plain HTTP", Category: "Nix",
		Severity: Medium, MaxSeverity: Medium, FixClass: FixAuto,
		Description: "A binary cache is fetched over http://.",
	},
}

// testReport builds a report over one source with findings placed by
// substring, so each case exercises the same shapes: a one-line range, a
// multi-line range, related locations, a fix, and an error entry.
func testReport(t *testing.T, path, src string, marks ...string) *Report {
	t.Helper()
	f, err := nixast.Parse(path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := &Report{
		Tool:  Tool{Name: "nixsec", Version: "v0.1.0", InformationURI: "https://github.com/nixsec/nixsec", Grammar: "github.com/nix-community/tree-sitter-nix@v0.3.0", GoVersion: "go1.x"},
		Root:  "/src/project",
		Rules: testRules,
		Files: 1,
	}
	r.AddSource(f)
	first := span(t, src, marks[0], 0)
	r.Findings = append(r.Findings, Finding{
		RuleID: "NIXSEC-FW-001", Severity: Critical, Confidence: Definite,
		Message:  "networking.firewall.enable is set to false",
		Location: Location{Path: path, Span: first},
		Related: []Related{{
			Location: Location{Path: path, Span: span(t, src, marks[1], 0)},
			Message:  "the service listens here",
		}},
		Fixes: []Fix{{
			Title: "Set networking.firewall.enable = true",
			Safe:  false,
			Edits: []Edit{{Location: Location{Path: path, Span: span(t, src, "false", 0)}, NewText: "true"}},
		}},
	})
	second := span(t, src, marks[2], 0)
	r.Findings = append(r.Findings, Finding{
		RuleID: "NIXSEC-NIX-002", Severity: Medium, Confidence: Possible,
		Message: "substituter \"http://cache.example\" is fetched over plain HTTP", System: "containers.web",
		Location: Location{Path: path, Span: second},
		Fixes: []Fix{{Title: "Use https://", Safe: true, Edits: []Edit{
			{Location: Location{Path: path, Span: nixast.Span{Start: second.Start + 1, End: second.Start + 5}}, NewText: "https"},
		}}},
	})
	// An empty range at the end of the file, and a rule the table lacks.
	r.Findings = append(r.Findings, Finding{
		RuleID: "NIXSEC-INTERNAL", Severity: Info, Message: "internal error (test)\nsecond line",
		Location: Location{Path: path, Span: nixast.Span{Start: len(src), End: len(src)}},
	})
	r.Errors = []FileError{
		{Path: "hosts/missing.nix", Kind: ErrIO, Message: "no such file or directory"},
		{Path: "/elsewhere/blob.nix", Kind: ErrInput, Message: "binary file (NUL byte at offset 3), not Nix source"},
	}
	return r
}

var sources = []struct {
	name, path, src string
	marks           [3]string
}{
	{
		name: "ascii", path: "hosts/web/configuration.nix",
		src:   "{ config, pkgs, ... }:\n{\n  networking.firewall.enable = false;\n  services.nginx = {\n    enable = true;\n  };\n\tnix.settings.substituters = [ \"http://cache.example\" ];\n}\n",
		marks: [3]string{"networking.firewall.enable = false", "services.nginx = {\n    enable", "\"http://cache.example\""},
	},
	{
		name: "unicode", path: "hosts/日本/configuration.nix",
		src:   "{\n  # 设置 😀 emoji\n  users.users.ユーザー.description = \"😀😀\"; networking.firewall.enable = false;\n  services.nginx.enable = true;\n  nix.settings.substituters = [ \"http://cache.example\" ];\n}\n",
		marks: [3]string{"networking.firewall.enable = false", "services.nginx.enable", "\"http://cache.example\""},
	},
	{
		name: "crlf", path: "crlf.nix",
		src:   "{\r\n  networking.firewall.enable = false;\r\n  services.nginx.enable = true;\r\n  nix.settings.substituters = [\r\n    \"http://cache.example\"\r\n  ];\r\n}",
		marks: [3]string{"networking.firewall.enable = false;\r\n  services", "services.nginx.enable", "\"http://cache.example\""},
	},
	{
		name: "invalid-utf8", path: "latin1-\xe9.nix",
		src:   "{\n  # caf\xe9 \xff\xfe\n  networking.firewall.enable = /* \xe9 */ false;\n  services.nginx.enable = true;\n  nix.settings.substituters = [ \"http://cache.example\" ];\n}\n",
		marks: [3]string{"networking.firewall.enable", "services.nginx.enable", "\"http://cache.example\""},
	},
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./diagnostics -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./diagnostics -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestFormats(t *testing.T) {
	for _, s := range sources {
		t.Run(s.name, func(t *testing.T) {
			r := testReport(t, s.path, s.src, s.marks[:]...)
			var text, color, js, sf bytes.Buffer
			if err := WriteText(&text, r, TextOptions{Source: true, Summary: true}); err != nil {
				t.Fatal(err)
			}
			if err := WriteText(&color, r, TextOptions{Color: true, Source: true}); err != nil {
				t.Fatal(err)
			}
			if err := WriteJSON(&js, r); err != nil {
				t.Fatal(err)
			}
			if err := WriteSARIF(&sf, r); err != nil {
				t.Fatal(err)
			}
			for name, b := range map[string][]byte{"text": text.Bytes(), "color": color.Bytes(), "json": js.Bytes(), "sarif": sf.Bytes()} {
				if !utf8.Valid(b) {
					t.Errorf("%s output is not valid UTF-8", name)
				}
			}
			for name, b := range map[string][]byte{"json": js.Bytes(), "sarif": sf.Bytes()} {
				var v any
				if err := json.Unmarshal(b, &v); err != nil {
					t.Errorf("%s output is not JSON: %v", name, err)
				}
			}
			if strings.Contains(text.String(), "\x1b[") {
				t.Error("uncolored text has escape sequences")
			}
			if !strings.Contains(color.String(), "\x1b[") {
				t.Error("colored text has no escape sequences")
			}
			golden(t, s.name+".txt", text.Bytes())
			golden(t, s.name+".json", js.Bytes())
			golden(t, s.name+".sarif", sf.Bytes())
		})
	}
}

// Columns: text counts characters, SARIF counts UTF-16 units; 😀 is one
// character and two UTF-16 units.
func TestColumns(t *testing.T) {
	src := "{ a = \"😀\"; b = 1; }\n"
	f, err := nixast.Parse("x.nix", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := &Report{Root: "/r"}
	r.AddSource(f)
	off := strings.Index(src, "b =")
	p := r.Position("x.nix", off)
	if p.Line != 1 || p.Column != 12 || p.ColumnUTF16 != 13 || p.Offset != off {
		t.Errorf("Position = %+v, want line 1, column 12, UTF-16 column 13, offset %d", p, off)
	}
	if p := r.Position("unknown.nix", 5); p.Line != 0 || p.Offset != 5 {
		t.Errorf("Position without source = %+v", p)
	}
}

func TestRelPathAndURIs(t *testing.T) {
	r := &Report{Root: "/src/project"}
	for _, c := range []struct{ path, uri, base string }{
		{"hosts/a.nix", "hosts/a.nix", SRCROOT},
		{"/src/project/b c.nix", "b%20c.nix", SRCROOT},
		{"/src/other/c.nix", "file:///src/other/c.nix", ""},
		{"../up.nix", "file:///src/up.nix", ""},
		{"weird:name.nix", "./weird:name.nix", SRCROOT},
	} {
		loc := r.artifactLocation(c.path)
		base := ""
		if loc.URIBaseId != nil {
			base = *loc.URIBaseId
		}
		if *loc.URI != c.uri || base != c.base {
			t.Errorf("%s: uri %q base %q, want %q %q", c.path, *loc.URI, base, c.uri, c.base)
		}
	}
	if got := dirURI("/src/project"); got != "file:///src/project/" {
		t.Errorf("dirURI = %s", got)
	}
}

func TestDisplayWidth(t *testing.T) {
	for _, c := range []struct {
		line  string
		n     int
		text  string
		width int
	}{
		{"abc", 1, "abc", 1},
		{"\tx", 1, "    x", 4},
		{"a\tx", 2, "a   x", 4},
		{"日本x", 6, "日本x", 4},
		{"😀x", 4, "😀x", 2},
		{"\xffx", 1, "\uFFFDx", 1},
		{"ab", 5, "ab", 2},
	} {
		text, w := displayWidth([]byte(c.line), c.n)
		if text != c.text || w != c.width {
			t.Errorf("displayWidth(%q, %d) = %q, %d; want %q, %d", c.line, c.n, text, w, c.text, c.width)
		}
	}
}

func TestSummary(t *testing.T) {
	r := &Report{Files: 1}
	if got := r.Summary(); got != "0 findings in 1 file" {
		t.Errorf("Summary = %q", got)
	}
	r.Findings = []Finding{{Severity: High}, {Severity: Low}, {Severity: High}}
	r.Errors = []FileError{{Path: "x"}}
	r.Files = 3
	if got := r.Summary(); got != "3 findings (2 high, 1 low) in 3 files, 1 error" {
		t.Errorf("Summary = %q", got)
	}
}

func TestSARIFVersion(t *testing.T) {
	for in, want := range map[string]string{
		"v1.2.3": "1.2.3", "1.2.3-rc.1": "1.2.3-rc.1", "dev": "0.0.0-dev",
		"v0.1.0-3-gabc1234-dirty": "0.1.0-3-gabc1234-dirty", "70784e7": "0.0.0-70784e7",
	} {
		if got := sarifVersion(in); got != want {
			t.Errorf("sarifVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSecuritySeverityScale(t *testing.T) {
	// GitHub buckets: critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9.
	want := map[Severity]string{Critical: "9.5", High: "8.0", Medium: "5.5", Low: "3.0", Info: "1.0"}
	for s, w := range want {
		if got := SecuritySeverity(s); got != w {
			t.Errorf("SecuritySeverity(%s) = %s, want %s", s, got, w)
		}
	}
}

// A fingerprint survives edits above the finding and tells identical
// findings apart.
func TestFingerprints(t *testing.T) {
	build := func(src string) *Report {
		f, err := nixast.Parse("a.nix", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		r := &Report{Root: "/r"}
		r.AddSource(f)
		for n := 0; n < 2; n++ {
			r.Findings = append(r.Findings, Finding{RuleID: "X", Location: Location{Path: "a.nix", Span: span(t, src, "x = 1;", n)}})
		}
		return r
	}
	a := build("{\n  x = 1;\n  x = 1;\n}\n").Fingerprints()
	b := build("# a comment\n{\n  y = 2;\n\n  x = 1;\n  x = 1;\n}\n").Fingerprints()
	if a[0] != b[0] || a[1] != b[1] {
		t.Errorf("fingerprints moved with the code: %v vs %v", a, b)
	}
	if a[0] == a[1] {
		t.Errorf("identical findings share a fingerprint: %v", a)
	}
}
