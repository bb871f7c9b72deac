package analyzer

import (
	"path/filepath"
	"strings"

	"github.com/nixsec/nixsec/nixast"
)

// File kinds and system contexts, detected from the shape of the source
// (rules catalog Part A item 14). Detection never evaluates anything:
//
//   - flake.nix (a top-level attrset with `outputs`): FileFlake; its hosts
//     (nixosConfigurations.<h>, darwinConfigurations.<h>,
//     homeConfigurations.<h>) and nixConfig become systems, see flake.go.
//   - a call of nixosTest / testers.runNixOSTest / testers.nixosTest /
//     makeTest / `import …/make-test-python.nix`, or an attrset with
//     `nodes` (or `machine`) and `testScript`: FileNixOSTest; each node is
//     a TestNode system.
//   - a callPackage-style function ({ lib, stdenv, fetchurl, … }:) or a
//     call of stdenv.mkDerivation, buildGoModule, …: FilePackage, no system.
//   - otherwise an attrset, function or mkIf/mkMerge is a module. Its
//     definitions decide the context: `home.*`, `programs.home-manager`,
//     `xdg.configFile`, or an `osConfig` formal make it a Home Manager
//     module; `homebrew.*`, `system.defaults.*`, `launchd.*`,
//     `services.nix-daemon.*` a nix-darwin module; anything else NixOS.
//   - anything else (`import <nixpkgs/nixos> { configuration = …; }`, a
//     default.nix returning several things) is walked for the same
//     constructors a flake uses.
//
// Within a NixOS system, containers.<n>.config, specialisation.<n>.configuration,
// virtualisation.vmVariant and home-manager.users.<u> are child systems
// (see nestedSystem); `boot.isContainer = true` sets System.IsContainer and
// an import of an installer profile sets System.Installer.

var testFunctions = map[string]bool{"nixosTest": true, "runNixOSTest": true, "makeTest": true, "makeTestPython": true,
	"runTest": true, "simpleTest": true}

var derivationBuilders = map[string]bool{"mkDerivation": true, "buildGoModule": true, "buildRustPackage": true,
	"buildPythonPackage": true, "buildPythonApplication": true, "buildNpmPackage": true, "mkShell": true,
	"buildDotnetModule": true, "buildGoPackage": true, "writeShellScriptBin": true, "writeShellApplication": true,
	"runCommand": true, "runCommandLocal": true, "mkYarnPackage": true, "buildMavenPackage": true, "stdenvNoCC": true,
	"buildFHSEnv": true, "symlinkJoin": true, "buildEnv": true, "buildLinux": true, "callPackage": true}

var packageFormals = map[string]bool{"stdenv": true, "stdenvNoCC": true, "fetchurl": true, "fetchFromGitHub": true,
	"fetchgit": true, "fetchzip": true, "buildGoModule": true, "buildPythonPackage": true, "rustPlatform": true,
	"buildNpmPackage": true, "python3Packages": true, "fetchpatch": true, "makeWrapper": true, "pkg-config": true,
	"cmake": true, "meson": true, "ninja": true}

var moduleFunctions = map[string]bool{"mkIf": true, "mkMerge": true, "mkDefault": true, "mkForce": true,
	"mkOverride": true, "optionalAttrs": true}

// calleeTail is the last name of the function an application calls:
// nixosSystem for `inputs.nixpkgs.lib.nixosSystem { … }`.
func calleeTail(n nixast.Node) (string, []nixast.Node) {
	f, args := applyParts(n.Unparen())
	return lastName(f), args
}

// fileShape unwraps functions, let, with and assert around a file's value.
func fileShape(expr nixast.Node) (body nixast.Node, formals map[string]bool) {
	formals = map[string]bool{}
	n := expr.Unparen()
	for i := 0; i < 64; i++ {
		switch n.Kind() {
		case nixast.KindFunction:
			if ff, ok := nixast.Formals(n); ok {
				for _, f := range ff.Formals {
					formals[f.Name] = true
				}
			}
			n = n.Child(nixast.FieldBody).Unparen()
		case nixast.KindLet, nixast.KindWith, nixast.KindAssert:
			n = n.Child(nixast.FieldBody).Unparen()
		default:
			return n, formals
		}
	}
	return n, formals
}

// topNames are the first names of an attrset's bindings.
func topNames(set nixast.Node) map[string]bool {
	out := map[string]bool{}
	for b := range eachBinding(set) {
		if name, ok := firstName(b); ok {
			out[name] = true
		}
	}
	return out
}

func hasAny(m, of map[string]bool) bool {
	for k := range m {
		if of[k] {
			return true
		}
	}
	return false
}

// isTestCall recognizes nixosTest { … }, pkgs.testers.runNixOSTest { … },
// makeTest { … } and `import ./make-test-python.nix (…)`.
func isTestCall(n nixast.Node) bool {
	if n.Kind() != nixast.KindApply {
		return false
	}
	tail, args := calleeTail(n)
	if testFunctions[tail] {
		return true
	}
	if tail == "import" && len(args) >= 2 {
		t := args[0].Unparen()
		if t.End()-t.Start() < 300 && strings.Contains(t.Text(), "make-test") {
			return true
		}
	}
	return false
}

