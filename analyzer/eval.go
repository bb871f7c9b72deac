package analyzer

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nixsec/nixsec/nixast"
)

// env is a lexical scope for static evaluation. Names bound to function
// arguments resolve to Unknown; `with` scopes are consulted last, as in Nix.
type env struct {
	parent *env
	vars   map[string]*binding
	with   *withScope
}

type withScope struct {
	lib  bool // `with lib;` (or pkgs.lib, …): unbound names may be lib functions
	node nixast.Node
}

type binding struct {
	node     nixast.Node // expression; zero for function arguments
	env      *env
	argOf    string // function argument name: value unknown
	attr     string // inherit (node) attr: the value is node.attr
	key      nixast.Node
	val      *Value
	fixed    bool       // val does not depend on the evaluation pass
	gen      int        // evaluator generation val was computed in
	refs     bool       // computing val met a config.* reference
	paths    [][]string // the config.* paths it met
	visiting bool
}

func (e *env) child() *env { return &env{parent: e, vars: map[string]*binding{}} }

func (e *env) lookup(name string) (*binding, *withScope) {
	var firstWith *withScope
	for s := e; s != nil; s = s.parent {
		if b, ok := s.vars[name]; ok {
			return b, nil
		}
		if s.with != nil && firstWith == nil {
			firstWith = s.with
		}
	}
	return nil, firstWith
}

// evaluator resolves expressions without evaluating Nix: only literals, the
// bindings that lead to them, and a few pure library functions.
type evaluator struct {
	depth int
	// refs counts config.* references met; callers compare it before and
	// after an evaluation to learn whether the result depends on config.
	refs int
	// refPaths are the config.* option paths met, in order (callers slice
	// it the way they compare refs).
	refPaths [][]string
	// gen separates evaluation passes: values cached on let bindings by an
	// earlier pass are recomputed (the config.* resolver may know more).
	gen int
	// cfg resolves a config.* option path in the config resolution pass.
	cfg func(path []string) (Value, bool)
	// resolved counts config.* references cfg resolved.
	resolved int
	// steps counts collector steps (see maxCollectSteps); truncated is set
	// once the budget ran out.
	steps, budget int
	truncated     bool
	evals         int // eval calls, against evalLimit
}

const maxEvalDepth = 200

func (ev *evaluator) eval(n nixast.Node, e *env) Value {
	// A budget keeps evaluation linear-ish in the source: `map` inside
	// `map` over long lists would otherwise multiply.
	if ev.evals++; ev.evals > ev.evalLimit() {
		return unknown(n, "too much to evaluate statically")
	}
	return bound(ev.eval1(n, e))
}

func (ev *evaluator) evalLimit() int {
	if ev.budget > 0 {
		return 16 * ev.budget
	}
	return 1 << 22
}

// Limits that keep static evaluation linear: values built by doubling
// (`b = a ++ a; c = b ++ b; …`, `s = t + t`) would otherwise grow
// exponentially, and so would printing them.
const (
	maxValueSize = 1 << 16 // list elements and attributes, recursively
	maxStringLen = 1 << 20
)

// bound turns a value over the limits into Unknown and records its size.
func bound(v Value) Value {
	size := 1
	switch v.Kind {
	case List:
		for i := range v.List {
			size += max(1, int(v.List[i].size))
		}
	case Attrs:
		for i := range v.Attrs {
			size += max(1, int(v.Attrs[i].Value.size))
		}
	case String, Path:
		n := 0
		for _, p := range v.Parts {
			n += len(p.Text)
		}
		if n > maxStringLen {
			return unknown(v.Node, "string too long to resolve statically")
		}
		size += n / 256
	default:
		return v
	}
	if size > maxValueSize {
		return unknown(v.Node, "value too large to resolve statically")
	}
	v.size = int32(size)
	return v
}

