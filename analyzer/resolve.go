package analyzer

import "github.com/nixsec/nixsec/diagnostics"

// The config.* pass (rules catalog Part A item 13). The first pass leaves
// `config.a.b` Unknown (remembering the path in Value.Ref). Once every
// definition of the system is collected and merged, conditions and values
// that met such a reference are evaluated again with config.* resolving to
// the system's own definitions: a path resolves only when all of its active
// definitions are certain (unconditional, not maybe-overridden) and agree
// on one known value, or (for values, not conditions) with no definition at
// all and nothing opaque above it, to the default a custom module declares
// with mkOption / mkEnableOption. Anything else stays Unknown.

type resolver struct {
	s *System
	// declared allows the defaults custom modules declare. They are used
	// for values, never for conditions: a module file analysed on its own
	// declares `enable` false by default, but whoever imports it may set it;
	// taking the default there would hide everything its config does.
	declared bool
	ev       *evaluator
	state    map[*Definition]uint8 // 1 resolving, 2 done
	memo     map[refKey]bool       // worthPaths answers
}

func (s *System) resolveConfigRefs() {
	any := false
	for _, d := range s.Defs {
		if d.refs {
			any = true
			break
		}
		for _, c := range d.Conditions {
			if c.refs {
				any = true
			}
		}
		if any {
			break
		}
	}
	if !any {
		return
	}
	r := &resolver{s: s, state: map[*Definition]uint8{}}
	budget := 1 << 16
	for _, f := range s.Files {
		budget += collectBudget(f)
	}
	r.ev = &evaluator{cfg: r.lookup, budget: budget}
	// Conditions first (they decide which definitions count), a few rounds
	// so that one resolved condition can resolve the next.
	type condKey struct {
		idx int
		e   *env
	}
	for round := 1; round <= 3; round++ {
		r.ev.gen = round
		cache := map[condKey]Tri{}
		changed := map[int32]bool{} // groups of s.index
		for _, d := range s.Defs {
			for i := range d.Conditions {
				c := &d.Conditions[i]
				if !c.refs || c.Value != TriUnknown || c.env == nil || !r.worthPaths(c.refPaths) {
					continue
				}
				k := condKey{c.Node.Index(), c.env}
				t, ok := cache[k]
				if !ok {
					before := r.ev.resolved
					t = tri(r.ev.eval(c.Node, c.env))
					if r.ev.resolved == before {
						t = TriUnknown
					}
					cache[k] = t
				}
				if t != TriUnknown {
					c.Value, c.ViaConfig = t, true
					changed[s.index.find(d.Path)] = true
				}
			}
		}
		if len(changed) == 0 {
			break
		}
		for g := range changed {
			merge(s.index.group(g))
		}
	}
	r.ev.gen = 10
	r.declared = true
	for _, d := range s.Defs {
		if d.refs && !d.Value.Known() && r.worth(d) {
			r.def(d)
		}
	}
}

// def re-evaluates one definition's value.
func (r *resolver) def(d *Definition) {
	if r.state[d] != 0 || d.env == nil {
		return
	}
	r.state[d] = 1
	before := r.ev.resolved
	v := r.ev.eval(d.Node, d.env)
	if r.ev.resolved > before && v.Kind != Unknown {
		d.Value, d.ViaConfig = v, true
		d.Opaque = false
	}
	r.state[d] = 2
}

// lookup resolves config.<path> in the system.
func (r *resolver) lookup(path []string) (Value, bool) {
	path, _ = canonicalPath(path)
	var active []*Definition
	for _, d := range r.s.index.get(path) {
		if d.Active() {
			active = append(active, d)
		}
	}
	if len(active) == 0 {
		if r.s.MaybeSet(path...) {
			return Value{}, false
		}
		if v, ok := r.s.Declared[pathKey(path)]; ok && r.declared {
			return v, true
		}
		return Value{}, false
	}
	var val Value
	for i, d := range active {
		if d.Status != Effective || d.Confidence() != diagnostics.Definite {
			return Value{}, false
		}
		if d.refs && !d.Value.Known() {
			if r.state[d] == 1 {
				return Value{}, false // refers to itself
			}
			r.def(d)
		}
		if !d.Value.Known() {
			return Value{}, false
		}
		if i > 0 && d.Value.String() != val.String() {
			return Value{}, false // several values (a list merge, or a conflict)
		}
		val = d.Value
	}
	return val, true
}

// worth reports whether re-evaluating d may resolve something: one of the
// config.* paths it read has a definition or a declared default.
func (r *resolver) worth(d *Definition) bool {
	return r.worthPaths(d.refPaths)
}

func (r *resolver) worthPaths(paths [][]string) bool {
	if paths == nil {
		return true // not recorded: try
	}
	for _, p := range paths {
		if len(p) == 0 {
			continue
		}
		// Paths are shared by the definitions that read one let binding:
		// remember the answer per path slice.
		mk := refKey{&p[0], len(p), r.declared}
		ok, seen := r.memo[mk]
		if !seen {
			cp, _ := canonicalPath(p)
			ok = r.s.index.get(cp) != nil
			if r.declared && r.s.Declared != nil {
				if _, d := r.s.Declared[pathKey(cp)]; d {
					ok = true
				}
			}
			if r.memo == nil {
				r.memo = map[refKey]bool{}
			}
			r.memo[mk] = ok
		}
		if ok {
			return true
		}
	}
	return false
}

type refKey struct {
	first    *string
	n        int
	declared bool
}
