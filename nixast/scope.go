package nixast

// BindingKind says where a variable's value comes from.
type BindingKind uint8

const (
	BindingUndefined BindingKind = iota // Nix refuses the file: undefined variable
	BindingBuiltin                      // a global of Nix's base environment (true, map, __add, ...)
	BindingLet                          // a let binding
	BindingRec                          // an attribute of a rec set or a legacy let { }
	BindingLambda                       // the argument of x: or the @ name of a function
	BindingFormal                       // a formal of { a, b ? d }:
	BindingWith                         // unbound lexically: comes from an enclosing with
)

var bindingKindNames = [...]string{"undefined", "builtin", "let", "rec", "lambda", "formal", "with"}

func (k BindingKind) String() string {
	if int(k) < len(bindingKindNames) {
		return bindingKindNames[k]
	}
	return "invalid"
}

// Binding is what a variable refers to.
type Binding struct {
	Kind BindingKind
	Name string
	// Def is the defining name: the attribute name node of a let or rec
	// binding (or of an inherit), the identifier of a formal or argument.
	// Zero for builtins, with and undefined.
	Def Node
	// Scope is the node that introduces the binding: the let_expression,
	// rec set, or function_expression.
	Scope Node
}

// Nix 2.8's base environment without a `builtins.` prefix, established with
// `nix-instantiate --parse -E NAME` for every name of
// `builtins.attrNames builtins` and its __-prefixed form. Every builtin is
// global under exactly one of the two names. __curPos is parser syntax.
// Feature-dependent builtins are included so that no configuration gets a
// false "undefined variable": __getFlake (experimental feature flakes),
// __exec and __importNative (allow-unsafe-native-code-during-evaluation),
// __currentSystem and __currentTime (absent in pure evaluation mode).
var globals = map[string]bool{}

func init() {
	for _, n := range []string{
		"abort", "baseNameOf", "builtins", "derivation", "derivationStrict", "dirOf",
		"false", "fetchGit", "fetchMercurial", "fetchTarball", "fetchTree", "fromTOML",
		"import", "isNull", "map", "null", "placeholder", "removeAttrs", "scopedImport",
		"throw", "toString", "true",

		"__add", "__addErrorContext", "__all", "__any", "__appendContext", "__attrNames",
		"__attrValues", "__bitAnd", "__bitOr", "__bitXor", "__catAttrs", "__ceil",
		"__compareVersions", "__concatLists", "__concatMap", "__concatStringsSep",
		"__currentSystem", "__currentTime", "__deepSeq", "__div", "__elem", "__elemAt",
		"__fetchurl", "__filter", "__filterSource", "__findFile", "__floor", "__foldl'",
		"__fromJSON", "__functionArgs", "__genList", "__genericClosure", "__getAttr",
		"__getContext", "__getEnv", "__groupBy", "__hasAttr", "__hasContext", "__hashFile",
		"__hashString", "__head", "__intersectAttrs", "__isAttrs", "__isBool", "__isFloat",
		"__isFunction", "__isInt", "__isList", "__isPath", "__isString", "__langVersion",
		"__length", "__lessThan", "__listToAttrs", "__mapAttrs", "__match", "__mul",
		"__nixPath", "__nixVersion", "__parseDrvName", "__partition", "__path",
		"__pathExists", "__readDir", "__readFile", "__replaceStrings", "__seq", "__sort",
		"__split", "__splitVersion", "__storeDir", "__storePath", "__stringLength", "__sub",
		"__substring", "__tail", "__toFile", "__toJSON", "__toPath", "__toXML", "__trace",
		"__tryEval", "__typeOf", "__unsafeDiscardOutputDependency",
		"__unsafeDiscardStringContext", "__unsafeGetAttrPos", "__zipAttrsWith",

		"__curPos", "__getFlake", "__exec", "__importNative",
	} {
		globals[n] = true
	}
}

// curPos is not a variable but syntax: Nix's parser turns it into the
// current position wherever it appears, even where a let or a formal of the
// same name is in scope.
const curPos = "__curPos"