func (ev *evaluator) eval1(n nixast.Node, e *env) Value {
	if ev.depth > maxEvalDepth {
		return unknown(n, "expression too deeply nested")
	}
	ev.depth++
	defer func() { ev.depth-- }()
	n = n.Unparen()
	switch n.Kind() {
	case nixast.KindInteger:
		i, err := strconv.ParseInt(n.Text(), 10, 64)
		if err != nil {
			return unknown(n, "integer out of range")
		}
		return Value{Kind: Int, Int: i, Node: n}
	case nixast.KindFloat:
		f, err := strconv.ParseFloat(n.Text(), 64)
		if err != nil {
			return unknown(n, "bad float")
		}
		return Value{Kind: Float, Float: f, Node: n}
	case nixast.KindString, nixast.KindIndentedString:
		return ev.str(n, e)
	case nixast.KindPath, nixast.KindHPath, nixast.KindSPath:
		v := Value{Kind: Path, Node: n}
		if n.Kind() == nixast.KindSPath {
			v.Parts = []StrPart{{Text: n.Text(), Known: true}}
			return v
		}
		for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
			switch c.Kind() {
			case nixast.KindPathFragment:
				v.Parts = append(v.Parts, StrPart{Text: c.Text(), Known: true})
			case nixast.KindInterpolation:
				v.Parts = append(v.Parts, ev.interp(c, e))
			}
		}
		return v
	case nixast.KindURI:
		return strValue(n, n.Text())
	case nixast.KindVariable:
		return ev.variable(n, e)
	case nixast.KindList:
		v := Value{Kind: List, Node: n}
		k := 0
		for el := n.FirstChild(); el.Valid(); el = el.NextSibling() {
			if el.FieldName() == nixast.FieldElement {
				k++
			}
		}
		if k > 0 {
			v.List = make([]Value, 0, k)
		}
		for el := n.FirstChild(); el.Valid(); el = el.NextSibling() {
			if el.FieldName() == nixast.FieldElement {
				v.List = append(v.List, ev.eval(el, e))
			}
		}
		return v
	case nixast.KindAttrset, nixast.KindRecAttrset:
		return ev.attrs(n, e)
	case nixast.KindLet:
		return ev.eval(n.Child(nixast.FieldBody), ev.letEnv(n, e))
	case nixast.KindWith:
		return ev.eval(n.Child(nixast.FieldBody), ev.withEnv(n, e))
	case nixast.KindIf:
		c := ev.eval(n.Child(nixast.FieldCondition), e)
		if c.Kind == Bool {
			if c.Bool {
				return ev.eval(n.Child(nixast.FieldConsequence), e)
			}
			return ev.eval(n.Child(nixast.FieldAlternative), e)
		}
		return unknown(n, "condition %s is not known statically", short(n.Child(nixast.FieldCondition)))
	case nixast.KindSelect:
		return ev.sel(n, e)
	case nixast.KindApply:
		return ev.apply(n, e)
	case nixast.KindBinary:
		return ev.binary(n, e)
	case nixast.KindUnary:
		arg := ev.eval(n.Child(nixast.FieldArgument), e)
		switch op := n.Child(nixast.FieldOperator).Text(); {
		case op == "!" && arg.Kind == Bool:
			return Value{Kind: Bool, Bool: !arg.Bool, Node: n}
		case op == "-" && arg.Kind == Int:
			return Value{Kind: Int, Int: -arg.Int, Node: n}
		case op == "-" && arg.Kind == Float:
			return Value{Kind: Float, Float: -arg.Float, Node: n}
		}
		return unknown(n, "operand not known")
	case nixast.KindFunction:
		return Value{Kind: Function, Node: n}
	case nixast.KindAssert:
		return ev.eval(n.Child(nixast.FieldBody), e)
	}
	return unknown(n, "%s is not resolved statically", n.Kind())
}

// short is a node's text cut for messages.
func short(n nixast.Node) string {
	if !n.Valid() {
		return "``"
	}
	src := n.Text()
	if len(src) > 160 {
		src = src[:160] // enough for 40 characters once spaces are squeezed
	}
	var buf [176]byte
	t := squeezeSpace(buf[:0], src)
	if len(t) > 40 {
		return "`" + strings.ToValidUTF8(string(t[:40]), "") + "…`"
	}
	return "`" + string(t) + "`"
}

// squeezeSpace appends strings.Join(strings.Fields(s), " ") to dst.
func squeezeSpace(dst []byte, s string) []byte {
	start, space := len(dst), false
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			space = len(dst) > start
		} else {
			if space {
				dst = append(dst, ' ')
				space = false
			}
			dst = append(dst, s[i:i+w]...)
		}
		i += w
	}
	return dst
}

func (ev *evaluator) interp(n nixast.Node, e *env) StrPart {
	v := ev.eval(n.Child(nixast.FieldExpression), e)
	if s, ok := coerceString(v); ok {
		return StrPart{Text: s, Known: true, Node: n}
	}
	return StrPart{Node: n}
}

