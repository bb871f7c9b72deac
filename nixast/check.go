package nixast

import (
	"fmt"
	"hash/maphash"
	"sort"
)

// Problem is something Nix itself rejects when it parses a file, although
// tree-sitter accepts it: a duplicate attribute, an undefined variable, a
// duplicate formal argument, or a dynamic attribute in let or inherit. (The
// parse-time checks that need no scopes, such as integers out of range, are
// syntax errors in File.Errors; dynamic attributes are too, and Check, which
// only runs on files without syntax errors, reports those the syntax check
// let through.)
type Problem struct {
	Code    string // one of the Code* constants
	Span    Span
	Message string // worded like Nix's own error
	Related []Span // e.g. the earlier definition of a duplicate attribute
}

// Problem codes.
const (
	CodeDuplicateAttr   = "duplicate-attr"   // attribute 'a.b' already defined at F:L:C
	CodeUndefinedVar    = "undefined-var"    // undefined variable 'x'
	CodeDuplicateFormal = "duplicate-formal" // duplicate formal function argument 'a'
	CodeDynamicAttr     = "dynamic-attr"     // dynamic attributes not allowed in let / inherit
)

// Check reports the errors Nix's parser raises after the grammar accepts a
// file (Nix 2.8's parser actions and its variable binding pass, which
// `nix-instantiate --parse` runs). Nix stops at the first error; Check reports
// all of them, in source order. A file with syntax errors gets no problems:
// Nix reports the syntax error and nothing else, and the tree around an
// ERROR node cannot be trusted to hold every binding. Check never panics.
//
// Nix quirks reproduced (established with nix-instantiate 2.8):
//   - `a.b = 1; a.c = 2;` builds one nested set; so does `a = { b = 1; };
//     a.c = 2;` (the path descends into a set literal, parenthesized or rec).
//   - `a = { b = 1; }; a = { c = 2; };` and `a.b = 1; a = { c = 2; };` merge:
//     the later literal's static attributes move into the earlier set; its
//     dynamic attributes and its `rec` are silently dropped.
//   - Merging recurses, as in current Nix (Nix 2.8 stopped after one level):
//     `a.b.c = 1; a = { b = { d = 2; }; };` is one set.
//   - Anything else defined twice is an error: `a = 1; a.b = 2;`, `a.b = 1;
//     a = 2;`, `inherit a; a.b = 1;`, `a = {}; a = x: {};`, a name defined
//     as a non-set inside two merged literals.
//   - A clash inside two merged literals is reported, as Nix does, at the
//     earlier definition, naming the later one.
//   - "x", ${"x"} and ${("x")} are the static name x; an indented string
//     with an escape between text (several lexer tokens) is dynamic.
//   - Scopes: `inherit x;` in a let or rec set reads x from outside it, but
//     the e of `inherit (e) x;` is evaluated inside (Nix 2.8); formal
//     defaults see every formal and the @ name; `with` never shadows a
//     lexical binding, and under any `with` an unknown name is no error; an
//     attribute merged into a rec literal sees that literal's attributes,
//     one merged out of one does not.
func Check(f *File) []Problem { return check(f, false) }

// check is Check; oneLevel merges set literals one level deep only, as Nix
// 2.8 did (the differential tests run Nix 2.8).
func check(f *File, oneLevel bool) []Problem {
	if f == nil || len(f.Errors) > 0 || !f.Root().Valid() || f.Root().HasError() {
		return nil
	}
	c := newChecker(f)
	c.oneLevel = oneLevel
	c.run()
	sortProblems(c.probs)
	return c.probs
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Span, ps[j].Span
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
}

type checker struct {
	f     *File
	probs []Problem
	sets  map[int32]*attrSet
	from  map[int32]bool // inherit_from expressions already walked

	// Lexical scopes: name → stack of bindings; withDepth counts enclosing
	// `with` bodies.
	vars      map[string][]Binding
	withDepth int
	// record, if set, sees every variable and what it resolves to.
	record func(v Node, b Binding)

	oneLevel bool // merge set literals one level deep only (Nix 2.8)

	pathBuf   []AttrName
	defChunks [][]attrDef // slab for attrDefs, numbered in order
	index     []slot      // the large sets' attributes, see get
	indexed   int         // entries in index
	bigSets   int32       // large sets numbered so far
	sets1     []attrSet   // slab for attrSet allocations
	ptrs      []*attrDef  // slab for attrSet.order
}

