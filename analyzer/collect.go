package analyzer

import (
	"iter"
	"unsafe"

	"github.com/nixsec/nixsec/nixast"
)

// collector turns module expressions into definitions.
type collector struct {
	ev  *evaluator
	sys *System
	f   *nixast.File
	b   *builder // follows imports; nil: imports are not followed
	mem *collectMem

	pendingPaths [][]string // config.* paths met by the value being added
}

// collectMem hands out option paths and definitions from larger blocks:
// a module makes thousands of each, and allocating them one by one was a
// large part of the model's cost (it runs on every keystroke in the LSP).
// The blocks of a build double from small ones, so that a small model
// keeps little unused space alive.
type collectMem struct {
	paths []string
	defs  []Definition
}

const (
	maxPathBlock = 1024                                        // names (16 KB)
	maxDefBlock  = int(32 << 10 / unsafe.Sizeof(Definition{})) // one 32 KB size class
)

// path returns an empty slice with room for exactly n names. Its capacity
// ends there, so an append beyond n copies instead of writing into the
// next path of the block.
func (m *collectMem) path(n int) []string {
	if n > cap(m.paths)-len(m.paths) {
		m.paths = make([]string, 0, max(n, min(2*cap(m.paths), maxPathBlock), 32))
	}
	l := len(m.paths)
	m.paths = m.paths[:l+n]
	return m.paths[l : l : l+n]
}

// def returns a new zero Definition.
func (m *collectMem) def() *Definition {
	if len(m.defs) == cap(m.defs) {
		m.defs = make([]Definition, 0, max(min(2*cap(m.defs), maxDefBlock), 4))
	}
	m.defs = m.defs[:len(m.defs)+1]
	return &m.defs[len(m.defs)-1]
}

// newCollector starts collecting file f into system s.
func newCollector(b *builder, s *System, f *nixast.File) *collector {
	mem := &collectMem{}
	if b != nil {
		mem = &b.mem
	}
	return &collector{ev: &evaluator{budget: collectBudget(f) + 1<<16}, sys: s, f: f, b: b, mem: mem}
}

// forFile is a collector for another file of the same system.
func (c *collector) forFile(f *nixast.File) *collector {
	c.ev.budget += collectBudget(f)
	return &collector{ev: c.ev, sys: c.sys, f: f, b: c.b, mem: c.mem}
}

// appendPath is append(prefix, names...) into a new path.
func (c *collector) appendPath(prefix []string, names ...string) []string {
	return append(append(c.mem.path(len(prefix)+len(names)), prefix...), names...)
}

// collectBudget is how many collection steps a file may take: a few per
// syntax node, so that sharing let-bound sets is fine and doubling is not.
func collectBudget(f *nixast.File) int { return 8 * f.NodeCount() }

// wrap is the priority, order and conditions that mk* wrappers and mkIf
// push down onto the definitions below them.
type wrap struct {
	priority   int
	order      int
	conditions []Condition
	expr       nixast.Node // outermost expression of the binding's value
	binding    nixast.Node
	keyPath    nixast.Node
	key        nixast.Node
}

func (w wrap) withCond(c Condition) wrap {
	w.conditions = append(append([]Condition(nil), w.conditions...), c)
	return w
}

// moduleKeys are the top-level attributes of a module that are not config.
var moduleKeys = map[string]bool{"imports": true, "options": true, "config": true, "_file": true, "key": true,
	"disabledModules": true, "meta": true, "_class": true, "freeformType": true}

// module collects the definitions of a module expression: a function
// `{ config, lib, ... }: …`, a `let … in`, or an attrset in short or full form.
func (c *collector) module(n nixast.Node, e *env) { c.moduleW(n, e, plainWrap()) }

func plainWrap() wrap { return wrap{priority: PriorityPlain, order: 1000} }