// coerceString is Nix's string coercion for interpolation and toString,
// limited to values whose text is known.
func coerceString(v Value) (string, bool) {
	switch v.Kind {
	case String, Path:
		return v.Str()
	case Int:
		return strconv.FormatInt(v.Int, 10), true
	case Bool:
		if v.Bool {
			return "1", true
		}
		return "", true
	case Null:
		return "", true
	case Float:
		return strconv.FormatFloat(v.Float, 'f', 6, 64), true
	}
	return "", false
}

func (ev *evaluator) str(n nixast.Node, e *env) Value {
	v := Value{Kind: String, Node: n}
	// Most literals have no escapes or interpolations: read their text
	// without nixast's decoder, which also builds byte-to-source maps.
	if t, ok := nixast.PlainString(n); ok {
		v.Parts = []StrPart{{Text: t, Known: true}}
		return v
	}
	total := 0
	for _, p := range nixast.StringParts(n) {
		if p.Interp.Valid() {
			sp := ev.interp(p.Interp, e)
			if total += len(sp.Text); total > maxStringLen {
				return unknown(n, "string too long to resolve statically")
			}
			v.Parts = append(v.Parts, sp)
		} else {
			v.Parts = append(v.Parts, StrPart{Text: p.Text, Known: true})
		}
	}
	v.Parts = mergeParts(v.Parts)
	return v
}

func mergeParts(ps []StrPart) []StrPart {
	out := ps[:0]
	for _, p := range ps {
		if p.Known && len(out) > 0 && out[len(out)-1].Known {
			out[len(out)-1].Text += p.Text
			out[len(out)-1].Node = nixast.Node{}
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		out = append(out, StrPart{Known: true})
	}
	return out
}

// builtinGlobals are the builtins Nix binds without the `builtins.` prefix
// that matter to static resolution.
var builtinGlobals = map[string]bool{
	"toString": true, "import": true, "map": true, "removeAttrs": true, "baseNameOf": true,
	"dirOf": true, "isNull": true, "throw": true, "abort": true, "derivation": true,
	"fetchTarball": true, "fetchGit": true, "fetchurl": true, "placeholder": true, "scopedImport": true, "fromTOML": true,
}

func (ev *evaluator) variable(n nixast.Node, e *env) Value {
	name := n.Child(nixast.FieldName).Text()
	b, with := e.lookup(name)
	if b == nil {
		switch name {
		case "true", "false":
			if with == nil || !with.lib {
				return Value{Kind: Bool, Bool: name == "true", Node: n}
			}
			return Value{Kind: Bool, Bool: name == "true", Node: n}
		case "null":
			return Value{Kind: Null, Node: n}
		case "builtins":
			return Value{Kind: Function, Func: "builtins", Node: n}
		}
		if with != nil {
			if with.lib && libFunctions[name] {
				return Value{Kind: Function, Func: name, Node: n}
			}
			return unknown(n, "`%s` comes from `with %s`", name, with.node.Text())
		}
		if builtinGlobals[name] {
			return Value{Kind: Function, Func: "builtins." + name, Node: n}
		}
		return unknown(n, "`%s` is not defined in this file", name)
	}
	if b.argOf != "" {
		if name == "lib" {
			return Value{Kind: Function, Func: "lib", Node: n}
		}
		if b.argOf == "config" {
			ev.refs++
			v := unknown(n, "`%s` is a function argument", name)
			v.Ref = []string{}
			return v
		}
		return unknown(n, "`%s` is a function argument", name)
	}
	return ev.bindingValue(b, name, n)
}

// bindingValue evaluates (once per pass) the value a binding holds.
func (ev *evaluator) bindingValue(b *binding, name string, at nixast.Node) Value {
	if b.val != nil && (b.fixed || b.gen == ev.gen) {
		if b.refs {
			ev.refs++
			ev.refPaths = append(ev.refPaths, b.paths...)
		}
		return *b.val
	}
	if b.argOf != "" {
		return unknown(at, "`%s` is a function argument", name)
	}
	if b.visiting {
		return unknown(at, "`%s` refers to itself", name)
	}
	b.visiting = true
	r0, p0 := ev.refs, len(ev.refPaths)
	var v Value
	if b.attr != "" {
		v = ev.selectFrom(b.node, b.env, b.attr, b.key)
	} else {
		v = ev.eval(b.node, b.env)
	}
	b.visiting = false
	b.val, b.gen, b.refs = &v, ev.gen, ev.refs != r0
	b.paths = nil
	if len(ev.refPaths) > p0 {
		b.paths = append([][]string(nil), ev.refPaths[p0:]...)
	}
	return v
}

// letEnv binds a let expression's bindings (recursive, as in Nix).
func (ev *evaluator) letEnv(n nixast.Node, e *env) *env {
	s := e.child()
	for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
		if c.Kind() == nixast.KindBindingSet {
			ev.bind(c, s, s)
		}
	}
	return s
}