func newChecker(f *File) *checker {
	return &checker{f: f, sets: make(map[int32]*attrSet, len(f.nodes)/256), from: map[int32]bool{}, vars: map[string][]Binding{}}
}

// attrPath is AttrPath into a reused buffer.
func (c *checker) attrPath(ap Node) []AttrName {
	c.pathBuf = c.pathBuf[:0]
	for ch := ap.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
		if ch.FieldName() == FieldAttr {
			c.pathBuf = append(c.pathBuf, checkAttrName(ch))
		}
	}
	return c.pathBuf
}

// checkAttrName is attrName without decoding (or allocating) the common
// names: an identifier, or a "..." string with no interpolation, escape or
// CR, whose value is its source text.
func checkAttrName(n Node) AttrName {
	switch n.Kind() {
	case KindIdentifier:
		return AttrName{Name: n.Text(), Static: true, Node: n}
	case KindString:
		if s, ok := plainString(n); ok {
			return AttrName{Name: s, Static: true, Node: n}
		}
	}
	return attrName(n)
}

// plainString returns the value of a "..." string that staticString would
// decode to its own source text; ok is false when decoding is needed.
func plainString(n Node) (string, bool) {
	if n.HasError() {
		return "", false
	}
	first := n.FirstChild()
	if first.Kind() != KindToken || first.End()-first.Start() != 1 || n.f.Src[first.Start()] != '"' {
		return "", false
	}
	last := first
	for ch := first.NextSibling(); ch.Valid(); ch = ch.NextSibling() {
		if ch.Kind() == KindInterpolation {
			return "", false
		}
		last = ch
	}
	if last == first || last.Kind() != KindToken || last.End()-last.Start() != 1 || n.f.Src[last.Start()] != '"' {
		return "", false
	}
	open, close := first.End(), last.Start()
	if close < open {
		return "", false
	}
	for _, b := range n.f.Src[open:close] {
		if b == '\\' || b == '\r' {
			return "", false
		}
	}
	return n.f.text[open:close], true
}

// newDef stores v in the def slab and numbers it for the index.
func (c *checker) newDef(v attrDef) *attrDef {
	n := len(c.defChunks)
	if n == 0 || len(c.defChunks[n-1]) == cap(c.defChunks[n-1]) {
		c.defChunks = append(c.defChunks, make([]attrDef, 0, defChunk))
		n++
	}
	ch := &c.defChunks[n-1]
	v.id = int32((n-1)*defChunk + len(*ch))
	*ch = append(*ch, v)
	return &(*ch)[len(*ch)-1]
}

const defChunk = 256

func (c *checker) def(id int32) *attrDef { return &c.defChunks[id/defChunk][id%defChunk] }

func (c *checker) newSet() *attrSet {
	if len(c.sets1) == 0 {
		c.sets1 = make([]attrSet, 64)
	}
	s := &c.sets1[0]
	c.sets1 = c.sets1[1:]
	return s
}

func (c *checker) run() {
	root := c.f.Root()
	// Pass 1, as Nix's parser: every set literal and let is built (and its
	// duplicates found) whether or not the binding pass reaches it later.
	root.Walk(func(n Node) bool {
		switch n.Kind() {
		case KindAttrset, KindRecAttrset:
			if !valueLiteral(n) {
				c.setFor(n)
			}
		case KindLetAttrset, KindLet:
			c.setFor(n)
		case KindFunction:
			c.checkFormals(n)
		}
		return true
	})
	// Pass 2, as Nix's bindVars: resolve variables.
	c.walk(c.f.Expr())
}

func (c *checker) report(code string, sp Span, msg string, related ...Span) {
	c.probs = append(c.probs, Problem{Code: code, Span: sp, Message: msg, Related: related})
}

// where formats an offset as Nix does in "already defined at FILE:L:C".
func (c *checker) where(off int) string {
	p := c.f.Lines.Human(off)
	path := c.f.Path
	if path == "" {
		path = "(string)"
	}
	return fmt.Sprintf("%s:%d:%d", path, p.Line, p.Col)
}

