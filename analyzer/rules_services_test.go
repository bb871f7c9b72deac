package analyzer

import (
	"strings"
	"testing"

	"github.com/nixsec/nixsec/diagnostics"
)

func TestParsePgHBA(t *testing.T) {
	v := Value{Kind: String, Parts: []StrPart{{Known: true, Text: "# c\nlocal all all trust\nhost all all 10.0.0.0 255.0.0.0 md5 # x\nhostssl db u ::1/128 scram-sha-256\ninclude file.conf\n"}}}
	txt, ok := nwDecodeValue(v, v.Node)
	if ok {
		t.Fatal("a value without a node cannot be located")
	}
	txt = nwText{text: v.Parts[0].Text}
	hs := parsePgHBA(txt)
	if len(hs) != 3 {
		t.Fatalf("%+v", hs)
	}
	if hs[0].typ != "local" || hs[0].method != "trust" {
		t.Errorf("local: %+v", hs[0])
	}
	if hs[1].addr != "10.0.0.0/255.0.0.0" || hs[1].method != "md5" || txt.text[hs[1].methodOff:hs[1].methodOff+3] != "md5" {
		t.Errorf("netmask: %+v", hs[1])
	}
	if pgAddrClass(hs[2].addr) != "loopback" || pgAddrClass("all") != "any" || pgAddrClass("10.0.0.0/8") != "net" {
		t.Errorf("classes")
	}
}

func TestParseExports(t *testing.T) {
	txt := nwText{text: "/srv  host1(rw,no_root_squash) *(ro)\n# /x *(rw)\n/a 10.0.0.1 (rw)\n"}
	ls := parseExports(txt)
	if len(ls) != 2 || len(ls[0]) != 2 || len(ls[1]) != 2 {
		t.Fatalf("%+v", ls)
	}
	if ls[0][0].host != "host1" || ls[0][0].opts[1] != "no_root_squash" || txt.text[ls[0][0].start:ls[0][0].end] != "host1(rw,no_root_squash)" {
		t.Errorf("spec: %+v", ls[0][0])
	}
	if ls[1][1].host != "" || ls[1][1].opts[0] != "rw" {
		t.Errorf("world spec: %+v", ls[1][1])
	}
}

func TestServiceSeverities(t *testing.T) {
	checkSevCases(t, []sevCase{
		{"redis critical with openFirewall", "NIXSEC-SVC-001",
			`{ services.redis.servers."" = { enable = true; bind = "0.0.0.0"; openFirewall = true; settings."protected-mode" = "no"; }; }`,
			[]diagnostics.Severity{diagnostics.Critical}, []string{`"0.0.0.0"`}},
		{"redis port from allowedTCPPorts", "NIXSEC-SVC-001",
			`{ services.redis.servers.q = { enable = true; port = 6400; bind = null; settings."protected-mode" = false; }; networking.firewall.allowedTCPPorts = [ 6400 ]; }`,
			[]diagnostics.Severity{diagnostics.Critical}, []string{`null`}},
		{"postgres exact line", "NIXSEC-SVC-002",
			"{ services.postgresql = { enable = true; authentication = ''\n  local all all   peer\n  local sameuser all trust\n''; }; }",
			[]diagnostics.Severity{diagnostics.High}, []string{"local sameuser all trust"}},
		{"postgres escaped string", "NIXSEC-SVC-002",
			`{ services.postgresql = { enable = true; enableTCPIP = true; authentication = "host all all 0.0.0.0/0 trust\n"; }; }`,
			[]diagnostics.Severity{diagnostics.Critical}, []string{"host all all 0.0.0.0/0 trust"}},
		{"mysql firewall off", "NIXSEC-SVC-003",
			`{ networking.firewall.enable = false; services.mysql = { enable = true; settings.mysqld.bind-address = "*"; }; }`,
			[]diagnostics.Severity{diagnostics.Critical}, []string{`"*"`}},
		{"mongo opened", "NIXSEC-SVC-004",
			`{ services.mongodb = { enable = true; bind_ip = "0.0.0.0"; }; networking.firewall.allowedTCPPorts = [ 27017 ]; }`,
			[]diagnostics.Severity{diagnostics.Critical}, []string{`"0.0.0.0"`}},
		{"ollama opened", "NIXSEC-SVC-005",
			`{ services.ollama = { enable = true; host = "0.0.0.0"; openFirewall = true; }; }`,
			[]diagnostics.Severity{diagnostics.High}, []string{`"0.0.0.0"`}},
		{"samba opened", "NIXSEC-SVC-007",
			`{ services.samba = { enable = true; openFirewall = true; settings.s = { "guest ok" = true; "read only" = false; }; }; }`,
			[]diagnostics.Severity{diagnostics.High}, []string{`true`}},
		{"cups opened", "NIXSEC-SVC-008",
			`{ services.printing = { enable = true; openFirewall = true; browsed.enable = true; }; }`,
			[]diagnostics.Severity{diagnostics.High}, []string{`true`}},
		{"nfs exact spec", "NIXSEC-SVC-006",
			"{ services.nfs.server = { enable = true; exports = ''\n  /srv  a(ro) b(rw,insecure)\n''; }; }",
			[]diagnostics.Severity{diagnostics.Medium}, []string{"b(rw,insecure)"}},
	})
}

