package gitignore

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMatcher(t *testing.T) {
	top := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(top, ".git", "info"), 0o755))
	must(os.WriteFile(filepath.Join(top, ".git", "info", "exclude"), []byte("secret.nix\n"), 0o644))
	must(os.WriteFile(filepath.Join(top, ".gitignore"), []byte("# comment\n/build/\n*.gen.nix\n"), 0o644))
	must(os.MkdirAll(filepath.Join(top, "hosts", "web"), 0o755))
	must(os.WriteFile(filepath.Join(top, "hosts", ".gitignore"), []byte("local.nix\n"), 0o644))

	m := New(filepath.Join(top, "hosts"))
	m.Enter(filepath.Join(top, "hosts"))
	for _, tc := range []struct {
		path string
		dir  bool
		want bool
	}{
		{"hosts/web/default.nix", false, false},
		{"hosts/web/x.gen.nix", false, true}, // pattern from the work tree's top
		{"hosts/web/local.nix", false, true}, // pattern from hosts/.gitignore
		{"hosts/secret.nix", false, true},    // .git/info/exclude
		{"hosts/build", true, false},         // /build/ is anchored at the top
	} {
		if got := m.Ignored(filepath.Join(top, tc.path), tc.dir); got != tc.want {
			t.Errorf("%s: ignored=%v, want %v", tc.path, got, tc.want)
		}
	}
	// A root that is itself ignored is still walked.
	must(os.MkdirAll(filepath.Join(top, "build", "out"), 0o755))
	m = New(filepath.Join(top, "build"))
	if m.Ignored(filepath.Join(top, "build", "out", "a.nix"), false) {
		t.Error("files under an explicitly walked, ignored root are ignored")
	}
}
