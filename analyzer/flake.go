package analyzer

import (
	"github.com/nixsec/nixsec/nixast"
)

// Flakes and other files that build systems rather than being a module.
//
// In flake.nix, `outputs` is walked for calls of the system constructors:
//
//	nixosConfigurations.<h> = <x>.lib.nixosSystem { modules = [ … ]; specialArgs = …; };
//	darwinConfigurations.<h> = <x>.lib.darwinSystem { modules = [ … ]; };
//	homeConfigurations.<h>  = <x>.lib.homeManagerConfiguration { modules = [ … ]; };
//
// (any receiver: nixpkgs.lib, inputs.nixpkgs.lib, lib, nix-darwin.lib, …;
// also under flake-parts' `flake = { … }`) and for NixOS tests (checks).
// Each constructor call gives one top-level System named from the attribute
// path starting at `nixosConfigurations` (e.g. "nixosConfigurations.web"),
// with Context NixOSHost, Darwin or HomeManager; its modules list is read
// like an imports list (paths, inline attrsets and functions, variables).
// specialArgs (extraSpecialArgs) give the modules' arguments of the same
// names their values; other module arguments stay unknown.
//
// A flake's top-level nixConfig becomes a System named "nixConfig" with
// Context FlakeConfig whose definitions keep their written paths,
// `nixConfig.<key>` (System.NixConf reads them).

// walker finds system constructors in an arbitrary expression.
type walker struct {
	b       *builder
	f       *nixast.File
	systems []*System
	steps   int
}

const maxWalkSteps = 100000

func (w *walker) walk(n nixast.Node, e *env, path []string, depth int) {
	w.steps++
	if depth > 64 || w.steps > maxWalkSteps {
		return
	}
	n = n.Unparen()
	switch n.Kind() {
	case nixast.KindFunction:
		w.walk(n.Child(nixast.FieldBody), lambdaEnv(n, e), path, depth+1)
	case nixast.KindLet:
		ev := evaluator{}
		w.walk(n.Child(nixast.FieldBody), ev.letEnv(n, e), path, depth+1)
	case nixast.KindWith:
		ev := evaluator{}
		w.walk(n.Child(nixast.FieldBody), ev.withEnv(n, e), path, depth+1)
	case nixast.KindAssert:
		w.walk(n.Child(nixast.FieldBody), e, path, depth+1)
	case nixast.KindAttrset, nixast.KindRecAttrset:
		if n.Kind() == nixast.KindRecAttrset {
			ev := evaluator{}
			s := e.child()
			for ch := n.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
				if ch.Kind() == nixast.KindBindingSet {
					ev.bind(ch, s, s)
				}
			}
			e = s
		}
		for _, b := range bindings(n) {
			if b.Kind() != nixast.KindBinding {
				continue
			}
			p := append([]string(nil), path...)
			ok := true
			for _, s := range nixast.AttrPath(b.Child(nixast.FieldAttrpath)) {
				ok = ok && s.Static
				p = append(p, s.Name)
			}
			if ok {
				w.walk(b.Child(nixast.FieldExpression), e, p, depth+1)
			}
		}
	case nixast.KindApply:
		tail, args := calleeTail(n)
		switch {
		case tail == "nixosSystem" || tail == "darwinSystem" || tail == "homeManagerConfiguration":
			if len(args) > 0 {
				w.host(tail, args[len(args)-1], e, path)
			}
			return
		case tail == "import" && len(args) == 2 && isEvalConfig(args[0]):
			w.host("nixosSystem", args[1], e, path)
			return
		case isTestCall(n):
			w.test(n, e, path)
			return
		}
		// A helper (`mkHost = name: nixpkgs.lib.nixosSystem { … };`): walk
		// its body with its simple parameters bound to the arguments
		// (`mkHost "web"`), other parameters unknown.
		if f, fe := resolveNode(applyFunc(n), e); f.Kind() == nixast.KindFunction {
			for _, a := range args {
				param := f.Child(nixast.FieldUniversal)
				if f.Kind() != nixast.KindFunction || !param.Valid() || f.Child(nixast.FieldFormals).Valid() {
					break
				}
				s := fe.child()
				s.vars[param.Text()] = &binding{node: a, env: e}
				f, fe = f.Child(nixast.FieldBody).Unparen(), s
			}
			w.walk(f, fe, path, depth+1)
		}
		for _, a := range args {
			w.walk(a, e, path, depth+1)
		}
	}
}

