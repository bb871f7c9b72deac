package analyzer

// Legacy (renamed) NixOS option names, mapped to their canonical paths the
// way nixpkgs' mkRenamedOptionModule / mkAliasOptionModule do (Part A item
// 12 of the rules catalog). A definition keeps the path it was written with
// in WrittenPath; Path is canonical, so a rule asking for
// services.openssh.settings.PermitRootLogin also sees
// services.openssh.permitRootLogin.

// renames maps an old path prefix (joined by pathKey) to its new prefix.
var renames = map[string][]string{}

// renameHeads holds the first segments of every old prefix, so that
// canonicalPath costs one map lookup for the common case.
var renameHeads = map[string]bool{}

func rename(from, to []string) {
	renames[pathKey(from)] = to
	renameHeads[from[0]] = true
}

func rpath(s ...string) []string { return s }

func init() {
	for old, key := range map[string]string{
		"useSandbox": "sandbox", "useChroot": "sandbox", "binaryCaches": "substituters",
		"trustedBinaryCaches": "trusted-substituters", "binaryCachePublicKeys": "trusted-public-keys",
		"requireSignedBinaryCaches": "require-sigs", "trustedUsers": "trusted-users",
		"allowedUsers": "allowed-users", "sandboxPaths": "extra-sandbox-paths", "chrootDirs": "extra-sandbox-paths",
		"maxJobs": "max-jobs", "buildCores": "cores", "autoOptimiseStore": "auto-optimise-store",
	} {
		rename(rpath("nix", old), rpath("nix", "settings", key))
	}
	for old, key := range map[string]string{
		"permitRootLogin": "PermitRootLogin", "passwordAuthentication": "PasswordAuthentication",
		"kbdInteractiveAuthentication":    "KbdInteractiveAuthentication",
		"challengeResponseAuthentication": "KbdInteractiveAuthentication",
		"forwardX11":                      "X11Forwarding", "gatewayPorts": "GatewayPorts", "ciphers": "Ciphers", "macs": "Macs",
		"kexAlgorithms": "KexAlgorithms", "logLevel": "LogLevel", "useDns": "UseDns",
	} {
		rename(rpath("services", "openssh", old), rpath("services", "openssh", "settings", key))
	}
	rename(rpath("services", "sshd"), rpath("services", "openssh"))
	for _, name := range []string{"enable", "port", "openFirewall", "bind", "unixSocket", "unixSocketPerm",
		"logLevel", "logfile", "syslog", "databases", "maxclients", "save", "slaveOf", "masterAuth",
		"requirePass", "requirePassFile", "appendOnly", "appendFsync", "slowLogLogSlowerThan", "slowLogMaxLen", "settings"} {
		rename(rpath("services", "redis", name), rpath("services", "redis", "servers", "", name))
	}
	rename(rpath("users", "extraUsers"), rpath("users", "users"))
	rename(rpath("users", "extraGroups"), rpath("users", "groups"))
	rename(rpath("services", "xserver", "displayManager", "autoLogin"), rpath("services", "displayManager", "autoLogin"))
	rename(rpath("docker-containers"), rpath("virtualisation", "oci-containers", "containers"))
	rename(rpath("virtualisation", "libvirtd", "qemuRunAsRoot"), rpath("virtualisation", "libvirtd", "qemu", "runAsRoot"))
}

// canonicalPath maps a written option path to its canonical form; ok is
// false (and path returned unchanged) when nothing was renamed. Renames
// apply repeatedly (users.extraUsers.<n>.passwordFile → users.users.<n>.hashedPasswordFile).
func canonicalPath(path []string) ([]string, bool) {
	if len(path) == 0 || !renameHeads[path[0]] && path[0] != "users" && path[0] != "virtualisation" {
		return path, false
	}
	out, changed := path, false
	for round := 0; round < 3; round++ {
		step := false
		for i := min(len(out), 5); i >= 1; i-- {
			if to, ok := renames[pathKey(out[:i])]; ok {
				n := make([]string, 0, len(to)+len(out)-i)
				out = append(append(n, to...), out[i:]...)
				step = true
				break
			}
		}
		// Per-name renames below a name chosen by the user.
		switch {
		case len(out) == 4 && out[0] == "users" && out[1] == "users" && out[3] == "passwordFile":
			out = rpath("users", "users", out[2], "hashedPasswordFile")
			step = true
		case len(out) == 5 && out[0] == "virtualisation" && out[1] == "oci-containers" && out[2] == "containers" && out[4] == "extraDockerOptions":
			out = rpath("virtualisation", "oci-containers", "containers", out[3], "extraOptions")
			step = true
		}
		if !step {
			break
		}
		changed = true
	}
	return out, changed
}
