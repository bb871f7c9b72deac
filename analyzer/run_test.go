package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

func TestDedupe(t *testing.T) {
	at := func(path string, start int, sev diagnostics.Severity, conf diagnostics.Confidence, msg string) diagnostics.Finding {
		return diagnostics.Finding{RuleID: "NIXSEC-FW-001", Severity: sev, Confidence: conf, Message: msg,
			Location: diagnostics.Location{Path: path, Span: nixast.Span{Start: start, End: start + 5}}}
	}
	got := dedupe([]diagnostics.Finding{
		at("a.nix", 10, diagnostics.High, diagnostics.Definite, "accepts every inbound connection"),
		at("a.nix", 10, diagnostics.Critical, diagnostics.Possible, "while the node exporter listens"),
		at("a.nix", 10, diagnostics.Critical, diagnostics.Definite, "while sshd accepts passwords"),
		at("a.nix", 20, diagnostics.High, diagnostics.Definite, "another binding"),
		at("b.nix", 10, diagnostics.High, diagnostics.Definite, "another file"),
	})
	if len(got) != 3 {
		t.Fatalf("%d findings, want 3: %+v", len(got), got)
	}
	if got[0].Severity != diagnostics.Critical || got[0].Confidence != diagnostics.Definite || got[0].Message != "while sshd accepts passwords" {
		t.Errorf("kept %s/%s %q, want the critical definite copy", got[0].Severity, got[0].Confidence, got[0].Message)
	}
}

// A module shared by two flake hosts gets one FW-001, critical, although
// the hosts give it different messages and severities.
func TestDedupeSharedModule(t *testing.T) {
	dir := "../testdata/rules/NIXSEC-FW-001/shared-module"
	var files []*nixast.File
	for _, name := range []string{"flake.nix", "base.nix"} {
		path := filepath.Join(dir, name)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := nixast.Parse(path, src)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	var fw []diagnostics.Finding
	for _, fd := range Analyze(files, Options{}) {
		if fd.RuleID == "NIXSEC-FW-001" {
			fw = append(fw, fd)
		}
	}
	if len(fw) != 1 || fw[0].Severity != diagnostics.Critical || !strings.Contains(fw[0].Message, "node exporter") {
		t.Fatalf("want one critical FW-001 naming the node exporter, got %+v", fw)
	}
}