// moduleW collects a module under the conditions of w (an import guarded
// by `lib.optional cond`).
func (c *collector) moduleW(n nixast.Node, e *env, w0 wrap) {
	n = n.Unparen()
	if c.ev.depth > maxEvalDepth {
		return
	}
	c.ev.depth++
	defer func() { c.ev.depth-- }()
	base := plainWrap()
	base.conditions = w0.conditions
	switch n.Kind() {
	case nixast.KindFunction:
		c.moduleW(n.Child(nixast.FieldBody), c.lambdaEnv(n, e), w0)
	case nixast.KindLet:
		c.moduleW(n.Child(nixast.FieldBody), c.ev.letEnv(n, e), w0)
	case nixast.KindWith:
		c.moduleW(n.Child(nixast.FieldBody), c.ev.withEnv(n, e), w0)
	case nixast.KindAssert:
		c.moduleW(n.Child(nixast.FieldBody), e, w0)
	case nixast.KindPath, nixast.KindVariable:
		c.importElem(n, e, w0)
	case nixast.KindAttrset, nixast.KindRecAttrset:
		if e2 := c.recEnv(n, e); e2 != nil {
			e = e2
		}
		full := false
		for b := range eachBinding(n) {
			if name, ok := firstName(b); ok && (name == "config" || name == "options") {
				full = true
			}
		}
		// A module's own definitions come before those of its imports, as
		// in the module system's collectModules.
		var imports []nixast.Node
		defer func() {
			for _, im := range imports {
				c.imports(im, e, w0)
			}
		}()
		for b := range eachBinding(n) {
			name, ok := firstName(b)
			if ok && b.Kind() == nixast.KindBinding {
				switch name {
				case "imports":
					if attrCount(b) == 1 {
						imports = append(imports, b.Child(nixast.FieldExpression))
					}
					continue
				case "options":
					if full {
						c.declare(b, e)
						continue
					}
				}
			}
			if full {
				if ok && name == "config" {
					c.binding(b, nil, e, base, 1)
				}
				continue
			}
			if ok && moduleKeys[name] {
				continue
			}
			c.binding(b, nil, e, base, 0)
		}
	case nixast.KindApply:
		if name, args := c.ev.calleeName(n, e); name == "import" && len(args) >= 1 {
			c.importElem(n, e, w0)
			return
		}
		c.value(n, nil, e, base)
	default:
		// mkIf/mkMerge at the top of a module…
		c.value(n, nil, e, base)
	}
}

// lambdaEnv binds a function's formals (and @-name) as unknown arguments.
func (c *collector) lambdaEnv(fn nixast.Node, e *env) *env {
	s := lambdaEnv(fn, e)
	// Module arguments given by specialArgs take their values.
	if args := c.sys.Root().args; len(args) > 0 {
		for name, b := range s.vars {
			if b.argOf != "" && b.argOf == name {
				if a, ok := args[name]; ok {
					s.vars[name] = a
				}
			}
		}
	}
	return s
}

func lambdaEnv(fn nixast.Node, e *env) *env {
	s := e.child()
	if u := fn.Child(nixast.FieldUniversal); u.Valid() {
		s.vars[u.Text()] = &binding{argOf: u.Text()}
	}
	if fs := fn.Child(nixast.FieldFormals); fs.Valid() {
		for _, f := range fs.ChildrenOf(nixast.FieldFormal) {
			name := f.Child(nixast.FieldName).Text()
			s.vars[name] = &binding{argOf: name}
		}
		for c2 := fs.FirstChild(); c2.Valid(); c2 = c2.NextSibling() {
			if c2.Kind() == nixast.KindIdentifier && c2.FieldName() == nixast.FieldNone {
				s.vars[c2.Text()] = &binding{argOf: c2.Text()}
			}
		}
	}
	return s
}

