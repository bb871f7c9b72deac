package analyzer

import (
	"strings"
	"testing"

	"github.com/nixsec/nixsec/nixast"
)

func TestContainerPortHost(t *testing.T) {
	for _, tc := range []struct {
		spec, ip, rest string
		ok             bool
	}{
		{"8080:80", "", "8080:80", true},
		{"80", "", "80", true},
		{"53/udp", "", "53", true},
		{"127.0.0.1:8080:80", "127.0.0.1", "8080:80", true},
		{"0.0.0.0:5432:5432/tcp", "0.0.0.0", "5432:5432", true},
		{"127.0.0.1::80", "127.0.0.1", ":80", true},
		{"[::]:443:443", "[::]", "443:443", true},
		{"[::1]:443:443/tcp", "[::1]", "443:443", true},
		{"1234-1236:1234-1236/tcp", "", "1234-1236:1234-1236", true},
		{"::1:80:80", "", "", false},
	} {
		ip, rest, ok := portHost(tc.spec)
		if ip != tc.ip || rest != tc.rest || ok != tc.ok {
			t.Errorf("portHost(%q) = %q, %q, %v; want %q, %q, %v", tc.spec, ip, rest, ok, tc.ip, tc.rest, tc.ok)
		}
	}
}

func TestContainerVolumes(t *testing.T) {
	for _, tc := range []struct {
		spec     string
		src      string
		ro, bind bool
	}{
		{"/etc:/etc", "/etc", false, true},
		{"/etc:/etc:ro", "/etc", true, true},
		{"/etc:/etc:rw,z", "/etc", false, true},
		{"/etc:/etc:z,ro", "/etc", true, true},
		{"/srv:/srv:O", "/srv", true, true},
		{"data:/var/lib/data", "", false, false},
		{"/anonymous", "", false, false},
	} {
		src, _, opts, ok := parseVolume(tc.spec)
		if ok != tc.bind || src != tc.src || ok && volumeReadOnly(opts) != tc.ro {
			t.Errorf("parseVolume(%q) = %q, %v, %v", tc.spec, src, opts, ok)
		}
	}
	if src, _, ro, ok := parseMount("type=bind,source=/etc,target=/x,readonly"); !ok || src != "/etc" || !ro {
		t.Errorf("parseMount readonly: %q %v %v", src, ro, ok)
	}
	if _, _, ro, ok := parseMount("type=bind,src=/etc,dst=/x,readonly=false"); !ok || ro {
		t.Errorf("parseMount readonly=false: %v %v", ro, ok)
	}
	if _, _, _, ok := parseMount("type=volume,source=data,target=/x"); ok {
		t.Error("a named volume is not a bind mount")
	}
}

func TestContainerListenAndImages(t *testing.T) {
	for v, want := range map[string]bool{"/run/docker.sock": false, "@docker": false, "2375": true, "0.0.0.0:2375": true,
		"[::]:2375": true, "tcp://127.0.0.1:2375": true, "fd://": false, "unix:///run/docker.sock": false, "vsock:2:2375": false} {
		if _, got := tcpListen(v); got != want {
			t.Errorf("tcpListen(%q) = %v, want %v", v, got, want)
		}
	}
	for img, tag := range map[string]string{"nginx": "", "nginx:latest": "latest", "registry.example.com:5000/team/tool": "",
		"registry.example.com:5000/team/tool:1.2": "1.2", "nginx:1.27@sha256:abc": "1.27"} {
		if got, _ := imageTag(img); got != tag {
			t.Errorf("imageTag(%q) = %q, want %q", img, got, tag)
		}
	}
	for opt, bad := range map[string]bool{"seccomp=unconfined": true, "seccomp:unconfined": true, "apparmor=unconfined": true,
		"label=disable": true, "label:disable": true, "no-new-privileges": false, "no-new-privileges=false": true,
		"seccomp=/etc/profile.json": false, "label=type:spc_t": false, "unmask=ALL": true} {
		if _, got := securityOptRisk(opt); got != bad {
			t.Errorf("securityOptRisk(%q) = %v, want %v", opt, got, bad)
		}
	}
}

// TestContainerFlagSpellings parses every spelling of extraOptions the
// rules rely on: one element per argument, values in the same element or
// the next, short options, and values of unknown options left alone.
func TestContainerFlagSpellings(t *testing.T) {
	src := `{
  virtualisation.oci-containers.containers.x.extraOptions = [
    "--privileged" "--network" "host" "--net=host" "--cap-add" "ALL" "-v/a:/b" "-p" "80:80"
    "--label" "--privileged" "-it" "--security-opt=label=disable" "--pid=host"
  ];
}`
	f, err := nixast.Parse("flags.nix", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := BuildModel([]*nixast.File{f})
	var got []string
	for _, s := range m.AllSystems() {
		for _, c := range ociContainers(s) {
			for _, fl := range ociFlags(c) {
				got = append(got, fl.Name+"="+fl.Value)
			}
		}
	}
	want := "privileged= network=host network=host cap-add=ALL volume=/a:/b publish=80:80 label=--privileged security-opt=label=disable pid=host"
	if strings.Join(got, " ") != want {
		t.Errorf("ociFlags:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}