func TestServiceFixesEditStrings(t *testing.T) {
	src := "{ services.nfs.server = { enable = true; exports = ''\n  /srv 10.0.0.0/24(rw,no_root_squash)\n''; }; }"
	fs, _ := nwLint(t, "NIXSEC-SVC-006", src)
	if len(fs) != 1 || len(fs[0].Fixes) != 1 {
		t.Fatalf("%+v", fs)
	}
	out := string(ApplyEdits([]byte(src), fs[0].Fixes[0].Edits))
	if !strings.Contains(out, "10.0.0.0/24(rw,root_squash)") {
		t.Errorf("fixed: %s", out)
	}
	// An escape in the method field: no fix that would rewrite it.
	src = `{ services.postgresql = { enable = true; authentication = "local all all tru\st"; }; }`
	fs, _ = nwLint(t, "NIXSEC-SVC-002", src)
	if len(fs) != 1 || len(fs[0].Fixes) != 0 {
		t.Fatalf("escaped: %+v", fs)
	}
}

func TestDecodeResolvesInterpolations(t *testing.T) {
	src := "{ config, ... }: let lan = \"10.0.0.0/24\"; in { services.postgresql = { enable = true; enableTCPIP = true; authentication = ''\n  host all all ${lan} trust\n  host all all ${config.x} trust\n''; }; }"
	fs, texts := nwLint(t, "NIXSEC-SVC-002", src)
	if len(fs) != 1 || texts[0] != "host all all ${lan} trust" || fs[0].Severity != diagnostics.Critical {
		t.Fatalf("%q %+v", texts, fs)
	}
	if !strings.Contains(fs[0].Message, "10.0.0.0/24") {
		t.Errorf("message: %s", fs[0].Message)
	}
}

func TestCupsLegacyProtocol(t *testing.T) {
	fs, _ := nwLint(t, "NIXSEC-SVC-008", "{ services.printing = { enable = true; browsed.enable = true; browsedConf = \"BrowseRemoteProtocols cups\"; }; }")
	if len(fs) != 1 || fs[0].Severity != diagnostics.High || len(fs[0].Related) != 1 {
		t.Fatalf("%+v", fs)
	}
	fs, _ = nwLint(t, "NIXSEC-SVC-008", "{ services.printing.enable = true; services.avahi.enable = true; }")
	if len(fs) != 0 {
		t.Fatalf("default: %+v", fs)
	}
}

func TestSambaHostsAllow(t *testing.T) {
	fs, _ := nwLint(t, "NIXSEC-SVC-007", `{ services.samba = { enable = true; openFirewall = true; settings.global."hosts allow" = "192.168.1."; settings.s = { "guest ok" = "yes"; writable = "yes"; }; }; }`)
	if len(fs) != 1 || fs[0].Severity != diagnostics.Medium || !strings.Contains(fs[0].Message, "hosts allow") {
		t.Fatalf("%+v", fs)
	}
}

// TestNetworkDocExamples keeps the Bad/Good examples of the FW and SVC
// rules honest: Bad is flagged by its rule, Good is not.
func TestNetworkDocExamples(t *testing.T) {
	for _, r := range Rules() {
		if !strings.HasPrefix(r.ID, "NIXSEC-FW-") && !strings.HasPrefix(r.ID, "NIXSEC-SVC-") {
			continue
		}
		wrap := func(s string) string { return "{ lib, ... }:\n{\n" + s + "\n}\n" }
		if fs, _ := nwLint(t, r.ID, wrap(r.Bad)); len(fs) == 0 {
			t.Errorf("%s: the Bad example is not flagged", r.ID)
		}
		if r.Good != "" {
			if fs, _ := nwLint(t, r.ID, wrap(r.Good)); len(fs) != 0 {
				t.Errorf("%s: the Good example is flagged: %s", r.ID, fs[0].Message)
			}
		}
	}
}
