package analyzer

import (
	"fmt"
	"reflect"
	"testing"
)

// TestSplitPatternCache: cached splits equal SplitPath, also across the
// cache being dropped when it fills up.
func TestSplitPatternCache(t *testing.T) {
	for i := 0; i < 2*patternCacheMax+10; i++ {
		p := fmt.Sprintf(`users.users."u.%d".extraGroups`, i%(patternCacheMax+7))
		got, want := splitPattern(p), SplitPath(p)
		if !reflect.DeepEqual(got, want) || len(got) != 4 || got[2] != fmt.Sprintf("u.%d", i%(patternCacheMax+7)) {
			t.Fatalf("%s: %q, want %q", p, got, want)
		}
	}
	if n := patternCount.Load(); n > patternCacheMax {
		t.Errorf("%d patterns cached, more than %d", n, patternCacheMax)
	}
}
