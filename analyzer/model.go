package analyzer

// The module model, in one page (details next to each piece):
//
//   - BuildModel / BuildModelWith (pass.go) take parsed files. Each given
//     file that no other given file imports is an entry point: a module
//     gives one System, a flake one System per nixosConfigurations /
//     darwinConfigurations / homeConfigurations host plus a FlakeConfig
//     System for nixConfig (flake.go), a NixOS test a TestNode System whose
//     children are its nodes. Relative imports (`./x.nix`, `./dir` →
//     dir/default.nix, `import ./x.nix`, inline modules, variables,
//     `++`, `lib.optional(s)`, `if`) are followed once per system
//     (imports.go); other files are read with ModelOptions.Loader through
//     a FileCache keyed by content hash. A missing file is a Problem
//     (rule NIXSEC-MOD-001). A definition keeps the File it is written in.
//   - Collection (collect.go) turns module expressions into Definitions:
//     priorities (mkForce, mkDefault, mkOverride, mkOptionDefault,
//     mkVMOverride), order (mkBefore/mkAfter/mkOrder), conditions (mkIf,
//     optionalAttrs, if), mkMerge, let/with/rec/inherit, `//`. Values are
//     resolved by a static evaluator (eval.go) that answers Unknown when it
//     cannot know.
//   - Nested systems: containers.<n>.config, specialisation.<n>.configuration,
//     virtualisation.vmVariant, home-manager.users.<u> (Context
//     HomeManager), home-manager.sharedModules.
//   - Paths are canonical: legacy option names are renamed (rename.go) and
//     Definition.WrittenPath keeps the source's path.
//   - After collection each system is merged (query.go: Status, By), then
//     config.* references are resolved against the system's own
//     definitions (resolve.go), then boot.isContainer sets IsContainer.
//   - File kinds and contexts (context.go): System.Context, System.Kind,
//     Model.Kinds, System.Throwaway(), System.ContainerGuest(),
//     System.Installer. Pass.Systems() leaves out Home Manager and flake
//     nixConfig systems; Pass.AllSystems() and Pass.NixConfSystems() do not.
//   - nix.conf (nixconf.go): System.NixConf(key) merges nix.settings, legacy
//     nix.* options, nix.extraOptions lines, environment.etc."nix/nix.conf"
//     and a flake's nixConfig, with exact source ranges of keys and items.
//   - Model.Dump (dump.go) is what `nixsec dump-options` prints; goldens in
//     testdata/model.