// recEnv returns the scope of a rec attrset, or nil for a plain one.
func (c *collector) recEnv(n nixast.Node, e *env) *env {
	if n.Kind() != nixast.KindRecAttrset {
		return nil
	}
	s := e.child()
	for ch := n.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
		if ch.Kind() == nixast.KindBindingSet {
			c.ev.bind(ch, s, s)
		}
	}
	return s
}

// bindings returns the binding, inherit and inherit_from nodes of a set.
func bindings(set nixast.Node) []nixast.Node {
	for ch := set.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
		if ch.Kind() == nixast.KindBindingSet {
			return ch.NamedChildren()
		}
	}
	return nil
}

// eachBinding is bindings(set) without building the slice.
func eachBinding(set nixast.Node) iter.Seq[nixast.Node] {
	return func(yield func(nixast.Node) bool) {
		for ch := set.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
			if ch.Kind() != nixast.KindBindingSet {
				continue
			}
			for b := ch.FirstChild(); b.Valid(); b = b.NextSibling() {
				if b.IsNamed() && b.Kind() != nixast.KindComment && !yield(b) {
					return
				}
			}
			return
		}
	}
}

func firstName(b nixast.Node) (string, bool) {
	if b.Kind() != nixast.KindBinding {
		return "", false
	}
	// Decode only the first component: this runs for every binding.
	for c := b.Child(nixast.FieldAttrpath).FirstChild(); c.Valid(); c = c.NextSibling() {
		if c.FieldName() != nixast.FieldAttr {
			continue
		}
		if c.Kind() == nixast.KindIdentifier {
			return c.Text(), true
		}
		a := nixast.AttrNameOf(c)
		return a.Name, a.Static
	}
	return "", false
}

// attrNameText is the name of an attribute component when it is cheap to
// read: an identifier, or a "…" name that nixast.PlainString reads. Otherwise
// false: use nixast.AttrNameOf.
func attrNameText(a nixast.Node) (string, bool) {
	switch a.Kind() {
	case nixast.KindIdentifier:
		return a.Text(), true
	case nixast.KindString:
		return nixast.PlainString(a)
	}
	return "", false
}

// attrCount is the number of components of a binding's attribute path.
func attrCount(b nixast.Node) int {
	n := 0
	for c := b.Child(nixast.FieldAttrpath).FirstChild(); c.Valid(); c = c.NextSibling() {
		if c.FieldName() == nixast.FieldAttr {
			n++
		}
	}
	return n
}

// binding collects one `a.b.c = value;` (skip drops leading segments, e.g.
// the `config` of a full-form module).
func (c *collector) binding(b nixast.Node, prefix []string, e *env, w wrap, skip int) {
	switch b.Kind() {
	case nixast.KindBinding:
		ap := b.Child(nixast.FieldAttrpath)
		attrs := ap
		if k := ap.Kind(); k != nixast.KindAttrpath && k != nixast.KindInheritedAttrs {
			attrs = nixast.Node{} // no names, as nixast.AttrPath reads it
		}
		nseg := 0
		for a := attrs.FirstChild(); a.Valid(); a = a.NextSibling() {
			if a.FieldName() == nixast.FieldAttr {
				nseg++
			}
		}
		path := append(c.mem.path(len(prefix)+max(nseg-skip, 0)), prefix...)
		i := 0
		var key nixast.Node
		for a := attrs.FirstChild(); a.Valid(); a = a.NextSibling() {
			if a.FieldName() != nixast.FieldAttr {
				continue
			}
			name, ok := attrNameText(a)
			if !ok {
				s := nixast.AttrNameOf(a)
				name = s.Name
				if !s.Static {
					v := c.ev.eval(s.Expr, e)
					str, ok := v.Str()
					if !ok || v.Kind != String {
						return // a name nixsec cannot know: nothing to attribute
					}
					name = str
				}
			}
			if i >= skip {
				path = append(path, name)
			}
			key = a
			i++
		}
		w.binding, w.keyPath = b, ap
		if nseg > 0 {
			w.key = key
		}
		w.expr = b.Child(nixast.FieldExpression)
		if len(path) > 2 && nestedHead[path[0]] {
			for i := 2; i < len(path); i++ {
				if ctx, ok := nestedSystem(path[:i]); ok {
					c.nested(ctx, path[:i], path[i:], w.expr, e, w)
					return
				}
			}
		}
		c.value(w.expr, path, e, w)
	case nixast.KindInherit, nixast.KindInheritFrom:
		for _, nb := range c.ev.bindOne(b, &env{parent: e, vars: map[string]*binding{}}, e) {
			if len(prefix) == 0 && moduleKeys[nb.name] {
				continue
			}
			r0 := c.ev.refs
			v := c.ev.valueOf(nb)
			w2 := w
			w2.binding, w2.keyPath, w2.key, w2.expr = b, nb.key, nb.key, nb.key
			c.add(c.appendPath(prefix, nb.name), nb.key, v, w2, e, c.ev.refs != r0)
		}
	}
}