// applyFunc is the function expression of an application (f in f a b).
func applyFunc(n nixast.Node) nixast.Node {
	f, _ := applyParts(n)
	return f
}

// isEvalConfig recognizes <nixpkgs/nixos/lib/eval-config.nix> and <nixpkgs/nixos>.
func isEvalConfig(n nixast.Node) bool {
	n = n.Unparen()
	if n.End()-n.Start() > 300 {
		return false
	}
	t := n.Text()
	return n.Kind() == nixast.KindSPath && (t == "<nixpkgs/nixos>" || hasSuffix(t, "/eval-config.nix>")) ||
		hasSuffix(t, "nixos/lib/eval-config.nix")
}

func hasSuffix(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }

// hostName names a constructor's system from its attribute path.
func hostName(path []string) string {
	for i, s := range path {
		switch s {
		case "nixosConfigurations", "darwinConfigurations", "homeConfigurations":
			return JoinPath(path[i:])
		}
	}
	return JoinPath(path)
}

// resolveNode follows a variable to the expression it is bound to.
func resolveNode(n nixast.Node, e *env) (nixast.Node, *env) {
	for i := 0; i < 16; i++ {
		n = n.Unparen()
		if n.Kind() != nixast.KindVariable {
			return n, e
		}
		b, _ := e.lookup(n.Child(nixast.FieldName).Text())
		if b == nil || !b.node.Valid() || b.attr != "" {
			return n, e
		}
		n, e = b.node, b.env
	}
	return n, e
}

// host builds the system of one nixosSystem / darwinSystem /
// homeManagerConfiguration call (or eval-config import).
func (w *walker) host(ctor string, arg nixast.Node, e *env, path []string) {
	arg, e = resolveNode(arg, e)
	if k := arg.Kind(); k != nixast.KindAttrset && k != nixast.KindRecAttrset {
		return
	}
	ctx := NixOSHost
	switch {
	case ctor == "darwinSystem" || len(path) > 0 && contains(path, "darwinConfigurations"):
		ctx = Darwin
	case ctor == "homeManagerConfiguration" || contains(path, "homeConfigurations"):
		ctx = HomeManager
	}
	s := newSystem(hostName(path), ctx, w.f)
	s.Kind = w.b.model.Kinds[w.f.Path]
	c := newCollector(w.b, s, w.f)
	// specialArgs (extraSpecialArgs for Home Manager) become the values of
	// the modules' arguments of the same names.
	for _, b := range bindings(arg) {
		if name, ok := firstName(b); ok && (name == "specialArgs" || name == "extraSpecialArgs") && attrCount(b) == 1 {
			set, se := resolveNode(b.Child(nixast.FieldExpression), e)
			if k := set.Kind(); k != nixast.KindAttrset && k != nixast.KindRecAttrset {
				continue
			}
			scope := se.child()
			s.args = map[string]*binding{}
			for _, sb := range bindings(set) {
				for _, nb := range c.ev.bindOne(sb, scope, se) {
					s.args[nb.name] = nb.b
				}
			}
		}
	}
	for _, b := range bindings(arg) {
		name, ok := firstName(b)
		if !ok || b.Kind() != nixast.KindBinding || attrCount(b) != 1 {
			continue
		}
		val := b.Child(nixast.FieldExpression)
		switch name {
		case "modules":
			c.imports(val, e, plainWrap())
		case "configuration": // import <nixpkgs/nixos> { configuration = …; }
			c.importElem(val, e, plainWrap())
		}
	}
	w.systems = append(w.systems, s)
}

func contains(path []string, s string) bool {
	for _, p := range path {
		if p == s {
			return true
		}
	}
	return false
}

