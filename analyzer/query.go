package analyzer

import (
	"hash/maphash"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// BuildSystem collects the definitions of module files into one system and
// merges them. Each file is read as a NixOS module.
//
// Relative imports are followed (from the file system); see BuildModelWith
// for the general case.
func BuildSystem(name string, ctx Context, files ...*nixast.File) *System {
	b := newBuilder(files, ModelOptions{})
	var entry *nixast.File
	if len(files) > 0 {
		entry = files[0]
	}
	s := newSystem(name, ctx, entry)
	s.Files = nil
	for _, f := range files {
		b.model.Kinds[f.Path] = contextFileKind(ctx)
		s.seen[filepath.Clean(f.Path)] = true
	}
	for _, f := range files {
		s.Files = append(s.Files, f)
		if expr := f.Expr(); expr.Valid() {
			newCollector(b, s, f).module(expr, rootEnv())
		}
	}
	s.Kind = contextFileKind(ctx)
	s.finish()
	return s
}

// finish indexes and merges the system and its children, resolves
// config.* references and derives the context flags.
func (s *System) finish() {
	s.reindex()
	s.resolveConfigRefs()
	if v, d, ok := s.Get("boot", "isContainer"); ok && v.IsBool(true) && d.Confidence() == diagnostics.Definite {
		s.IsContainer = true
	}
	s.seen = nil
	for _, c := range s.Children {
		c.finish()
	}
}

// reindex rebuilds the path index and merges every option's definitions.
func (s *System) reindex() {
	n := len(s.Defs)
	x := pathIndex{heads: make(map[uint64]int32, n), groups: make([]pathGroup, 0, n)}
	// First the group (distinct path) and head name of each definition,
	// counting; then every list is a piece of one array, in source order.
	gid := make([]int32, 2*n)
	hid := gid[n:]
	headID := map[string]int32{}
	var headCount []int32
	for i, d := range s.Defs {
		h := hashPath(d.Path)
		g := x.find(h, d.Path)
		if g < 0 {
			g = int32(len(x.groups))
			next, ok := x.heads[h]
			if !ok {
				next = -1
			}
			x.groups = append(x.groups, pathGroup{path: d.Path, next: next})
			x.heads[h] = g
		}
		x.groups[g].n++
		gid[i] = g
		hid[i] = -1
		if len(d.Path) > 0 {
			k, ok := headID[d.Path[0]]
			if !ok {
				k = int32(len(headCount))
				headID[d.Path[0]] = k
				headCount = append(headCount, 0)
			}
			headCount[k]++
			hid[i] = k
		}
	}
	all := make([]*Definition, 2*n)
	byPath, byHead := all[:n:n], all[n:]
	at := 0
	for g := range x.groups {
		c := int(x.groups[g].n)
		x.groups[g].defs = byPath[at : at : at+c]
		at += c
	}
	heads := make([][]*Definition, len(headCount))
	at = 0
	for k, c := range headCount {
		heads[k] = byHead[at : at : at+int(c)]
		at += int(c)
	}
	for i, d := range s.Defs {
		g := &x.groups[gid[i]]
		g.defs = append(g.defs, d)
		if k := hid[i]; k >= 0 {
			heads[k] = append(heads[k], d)
		}
	}
	s.index = x
	s.byHead, s.byHeadN = make(map[string][]*Definition, len(headID)), n
	for name, k := range headID {
		s.byHead[name] = heads[k]
	}
	for g := range x.groups {
		merge(x.groups[g].defs)
	}
}

// pathIndex finds the definitions of an option path without building a
// joined key: paths hash to chains of groups, one group per distinct path.
type pathIndex struct {
	heads  map[uint64]int32 // path hash → first group of its chain
	groups []pathGroup
}

type pathGroup struct {
	path []string
	defs []*Definition // in source order; capacity ends at its length
	n    int32         // definitions (while building)
	next int32         // next group with the same hash, or -1
}

var pathSeed = maphash.MakeSeed()

func hashPath(p []string) uint64 {
	h := uint64(len(p))
	for _, s := range p {
		h = (h ^ maphash.String(pathSeed, s)) * 0x9e3779b97f4a7c15
		h ^= h >> 29
	}
	return h
}

// find returns the group of path p (whose hash is h), or -1.
func (x *pathIndex) find(h uint64, p []string) int32 {
	g, ok := x.heads[h]
	if !ok {
		return -1
	}
	for ; g >= 0; g = x.groups[g].next {
		if samePath(x.groups[g].path, p) {
			return g
		}
	}
	return -1
}

// get returns the definitions of exactly path p, nil if none.
func (x *pathIndex) get(p []string) []*Definition {
	if len(x.heads) == 0 {
		return nil
	}
	if g := x.find(hashPath(p), p); g >= 0 {
		return x.groups[g].defs
	}
	return nil
}

func pathKey(p []string) string { return strings.Join(p, "\x00") }

// merge sets each definition's Status the way the module system picks
// definitions: only those of the highest priority (lowest number) count.
func merge(defs []*Definition) {
	best := -1 // lowest priority number among certain definitions
	var bestDef *Definition
	for _, d := range defs {
		inactive := false
		certain := true
		for _, c := range d.Conditions {
			switch c.Holds() {
			case TriFalse:
				inactive = true
			case TriUnknown:
				certain = false
			}
		}
		d.By = nil
		if inactive {
			d.Status = Inactive
			continue
		}
		d.Status = Effective
		if certain && (best < 0 || d.Priority < best) {
			best, bestDef = d.Priority, d
		}
	}
	// The strongest definition that may apply (linear: options defined
	// by hundreds of modules are common).
	var strongest *Definition
	for _, d := range defs {
		if d.Status != Inactive && (strongest == nil || d.Priority < strongest.Priority) {
			strongest = d
		}
	}
	for _, d := range defs {
		if d.Status == Inactive {
			continue
		}
		if best >= 0 && d.Priority > best {
			d.Status, d.By = Overridden, bestDef
			continue
		}
		// A conditional definition of higher priority may win.
		if strongest != nil && strongest.Priority < d.Priority {
			d.Status, d.By = MaybeOverridden, strongest
		}
	}
}

// Defs returns every definition of exactly this path, in source order,
// whatever its status.
func (s *System) Lookup(path ...string) []*Definition { return s.index.get(path) }

// Effective returns the definitions of path that take (or may take) effect.
func (s *System) Effective(path ...string) []*Definition {
	var out []*Definition
	for _, d := range s.index.get(path) {
		if d.Active() {
			out = append(out, d)
		}
	}
	return out
}

// Get returns the effective value of a single-valued option: the one active
// definition (or several that agree). ok is false when the option is not
// defined; an Unknown value is returned when definitions disagree.
func (s *System) Get(path ...string) (Value, *Definition, bool) {
	defs := s.Effective(path...)
	if len(defs) == 0 {
		return Value{}, nil, false
	}
	d := defs[len(defs)-1]
	for _, o := range defs {
		if o.Value.String() != d.Value.String() || !o.Value.Known() {
			if len(defs) > 1 {
				return unknown(d.Node, "%d definitions of %s may apply", len(defs), JoinPath(path)), d, true
			}
		}
	}
	return d.Value, d, true
}

// Match returns the definitions whose path starts with pattern, where a
// "*" segment matches any one name. Pattern is dotted; quote names with
// dots: `boot.kernel.sysctl."net.ipv4.ip_forward"`.
func (s *System) Match(pattern string) []*Definition {
	pat := SplitPath(pattern)
	var out []*Definition
	for _, d := range s.candidates(pat) {
		if matchPrefix(pat, d.Path) {
			out = append(out, d)
		}
	}
	return out
}

// candidates returns the definitions a pattern can match: those under its
// first name when that is not "*" and the index is current, else all.
func (s *System) candidates(pat []string) []*Definition {
	if len(pat) > 0 && pat[0] != "*" && s.byHead != nil && s.byHeadN == len(s.Defs) {
		return s.byHead[pat[0]]
	}
	return s.Defs
}

// Names returns the distinct concrete names a "*" in pattern takes, for
// patterns like "systemd.services.*" (the last segment must be "*").
func (s *System) Names(pattern string) []string {
	pat := SplitPath(pattern)
	seen := map[string]bool{}
	var out []string
	for _, d := range s.candidates(pat) {
		if len(d.Path) >= len(pat) && matchPrefix(pat, d.Path) {
			n := d.Path[len(pat)-1]
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out
}

// MaybeSet reports whether path might be defined in ways nixsec cannot see:
// it, or a set above it, is given by an unresolved expression. Rules that
// flag a *missing* setting must check it to avoid false positives.
func (s *System) MaybeSet(path ...string) bool {
	for i := len(path); i >= 1; i-- {
		for _, d := range s.index.get(path[:i]) {
			if d.Active() && (i == len(path) || d.Opaque) {
				return true
			}
		}
	}
	return false
}

func matchPrefix(pat, path []string) bool {
	if len(path) < len(pat) {
		return false
	}
	for i, p := range pat {
		if p != "*" && p != path[i] {
			return false
		}
	}
	return true
}

// SplitPath splits a dotted option path, honouring "quoted" segments.
func SplitPath(p string) []string {
	var out []string
	var cur strings.Builder
	quoted := false
	for i := 0; i < len(p); i++ {
		ch := p[i]
		switch {
		case ch == '"':
			quoted = !quoted
		case ch == '\\' && quoted && i+1 < len(p):
			i++
			cur.WriteByte(p[i])
		case ch == '.' && !quoted:
			out = append(out, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(ch)
		}
	}
	return append(out, cur.String())
}
