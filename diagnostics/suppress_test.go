package diagnostics

import (
	"reflect"
	"testing"
)

func TestParseSuppression(t *testing.T) {
	for _, tc := range []struct {
		in   string
		ok   bool
		want Suppression
	}{
		{"# nixsec-ignore NIXSEC-FW-001: behind a hardware firewall", true, Suppression{Rules: []string{"NIXSEC-FW-001"}, Reason: "behind a hardware firewall"}},
		{"#nixsec-ignore NIXSEC-CTR-008, NIXSEC-CTR-010", true, Suppression{Rules: []string{"NIXSEC-CTR-008", "NIXSEC-CTR-010"}}},
		{"# nixsec-ignore-file NIXSEC-SUP-004: channels", true, Suppression{Rules: []string{"NIXSEC-SUP-004"}, Reason: "channels", File: true}},
		{`# nixsec:ignore NIXSEC-FW-001 reason="nspawn guest; host filters"`, true, Suppression{Rules: []string{"NIXSEC-FW-001"}, Reason: "nspawn guest; host filters"}},
		{"/* nixsec-ignore firewall-disabled: slug */", true, Suppression{Rules: []string{"firewall-disabled"}, Reason: "slug"}},
		{"# nixsec-ignore", true, Suppression{}},
		{"# just a comment about nixsec-ignore", false, Suppression{}},
		{"# nixsec-ignored NIXSEC-FW-001", false, Suppression{}},
	} {
		got, ok := ParseSuppression(tc.in)
		if ok != tc.ok || (ok && !reflect.DeepEqual(got, tc.want)) {
			t.Errorf("%q: got %+v %v, want %+v %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