// attrSet is Nix's ExprAttrs as the parser builds it: static attributes by
// name and dynamic ones in order.
type attrSet struct {
	rec   bool
	big   int32 // 1 + its number once the set is too large to search linearly
	order []*attrDef
	dyn   []dynDef
}

// attrDef holds node indices of the checker's file rather than Nodes (0,
// the root, is none): half the size, and no pointers to write.
type attrDef struct {
	name string
	// set is the nested set when the value is one (a set literal, or
	// implicit from a dotted path).
	set *attrSet
	// value is the bound expression (none for an implicit nested set and
	// for inherit).
	value int32
	// from is the expression of `inherit (e) x;`.
	from int32
	key  int32 // the attribute name node that defined it
	// start is where the definition starts: it spans the path up to key.
	start int32
	// inherited marks `inherit x;`: its value is the variable x, bound
	// outside a rec set or let.
	inherited bool
	id        int32 // its number in the slab
}

// node returns the node at index i of the file, or the zero Node for 0.
func (c *checker) node(i int32) Node {
	if i == 0 {
		return Node{}
	}
	return Node{c.f, i}
}

// span is where d was defined.
func (c *checker) span(d *attrDef) Span { return Span{int(d.start), c.node(d.key).End()} }

type dynDef struct {
	name  AttrName
	value Node
	set   *attrSet
}

// smallSet is the size up to which a set is searched linearly.
const smallSet = 8

// slot is an entry of the index of large sets: attribute def of set big,
// with hash's high bits. One open-addressing table of numbers serves all
// large sets: it grows a few times per file (a map per set grew with each
// set) and holds no pointers for the GC to scan or write-barrier.
type slot struct {
	hash uint32
	big  int32 // attrSet.big; 0 marks an empty slot
	def  int32
}

var indexSeed = maphash.MakeSeed()

func slotHash(big int32, name string) uint64 {
	return maphash.String(indexSeed, name) ^ uint64(big)*0x9e3779b97f4a7c15
}

// add appends d to s. The order slices are carved from one slab, so a
// set's growth does not allocate (most sets are small). add is only called
// for a name s does not have.
func (c *checker) add(s *attrSet, d *attrDef) {
	if len(s.order) == cap(s.order) {
		n := max(2*cap(s.order), 2)
		if len(c.ptrs) < n {
			c.ptrs = make([]*attrDef, max(n, 1024))
		}
		o := c.ptrs[:len(s.order):n]
		c.ptrs = c.ptrs[n:]
		copy(o, s.order)
		s.order = o
	}
	s.order = append(s.order, d)
	switch {
	case s.big != 0:
		c.insert(s.big, d)
	case len(s.order) > smallSet:
		c.bigSets++
		s.big = c.bigSets
		for _, e := range s.order {
			c.insert(s.big, e)
		}
	}
}

func (c *checker) insert(big int32, d *attrDef) {
	if 2*(c.indexed+1) > len(c.index) {
		old := c.index
		c.index = make([]slot, max(2*len(old), 64))
		for _, e := range old {
			if e.big != 0 {
				c.place(e)
			}
		}
	}
	h := slotHash(big, d.name)
	c.place(slot{hash: uint32(h >> 32), big: big, def: d.id})
	c.indexed++
}

// place puts e in the first free slot from its hash on.
func (c *checker) place(e slot) {
	mask := uint32(len(c.index) - 1)
	for i := e.hash & mask; ; i = (i + 1) & mask {
		if c.index[i].big == 0 {
			c.index[i] = e
			return
		}
	}
}

// get returns the attribute name of s, or nil.
func (c *checker) get(s *attrSet, name string) *attrDef {
	if s.big == 0 {
		for _, d := range s.order {
			if d.name == name {
				return d
			}
		}
		return nil
	}
	h := uint32(slotHash(s.big, name) >> 32)
	mask := uint32(len(c.index) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := c.index[i]
		if e.big == 0 {
			return nil
		}
		if e.hash == h && e.big == s.big {
			if d := c.def(e.def); d.name == name {
				return d
			}
		}
	}
}

// setFor builds (once) the set of a set literal or the bindings of a let.
// A literal that is a binding's value is not looked up here: the set it
// belongs to builds it (literalSet) and keeps it in the attrDef, where the
// binding pass finds it, so only the other sets take a map entry.
func (c *checker) setFor(n Node) *attrSet {
	if s, ok := c.sets[n.i]; ok {
		return s
	}
	s := c.newSet()
	c.sets[n.i] = s
	c.build(s, n)
	return s
}

