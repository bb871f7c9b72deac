// Package analyzer holds nixsec's static model of NixOS modules and the
// security rules that query it. A rule is a value: its metadata plus a Run
// over a Pass, in the shape of golang.org/x/tools/go/analysis.
package analyzer

import (
	"fmt"
	"sort"
	"sync"

	"github.com/nixsec/nixsec/diagnostics"
)

// Rule is one check.
type Rule struct {
	diagnostics.RuleMeta
	// Run inspects the pass and reports findings. It must not panic on any
	// input; a panic is recovered and reported as an internal error.
	Run func(*Pass)
}

var (
	regMu sync.Mutex
	rules = map[string]*Rule{}
)

// Register adds rules to the registry; each rule file calls it from init.
// A duplicate ID is a programming error.
func Register(rs ...*Rule) {
	regMu.Lock()
	defer regMu.Unlock()
	for _, r := range rs {
		if _, dup := rules[r.ID]; dup {
			panic(fmt.Sprintf("analyzer: rule %s registered twice", r.ID))
		}
		rules[r.ID] = r
	}
}

// Rules returns every registered rule ordered by ID.
func Rules() []*Rule {
	regMu.Lock()
	defer regMu.Unlock()
	out := make([]*Rule, 0, len(rules))
	for _, r := range rules {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup finds a rule by ID or slug.
func Lookup(idOrSlug string) (*Rule, bool) {
	regMu.Lock()
	defer regMu.Unlock()
	if r, ok := rules[idOrSlug]; ok {
		return r, true
	}
	for _, r := range rules {
		if r.Slug == idOrSlug {
			return r, true
		}
	}
	return nil, false
}