func (ev *evaluator) withEnv(n nixast.Node, e *env) *env {
	s := e.child()
	envExpr := n.Child(nixast.FieldEnvironment)
	s.with = &withScope{node: envExpr, lib: isLibExpr(envExpr, e)}
	return s
}

// isLibExpr recognizes `lib`, `pkgs.lib`, `nixpkgs.lib`, `lib.types`…
func isLibExpr(n nixast.Node, e *env) bool {
	n = n.Unparen()
	t := strings.Join(strings.Fields(n.Text()), "")
	return t == "lib" || strings.HasSuffix(t, ".lib") || strings.HasPrefix(t, "lib.")
}

// bind adds the bindings of a binding_set to scope s, with values evaluated in
// valueEnv (s itself for let and rec).
func (ev *evaluator) bind(set nixast.Node, s, valueEnv *env) {
	for b := set.FirstChild(); b.Valid(); b = b.NextSibling() {
		if !b.IsNamed() || b.Kind() == nixast.KindComment {
			continue
		}
		for _, nb := range ev.bindOne(b, s, valueEnv) {
			s.vars[nb.name] = nb.b
		}
	}
}

// firstAttr is the first component of an attribute path and the number of
// components, without decoding the others (nixast.AttrPath does).
func firstAttr(ap nixast.Node) (nixast.AttrName, int) {
	if k := ap.Kind(); k != nixast.KindAttrpath && k != nixast.KindInheritedAttrs {
		return nixast.AttrName{}, 0
	}
	var first nixast.AttrName
	n := 0
	for a := ap.FirstChild(); a.Valid(); a = a.NextSibling() {
		if a.FieldName() != nixast.FieldAttr {
			continue
		}
		if n == 0 {
			if name, ok := attrNameText(a); ok {
				first = nixast.AttrName{Name: name, Static: true, Node: a}
			} else {
				first = nixast.AttrNameOf(a)
			}
		}
		n++
	}
	return first, n
}

type namedBinding struct {
	name string
	key  nixast.Node
	b    *binding
}

// bindOne returns the variables one binding introduces. Only static names
// bind; `a.b = …` binds `a` to an attrset whose other parts we do not track.
func (ev *evaluator) bindOne(b nixast.Node, s, valueEnv *env) []namedBinding {
	switch b.Kind() {
	case nixast.KindBinding:
		first, n := firstAttr(b.Child(nixast.FieldAttrpath))
		if n == 0 || !first.Static {
			return nil
		}
		if n == 1 {
			return []namedBinding{{first.Name, first.Node, &binding{node: b.Child(nixast.FieldExpression), env: valueEnv}}}
		}
		return []namedBinding{{first.Name, first.Node, &binding{argOf: "nested binding"}}}
	case nixast.KindInherit:
		var out []namedBinding
		for _, a := range nixast.AttrPath(b.Child(nixast.FieldAttrs)) {
			if !a.Static {
				continue
			}
			// `inherit x;` takes x from the enclosing scope, not this one.
			var ob *binding
			if s.parent != nil {
				ob, _ = s.parent.lookup(a.Name)
			}
			if ob == nil {
				ob = &binding{val: ptr(unknown(a.Node, "`%s` is not bound in this file", a.Name)), fixed: true}
			}
			out = append(out, namedBinding{a.Name, a.Node, ob})
		}
		return out
	case nixast.KindInheritFrom:
		var out []namedBinding
		from := b.Child(nixast.FieldExpression)
		for _, a := range nixast.AttrPath(b.Child(nixast.FieldAttrs)) {
			if a.Static {
				out = append(out, namedBinding{a.Name, a.Node, &binding{node: from, env: valueEnv, attr: a.Name, key: a.Node}})
			}
		}
		return out
	}
	return nil
}

func ptr(v Value) *Value { return &v }

// selectFrom resolves `from.name` for `inherit (from) name;`.
func (ev *evaluator) selectFrom(from nixast.Node, e *env, name string, at nixast.Node) Value {
	base := ev.eval(from, e)
	return ev.selectValue(base, []string{name}, at)
}