// valueLiteral reports whether n is, through parentheses, the value of a
// binding: the set literal literalSet builds for it.
func valueLiteral(n Node) bool {
	for n.FieldName() == FieldExpression {
		p := n.Parent()
		switch p.Kind() {
		case KindParenthesized:
			n = p
			continue
		case KindBinding:
			return true
		}
		return false
	}
	return false
}

// build fills s with the bindings of the set literal or let n.
func (c *checker) build(s *attrSet, n Node) {
	s.rec = n.Kind() == KindRecAttrset || n.Kind() == KindLetAttrset
	var bs Node
	for ch := n.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
		if ch.Kind() == KindBindingSet {
			bs = ch
			break
		}
	}
	for b := bs.FirstChild(); b.Valid(); b = b.NextSibling() {
		switch b.Kind() {
		case KindBinding:
			c.addBinding(s, b)
		case KindInherit, KindInheritFrom:
			c.addInherit(s, b)
		}
	}
	if n.Kind() == KindLet {
		for _, d := range s.dyn {
			c.report(CodeDynamicAttr, d.name.Span(), "dynamic attributes not allowed in let")
		}
	}
}

// literalSet returns the set of value if it is a set literal (through
// parentheses), as Nix's dynamic_cast<ExprAttrs *> sees it.
func (c *checker) literalSet(value Node) *attrSet {
	v := value.Unparen()
	switch v.Kind() {
	case KindAttrset, KindRecAttrset:
		s := c.newSet()
		c.build(s, v)
		return s
	}
	return nil
}

func (c *checker) dup(sp Span, path string, prev *attrDef) {
	c.report(CodeDuplicateAttr, sp,
		fmt.Sprintf("attribute '%s' already defined at %s", path, c.where(int(prev.start))), c.span(prev))
}

// addBinding is Nix's addAttr.
func (c *checker) addBinding(s *attrSet, b Node) {
	ap := b.Child(FieldAttrpath)
	value := b.Child(FieldExpression)
	// As in Nix's parser, the value is built first (it may be a set
	// literal, with bindings of its own); then the path is read. It is read
	// one component at a time, on the stack: a buffer of AttrNames costs
	// write barriers while the GC runs, and only error messages need the
	// whole path.
	vset := c.literalSet(value)
	ch := nextAttr(ap.FirstChild())
	if !ch.Valid() {
		return
	}
	start := int32(ch.Start())
	for {
		a := checkAttrName(ch)
		next := nextAttr(ch.NextSibling())
		if !next.Valid() {
			c.addLast(s, ap, a, value, vset, start)
			return
		}
		ch = next
		if !a.Static {
			nested := c.newSet()
			s.dyn = append(s.dyn, dynDef{name: a, set: nested})
			s = nested
			continue
		}
		if j := c.get(s, a.Name); j != nil {
			if j.set == nil {
				c.dup(ap.Span(), AttrPathString(c.attrPath(ap)), j)
				return
			}
			s = j.set
			continue
		}
		nested := c.newSet()
		d := c.newDef(attrDef{name: a.Name, set: nested, key: a.Node.i, start: start})
		c.add(s, d)
		s = nested
	}
}

// addLast defines the last component of a binding's path ap in s.
func (c *checker) addLast(s *attrSet, ap Node, last AttrName, value Node, vset *attrSet, start int32) {
	if !last.Static {
		s.dyn = append(s.dyn, dynDef{name: last, value: value, set: vset})
		return
	}
	j := c.get(s, last.Name)
	if j == nil {
		d := c.newDef(attrDef{name: last.Name, value: value.i, set: vset, key: last.Node.i, start: start})
		c.add(s, d)
		return
	}
	if j.set == nil || vset == nil {
		c.dup(ap.Span(), AttrPathString(c.attrPath(ap)), j)
		return
	}
	// Both are sets: the later literal's static attributes join the
	// earlier set; its dynamic attributes and rec are dropped.
	c.mergeSets(j.set, vset, AttrPathString(c.attrPath(ap)), 0)
}

