package analyzer

import (
	"fmt"
	"io/fs"
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

// FuzzModel parses arbitrary text as a module (and as a flake.nix) and
// builds the model: building, querying and dumping must never panic.
// Seeds live in testdata/fuzz/FuzzModel.
func FuzzModel(f *testing.F) {
	for _, s := range []string{
		`{ networking.firewall.enable = false; }`,
		`{ config, lib, ... }: let cfg = config.services.x; in { config = lib.mkIf cfg.enable { a = cfg.b; }; }`,
		`{ imports = [ ./a.nix ./b ]; nix.extraOptions = "extra-substituters = http://x\n"; }`,
		`{ outputs = { nixpkgs, ... }: { nixosConfigurations.h = nixpkgs.lib.nixosSystem { modules = [ { a = 1; } ]; }; }; nixConfig.sandbox = false; }`,
		`(import ./make-test-python.nix) { nodes.m = { a = 1; }; testScript = ""; }`,
	} {
		f.Add([]byte(s))
	}
	recoverModelPanics = false
	defer func() { recoverModelPanics = true }()
	noFiles := func(p string) ([]byte, error) { return nil, fmt.Errorf("%s: %w", p, fs.ErrNotExist) }
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, name := range []string{"/fuzz/configuration.nix", "/fuzz/flake.nix"} {
			file, err := nixast.Parse(name, src)
			if err != nil {
				return
			}
			m := BuildModelWith([]*nixast.File{file}, ModelOptions{Loader: noFiles})
			for _, s := range m.AllSystems() {
				s.Get("networking", "firewall", "enable")
				s.Match("services.*.enable")
				s.Names("systemd.services.*")
				s.MaybeSet("a", "b")
				for _, k := range s.NixConfKeys() {
					for _, st := range s.NixConf(k) {
						st.Bool()
						st.Location()
					}
				}
				s.Throwaway()
				for _, d := range s.Defs {
					_ = d.Value.String()
					d.Location()
					d.Confidence()
				}
			}
			_ = m.Dump(nil)
		}
	})
}
