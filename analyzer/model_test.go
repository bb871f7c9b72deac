package analyzer

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

func buildSrc(t *testing.T, src string) *System {
	t.Helper()
	f, err := nixast.Parse("test.nix", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Errors) > 0 {
		t.Fatalf("syntax errors: %v", f.Errors)
	}
	return BuildSystem("", NixOSHost, f)
}

// dump renders the system's definitions one per line for comparisons.
func dump(s *System) string {
	var b strings.Builder
	for _, d := range s.Defs {
		b.WriteString(d.PathString() + " = " + d.Value.String())
		if d.Priority != PriorityPlain {
			b.WriteString(" prio=" + itoa(d.Priority))
		}
		for _, c := range d.Conditions {
			b.WriteString(" if(" + c.Holds().String() + ")")
		}
		b.WriteString(" " + d.Status.String() + "\n")
	}
	return b.String()
}

func itoa(i int) string { return Value{Kind: Int, Int: int64(i)}.String() }

func TestModelShapes(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"dotted", `{ networking.firewall.enable = false; }`,
			"networking.firewall.enable = false effective\n"},
		{"nested", `{ networking = { firewall = { enable = false; }; }; }`,
			"networking.firewall.enable = false effective\n"},
		{"mixed", `{ networking.firewall = { enable = false; allowedTCPPorts = [ 22 80 ]; }; }`,
			"networking.firewall.enable = false effective\nnetworking.firewall.allowedTCPPorts = [ 22 80 ] effective\n"},
		{"quoted", `{ boot.kernel.sysctl."net.ipv4.ip_forward" = 1; }`,
			"boot.kernel.sysctl.\"net.ipv4.ip_forward\" = 1 effective\n"},
		{"dynamic literal", `{ services.${"openssh"}.enable = true; }`,
			"services.openssh.enable = true effective\n"},
		{"function module let", `{ config, lib, pkgs, ... }: let off = false; port = 8080; in { networking.firewall.enable = off; x.url = "tcp://0.0.0.0:${toString port}"; }`,
			"networking.firewall.enable = false effective\nx.url = \"tcp://0.0.0.0:8080\" effective\n"},
		{"mkForce beats plain", `{ lib, ... }: { a = lib.mkForce true; } // { a = false; }`,
			"a = true prio=50 effective\na = false overridden\n"},
		{"mkDefault loses", `{ lib, ... }: { imports = []; config = { a = lib.mkDefault true; b = 1; }; options = {}; }`,
			"a = true prio=1000 effective\nb = 1 effective\n"},
		{"mkIf unknown", `{ config, lib, ... }: { a = lib.mkIf config.x.enable false; }`,
			"a = false if(unknown) effective\n"},
		{"mkIf false", `{ lib, ... }: { a = lib.mkIf false true; b = 2; }`,
			"b = 2 effective\n"},
		{"with lib mkMerge", `{ lib, ... }: with lib; { config = mkMerge [ { a = 1; } (mkIf true { b = mkForce 2; }) ]; }`,
			"a = 1 effective\nb = 2 prio=50 if(true) effective\n"},
		{"let-bound set", `let h = { NoNewPrivileges = true; }; in { systemd.services.x.serviceConfig = h // { User = "x"; }; }`,
			"systemd.services.x.serviceConfig.NoNewPrivileges = true effective\nsystemd.services.x.serviceConfig.User = \"x\" effective\n"},
		{"inherit", `let enable = true; in { services.openssh = { inherit enable; }; }`,
			"services.openssh.enable = true effective\n"},
		{"unknown from config", `{ config, ... }: { a = config.b; }`,
			"a = <unknown: `config.b` depends on `config` is a function argument> effective\n"},
		{"optionals", `{ lib, ... }: { l = [ 1 ] ++ lib.optionals true [ 2 ]; }`,
			"l = [ 1 2 ] effective\n"},
		{"attrset value in pieces", `{ x = [ { a.b = 1; a.c.d = 2; a = { e = 3; }; f = 4; a.c.g = 5; } ]; }`,
			"x = [ { a = { b = 1; c = { d = 2; g = 5; }; e = 3; }; f = 4; } ] effective\n"},
		{"concatStringsSep", `{ lib, ... }: { s = lib.concatStringsSep "," [ "a" "b" ]; }`,
			"s = \"a,b\" effective\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := dump(buildSrc(t, tc.src)); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestContainerIsNestedSystem(t *testing.T) {
	s := buildSrc(t, `{ containers.web = { privateNetwork = false; config = { config, pkgs, ... }: { networking.firewall.enable = false; }; }; }`)
	if len(s.Children) != 1 || s.Children[0].Name != "containers.web" || s.Children[0].Context != NixOSContainer {
		t.Fatalf("children %+v", s.Children)
	}
	if got := dump(s.Children[0]); got != "networking.firewall.enable = false effective\n" {
		t.Fatalf("container defs %s", got)
	}
	if len(s.Lookup("networking", "firewall", "enable")) != 0 {
		t.Fatal("container option leaked into host")
	}
}