// nextAttr returns n or the first sibling after it that is an attribute
// path component.
func nextAttr(n Node) Node {
	for ; n.Valid(); n = n.NextSibling() {
		if n.FieldName() == FieldAttr {
			return n
		}
	}
	return Node{}
}

// mergeSets moves the static attributes of src into dst, as current Nix
// does (its parser's addAttr recurses since NixOS/nix#11268 was fixed): a
// name defined in both is merged again when both definitions are sets, so
// `a.b.c = 1;` next to `a = { b = { d = 2; }; };` is one set. Nix 2.8 merged one level only and
// rejected that; nixsec follows the Nix its users run (see divergent in
// nix_diff_test.go). A clash of two non-sets is reported, as Nix does, at
// the earlier definition, naming the later one.
func (c *checker) mergeSets(dst, src *attrSet, prefix string, depth int) {
	for _, ad := range src.order {
		j2 := c.get(dst, ad.name)
		if j2 == nil {
			c.add(dst, ad)
			continue
		}
		if j2.set != nil && ad.set != nil && !c.oneLevel && depth < 1000 {
			c.mergeSets(j2.set, ad.set, prefix+"."+ad.name, depth+1)
			continue
		}
		c.report(CodeDuplicateAttr, c.span(j2),
			fmt.Sprintf("attribute '%s' already defined at %s", prefix+"."+ad.name, c.where(int(ad.start))), c.span(ad))
	}
}

func (c *checker) addInherit(s *attrSet, b Node) {
	from := b.Child(FieldExpression) // zero for plain inherit
	for _, a := range c.attrPath(b.Child(FieldAttrs)) {
		if !a.Static {
			c.report(CodeDynamicAttr, a.Span(), "dynamic attributes not allowed in inherit")
			continue
		}
		if j := c.get(s, a.Name); j != nil {
			c.dup(a.Span(), a.Name, j)
			continue
		}
		d := c.newDef(attrDef{name: a.Name, inherited: !from.Valid(), from: from.i, key: a.Node.i, start: int32(a.Node.Start())})
		c.add(s, d)
	}
}

// checkFormals reports a formal defined twice, or named like the @ argument.
func (c *checker) checkFormals(fn Node) {
	ff, _ := Formals(fn)
	seen := func(name string, before int) (Node, bool) {
		for _, fm := range ff.Formals[:before] {
			if fm.Name == name {
				return fm.Ident, true
			}
		}
		return Node{}, false
	}
	for i, fm := range ff.Formals {
		if prev, ok := seen(fm.Name, i); ok {
			c.report(CodeDuplicateFormal, fm.Ident.Span(),
				fmt.Sprintf("duplicate formal function argument '%s'", fm.Name), prev.Span())
		}
	}
	if prev, ok := seen(ff.At, len(ff.Formals)); ok && ff.HasFormals && ff.At != "" {
		// Nix points at the start of the function.
		sp, rel := prev.Span(), ff.AtNode.Span()
		if ff.AtFirst {
			sp, rel = rel, sp
		}
		c.report(CodeDuplicateFormal, sp,
			fmt.Sprintf("duplicate formal function argument '%s'", ff.At), rel)
	}
}

// --- Pass 2: binding variables ---

func (c *checker) push(name string, b Binding) { c.vars[name] = append(c.vars[name], b) }

// pop keeps an emptied stack in the map, so pushing the name again does
// not allocate.
func (c *checker) pop(name string) {
	st := c.vars[name]
	if len(st) > 0 {
		c.vars[name] = st[:len(st)-1]
	}
}

// lookup resolves a name in the current scopes.
func (c *checker) lookup(name string) Binding {
	if name == curPos {
		return Binding{Kind: BindingBuiltin, Name: name}
	}
	if st := c.vars[name]; len(st) > 0 {
		return st[len(st)-1]
	}
	if IsGlobal(name) {
		return Binding{Kind: BindingBuiltin, Name: name}
	}
	if c.withDepth > 0 {
		return Binding{Kind: BindingWith, Name: name}
	}
	return Binding{Kind: BindingUndefined, Name: name}
}

// use resolves the variable name written at node n.
func (c *checker) use(n Node, name string) {
	b := c.lookup(name)
	if c.record != nil {
		c.record(n, b)
	}
	if b.Kind == BindingUndefined {
		c.report(CodeUndefinedVar, n.Span(), fmt.Sprintf("undefined variable '%s'", name))
	}
}

