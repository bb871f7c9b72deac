package analyzer

import (
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

func TestAddSiblingKeepsShapeAndComments(t *testing.T) {
	for _, tc := range []struct{ name, src, path, want string }{
		{"dotted with trailing comment",
			"{\n  networking.firewall.enable = true; # keep me\n}\n", "networking.firewall.checkReversePath",
			"{\n  networking.firewall.enable = true; # keep me\n  networking.firewall.checkReversePath = true;\n}\n"},
		{"nested",
			"{\n  networking.firewall = {\n    enable = true;\n  };\n}\n", "networking.firewall.checkReversePath",
			"{\n  networking.firewall = {\n    enable = true;\n    checkReversePath = true;\n  };\n}\n"},
		{"one line",
			"{ networking.firewall.enable = true; }\n", "networking.firewall.checkReversePath",
			"{ networking.firewall.enable = true; networking.firewall.checkReversePath = true; }\n"},
		{"crlf",
			"{\r\n  a.b = true;\r\n}\r\n", "a.c",
			"{\r\n  a.b = true;\r\n  a.c = true;\r\n}\r\n"},
		{"multi-line binding closed on its last line", // found by FuzzRules
			"{ a.b = [\n  1\n]; }\n", "a.c",
			"{ a.b = [\n  1\n];\na.c = true; }\n"},
		{"multi-line binding, another binding after it",
			"{\n  a.b = [\n    1\n  ]; a.d = 2;\n}\n", "a.c",
			"{\n  a.b = [\n    1\n  ];\n  a.c = true; a.d = 2;\n}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := nixast.Parse("t.nix", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			s := BuildSystem("", NixOSHost, f)
			if len(s.Defs) == 0 {
				t.Fatal("no definitions")
			}
			fix, ok := AddSibling(s.Defs[0], SplitPath(tc.path), "true", "add", true)
			if !ok {
				t.Fatal("AddSibling refused")
			}
			got := string(ApplyEdits(f.Src, fix.Edits))
			if got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
			if g, _ := nixast.Parse("t.nix", []byte(got)); len(g.Errors) > 0 {
				t.Errorf("result does not parse: %v", g.Errors)
			}
		})
	}
}

func TestRemoveListElement(t *testing.T) {
	for _, tc := range []struct{ src, elem, want string }{
		{`{ a = [ "x" "--privileged" "y" ]; }`, `"--privileged"`, `{ a = [ "x" "y" ]; }`},
		{`{ a = [ "--privileged" ]; }`, `"--privileged"`, `{ a = [ ]; }`},
		{"{\n  a = [\n    \"x\"\n    \"--privileged\" # why\n  ];\n}", `"--privileged"`, "{\n  a = [\n    \"x\"\n    # why\n  ];\n}"},
		{"{\n  a = [\n    \"x\"\n    \"--privileged\"\n  ];\n}", `"--privileged"`, "{\n  a = [\n    \"x\"\n  ];\n}"},
	} {
		f, _ := nixast.Parse("t.nix", []byte(tc.src))
		var el nixast.Node
		f.Root().Walk(func(n nixast.Node) bool {
			if n.Kind() == nixast.KindString && n.Text() == tc.elem {
				el = n
			}
			return true
		})
		got := string(ApplyEdits(f.Src, RemoveListElement(el, "rm", false).Edits))
		if got != tc.want {
			t.Errorf("%q: got %q want %q", tc.src, got, tc.want)
		}
	}
}