func (ev *evaluator) selectValue(base Value, path []string, at nixast.Node) Value {
	v := base
	for i, seg := range path {
		switch {
		case v.Kind == Attrs:
			a, ok := v.Attr(seg)
			if !ok {
				return unknown(at, "attribute `%s` not found", seg)
			}
			v = a
		case v.Kind == Function && (v.Func == "lib" || v.Func == "builtins"):
			if v.Func == "builtins" {
				return Value{Kind: Function, Func: "builtins." + seg, Node: at}
			}
			if libFunctions[seg] {
				return Value{Kind: Function, Func: seg, Node: at}
			}
			// lib.strings.concatStringsSep, lib.lists.optionals, lib.modules.mkForce…
			if i+1 < len(path) && libNamespaces[seg] && libFunctions[path[i+1]] {
				return Value{Kind: Function, Func: path[i+1], Node: at}
			}
			return unknown(at, "`lib.%s` is not resolved statically", strings.Join(path[i:], "."))
		default:
			if v.Kind == Unknown {
				if v.Ref != nil {
					ref := make([]string, 0, len(v.Ref)+len(path)-i)
					ref = append(append(ref, v.Ref...), path[i:]...)
					return ev.configRef(ref, at, v.Reason)
				}
				return v
			}
			return unknown(at, "cannot select `%s` from %s", seg, v.Kind)
		}
	}
	return v
}

var libNamespaces = map[string]bool{"strings": true, "lists": true, "modules": true, "attrsets": true, "trivial": true, "options": true}

// libFunctions are the nixpkgs lib functions the evaluator and the module
// collector understand.
var libFunctions = map[string]bool{
	"mkIf": true, "mkMerge": true, "mkForce": true, "mkDefault": true, "mkOverride": true,
	"mkOptionDefault": true, "mkBefore": true, "mkAfter": true, "mkOrder": true, "mkImageMediaOverride": true,
	"mkVMOverride": true, "optionalAttrs": true, "optionals": true, "optional": true, "optionalString": true,
	"concatStringsSep": true, "concatStrings": true, "toString": true, "mkEnableOption": true, "mkOption": true,
	"mkPackageOption": true, "concatLists": true, "flatten": true, "mapAttrs": true, "genAttrs": true,
	"recursiveUpdate": true, "mkRenamedOptionModule": true, "mkRemovedOptionModule": true, "nixosSystem": true,
	"mkOptionType": true, "singleton": true, "boolToString": true, "range": true, "concatMap": true,
}

func (ev *evaluator) sel(n nixast.Node, e *env) Value {
	var buf [8]string // selectValue keeps no reference to names
	names := buf[:0]
	ap := n.Child(nixast.FieldAttrpath)
	if k := ap.Kind(); k != nixast.KindAttrpath && k != nixast.KindInheritedAttrs {
		ap = nixast.Node{}
	}
	for a := ap.FirstChild(); a.Valid(); a = a.NextSibling() {
		if a.FieldName() != nixast.FieldAttr {
			continue
		}
		name, ok := attrNameText(a)
		if !ok {
			s := nixast.AttrNameOf(a)
			if !s.Static {
				return unknown(n, "dynamic attribute in %s", short(n))
			}
			name = s.Name
		}
		names = append(names, name)
	}
	base := n.Child(nixast.FieldExpression)
	// `pkgs.lib.x`, `nixpkgs.lib.x`: lib through a package set.
	bv := ev.eval(base, e)
	if bv.Kind == Unknown && len(names) > 1 && names[0] == "lib" {
		bv = Value{Kind: Function, Func: "lib", Node: base}
		names = names[1:]
	}
	v := ev.selectValue(bv, names, n)
	if v.Kind == Unknown {
		if def := n.Child(nixast.FieldDefault); def.Valid() && bv.Kind == Attrs {
			return ev.eval(def, e)
		}
		if bv.Kind == Unknown && v.Reason == bv.Reason {
			u := unknown(n, "%s depends on %s", short(n), reasonSubject(bv))
			u.Ref = v.Ref
			return u
		}
	}
	return v
}

func reasonSubject(v Value) string {
	if v.Reason != "" {
		return v.Reason
	}
	return "an unknown value"
}

// applyParts splits `f a b` into f and [a b].
func applyParts(n nixast.Node) (nixast.Node, []nixast.Node) {
	var args []nixast.Node
	for n.Kind() == nixast.KindApply {
		args = append(args, n.Child(nixast.FieldArgument))
		n = n.Child(nixast.FieldFunction).Unparen()
	}
	for i, j := 0, len(args)-1; i < j; i, j = i+1, j-1 {
		args[i], args[j] = args[j], args[i]
	}
	return n, args
}