// value collects the definitions made by expression n at option path.
func (c *collector) value(n nixast.Node, path []string, e *env, w wrap) {
	// Shared let-bound sets are collected wherever they are used; a budget
	// keeps sets built by doubling (`b = { l = a; r = a; }`) linear.
	if c.ev.steps++; c.ev.steps > c.ev.budget {
		if !c.ev.truncated {
			c.ev.truncated = true
			c.add(path, n, unknown(n, "too many definitions to collect statically"), w, e, false)
		}
		return
	}
	n = n.Unparen()
	if ctx, ok := nestedSystem(path); ok {
		c.nested(ctx, path, nil, n, e, w)
		return
	}
	switch n.Kind() {
	case nixast.KindAttrset, nixast.KindRecAttrset:
		if len(path) > 0 || true {
			if e2 := c.recEnv(n, e); e2 != nil {
				e = e2
			}
			empty := true
			for b := range eachBinding(n) {
				empty = false
				c.binding(b, path, e, w, 0)
			}
			if empty {
				c.add(path, n, Value{Kind: Attrs, Node: n}, w, e, false)
			}
			return
		}
	case nixast.KindLet:
		c.value(n.Child(nixast.FieldBody), path, c.ev.letEnv(n, e), w)
		return
	case nixast.KindWith:
		c.value(n.Child(nixast.FieldBody), path, c.ev.withEnv(n, e), w)
		return
	case nixast.KindIf:
		cond, cv := c.cond(n.Child(nixast.FieldCondition), e)
		if cv.Value != TriFalse {
			c.value(n.Child(nixast.FieldConsequence), path, e, w.withCond(cv))
		}
		if cv.Value != TriTrue {
			cv.Else = true
			c.value(n.Child(nixast.FieldAlternative), path, e, w.withCond(cv))
		}
		_ = cond
		return
	case nixast.KindBinary:
		if n.Child(nixast.FieldOperator).Text() == "//" && isAttrsLike(c, n, e) {
			c.value(n.Child(nixast.FieldLeft), path, e, w)
			c.value(n.Child(nixast.FieldRight), path, e, w)
			return
		}
	case nixast.KindVariable:
		// A let-bound attrset used as a module value: collect through it.
		name := n.Child(nixast.FieldName).Text()
		if b, _ := e.lookup(name); b != nil && b.node.Valid() && !b.visiting && b.val == nil {
			inner := b.node.Unparen()
			if k := inner.Kind(); k == nixast.KindAttrset || k == nixast.KindRecAttrset || k == nixast.KindApply || k == nixast.KindBinary {
				b.visiting = true
				c.value(inner, path, b.env, w)
				b.visiting = false
				return
			}
		}
	case nixast.KindApply:
		if c.apply(n, path, e, w) {
			return
		}
	}
	r0, p0 := c.ev.refs, len(c.ev.refPaths)
	v := c.ev.eval(n, e)
	refs := c.ev.refs != r0
	c.pendingPaths = c.ev.refPaths[p0:]
	if v.Kind == Attrs && v.Node.Valid() && v.Node.Index() != n.Index() && len(v.Attrs) > 0 {
		// An attrset computed from known parts (e.g. `optionalAttrs true {…}`).
		c.addAttrs(path, v, w, e)
		return
	}
	c.add(path, n, v, w, e, refs)
}