func (c *checker) walk(n Node) {
	switch n.Kind() {
	case KindInvalid, KindComment, KindToken, KindIdentifier:
		return
	case KindVariable:
		c.use(n, n.Text())
		return
	case KindAttrset, KindRecAttrset, KindLetAttrset:
		c.bindSet(c.setFor(n), n)
		return
	case KindLet:
		c.bindLet(n)
		return
	case KindFunction:
		c.bindFunction(n)
		return
	case KindWith:
		c.walk(n.Child(FieldEnvironment))
		c.withDepth++
		c.walk(n.Child(FieldBody))
		c.withDepth--
		return
	}
	for ch := n.FirstChild(); ch.Valid(); ch = ch.NextSibling() {
		if ch.IsNamed() {
			c.walk(ch)
		}
	}
}

// bindDef walks the value of an attribute in the current scopes.
func (c *checker) bindDef(d *attrDef) {
	switch {
	case d.inherited:
		c.use(c.node(d.key), d.name)
	case d.from != 0:
		if !c.from[d.from] {
			c.from[d.from] = true
			c.walk(c.node(d.from))
		}
	case d.set != nil && d.value == 0:
		c.bindSet(d.set, Node{})
	case d.set != nil:
		// walk would reach the literal through the parentheses.
		c.bindSet(d.set, c.node(d.value).Unparen())
	default:
		c.walk(c.node(d.value))
	}
}

func (c *checker) bindDyn(d dynDef) {
	c.walk(d.name.Expr)
	if d.value.Valid() && d.set != nil {
		c.bindSet(d.set, d.value.Unparen())
	} else if d.value.Valid() {
		c.walk(d.value)
	} else if d.set != nil {
		c.bindSet(d.set, Node{})
	}
}

// bindSet is ExprAttrs::bindVars. scopeNode is the literal, if any.
func (c *checker) bindSet(s *attrSet, scopeNode Node) {
	if !s.rec {
		for _, d := range s.order {
			c.bindDef(d)
		}
		for _, d := range s.dyn {
			c.bindDyn(d)
		}
		return
	}
	// inherit x; in a rec set takes x from outside.
	for _, d := range s.order {
		if d.inherited {
			c.bindDef(d)
		}
	}
	for _, d := range s.order {
		c.push(d.name, Binding{Kind: BindingRec, Name: d.name, Def: c.node(d.key), Scope: scopeNode})
	}
	for _, d := range s.order {
		if !d.inherited {
			c.bindDef(d)
		}
	}
	for _, d := range s.dyn {
		c.bindDyn(d)
	}
	for _, d := range s.order {
		c.pop(d.name)
	}
}

// bindLet is ExprLet::bindVars.
func (c *checker) bindLet(n Node) {
	s := c.setFor(n)
	for _, d := range s.order {
		if d.inherited {
			c.bindDef(d)
		}
	}
	for _, d := range s.order {
		c.push(d.name, Binding{Kind: BindingLet, Name: d.name, Def: c.node(d.key), Scope: n})
	}
	for _, d := range s.order {
		if !d.inherited {
			c.bindDef(d)
		}
	}
	for _, d := range s.dyn { // an error already; still look inside
		c.bindDyn(d)
	}
	c.walk(n.Child(FieldBody))
	for _, d := range s.order {
		c.pop(d.name)
	}
}

// bindFunction is ExprLambda::bindVars: the argument and the formals are
// in scope in the defaults and the body.
func (c *checker) bindFunction(n Node) {
	ff, _ := Formals(n)
	var pushed []string
	if ff.At != "" {
		c.push(ff.At, Binding{Kind: BindingLambda, Name: ff.At, Def: ff.AtNode, Scope: n})
		pushed = append(pushed, ff.At)
	}
	for _, fm := range ff.Formals {
		c.push(fm.Name, Binding{Kind: BindingFormal, Name: fm.Name, Def: fm.Ident, Scope: n})
		pushed = append(pushed, fm.Name)
	}
	for _, fm := range ff.Formals {
		c.walk(fm.Default)
	}
	c.walk(n.Child(FieldBody))
	for _, name := range pushed {
		c.pop(name)
	}
}
