package analyzer

import (
	"strings"

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

func (c Context) String() string { return contextNames[c] }

// IsTestOrVM reports contexts that are throwaway VMs rather than servers.
func (c Context) IsTestOrVM() bool { return c == TestNode || c == VMVariant }

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
	Path       []string // option path, names concrete: systemd.services.nginx.serviceConfig.User
	File       *nixast.File
	Key        nixast.Node // the attribute name (last segment) that names this definition
	KeyPath    nixast.Node // the whole attrpath of the binding (may cover only part of Path)
	Binding    nixast.Node // the binding node `path = value;` (for edits)
	Expr       nixast.Node // the full value expression, mk* wrappers included
	Node       nixast.Node // the value expression with wrappers removed
	Value      Value
	Priority   int
	Order      int // mkBefore 500, plain 1000, mkAfter 1500
	Conditions []Condition
	Status     Status
	By         *Definition // for Overridden/MaybeOverridden: the winner
	System     *System
	// Opaque is set when Value is an Unknown attrset-like expression: the
	// option and anything below it may be set in ways nixsec cannot see.
	Opaque bool
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
	Name    string // "" for the top level; "containers.web", "nodes.machine", …
	Context Context
	Parent  *System
	Files   []*nixast.File
	Defs    []*Definition // in source order
	// Children are nested systems (containers, specialisations, test nodes).
	Children []*System

	index map[string][]*Definition // joined path → definitions
}

// Model is everything nixsec knows about the analysed files.
type Model struct {
	Systems []*System // top-level systems; walk Children for nested ones
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