// cond evaluates a condition expression.
func (c *collector) cond(n nixast.Node, e *env) (nixast.Node, Condition) {
	r0, p0 := c.ev.refs, len(c.ev.refPaths)
	cv := tri(c.ev.eval(n, e))
	cond := Condition{Node: n, Value: cv, env: e, refs: c.ev.refs != r0}
	if cond.refs && len(c.ev.refPaths) > p0 {
		cond.refPaths = append([][]string(nil), c.ev.refPaths[p0:]...)
	}
	return n, cond
}

func isAttrsLike(c *collector, n nixast.Node, e *env) bool {
	for _, side := range []nixast.Node{n.Child(nixast.FieldLeft), n.Child(nixast.FieldRight)} {
		k := side.Unparen().Kind()
		if k == nixast.KindAttrset || k == nixast.KindRecAttrset {
			return true
		}
	}
	return false
}

func (c *collector) addAttrs(path []string, v Value, w wrap, e *env) {
	for _, a := range v.Attrs {
		p := c.appendPath(path, a.Name)
		if a.Value.Kind == Attrs && len(a.Value.Attrs) > 0 {
			c.addAttrs(p, a.Value, w, e)
			continue
		}
		w2 := w
		if a.Key.Valid() {
			w2.key = a.Key
		}
		c.add(p, a.Value.Node, a.Value, w2, nil, false)
	}
}

func tri(v Value) Tri {
	if v.Kind == Bool {
		if v.Bool {
			return TriTrue
		}
		return TriFalse
	}
	return TriUnknown
}

// apply handles the module-system functions; it reports whether it did.
func (c *collector) apply(n nixast.Node, path []string, e *env, w wrap) bool {
	name, args := c.ev.calleeName(n, e)
	switch {
	case (name == "mkIf" || name == "optionalAttrs") && len(args) == 2:
		_, cv := c.cond(args[0], e)
		if cv.Value == TriFalse {
			return true // never defined
		}
		c.value(args[1], path, e, w.withCond(cv))
	case name == "mkMerge" && len(args) == 1:
		l := args[0].Unparen()
		if l.Kind() != nixast.KindList {
			return false
		}
		for _, el := range l.ChildrenOf(nixast.FieldElement) {
			c.value(el, path, e, w)
		}
	case name == "mkForce" && len(args) == 1:
		w.priority = PriorityForce
		c.value(args[0], path, e, w)
	case name == "mkDefault" && len(args) == 1:
		w.priority = PriorityDefault
		c.value(args[0], path, e, w)
	case name == "mkOptionDefault" && len(args) == 1:
		w.priority = PriorityOptionDefault
		c.value(args[0], path, e, w)
	case (name == "mkImageMediaOverride" || name == "mkVMOverride") && len(args) == 1:
		w.priority = map[string]int{"mkImageMediaOverride": 60, "mkVMOverride": 10}[name]
		c.value(args[0], path, e, w)
	case name == "mkOverride" && len(args) == 2:
		pv := c.ev.eval(args[0], e)
		if pv.Kind != Int {
			return false
		}
		w.priority = int(pv.Int)
		c.value(args[1], path, e, w)
	case name == "mkBefore" && len(args) == 1:
		w.order = 500
		c.value(args[0], path, e, w)
	case name == "mkAfter" && len(args) == 1:
		w.order = 1500
		c.value(args[0], path, e, w)
	case name == "mkOrder" && len(args) == 2:
		if ov := c.ev.eval(args[0], e); ov.Kind == Int {
			w.order = int(ov.Int)
		}
		c.value(args[1], path, e, w)
	default:
		return false
	}
	return true
}