func TestMaybeSet(t *testing.T) {
	s := buildSrc(t, `{ config, ... }: { systemd.services.a.serviceConfig = config.common; systemd.services.b.serviceConfig.User = "x"; }`)
	if !s.MaybeSet("systemd", "services", "a", "serviceConfig", "NoNewPrivileges") {
		t.Error("opaque serviceConfig should make NoNewPrivileges maybe-set")
	}
	if s.MaybeSet("systemd", "services", "b", "serviceConfig", "NoNewPrivileges") {
		t.Error("b's NoNewPrivileges is certainly not set")
	}
	if got := s.Names("systemd.services.*"); strings.Join(got, ",") != "a,b" {
		t.Errorf("names %v", got)
	}
}

// writeTree writes files (path → source) under a temporary directory and
// parses them; it returns the parsed files in path order and the root.
func writeTree(t *testing.T, tree map[string]string) ([]*nixast.File, string) {
	t.Helper()
	root := t.TempDir()
	var paths []string
	for p := range tree {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var files []*nixast.File
	for _, p := range paths {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(tree[p]), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := nixast.Parse(full, []byte(tree[p]))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files, root
}

// dumpModel renders every system of a model with its definitions.
func dumpModel(m *Model, root string) string {
	var b strings.Builder
	for _, s := range m.AllSystems() {
		name := s.Name
		if name == "" {
			name = "<top>"
		}
		fmt.Fprintf(&b, "system %s %s", name, s.Context)
		if s.Installer {
			b.WriteString(" installer")
		}
		if s.IsContainer {
			b.WriteString(" is-container")
		}
		if s.Throwaway() {
			b.WriteString(" throwaway")
		}
		b.WriteString("\n")
		for _, d := range s.Defs {
			rel, _ := filepath.Rel(root, d.File.Path)
			fmt.Fprintf(&b, "  %s = %s", d.PathString(), d.Value)
			if d.Priority != PriorityPlain {
				fmt.Fprintf(&b, " prio=%d", d.Priority)
			}
			for _, c := range d.Conditions {
				fmt.Fprintf(&b, " if(%s)", c.Holds())
			}
			fmt.Fprintf(&b, " %s [%s]\n", d.Status, filepath.ToSlash(rel))
		}
	}
	for _, p := range m.Problems {
		rel, _ := filepath.Rel(root, p.File.Path)
		fmt.Fprintf(&b, "problem %s: %s\n", filepath.ToSlash(rel), p.Node.Text())
	}
	return b.String()
}

func TestModelFiles(t *testing.T) {
	for _, tc := range []struct {
		name string
		tree map[string]string
		want string
	}{
		{"cross-file priorities", map[string]string{
			"configuration.nix": `{ lib, ... }: { imports = [ ./a.nix ./dir ]; services.openssh.settings.PermitRootLogin = lib.mkDefault "no"; }`,
			"a.nix":             `{ lib, ... }: { services.openssh.settings.PermitRootLogin = lib.mkForce "yes"; }`,
			"dir/default.nix":   `{ services.openssh.settings.PermitRootLogin = "prohibit-password"; }`,
		}, `system <top> nixos
  services.openssh.settings.PermitRootLogin = "no" prio=1000 overridden [configuration.nix]
  services.openssh.settings.PermitRootLogin = "yes" prio=50 effective [a.nix]
  services.openssh.settings.PermitRootLogin = "prohibit-password" overridden [dir/default.nix]
`},
		{"import cycle and missing import", map[string]string{
			"a.nix": `{ imports = [ ./b.nix ./missing.nix ]; x = 1; }`,
			"b.nix": `{ imports = [ ./a.nix (import ./c.nix) ]; y = 2; }`,
			"c.nix": `{ z = 3; }`,
		}, `system <top> nixos
  x = 1 effective [a.nix]
  y = 2 effective [b.nix]
  z = 3 effective [c.nix]
problem a.nix: ./missing.nix
`},
		{"flake hosts and nixConfig", map[string]string{
			"flake.nix": `{
  nixConfig.extra-substituters = [ "http://cache.example" ];
  inputs.nixpkgs.url = "github:NixOS/nixpkgs";
  outputs = { self, nixpkgs, ... }@inputs: let common = { networking.firewall.enable = false; }; in {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      specialArgs = { inherit inputs; };
      modules = [ ./web.nix common ({ lib, ... }: { services.nginx.enable = lib.mkDefault true; }) inputs.sops.nixosModules.sops ];
    };
    nixosConfigurations.db = inputs.nixpkgs.lib.nixosSystem { modules = [ { services.postgresql.enable = true; } ]; };
    darwinConfigurations.mac = inputs.darwin.lib.darwinSystem { modules = [ { services.nix-daemon.enable = true; } ]; };
    homeConfigurations.me = inputs.hm.lib.homeManagerConfiguration { modules = [ { programs.ssh.enable = true; } ]; };
  };
}`,
			"web.nix": `{ services.openssh.enable = true; }`,
		}, `system nixConfig flake-nixconfig
  nixConfig.extra-substituters = [ "http://cache.example" ] effective [flake.nix]
system nixosConfigurations.web nixos
  services.openssh.enable = true effective [web.nix]
  networking.firewall.enable = false effective [flake.nix]
  services.nginx.enable = true prio=1000 effective [flake.nix]
system nixosConfigurations.db nixos
  services.postgresql.enable = true effective [flake.nix]
system darwinConfigurations.mac darwin
  services.nix-daemon.enable = true effective [flake.nix]
system homeConfigurations.me home-manager
  programs.ssh.enable = true effective [flake.nix]
`},
		{"containers, HM users, installer, isContainer", map[string]string{
			"configuration.nix": `{ modulesPath, ... }: {
  imports = [ "${modulesPath}/installer/cd-dvd/installation-cd-minimal.nix" ];
  containers.web.config.networking.firewall.enable = false;
  containers.db.config = import ./db.nix;
  home-manager.users.alice = { pkgs, ... }: { programs.ssh.enable = true; home.stateVersion = "24.05"; };
  home-manager.users.bob = import ./bob.nix;
  services.openssh.enable = true;
}`,
			"db.nix":  `{ boot.isContainer = true; services.postgresql.enable = true; }`,
			"bob.nix": `{ programs.git.enable = true; }`,
		}, `system <top> nixos installer throwaway
  services.openssh.enable = true effective [configuration.nix]
system containers.web container throwaway
  networking.firewall.enable = false effective [configuration.nix]
system containers.db container is-container throwaway
  boot.isContainer = true effective [db.nix]
  services.postgresql.enable = true effective [db.nix]
system home-manager.users.alice home-manager throwaway
  programs.ssh.enable = true effective [configuration.nix]
  home.stateVersion = "24.05" effective [configuration.nix]
system home-manager.users.bob home-manager throwaway
  programs.git.enable = true effective [bob.nix]
`},
		{"NixOS test nodes", map[string]string{
			"tests/ssh.nix": `{ pkgs, ... }: pkgs.testers.runNixOSTest {
  name = "ssh";
  defaults = { virtualisation.memorySize = 2048; };
  nodes.server = { services.openssh.enable = true; users.users.root.password = ""; };
  nodes.client = { lib, ... }: { programs.ssh.startAgent = lib.mkForce true; };
  testScript = "start_all()";
}`,
		}, `system <top> test-node throwaway
system nodes.server test-node throwaway
  services.openssh.enable = true effective [tests/ssh.nix]
  users.users.root.password = "" effective [tests/ssh.nix]
  virtualisation.memorySize = 2048 effective [tests/ssh.nix]
system nodes.client test-node throwaway
  programs.ssh.startAgent = true prio=50 effective [tests/ssh.nix]
  virtualisation.memorySize = 2048 effective [tests/ssh.nix]
`},
		{"home manager and darwin files, packages", map[string]string{
			"home.nix":    `{ config, pkgs, ... }: { home.packages = [ ]; programs.ssh.enable = true; }`,
			"darwin.nix":  `{ pkgs, ... }: { homebrew.enable = true; services.openssh.enable = true; }`,
			"package.nix": `{ lib, stdenv, fetchurl }: stdenv.mkDerivation { pname = "x"; version = "1"; }`,
		}, `system <top> darwin
  homebrew.enable = true effective [darwin.nix]
  services.openssh.enable = true effective [darwin.nix]
system <top> home-manager
  home.packages = [  ] effective [home.nix]
  programs.ssh.enable = true effective [home.nix]
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, root := writeTree(t, tc.tree)
			m := BuildModel(files)
			if got := dumpModel(m, root); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestLegacyNames(t *testing.T) {
	s := buildSrc(t, `{ services.openssh.permitRootLogin = "yes"; services.sshd.enable = true; nix.useSandbox = false;
  users.extraUsers.bob.passwordFile = "/run/pw"; services.redis.bind = "0.0.0.0"; docker-containers.x.extraDockerOptions = [ "--privileged" ]; }`)
	for _, tc := range []struct{ canonical, written string }{
		{`services.openssh.settings.PermitRootLogin`, `services.openssh.permitRootLogin`},
		{`services.openssh.enable`, `services.sshd.enable`},
		{`nix.settings.sandbox`, `nix.useSandbox`},
		{`users.users.bob.hashedPasswordFile`, `users.extraUsers.bob.passwordFile`},
		{`services.redis.servers."".bind`, `services.redis.bind`},
		{`virtualisation.oci-containers.containers.x.extraOptions`, `docker-containers.x.extraDockerOptions`},
	} {
		defs := s.Lookup(SplitPath(tc.canonical)...)
		if len(defs) != 1 || JoinPath(defs[0].WrittenPath) != tc.written || !defs[0].Renamed() {
			t.Errorf("%s: got %v", tc.canonical, defs)
		}
	}
}

func TestNixConf(t *testing.T) {
	src := `{ lib, ... }: let port = 8080; in {
  nix.settings.substituters = [ "https://cache.nixos.org" "http://a.example" ];
  nix.binaryCaches = [ "http://legacy" ];
  nix.settings.require-sigs = false;
  nix.settings.trusted-users = "root @wheel";
  nix.extraOptions = ''
    # comment
    require-sigs = true  # trailing
    extra-substituters = http://x:${toString port} https://y
    binary-caches = https://z
    bad line
    !include /etc/nix/secret.conf
  '';
}`
	s := buildSrc(t, src)
	render := func(key string) string {
		var out []string
		for _, st := range s.NixConf(key) {
			var items []string
			for _, it := range st.Items {
				items = append(items, fmt.Sprintf("%s@%s", it.Text, src[it.Span.Start:it.Span.End]))
			}
			out = append(out, fmt.Sprintf("%s/%s app=%v eff=%v key=%s val=%s items=%s", st.WrittenKey, st.Source, st.Append, st.Effective,
				src[st.KeySpan.Start:st.KeySpan.End], src[st.ValueSpan.Start:st.ValueSpan.End], strings.Join(items, ",")))
		}
		return strings.Join(out, "\n")
	}
	for _, tc := range []struct{ key, want string }{
		{"extra-substituters", `substituters/nix.settings app=false eff=false key=substituters val=[ "https://cache.nixos.org" "http://a.example" ] items=https://cache.nixos.org@https://cache.nixos.org,http://a.example@http://a.example
nix.binaryCaches/nix.settings app=false eff=false key=binaryCaches val=[ "http://legacy" ] items=http://legacy@http://legacy
extra-substituters/nix.extraOptions app=true eff=true key=extra-substituters val=http://x:${toString port} https://y items=http://x:8080@http://x:${toString port},https://y@https://y
binary-caches/nix.extraOptions app=false eff=true key=binary-caches val=https://z items=https://z@https://z`},
		{"require-sigs", `require-sigs/nix.settings app=false eff=false key=require-sigs val=false items=false@false
require-sigs/nix.extraOptions app=false eff=true key=require-sigs val=true items=true@true`},
		{"trusted-users", `trusted-users/nix.settings app=false eff=true key=trusted-users val="root @wheel" items=root@root,@wheel@@wheel`},
		{"!include", `!include/nix.extraOptions app=false eff=true key=!include val=/etc/nix/secret.conf items=/etc/nix/secret.conf@/etc/nix/secret.conf`},
		{"bad", ``},
	} {
		if got := render(tc.key); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.key, got, tc.want)
		}
	}
	if st := s.NixConf("require-sigs"); len(st) != 2 {
		t.Fatal(st)
	} else if b, ok := st[1].Bool(); !ok || !b {
		t.Error("extraOptions require-sigs should read as true")
	}
	items, ok := s.NixConfValue("substituters")
	if !ok || len(items) != 3 || items[0].Text != "https://z" {
		t.Errorf("final substituters %v", items)
	}
}

func TestConfigRefs(t *testing.T) {
	s := buildSrc(t, `{ config, lib, ... }: let cfg = config.services.foo; in {
  options.services.foo = { enable = lib.mkEnableOption "foo"; open = lib.mkOption { default = true; }; };
  config = lib.mkMerge [
    { services.foo.enable = true; services.grafana.settings.server.http_port = 3000; }
    (lib.mkIf cfg.enable { networking.firewall.allowedTCPPorts = [ config.services.grafana.settings.server.http_port ]; })
    (lib.mkIf cfg.open { a = 1; }) # declared defaults never decide conditions
    (lib.mkIf config.services.unknown.enable { b = 2; })
    (lib.mkIf (!config.boot.isContainer) { c = 3; })
    { d = cfg.open; }
  ];
}`)
	want := `services.foo.enable = true effective
services.grafana.settings.server.http_port = 3000 effective
networking.firewall.allowedTCPPorts = [ 3000 ] if(true) effective
a = 1 if(unknown) effective
b = 2 if(unknown) effective
c = 3 if(unknown) effective
d = true effective
`
	if got := dump(s); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestPassSystemsSkipsHomeManager(t *testing.T) {
	files, _ := writeTree(t, map[string]string{
		"configuration.nix": `{ home-manager.users.a = { programs.ssh.enable = true; }; networking.hostName = "h"; }`,
	})
	p := &Pass{Model: BuildModel(files)}
	if n := len(p.Systems()); n != 1 {
		t.Errorf("Systems: %d", n)
	}
	if n := len(p.AllSystems()); n != 2 {
		t.Errorf("AllSystems: %d", n)
	}
}

func TestModelFilesMore(t *testing.T) {
	for _, tc := range []struct {
		name string
		tree map[string]string
		want string
	}{
		{"flake helper and flake-parts", map[string]string{
			"flake.nix": `{
  outputs = inputs@{ nixpkgs, flake-parts, ... }: flake-parts.lib.mkFlake { inherit inputs; } {
    flake = let mkHost = name: nixpkgs.lib.nixosSystem { modules = [ ./common.nix ./hosts/${name}.nix ]; };
    in { nixosConfigurations.a = mkHost "a"; };
  };
}`,
			"common.nix":  `{ services.openssh.enable = true; }`,
			"hosts/a.nix": `{ networking.hostName = "a"; }`,
		}, `system nixosConfigurations.a nixos
  services.openssh.enable = true effective [common.nix]
  networking.hostName = "a" effective [hosts/a.nix]
`},
		{"full form, conditional imports", map[string]string{
			"configuration.nix": `{ lib, ... }: let useB = false; in {
  imports = [ ./a.nix ] ++ lib.optionals useB [ ./b.nix ] ++ (if true then [ ./c.nix ] else [ ./missing.nix ]);
  options = { };
  config.x = 1;
}`,
			"a.nix": `{ config, ... }: { imports = [ ./d.nix ]; config = { a = 1; }; }`,
			"b.nix": `{ b = 1; }`,
			"c.nix": `{ c = 1; }`,
			"d.nix": `{ d = 1; }`,
		}, `system <top> nixos
  b = 1 effective [b.nix]
system <top> nixos
  x = 1 effective [configuration.nix]
  a = 1 effective [a.nix]
  d = 1 effective [d.nix]
  c = 1 if(true) effective [c.nix]
`}, // b.nix is not imported (useB is false): an entry point of its own
		{"tests dir hint", map[string]string{
			"nixos/tests/ssh.nix": `{ nodes.m = { services.openssh.enable = true; }; }`,
		}, `system <top> test-node throwaway
system nodes.m test-node throwaway
  services.openssh.enable = true effective [nixos/tests/ssh.nix]
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, root := writeTree(t, tc.tree)
			m := BuildModel(files)
			if got := dumpModel(m, root); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestLoaderAndCache(t *testing.T) {
	overlay := map[string]string{
		"/p/b.nix":           `{ services.openssh.enable = true; }`,
		"/p/dir/default.nix": `{ networking.firewall.enable = false; }`,
	}
	reads := 0
	loader := func(p string) ([]byte, error) {
		reads++
		if s, ok := overlay[p]; ok {
			return []byte(s), nil
		}
		return nil, fmt.Errorf("%s: %w", p, fs.ErrNotExist)
	}
	f, err := nixast.Parse("/p/a.nix", []byte(`{ imports = [ ./b.nix ./dir ./gone.nix ]; }`))
	if err != nil {
		t.Fatal(err)
	}
	cache := NewFileCache()
	var first *nixast.File
	for i := 0; i < 2; i++ {
		m := BuildModelWith([]*nixast.File{f}, ModelOptions{Loader: loader, Cache: cache})
		s := m.Systems[0]
		if len(s.Defs) != 2 || len(m.Problems) != 1 || m.Problems[0].Target != "/p/gone.nix" {
			t.Fatalf("defs %d problems %+v", len(s.Defs), m.Problems)
		}
		if i == 0 {
			first = s.Files[1]
		} else if s.Files[1] != first {
			t.Error("unchanged imported file was parsed again")
		}
	}
	if cache.Len() != 2 {
		t.Errorf("cache holds %d files", cache.Len())
	}
	overlay["/p/b.nix"] = `{ services.openssh.enable = false; }`
	m := BuildModelWith([]*nixast.File{f}, ModelOptions{Loader: loader, Cache: cache})
	if v, _, _ := m.Systems[0].Get("services", "openssh", "enable"); !v.IsBool(false) {
		t.Errorf("changed file not re-read: %s", v)
	}
}

func TestIndentedStringDecoded(t *testing.T) {
	s := buildSrc(t, "{ nix.extraOptions = ''\n    a = 1\n      b = ''${x}\n    c = \\n\n  ''; }")
	v, _, _ := s.Get("nix", "extraOptions")
	if got, _ := v.Str(); got != "a = 1\n  b = ${x}\nc = \\n\n" {
		t.Errorf("got %q", got)
	}
}

func TestInstallerMarkers(t *testing.T) {
	for _, tc := range []struct {
		src       string
		installer bool
	}{
		{`{ modulesPath, ... }: { imports = [ (modulesPath + "/installer/scan/not-detected.nix") ]; }`, false},
		{`{ modulesPath, ... }: { imports = [ "${modulesPath}/installer/sd-card/sd-image-aarch64.nix" ]; }`, true},
		{`{ imports = [ <nixpkgs/nixos/modules/installer/netboot/netboot-minimal.nix> ]; }`, true},
		{`{ imports = [ ./netboot.nix ./sd-image.nix ]; }`, false},
	} {
		files, _ := writeTree(t, map[string]string{"configuration.nix": tc.src})
		m := BuildModel(files)
		if got := m.Systems[0].Installer; got != tc.installer {
			t.Errorf("%s: installer %v", tc.src, got)
		}
	}
}

func TestNixConfFlake(t *testing.T) {
	files, _ := writeTree(t, map[string]string{"flake.nix": `{
  nixConfig = { extra-substituters = "https://a.example http://b.example"; accept-flake-config = true; };
  outputs = { ... }: { };
}`})
	m := BuildModel(files)
	if len(m.Systems) != 1 || m.Systems[0].Context != FlakeConfig {
		t.Fatalf("systems %+v", m.Systems)
	}
	s := m.Systems[0]
	sts := s.NixConf("substituters")
	if len(sts) != 1 || sts[0].Source != FromFlakeConfig || !sts[0].Append || len(sts[0].Items) != 2 || sts[0].Items[1].Text != "http://b.example" {
		t.Fatalf("substituters %+v", sts)
	}
	src := string(files[0].Src)
	if sp := sts[0].Items[1].Span; src[sp.Start:sp.End] != "http://b.example" {
		t.Errorf("item span %q", src[sp.Start:sp.End])
	}
	if b, ok := s.NixConf("accept-flake-config")[0].Bool(); !ok || !b {
		t.Error("accept-flake-config")
	}
	if keys := strings.Join(s.NixConfKeys(), ","); keys != "accept-flake-config,substituters" {
		t.Errorf("keys %s", keys)
	}
}

func TestSpecialArgs(t *testing.T) {
	files, _ := writeTree(t, map[string]string{
		"flake.nix": `{
  outputs = { nixpkgs, ... }@inputs: let host = "web"; in {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      specialArgs = { inherit inputs host; openPorts = [ 80 443 ]; };
      modules = [ ./web.nix ];
    };
  };
}`,
		"web.nix": `{ host, openPorts, inputs, ... }: { networking.hostName = host; networking.firewall.allowedTCPPorts = openPorts; x = inputs.self; }`,
	})
	s := BuildModel(files).Systems[0]
	for path, want := range map[string]string{"networking.hostName": `"web"`, "networking.firewall.allowedTCPPorts": "[ 80 443 ]"} {
		if v, _, _ := s.Get(SplitPath(path)...); v.String() != want {
			t.Errorf("%s = %s, want %s", path, v, want)
		}
	}
	if v, _, _ := s.Get("x"); v.Known() {
		t.Errorf("x = %s", v)
	}
}

func TestListFunctions(t *testing.T) {
	s := buildSrc(t, `{ lib, ... }: let ports = [ 80 443 ]; in {
  a = lib.range 8000 8003;
  b = lib.flatten [ 1 [ 2 [ 3 ] ] ];
  c = map (p: p + 1) ports;
  d = builtins.concatMap (p: [ p p ]) ports;
  e = lib.concatLists [ [ 1 ] [ 2 ] ];
  f = map (p: p) [ unknownThing ];
}`)
	want := `a = [ 8000 8001 8002 8003 ] effective
b = [ 1 2 3 ] effective
c = [ 81 444 ] effective
d = [ 80 80 443 443 ] effective
e = [ 1 2 ] effective
f = [ <unknown: ` + "`unknownThing`" + ` is not defined in this file> ] effective
`
	if got := dump(s); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