// IsGlobal reports whether name is bound in Nix's base environment, so that
// it may be used without `builtins.` and without being defined.
func IsGlobal(name string) bool { return globals[name] }

// Resolutions resolves every variable of f exactly as Check does (Nix's
// binding pass, merged set literals included) and returns, by node index,
// what each variable_expression refers to. Plain `inherit x;` attribute
// names are resolved too (they read the variable x). Variables Nix never
// binds (inside the dropped parts of a merged literal) are absent. A file
// with syntax errors gives nil.
func Resolutions(f *File) map[int]Binding {
	if f == nil || len(f.Errors) > 0 || !f.Root().Valid() || f.Root().HasError() {
		return nil
	}
	out := map[int]Binding{}
	c := newChecker(f)
	c.record = func(v Node, b Binding) { out[v.Index()] = b }
	c.walk(f.Expr())
	return out
}

// Resolve finds what the variable_expression v refers to by walking up the
// tree: function arguments and formals, let bindings, rec sets and legacy
// let { }, then the builtins, then an enclosing with. It is cheap (no pass
// over the file) and agrees with Resolutions except for one Nix quirk:
// an attribute merged into a rec literal from another binding
// (`a = rec { b = 1; }; a.c = b;`) sees that rec set's attributes in Nix,
// not here. For anything other than a variable_expression it returns
// BindingUndefined with an empty name.
func Resolve(v Node) Binding {
	if v.Kind() != KindVariable {
		return Binding{}
	}
	name := v.Text()
	if name == curPos {
		return Binding{Kind: BindingBuiltin, Name: name}
	}
	sawWith := false
	child := v
	for p := v.Parent(); p.Valid(); child, p = p, p.Parent() {
		switch p.Kind() {
		case KindFunction:
			if child.FieldName() == FieldUniversal {
				continue
			}
			ff, _ := Formals(p)
			if ff.At == name {
				return Binding{Kind: BindingLambda, Name: name, Def: ff.AtNode, Scope: p}
			}
			for _, fm := range ff.Formals {
				if fm.Name == name {
					return Binding{Kind: BindingFormal, Name: name, Def: fm.Ident, Scope: p}
				}
			}
		case KindLet:
			if d := lookupBindings(p, name, child); d.Valid() {
				return Binding{Kind: BindingLet, Name: name, Def: d, Scope: p}
			}
		case KindRecAttrset, KindLetAttrset:
			if d := lookupBindings(p, name, child); d.Valid() {
				return Binding{Kind: BindingRec, Name: name, Def: d, Scope: p}
			}
		case KindWith:
			if child.FieldName() == FieldBody {
				sawWith = true
			}
		}
	}
	if IsGlobal(name) {
		return Binding{Kind: BindingBuiltin, Name: name}
	}
	if sawWith {
		return Binding{Kind: BindingWith, Name: name}
	}
	return Binding{Kind: BindingUndefined, Name: name}
}

// lookupBindings finds the attribute name node that binds name in the
// binding_set of a let or rec set. from is the child of scope the lookup
// comes from: a plain `inherit name;` reads the outer scope, so a lookup
// coming from inside one does not find its own set.
func lookupBindings(scope Node, name string, from Node) Node {
	var bs Node
	for ch := scope.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
		if ch.Kind() == KindBindingSet {
			bs = ch
			break
		}
	}
	if !bs.Valid() || (from != bs && from.FieldName() != FieldBody) {
		return Node{}
	}
	for b := bs.FirstChild(); b.Valid(); b = b.NextSibling() {
		switch b.Kind() {
		case KindBinding:
			if p := AttrPath(b); len(p) > 0 && p[0].Static && p[0].Name == name {
				return p[0].Node
			}
		case KindInherit, KindInheritFrom:
			for _, a := range AttrPath(b) {
				if a.Static && a.Name == name {
					return a.Node
				}
			}
		}
	}
	return Node{}
}