// test builds the nodes of a NixOS test: `nodes.<n>` (or the legacy
// single `machine`), with `defaults` applied to every node.
func (w *walker) test(n nixast.Node, e *env, path []string) {
	n = n.Unparen()
	// Unwrap the test function call and functions/lets around the attrset.
	for i := 0; i < 16; i++ {
		switch n.Kind() {
		case nixast.KindApply:
			_, args := calleeTail(n)
			if len(args) == 0 {
				return
			}
			n = args[len(args)-1].Unparen()
			continue
		case nixast.KindFunction:
			e = lambdaEnv(n, e)
			n = n.Child(nixast.FieldBody).Unparen()
			continue
		case nixast.KindLet:
			ev := evaluator{}
			e = ev.letEnv(n, e)
			n = n.Child(nixast.FieldBody).Unparen()
			continue
		case nixast.KindWith:
			ev := evaluator{}
			e = ev.withEnv(n, e)
			n = n.Child(nixast.FieldBody).Unparen()
			continue
		case nixast.KindVariable:
			n2, e2 := resolveNode(n, e)
			if n2.Kind() == nixast.KindVariable {
				return
			}
			n, e = n2, e2
			continue
		}
		break
	}
	if k := n.Kind(); k != nixast.KindAttrset && k != nixast.KindRecAttrset {
		return
	}
	top := newSystem(JoinPath(path), TestNode, w.f)
	top.Kind = FileNixOSTest
	type nodeDef struct {
		name string
		rest []string
		expr nixast.Node
		e    *env
	}
	var nodes []nodeDef
	var defaults []nodeDef
	for _, b := range bindings(n) {
		if b.Kind() != nixast.KindBinding {
			continue
		}
		var p []string
		ok := true
		for _, s := range nixast.AttrPath(b.Child(nixast.FieldAttrpath)) {
			ok = ok && s.Static
			p = append(p, s.Name)
		}
		if !ok || len(p) == 0 {
			continue
		}
		val := b.Child(nixast.FieldExpression)
		switch {
		case p[0] == "nodes" && len(p) >= 2:
			nodes = append(nodes, nodeDef{p[1], p[2:], val, e})
		case p[0] == "nodes" && len(p) == 1:
			set, se := resolveNode(val, e)
			if k := set.Kind(); k == nixast.KindAttrset || k == nixast.KindRecAttrset {
				for _, nb := range bindings(set) {
					if nb.Kind() != nixast.KindBinding {
						continue
					}
					var np []string
					nok := true
					for _, s := range nixast.AttrPath(nb.Child(nixast.FieldAttrpath)) {
						nok = nok && s.Static
						np = append(np, s.Name)
					}
					if nok {
						nodes = append(nodes, nodeDef{np[0], np[1:], nb.Child(nixast.FieldExpression), se})
					}
				}
			}
		case (p[0] == "machine" || p[0] == "defaults") && len(p) == 1 || p[0] == "defaults":
			if p[0] == "machine" {
				nodes = append(nodes, nodeDef{"machine", nil, val, e})
			} else {
				defaults = append(defaults, nodeDef{"", p[1:], val, e})
			}
		}
	}
	byName := map[string]*System{}
	for _, nd := range nodes {
		s := byName[nd.name]
		if s == nil {
			s = newSystem(JoinPath([]string{"nodes", nd.name}), TestNode, w.f)
			s.Parent, s.Kind = top, FileNixOSTest
			byName[nd.name] = s
			top.Children = append(top.Children, s)
		}
		c := newCollector(w.b, s, w.f)
		if len(nd.rest) > 0 {
			c.value(nd.expr, nd.rest, nd.e, plainWrap())
		} else {
			c.module(nd.expr, nd.e)
		}
	}
	for _, s := range top.Children {
		for _, d := range defaults {
			c := newCollector(w.b, s, w.f)
			if len(d.rest) > 0 {
				c.value(d.expr, d.rest, d.e, plainWrap())
			} else {
				c.module(d.expr, d.e)
			}
		}
	}
	w.systems = append(w.systems, top)
}

// flake builds a flake's hosts and its nixConfig.
func (b *builder) flake(f *nixast.File) []*System {
	w := &walker{b: b, f: f}
	expr := f.Expr().Unparen()
	e := rootEnv()
	var cfg *System
	for _, bd := range bindings(expr) {
		name, ok := firstName(bd)
		if !ok || bd.Kind() != nixast.KindBinding {
			continue
		}
		switch name {
		case "nixConfig":
			if cfg == nil {
				cfg = newSystem("nixConfig", FlakeConfig, f)
				cfg.Kind = FileFlake
			}
			c := newCollector(b, cfg, f)
			c.binding(bd, nil, e, plainWrap(), 0)
		case "outputs":
			if attrCount(bd) == 1 {
				w.walk(bd.Child(nixast.FieldExpression), e, nil, 0)
			}
		}
	}
	if cfg != nil {
		w.systems = append([]*System{cfg}, w.systems...)
	}
	return w.systems
}