// add records a definition at path.
func (c *collector) add(path []string, n nixast.Node, v Value, w wrap, e *env, refs bool) {
	if len(path) == 0 {
		return
	}
	written := path
	path, _ = canonicalPath(path)
	// Field by field into the zeroed slot: assigning a whole Definition
	// costs a write barrier over all of it while the GC runs.
	d := c.mem.def()
	d.Path, d.WrittenPath, d.File = path, written, c.f
	d.Key, d.KeyPath, d.Binding, d.Expr, d.Node = w.key, w.keyPath, w.binding, w.expr, n
	d.Value = v
	d.Priority, d.Order, d.Conditions = w.priority, w.order, w.conditions
	d.System, d.env, d.refs = c.sys, e, refs
	if refs && len(c.pendingPaths) > 0 {
		d.refPaths = append([][]string(nil), c.pendingPaths...)
	}
	c.pendingPaths = nil
	if v.Kind == Unknown {
		k := n.Unparen().Kind()
		// An unknown value where a set could be (a variable, a function call,
		// `x // y`) may define anything below this path.
		d.Opaque = k == nixast.KindVariable || k == nixast.KindSelect || k == nixast.KindApply || k == nixast.KindBinary || k == nixast.KindIf
	}
	c.sys.Defs = append(c.sys.Defs, d)
}

var nestedHead = map[string]bool{"containers": true, "specialisation": true, "virtualisation": true, "home-manager": true}

// nestedSystem recognizes option paths whose value is a whole NixOS
// configuration of its own.
func nestedSystem(path []string) (Context, bool) {
	switch {
	case len(path) == 3 && path[0] == "home-manager" && path[1] == "users":
		return HomeManager, true
	case len(path) == 2 && path[0] == "home-manager" && path[1] == "sharedModules":
		return HomeManager, true
	case len(path) == 3 && path[0] == "containers" && path[2] == "config":
		return NixOSContainer, true
	case len(path) == 3 && path[0] == "specialisation" && path[2] == "configuration":
		return Specialisation, true
	case len(path) == 2 && path[0] == "virtualisation" && (path[1] == "vmVariant" || path[1] == "vmVariantWithBootLoader"):
		return VMVariant, true
	}
	return 0, false
}

// nested collects a nested system's module into a child System, keeping the
// conditions under which it exists.
func (c *collector) nested(ctx Context, path, rest []string, n nixast.Node, e *env, w wrap) {
	name := JoinPath(path)
	switch ctx {
	case NixOSContainer, Specialisation:
		name = JoinPath(path[:2])
	}
	var child *System
	for _, ch := range c.sys.Children {
		if ch.Name == name {
			child = ch
		}
	}
	if child == nil {
		child = newSystem(name, ctx, c.f)
		child.Parent, child.Kind = c.sys, c.sys.Kind
		c.sys.Children = append(c.sys.Children, child)
	}
	hasFile := false
	for _, f := range child.Files {
		hasFile = hasFile || f == c.f
	}
	if !hasFile {
		child.Files = append(child.Files, c.f)
	}
	before := len(child.Defs)
	inner := &collector{ev: c.ev, sys: child, f: c.f, b: c.b, mem: c.mem}
	switch {
	case len(rest) > 0:
		// containers.web.config.networking.firewall.enable = …;
		w2 := w
		w2.conditions = nil
		w2.priority, w2.order = PriorityPlain, 1000
		inner.value(n, rest, e, w2)
	case path[len(path)-1] == "sharedModules":
		inner.imports(n, e, plainWrap()) // a list of modules
	default:
		inner.module(n, e)
	}
	if len(w.conditions) > 0 {
		for _, d := range child.Defs[before:] {
			d.Conditions = append(append([]Condition(nil), w.conditions...), d.Conditions...)
		}
	}
}