import (
	"strconv"
	"strings"
	"sync"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Context says what kind of system a definition configures; rules treat a
// test VM or a container guest differently from a host.
type Context uint8

const (
	NixOSHost      Context = iota // a NixOS system (the default for modules)
	NixOSContainer                // containers.<name>.config
	Specialisation                // specialisation.<name>.configuration
	VMVariant                     // virtualisation.vmVariant
	TestNode                      // nodes.<name> of a NixOS test
	HomeManager                   // a Home Manager module
	Darwin                        // a nix-darwin module
	FlakeConfig                   // a flake's nixConfig
)

var contextNames = [...]string{"nixos", "container", "specialisation", "vm-variant", "test-node", "home-manager", "darwin", "flake-nixconfig"}

func (c Context) String() string {
	if int(c) < len(contextNames) {
		return contextNames[c]
	}
	return "context(" + strconv.Itoa(int(c)) + ")"
}

// IsTestOrVM reports contexts that are throwaway VMs rather than servers.
func (c Context) IsTestOrVM() bool { return c == TestNode || c == VMVariant }

// IsNixOS reports contexts whose options are NixOS options.
func (c Context) IsNixOS() bool { return c <= TestNode }

// Priorities as the NixOS module system assigns them (lower wins).
const (
	PriorityForce         = 50
	PriorityPlain         = 100
	PriorityDefault       = 1000
	PriorityOptionDefault = 1500
)

// Tri is a three-valued truth.
type Tri uint8

const (
	TriUnknown Tri = iota
	TriTrue
	TriFalse
)

func (t Tri) String() string { return [...]string{"unknown", "true", "false"}[t] }

// Condition is one `mkIf c` (or `optionalAttrs c`, `if c then … else`)
// that guards a definition.
type Condition struct {
	Node  nixast.Node // the condition expression
	Value Tri
	Else  bool // the definition is in the else branch: holds when Node is false
	// ViaConfig is set when Value was resolved through a `config.*`
	// reference to a definition elsewhere in the system.
	ViaConfig bool

	env      *env       // scope of Node, for the config.* resolution pass
	refs     bool       // evaluating Node met a config.* reference
	refPaths [][]string // the config.* paths it met
}

// Holds is the condition's truth for the guarded definition.
func (c Condition) Holds() Tri {
	if c.Value == TriUnknown || !c.Else {
		return c.Value
	}
	if c.Value == TriTrue {
		return TriFalse
	}
	return TriTrue
}

// Status says whether a definition takes effect after merging.
type Status uint8

const (
	Effective       Status = iota // takes part in the option's value
	Overridden                    // a definition of higher priority certainly wins
	Inactive                      // its condition is false
	MaybeOverridden               // a conditional definition of higher priority may win
)

func (s Status) String() string {
	return [...]string{"effective", "overridden", "inactive", "maybe-overridden"}[s]
}

// Definition is one place that sets an option.
type Definition struct {
	Path []string // canonical option path, names concrete: systemd.services.nginx.serviceConfig.User
	// WrittenPath is the path as the source writes it; it differs from Path
	// for renamed (legacy) options: services.openssh.permitRootLogin.
	WrittenPath []string
	File        *nixast.File
	Key         nixast.Node // the attribute name (last segment) that names this definition
	KeyPath     nixast.Node // the whole attrpath of the binding (may cover only part of Path)
	Binding     nixast.Node // the binding node `path = value;` (for edits)
	Expr        nixast.Node // the full value expression, mk* wrappers included
	Node        nixast.Node // the value expression with wrappers removed
	Value       Value
	Priority    int
	Order       int // mkBefore 500, plain 1000, mkAfter 1500
	Conditions  []Condition
	Status      Status
	By          *Definition // for Overridden/MaybeOverridden: the winner
	System      *System
	// Opaque is set when Value is an Unknown attrset-like expression: the
	// option and anything below it may be set in ways nixsec cannot see.
	Opaque bool
	// ViaConfig is set when Value was resolved through `config.*`
	// references to other definitions (Part A item 13).
	ViaConfig bool
	refs      bool // evaluating Node met a config.* reference (beside the flags: no padding)

	env      *env       // scope of Node, for the config.* resolution pass
	refPaths [][]string // the config.* paths it met (nil: unknown)
}

// Renamed reports whether the definition uses a legacy option name.
func (d *Definition) Renamed() bool { return d.WrittenPath != nil && !samePath(d.WrittenPath, d.Path) }

func samePath(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// PathString joins the path with dots, quoting segments that need it.
func (d *Definition) PathString() string { return JoinPath(d.Path) }

// JoinPath joins option path segments as Nix would print them.
func JoinPath(p []string) string {
	var b strings.Builder
	for i, s := range p {
		if i > 0 {
			b.WriteByte('.')
		}
		if isIdent(s) {
			b.WriteString(s)
		} else {
			b.WriteString(`"` + strings.ReplaceAll(s, `"`, `\"`) + `"`)
		}
	}
	return b.String()
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		ok := r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || (i > 0 && (r >= '0' && r <= '9' || r == '-' || r == '\''))
		if !ok {
			return false
		}
	}
	return true
}

// Confidence is Definite when every condition certainly holds and the value
// is not just maybe overridden.
func (d *Definition) Confidence() diagnostics.Confidence {
	for _, c := range d.Conditions {
		if c.Holds() != TriTrue {
			return diagnostics.Possible
		}
	}
	if d.Status == MaybeOverridden {
		return diagnostics.Possible
	}
	return diagnostics.Definite
}

// Active reports whether the definition may take effect.
func (d *Definition) Active() bool { return d.Status == Effective || d.Status == MaybeOverridden }

// Location is where the finding for this definition's value belongs.
func (d *Definition) Location() diagnostics.Location {
	n := d.Node
	if !n.Valid() {
		n = d.Key
	}
	return diagnostics.Location{Path: d.File.Path, Span: n.Span()}
}

// System is one NixOS (or other) system: the top-level configuration of an
// entry point, or a nested one (a container guest, a test node).
type System struct {
	Name    string // "" for the top level; "containers.web", "nodes.machine", "nixosConfigurations.host", …
	Context Context
	Parent  *System
	// Files are the files whose definitions the system holds, the entry
	// file first, then imported ones in the order they were reached.
	Files []*nixast.File
	Defs  []*Definition // in collection order (source order within a file)
	// Children are nested systems (containers, specialisations, test nodes,
	// Home Manager users).
	Children []*System

	// Entry is the file the system starts from (for a flake host: flake.nix).
	Entry *nixast.File
	// Kind is what the entry file is (module, flake, NixOS test, …).
	Kind FileKind
	// Installer is set when the system imports an installer or image
	// profile (installation-cd-*.nix, netboot, sd-image): a throwaway image.
	Installer bool
	// InstallerImport is the import that made it one.
	InstallerImport nixast.Node
	// OpaqueImports are the imported modules nixsec cannot read: nixpkgs
	// profiles (`<nixpkgs/…>`, `modulesPath + "/…"`), flake inputs'
	// modules (`inputs.sops-nix.nixosModules.sops`), computed imports.
	// They may set options the model does not show; rules that report a
	// missing setting can lower their confidence when there are any.
	OpaqueImports []nixast.Node
	// InTestsDir is set when the entry file lies under a tests/ directory:
	// a weak hint that the module configures a test machine (Throwaway does
	// not count it; rules may lower confidence).
	InTestsDir bool
	// IsContainer is set when `boot.isContainer = true` is certainly
	// defined: the system is a container guest.
	IsContainer bool
	// Declared holds option defaults declared by custom modules of this
	// system (`options.x = mkOption { default = …; }`), by joined path.
	Declared map[string]Value

	index pathIndex       // path → definitions
	seen  map[string]bool // files already imported into this system
	// byHead holds Defs by their first name, in source order, as of the
	// last reindex (when len(Defs) was byHeadN): Match and Names look only
	// at the definitions under the pattern's first name.
	byHead  map[string][]*Definition
	byHeadN int

	// names memoizes Names (many rules list users.users.* and the like),
	// valid while len(Defs) is namesN; the mutex lets an editor's hovers
	// share a model.
	namesMu sync.Mutex
	names   map[string][]string
	namesN  int

	args        map[string]*binding // module arguments from specialArgs
	nixconfOnce sync.Once
	nixconf     map[string][]*NixConfSetting
}

// Model is everything nixsec knows about the analysed files.
type Model struct {
	Systems []*System // top-level systems; walk Children for nested ones
	// Kinds says what each analysed file is, by path (given files and the
	// files they import).
	Kinds map[string]FileKind
	// Problems are model-level problems found while building (imports
	// that do not resolve), reported by rule NIXSEC-MOD-001.
	Problems []Problem
}

// ProblemKind classifies a Problem.
type ProblemKind uint8

const (
	MissingImport ProblemKind = iota // an imported file does not exist
	ModelPanic                       // building the model of a file failed (a nixsec bug)
)

// Problem is something wrong with the module graph itself.
type Problem struct {
	Kind    ProblemKind
	File    *nixast.File
	Node    nixast.Node // the import expression
	Target  string      // the path that was looked for
	Message string
}

// AllSystems returns every system, nested ones included, depth first.
func (m *Model) AllSystems() []*System {
	var out []*System
	var walk func(s *System)
	walk = func(s *System) {
		out = append(out, s)
		for _, c := range s.Children {
			walk(c)
		}
	}
	for _, s := range m.Systems {
		walk(s)
	}
	return out
}

// FileKind is what a file is, detected from its shape (never evaluated).
type FileKind uint8

const (
	FileUnknown     FileKind = iota // nothing recognizable (a plain expression)
	FileNixOS                       // a NixOS module
	FileHomeManager                 // a Home Manager module
	FileDarwin                      // a nix-darwin module
	FileFlake                       // a flake.nix
	FilePackage                     // a package expression (callPackage style, mkDerivation, …)
	FileNixOSTest                   // a NixOS VM test
)

var fileKindNames = [...]string{"unknown", "nixos-module", "home-manager-module", "darwin-module", "flake", "package", "nixos-test"}

func (k FileKind) String() string {
	if int(k) < len(fileKindNames) {
		return fileKindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// FileKind returns the kind of the file at path, FileUnknown if the model
// did not see it.
func (m *Model) FileKind(path string) FileKind { return m.Kinds[path] }

// Root returns the top-level system s is nested in (s itself at the top).
func (s *System) Root() *System {
	for s.Parent != nil {
		s = s.Parent
	}
	return s
}

// Throwaway reports whether the system is a NixOS test node, a VM variant,
// an installer/netboot/SD image, or nested in one: a place where insecure
// settings (root without password, open SSH) are usual and short-lived.
func (s *System) Throwaway() bool {
	for x := s; x != nil; x = x.Parent {
		if x.Context.IsTestOrVM() || x.Installer || x.Kind == FileNixOSTest {
			return true
		}
	}
	return false
}

// ContainerGuest reports whether the system runs as a container guest:
// `containers.<n>.config`, or `boot.isContainer = true`.
func (s *System) ContainerGuest() bool { return s.Context == NixOSContainer || s.IsContainer }

// HomeManagerUser returns the user name of a `home-manager.users.<u>`
// system, or "".
func (s *System) HomeManagerUser() string {
	if s.Context != HomeManager {
		return ""
	}
	p := SplitPath(s.Name)
	if len(p) == 3 && p[0] == "home-manager" && p[1] == "users" {
		return p[2]
	}
	return ""
}
