package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDumpOptions(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, "configuration.nix", "{ lib, ... }: {\n  imports = [ ./ssh.nix ./missing.nix ];\n  services.openssh.settings.PermitRootLogin = lib.mkDefault \"no\";\n}\n")
	write(t, "ssh.nix", "{ services.openssh.permitRootLogin = \"yes\"; }\n")

	code, out, errOut := nixsec(t, "dump-options", ".")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"system (top) (nixos, nixos-module)",
		"services.openssh.settings.PermitRootLogin = \"no\"",
		"key configuration.nix:3:29  value configuration.nix:3:61  priority 1000  overridden by ssh.nix:1:20",
		"written as services.openssh.permitRootLogin",
		"problem configuration.nix:2:25: imported file ./missing.nix does not exist",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}

	code, out, errOut = nixsec(t, "dump-options", "--format", "json", "configuration.nix")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Systems []struct {
			Name        string
			Definitions []struct {
				Path, Status string
				Priority     int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(doc.Systems) != 1 || len(doc.Systems[0].Definitions) != 2 || doc.Systems[0].Definitions[1].Status != "effective" {
		t.Errorf("json: %+v", doc)
	}

	if code, _, errOut = nixsec(t, "dump-options", "--format", "yaml", "."); code != exitError || !strings.Contains(errOut, "want text or json") {
		t.Errorf("bad format: exit %d, %s", code, errOut)
	}
}
