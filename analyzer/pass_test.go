package analyzer

import (
	"strings"
	"testing"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// A panic while building an entry file's model is reported as an internal
// error on that file; the other files are still analysed.
func TestModelPanicReported(t *testing.T) {
	defer func(orig func(*builder, *nixast.File) []*System) { buildEntry = orig }(buildEntry)
	buildEntry = func(b *builder, f *nixast.File) []*System {
		if strings.HasSuffix(f.Path, "broken.nix") {
			panic("boom")
		}
		return b.buildFile(f)
	}
	var files []*nixast.File
	for _, tc := range []struct{ path, src string }{
		{"hosts/broken.nix", `{ networking.firewall.enable = false; }`},
		{"hosts/fine.nix", `{ networking.firewall.enable = false; }`},
	} {
		f, err := nixast.Parse(tc.path, []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	var internal, fw []diagnostics.Finding
	for _, fd := range Analyze(files, Options{}) {
		switch fd.RuleID {
		case InternalErrorID:
			internal = append(internal, fd)
		case "NIXSEC-FW-001":
			fw = append(fw, fd)
		}
	}
	if len(internal) != 1 || internal[0].Path != "hosts/broken.nix" || !strings.Contains(internal[0].Message, "boom") ||
		!strings.Contains(internal[0].Message, "internal error while reading the modules of this file") {
		t.Errorf("want one internal error on hosts/broken.nix, got %+v", internal)
	}
	if len(fw) != 1 || fw[0].Path != "hosts/fine.nix" {
		t.Errorf("want FW-001 on hosts/fine.nix only, got %+v", fw)
	}
}