// calleeName returns the library function an application calls, or "".
func (ev *evaluator) calleeName(n nixast.Node, e *env) (string, []nixast.Node) {
	f, args := applyParts(n)
	fv := ev.eval(f, e)
	if fv.Kind == Function && fv.Func != "" {
		return strings.TrimPrefix(fv.Func, "builtins."), args
	}
	return "", args
}

func (ev *evaluator) apply(n nixast.Node, e *env) Value {
	name, args := ev.calleeName(n, e)
	arg := func(i int) Value {
		if i < len(args) {
			return ev.eval(args[i], e)
		}
		return unknown(n, "missing argument")
	}
	switch {
	case name == "toString" && len(args) == 1:
		v := arg(0)
		if v.Kind == List {
			var parts []string
			for _, el := range v.List {
				s, ok := coerceString(el)
				if !ok {
					return unknown(n, "list element not known")
				}
				parts = append(parts, s)
			}
			return strValue(n, strings.Join(parts, " "))
		}
		if s, ok := coerceString(v); ok {
			return strValue(n, s)
		}
	case name == "boolToString" && len(args) == 1:
		if v := arg(0); v.Kind == Bool {
			return strValue(n, strconv.FormatBool(v.Bool))
		}
	case (name == "concatStringsSep" && len(args) == 2) || (name == "concatStrings" && len(args) == 1):
		sep := ""
		if name == "concatStringsSep" {
			sv := arg(0)
			s, ok := sv.Str()
			if !ok {
				return unknown(n, "separator not known")
			}
			sep = s
		}
		lv := arg(len(args) - 1)
		if lv.Kind != List {
			break
		}
		var parts []string
		for _, el := range lv.List {
			s, ok := el.Str()
			if !ok {
				return unknown(n, "list element not known")
			}
			parts = append(parts, s)
		}
		return strValue(n, strings.Join(parts, sep))
	case (name == "optionals" || name == "optional" || name == "optionalString" || name == "optionalAttrs") && len(args) == 2:
		c := arg(0)
		if c.Kind != Bool {
			return unknown(n, "condition %s is not known statically", short(args[0]))
		}
		if c.Bool {
			v := arg(1)
			if name == "optional" {
				return Value{Kind: List, List: []Value{v}, Node: n}
			}
			return v
		}
		switch name {
		case "optionals", "optional":
			return Value{Kind: List, Node: n}
		case "optionalString":
			return strValue(n, "")
		default:
			return Value{Kind: Attrs, Node: n}
		}
	case name == "range" && len(args) == 2:
		a, b := arg(0), arg(1)
		if a.Kind == Int && b.Kind == Int && b.Int-a.Int < maxValueSize {
			v := Value{Kind: List, Node: n}
			for i := a.Int; i <= b.Int; i++ {
				v.List = append(v.List, Value{Kind: Int, Int: i, Node: n})
			}
			return v
		}
	case (name == "flatten" || name == "concatLists") && len(args) == 1:
		if l := arg(0); l.Kind == List {
			out := Value{Kind: List, Node: n}
			if !flattenInto(&out.List, l, name == "flatten", 0) {
				return unknown(n, "list element not known")
			}
			return out
		}
	case (name == "map" || name == "concatMap") && len(args) == 2:
		if v, ok := ev.mapList(args[0], arg(1), e, name == "concatMap", n); ok {
			return v
		}
	case name == "singleton" && len(args) == 1:
		return Value{Kind: List, List: []Value{arg(0)}, Node: n}
	case (name == "mkForce" || name == "mkDefault" || name == "mkOptionDefault" || name == "mkBefore" ||
		name == "mkAfter" || name == "mkImageMediaOverride" || name == "mkVMOverride") && len(args) == 1:
		// Inside a value (not at a definition), the priority does not change the value.
		return arg(0)
	case (name == "mkOverride" || name == "mkOrder") && len(args) == 2:
		return arg(1)
	case name != "":
		return unknown(n, "result of `%s` is not resolved statically", name)
	}
	return unknown(n, "result of %s is not resolved statically", short(n.Child(nixast.FieldFunction)))
}

