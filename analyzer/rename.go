package analyzer

// Legacy (renamed) NixOS option names, mapped to their canonical paths the
// way nixpkgs' mkRenamedOptionModule / mkAliasOptionModule do (Part A item
// 12 of the rules catalog). A definition keeps the path it was written with
// in WrittenPath; Path is canonical, so a rule asking for
// services.openssh.settings.PermitRootLogin also sees
// services.openssh.permitRootLogin.

// renameNode is a trie over old path prefixes; to is set where a prefix
// ends. Walking it allocates nothing, which matters: every definition's
// path is canonicalized.
type renameNode struct {
	to   []string
	next map[string]*renameNode
}

var renames = &renameNode{}

func rename(from, to []string) {
	n := renames
	for _, s := range from {
		if n.next == nil {
			n.next = map[string]*renameNode{}
		}
		c := n.next[s]
		if c == nil {
			c = &renameNode{}
			n.next[s] = c
		}
		n = c
	}
	n.to = to
}

// longestRename returns the new prefix for the longest renamed prefix of
// path and its length, or 0.
func longestRename(path []string) ([]string, int) {
	var to []string
	k := 0
	n := renames
	for i, s := range path {
		c := n.next[s]
		if c == nil {
			break
		}
		if c.to != nil {
			to, k = c.to, i+1
		}
		n = c
	}
	return to, k
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
	if len(path) == 0 || renames.next[path[0]] == nil && path[0] != "users" && path[0] != "virtualisation" {
		return path, false
	}
	out, changed := path, false
	for round := 0; round < 3; round++ {
		step := false
		if to, i := longestRename(out); i > 0 {
			n := make([]string, 0, len(to)+len(out)-i)
			out = append(append(n, to...), out[i:]...)
			step = true
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