// isTestAttrs recognizes the attrset of a test: nodes/machine + testScript.
func isTestAttrs(n nixast.Node) bool {
	if k := n.Kind(); k != nixast.KindAttrset && k != nixast.KindRecAttrset {
		return false
	}
	names := topNames(n)
	return names["testScript"] && (names["nodes"] || names["machine"])
}

// classifyFile detects what a file is from its shape alone.
func classifyFile(f *nixast.File) FileKind {
	expr := f.Expr().Unparen()
	if k := expr.Kind(); k == nixast.KindAttrset || k == nixast.KindRecAttrset {
		names := topNames(expr)
		if names["outputs"] && (filepath.Base(f.Path) == "flake.nix" || names["inputs"] || names["description"]) {
			return FileFlake
		}
	}
	body, formals := fileShape(expr)
	pkgLike := hasAny(formals, packageFormals) && !formals["config"] && !formals["modulesPath"]
	switch body.Kind() {
	case nixast.KindAttrset, nixast.KindRecAttrset:
		if isTestAttrs(body) {
			return FileNixOSTest
		}
		// Under tests/ (or nixos/tests/) a weaker shape is enough: a test
		// file may build its testScript elsewhere.
		if inTestsDir(f.Path) {
			names := topNames(body)
			if names["nodes"] || names["testScript"] {
				return FileNixOSTest
			}
		}
		if pkgLike {
			return FilePackage
		}
		return FileNixOS
	case nixast.KindApply:
		if isTestCall(body) {
			return FileNixOSTest
		}
		tail, _ := calleeTail(body)
		switch {
		case derivationBuilders[tail]:
			return FilePackage
		case moduleFunctions[tail]:
			return FileNixOS
		case pkgLike:
			return FilePackage
		}
		return FileUnknown
	}
	if pkgLike {
		return FilePackage
	}
	return FileUnknown
}

// hmMarkers and darwinMarkers are option prefixes only Home Manager (or
// nix-darwin) has.
var hmMarkers = [][]string{{"home"}, {"programs", "home-manager"}, {"xdg", "configFile"}, {"xdg", "dataFile"},
	{"targets", "genericLinux"}, {"home-manager", "path"}}
var darwinMarkers = [][]string{{"homebrew"}, {"system", "defaults"}, {"launchd"}, {"services", "nix-daemon"},
	{"system", "primaryUser"}, {"security", "pam", "enableSudoTouchIdAuth"}, {"security", "pam", "services", "sudo_local"}}

func hasPrefixPath(path, prefix []string) bool {
	if len(path) < len(prefix) {
		return false
	}
	for i, p := range prefix {
		if path[i] != p {
			return false
		}
	}
	return true
}

// moduleContext decides whether a module's definitions are Home Manager,
// nix-darwin or NixOS options.
func moduleContext(s *System, formals map[string]bool) Context {
	if formals["osConfig"] || formals["nixosConfig"] || formals["darwinConfig"] {
		return HomeManager
	}
	for _, d := range s.Defs {
		p := d.WrittenPath
		if p == nil {
			p = d.Path
		}
		for _, m := range hmMarkers {
			if hasPrefixPath(p, m) {
				return HomeManager
			}
		}
		for _, m := range darwinMarkers {
			if hasPrefixPath(p, m) {
				return Darwin
			}
		}
	}
	return NixOSHost
}

func rootEnv() *env { return &env{vars: map[string]*binding{}} }

// buildFile builds the systems a file is the entry point of.
func (b *builder) buildFile(f *nixast.File) []*System {
	kind := classifyFile(f)
	b.model.Kinds[f.Path] = kind
	switch kind {
	case FileFlake:
		return b.flake(f)
	case FileNixOSTest:
		return b.testFile(f)
	case FilePackage:
		return nil
	case FileUnknown:
		w := &walker{b: b, f: f}
		w.walk(f.Expr(), rootEnv(), nil, 0)
		return w.systems
	}
	s := newSystem("", NixOSHost, f)
	s.Kind = FileNixOS
	s.InTestsDir = inTestsDir(f.Path)
	c := newCollector(b, s, f)
	c.module(f.Expr(), rootEnv())
	_, formals := fileShape(f.Expr())
	if ctx := moduleContext(s, formals); ctx != NixOSHost {
		s.Context, s.Kind = ctx, contextFileKind(ctx)
		b.model.Kinds[f.Path] = s.Kind
		for _, g := range s.Files[1:] {
			if b.model.Kinds[g.Path] == FileNixOS {
				b.model.Kinds[g.Path] = s.Kind
			}
		}
	}
	return []*System{s}
}

// testFile builds the nodes of a NixOS test file.
func (b *builder) testFile(f *nixast.File) []*System {
	w := &walker{b: b, f: f}
	w.test(f.Expr(), rootEnv(), nil)
	return w.systems
}

// inTestsDir reports a path under a directory named tests (nixos/tests/…,
// tests/…): a weak hint that the file belongs to a test.
func inTestsDir(path string) bool {
	p := "/" + filepath.ToSlash(filepath.Clean(path))
	return strings.Contains(p, "/tests/")
}