func (ev *evaluator) binary(n nixast.Node, e *env) Value {
	op := n.Child(nixast.FieldOperator).Text()
	l := ev.eval(n.Child(nixast.FieldLeft), e)
	r := ev.eval(n.Child(nixast.FieldRight), e)
	switch op {
	case "//":
		if l.Kind == Attrs && r.Kind == Attrs {
			return Value{Kind: Attrs, Attrs: append(append([]Attr{}, l.Attrs...), r.Attrs...), Node: n}
		}
	case "++":
		if l.Kind == List && r.Kind == List {
			return Value{Kind: List, List: append(append([]Value{}, l.List...), r.List...), Node: n}
		}
	case "+":
		switch {
		case l.Kind == Int && r.Kind == Int:
			return Value{Kind: Int, Int: l.Int + r.Int, Node: n}
		case (l.Kind == String || l.Kind == Path) && (r.Kind == String || r.Kind == Path):
			return Value{Kind: l.Kind, Parts: mergeParts(append(append([]StrPart{}, l.Parts...), r.Parts...)), Node: n}
		}
	case "-", "*", "/":
		if l.Kind == Int && r.Kind == Int {
			switch op {
			case "-":
				return Value{Kind: Int, Int: l.Int - r.Int, Node: n}
			case "*":
				return Value{Kind: Int, Int: l.Int * r.Int, Node: n}
			case "/":
				if r.Int != 0 {
					return Value{Kind: Int, Int: l.Int / r.Int, Node: n}
				}
			}
		}
	case "&&", "||", "->":
		if l.Kind == Bool && r.Kind == Bool {
			b := map[string]bool{"&&": l.Bool && r.Bool, "||": l.Bool || r.Bool, "->": !l.Bool || r.Bool}[op]
			return Value{Kind: Bool, Bool: b, Node: n}
		}
		// Short circuits that hold whatever the other side is.
		if op == "&&" && (l.IsBool(false) || r.IsBool(false)) {
			return Value{Kind: Bool, Node: n}
		}
		if op == "||" && (l.IsBool(true) || r.IsBool(true)) {
			return Value{Kind: Bool, Bool: true, Node: n}
		}
	case "==", "!=":
		if l.Known() && r.Known() && scalar(l) && scalar(r) {
			eq := l.String() == r.String() && l.Kind == r.Kind
			return Value{Kind: Bool, Bool: eq == (op == "=="), Node: n}
		}
	}
	return unknown(n, "%s is not resolved statically", short(n))
}

func scalar(v Value) bool {
	switch v.Kind {
	case Null, Bool, Int, Float, String, Path:
		return true
	}
	return false
}

// attrs evaluates an attrset literal to a value (used for attrsets inside
// lists and let bindings; module definitions are collected separately).
func (ev *evaluator) attrs(n nixast.Node, e *env) Value {
	v := Value{Kind: Attrs, Node: n}
	var ab attrBuilder
	s := e
	if n.Kind() == nixast.KindRecAttrset {
		s = e.child()
		for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
			if c.Kind() == nixast.KindBindingSet {
				ev.bind(c, s, s)
			}
		}
	}
	for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
		if c.Kind() != nixast.KindBindingSet {
			continue
		}
		for _, b := range c.NamedChildren() {
			switch b.Kind() {
			case nixast.KindBinding:
				segs := nixast.AttrPath(b.Child(nixast.FieldAttrpath))
				if len(segs) == 0 || !segs[0].Static {
					continue
				}
				val := ev.eval(b.Child(nixast.FieldExpression), s)
				// a.b.c = x inside a value: nest it.
				k := len(segs)
				for i := 1; i < len(segs); i++ {
					if !segs[i].Static {
						val, k = unknown(b, "dynamic attribute name"), i
						break
					}
				}
				ab.insert(segs[:k], val, b)
			case nixast.KindInherit, nixast.KindInheritFrom:
				for _, nb := range ev.bindOne(b, &env{parent: s}, s) {
					ab.attrs = append(ab.attrs, Attr{Name: nb.name, Key: nb.key, Value: ev.valueOf(nb)})
				}
			}
		}
	}
	v.Attrs = ab.freeze()
	return v
}

// attrBuilder assembles an attrset value from bindings, merging sets
// defined in pieces (`a.b = 1; a.c = 2;`, `a = { b = 1; }; a.c = 2;`) in
// linear time.
type attrBuilder struct {
	attrs []Attr
	subs  map[string]*attrBuilder // attribute name → builder of its set
	nodes map[string]nixast.Node  // attribute name → node of its set
}

func (ab *attrBuilder) sub(name string, key, node nixast.Node, existing []Attr) *attrBuilder {
	if s, ok := ab.subs[name]; ok {
		return s
	}
	if ab.subs == nil {
		ab.subs, ab.nodes = map[string]*attrBuilder{}, map[string]nixast.Node{}
	}
	s := &attrBuilder{attrs: append([]Attr(nil), existing...)}
	ab.subs[name], ab.nodes[name] = s, node
	ab.attrs = append(ab.attrs, Attr{Name: name, Key: key}) // placeholder, filled by freeze
	return s
}

