package analyzer

import (
	"hash/maphash"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

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
	size := 8
	for size < 2*n {
		size *= 2
	}
	x := pathIndex{table: make([]int32, size), groups: make([]pathGroup, 0, n)}
	mask := uint64(size - 1)
	// First the group (distinct path) and head name of each definition,
	// counting; then every list is a piece of one array, in source order.
	gid := make([]int32, 2*n)
	hid := gid[n:]
	headID := map[string]int32{}
	var headCount []int32
	for i, d := range s.Defs {
		h := hashPath(d.Path)
		for pos := h & mask; ; pos = (pos + 1) & mask {
			t := x.table[pos]
			if t == 0 {
				// start is the group's first definition until the lists are laid out.
				x.groups = append(x.groups, pathGroup{hash: h, start: int32(i), n: 1})
				x.table[pos] = int32(len(x.groups))
				gid[i] = int32(len(x.groups) - 1)
				break
			}
			if g := &x.groups[t-1]; g.hash == h && samePath(s.Defs[g.start].Path, d.Path) {
				g.n++
				gid[i] = t - 1
				break
			}
		}
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
	x.defs = all[:n:n]
	at := int32(0)
	for g := range x.groups {
		x.groups[g].start, at = at, at+x.groups[g].n
		x.groups[g].n = 0 // counts again while filling
	}
	heads := make([][]*Definition, len(headCount))
	byHead := all[n:]
	for k, c := range headCount {
		heads[k], byHead = byHead[:0:c], byHead[c:]
	}
	for i, d := range s.Defs {
		g := &x.groups[gid[i]]
		x.defs[g.start+g.n] = d
		g.n++
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
		merge(x.group(int32(g)))
	}
}

// pathIndex finds the definitions of an option path without building a
// joined key: an open-addressing table of path hashes over groups, one
// group per distinct path.
type pathIndex struct {
	table  []int32 // group+1 by hash, linear probing; 0: empty
	groups []pathGroup
	defs   []*Definition // each group's definitions in source order, one group after the other
}

type pathGroup struct {
	hash     uint64
	start, n int32 // defs[start:start+n]
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

// find returns the group of path p, or -1.
func (x *pathIndex) find(p []string) int32 {
	if len(x.table) == 0 {
		return -1
	}
	h := hashPath(p)
	mask := uint64(len(x.table) - 1)
	for pos := h & mask; ; pos = (pos + 1) & mask {
		t := x.table[pos]
		if t == 0 {
			return -1
		}
		if g := &x.groups[t-1]; g.hash == h && samePath(x.defs[g.start].Path, p) {
			return t - 1
		}
	}
}

// group returns the definitions of group g; their capacity ends at their
// length, so a caller's append copies.
func (x *pathIndex) group(g int32) []*Definition {
	gr := x.groups[g]
	return x.defs[gr.start : gr.start+gr.n : gr.start+gr.n]
}

// get returns the definitions of exactly path p, nil if none.
func (x *pathIndex) get(p []string) []*Definition {
	if g := x.find(p); g >= 0 {
		return x.group(g)
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
	pat := splitPattern(pattern)
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
//
// The result is shared between callers: do not modify it.
func (s *System) Names(pattern string) []string {
	s.namesMu.Lock()
	if s.namesN != len(s.Defs) || s.names == nil {
		s.names, s.namesN = map[string][]string{}, len(s.Defs)
	}
	out, ok := s.names[pattern]
	s.namesMu.Unlock()
	if ok {
		return out
	}
	out = s.names1(pattern)
	s.namesMu.Lock()
	if s.namesN == len(s.Defs) {
		s.names[pattern] = out
	}
	s.namesMu.Unlock()
	return out
}

func (s *System) names1(pattern string) []string {
	pat := splitPattern(pattern)
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
	return out[:len(out):len(out)] // an append by a caller copies
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

// patternCache holds split Match/Names patterns. Rules ask for the same
// few hundred patterns on every analysis (on every keystroke in the
// editor); the cache is dropped when it grows past patternCacheMax, since
// some patterns embed names from the configuration.
var (
	patternCache atomic.Pointer[sync.Map]
	patternCount atomic.Int64
)

func init() { patternCache.Store(new(sync.Map)) }

const patternCacheMax = 4096

// splitPattern is SplitPath, cached; callers must not modify the result.
func splitPattern(p string) []string {
	m := patternCache.Load()
	if v, ok := m.Load(p); ok {
		return v.([]string)
	}
	parts := SplitPath(p)
	if patternCount.Add(1) > patternCacheMax {
		patternCache.Store(new(sync.Map))
		patternCount.Store(0)
	}
	m.Store(p, parts[:len(parts):len(parts)])
	return parts
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