// insert adds `names = val;`.
func (ab *attrBuilder) insert(names []nixast.AttrName, val Value, at nixast.Node) {
	name, key := names[0].Name, names[0].Node
	if len(names) == 1 {
		if s, ok := ab.subs[name]; ok && val.Kind == Attrs {
			for _, a := range val.Attrs {
				s.insert([]nixast.AttrName{{Name: a.Name, Static: true, Node: a.Key}}, a.Value, at)
			}
			return
		}
		ab.attrs = append(ab.attrs, Attr{Name: name, Key: key, Value: val})
		return
	}
	var existing []Attr
	if _, ok := ab.subs[name]; !ok {
		// `a = { … }; a.b = …;`: continue the set already written.
		for i := len(ab.attrs) - 1; i >= 0; i-- {
			if ab.attrs[i].Name == name && ab.attrs[i].Value.Kind == Attrs {
				existing = ab.attrs[i].Value.Attrs
				ab.attrs = append(ab.attrs[:i], ab.attrs[i+1:]...)
				break
			}
		}
	}
	ab.sub(name, key, at, existing).insert(names[1:], val, at)
}

func (ab *attrBuilder) freeze() []Attr {
	for i := range ab.attrs {
		a := &ab.attrs[i]
		if s, ok := ab.subs[a.Name]; ok && a.Value.Kind == Unknown && a.Value.Node == (nixast.Node{}) && a.Value.Reason == "" {
			a.Value = bound(Value{Kind: Attrs, Attrs: s.freeze(), Node: ab.nodes[a.Name]})
		}
	}
	return ab.attrs
}

// configRef is the value of `config.<ref>`: resolved by the config pass
// when it can be, else Unknown remembering the option path.
func (ev *evaluator) configRef(ref []string, at nixast.Node, reason string) Value {
	ev.refs++
	ev.refPaths = append(ev.refPaths, ref)
	if ev.cfg != nil {
		if v, ok := ev.cfg(ref); ok {
			ev.resolved++
			return v
		}
	}
	return Value{Kind: Unknown, Node: at, Ref: ref, Reason: reason}
}

// valueOf is the value a named binding (from bindOne) holds.
func (ev *evaluator) valueOf(nb namedBinding) Value {
	if nb.b.argOf != "" && nb.b.val == nil {
		if nb.b.argOf == "config" {
			ev.refs++
			v := unknown(nb.key, "`%s` is a function argument", nb.name)
			v.Ref = []string{}
			return v
		}
		return unknown(nb.key, "`%s` is a function argument", nb.name)
	}
	return ev.bindingValue(nb.b, nb.name, nb.key)
}

// flattenInto appends the elements of list l to out; deep flattens nested
// lists (lib.flatten), otherwise one level (concatLists). It fails when an
// element that should be a list is not known.
func flattenInto(out *[]Value, l Value, deep bool, depth int) bool {
	for _, el := range l.List {
		switch {
		case el.Kind == List && (deep && depth < 32 || depth == 0):
			if !flattenInto(out, el, deep, depth+1) {
				return false
			}
		case el.Kind == Unknown:
			return false
		case !deep && depth == 0:
			return false // concatLists of a non-list
		default:
			*out = append(*out, el)
		}
	}
	return true
}

// mapList applies a simple lambda (`x: body`) to each element of a known
// list: `map (p: { port = p; }) [ 80 443 ]`.
func (ev *evaluator) mapList(fn nixast.Node, l Value, e *env, concat bool, at nixast.Node) (Value, bool) {
	fn, fe := resolveNode(fn, e)
	if fn.Kind() != nixast.KindFunction || fn.Child(nixast.FieldFormals).Valid() || l.Kind != List || len(l.List) > 4096 {
		return Value{}, false
	}
	param := fn.Child(nixast.FieldUniversal)
	if !param.Valid() {
		return Value{}, false
	}
	out := Value{Kind: List, Node: at}
	for i := range l.List {
		s := fe.child()
		s.vars[param.Text()] = &binding{val: &l.List[i], fixed: true}
		v := ev.eval(fn.Child(nixast.FieldBody), s)
		if concat {
			if v.Kind != List {
				return Value{}, false
			}
			out.List = append(out.List, v.List...)
			continue
		}
		out.List = append(out.List, v)
	}
	return out, true
}
