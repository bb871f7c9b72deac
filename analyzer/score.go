package analyzer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// The systemd exposure score (catalog Part C): `systemd-analyze security`'s
// 0–10 number, computed from a service's NixOS definitions instead of the
// loaded unit. Every row, weight, range and badness rule follows systemd's
// src/analyze/analyze-security.c (main, 2026-03) and the load-time
// implications of src/core/unit.c (unit_patch_contexts), which the tool sees
// because it reads the unit's properties after loading. Where the catalog and
// those sources disagree, the sources win:
//
//   - 81 rows, not 80: CapabilityBoundingSet=~CAP_BPF (weight 25) is scored.
//   - DynamicUser=yes implies PrivateTmp, RemoveIPC, ProtectSystem=strict,
//     ProtectHome=read-only (when "no"), NoNewPrivileges and RestrictSUIDSGID
//     at load time, so the tool credits them.
//   - PrivateDevices=yes turns DevicePolicy=auto into closed; with a device
//     policy in force, ProtectClock=yes adds DeviceAllow=char-rtc r (and
//     RootImage= and encrypted credentials add their devices), so the
//     DeviceAllow= row scores 5, not 0, for the catalog's hardened template
//     (nixpkgs modules note the same: "ProtectClock= adds DeviceAllow=char-rtc r").
//   - SystemCallArchitectures= scores 0 only when it is exactly "native".
//
// NoNewPrivileges= implied by other sandboxing directives is decided when
// the service starts, so the tool does not credit it, and neither does this.

// ScoreRow is one line of the assessment.
type ScoreRow struct {
	Name        string // systemd's check id: "PrivateDevices=", "CapabilityBoundingSet=~CAP_SYS_ADMIN"
	Directive   string // the serviceConfig key that moves the row
	Weight      int
	Range       int
	Badness     int  // 0 (good) .. Range (bad); meaningless when NA
	NA          bool // not applicable: left out of both sums
	Description string
	// Exposure is the row's share of the total in tenths, as
	// `systemd-analyze security NAME` prints it ("0.2").
	Exposure int
}

// Score is a service's exposure.
type Score struct {
	Exposure int    // 0..100; printed as Exposure/10 ("9.6")
	Level    string // PERFECT, SAFE, OK, MEDIUM, EXPOSED, UNSAFE, DANGEROUS
	Rows     []ScoreRow
	// Approximate is set when some input is not known exactly (a value
	// nixsec cannot resolve, a conditional definition, an unrecognised
	// value); Unknown names them.
	Approximate bool
	Unknown     []string
	// Partial is set when part of the configuration cannot be seen (an
	// opaque serviceConfig, a unit that a NixOS module or package defines):
	// the exposure shown is what the visible settings give, and hidden ones
	// would usually lower it. Partial scores are never reported as findings.
	Partial bool
}

// Text renders the exposure as systemd does: "9.6".
func (s Score) Text() string { return fmt.Sprintf("%d.%d", s.Exposure/10, s.Exposure%10) }

// String renders "9.6 UNSAFE", marked "~" when approximate and "≤" when partial.
func (s Score) String() string {
	prefix := ""
	switch {
	case s.Partial:
		prefix = "≤"
	case s.Approximate:
		prefix = "~"
	}
	return prefix + s.Text() + " " + s.Level
}

// ServiceScore is the score of one systemd.services.<name> of a system.
type ServiceScore struct {
	Name     string
	System   *System
	Location diagnostics.Location // the service's name key (`myapp` in systemd.services.myapp)
	Type     string               // serviceConfig.Type when set literally ("oneshot", …)
	// Module is set when the source does not define what the service runs
	// (no script or ExecStart): a unit of a NixOS module or package that the
	// source only adjusts. Its score is Partial.
	Module bool
	Score
}

// ExposureLevel names an exposure (0..100) as systemd-analyze does.
func ExposureLevel(e int) string {
	switch {
	case e >= 100:
		return "DANGEROUS"
	case e >= 90:
		return "UNSAFE"
	case e >= 75:
		return "EXPOSED"
	case e >= 50:
		return "MEDIUM"
	case e >= 10:
		return "OK"
	case e >= 1:
		return "SAFE"
	}
	return "PERFECT"
}

// Linux capability numbers (linux/capability.h).
var sysdCapNumbers = map[string]uint{
	"CHOWN": 0, "DAC_OVERRIDE": 1, "DAC_READ_SEARCH": 2, "FOWNER": 3, "FSETID": 4, "KILL": 5,
	"SETGID": 6, "SETUID": 7, "SETPCAP": 8, "LINUX_IMMUTABLE": 9, "NET_BIND_SERVICE": 10,
	"NET_BROADCAST": 11, "NET_ADMIN": 12, "NET_RAW": 13, "IPC_LOCK": 14, "IPC_OWNER": 15,
	"SYS_MODULE": 16, "SYS_RAWIO": 17, "SYS_CHROOT": 18, "SYS_PTRACE": 19, "SYS_PACCT": 20,
	"SYS_ADMIN": 21, "SYS_BOOT": 22, "SYS_NICE": 23, "SYS_RESOURCE": 24, "SYS_TIME": 25,
	"SYS_TTY_CONFIG": 26, "MKNOD": 27, "LEASE": 28, "AUDIT_WRITE": 29, "AUDIT_CONTROL": 30,
	"SETFCAP": 31, "MAC_OVERRIDE": 32, "MAC_ADMIN": 33, "SYSLOG": 34, "WAKE_ALARM": 35,
	"BLOCK_SUSPEND": 36, "AUDIT_READ": 37, "PERFMON": 38, "BPF": 39, "CHECKPOINT_RESTORE": 40,
}

const sysdCapAll = uint64(1)<<41 - 1

func sysdCapMask(names ...string) uint64 {
	var m uint64
	for _, n := range names {
		m |= 1 << sysdCapNumbers[n]
	}
	return m
}

// Namespace flags for RestrictNamespaces= (a set bit means "may create").
var sysdNSFlags = map[string]uint64{"cgroup": 1, "ipc": 2, "net": 4, "mnt": 8, "pid": 16, "user": 32, "uts": 64, "time": 128}

const sysdNSAll = uint64(255)

// sysdSecInfo is what systemd-analyze reads from a loaded unit.
type sysdSecInfo struct {
	user                string
	dynamicUser         bool
	supplementaryGroups int
	defaultDeps         bool

	ambient, bounding uint64

	ipDenyAll, ipAllowLocal, ipAllowOther, ipCustom bool

	keyringMode, protectProc, procSubset, notifyAccess string
	protectHome, protectSystem                         string // "no", "yes", "read-only", "tmpfs" / "full", "strict"

	lockPersonality, mdwe, nnp, protectHostname                                 bool
	privateDevices, privateMounts, privateNetwork, privateTmp, privateUsers     bool
	protectCG, protectModules, protectTunables, protectKernelLogs, protectClock bool
	removeIPC, restrictRealtime, restrictSUID, delegate                         bool

	// Address families: true means the category is restricted (good).
	afInet, afUnix, afNetlink, afPacket, afOther bool

	namespaces uint64 // namespaces the service may create

	rootDirectory, rootImage string

	devicePolicy string
	deviceAllow  []string

	archs []string

	scAllowList bool
	scSet       map[string]bool // allowed (allow-list) or denied (deny-list) system calls
	scAll       bool            // the set holds every system call (@known)

	umask uint32
}

func (in *sysdSecInfo) runsPrivileged() bool {
	if in.user == "0" || in.user == "root" {
		return true
	}
	if in.dynamicUser {
		return false
	}
	return in.user == ""
}

// scoreRowDef is one assessor of the table.
type scoreRowDef struct {
	id        string
	directive string
	weight    int
	rng       int
	good, bad string
	// assess returns the badness, a description overriding good/bad, and
	// whether the row is not applicable.
	assess func(in *sysdSecInfo) (b int, desc string, na bool)
	// defaultDepsOnly rows are N/A for units with DefaultDependencies=no.
	defaultDepsOnly bool
}

func scoreBoolRow(id, dir string, w int, good, bad string, get func(*sysdSecInfo) bool) scoreRowDef {
	return scoreRowDef{id: id, directive: dir, weight: w, rng: 1, good: good, bad: bad, assess: func(in *sysdSecInfo) (int, string, bool) {
		if get(in) {
			return 0, "", false
		}
		return 1, "", false
	}}
}

func scoreCapRow(caps string, w int, good, bad string) scoreRowDef {
	names := strings.Split(caps, " ")
	mask := sysdCapMask(names...)
	id := "CapabilityBoundingSet=~CAP_" + names[0]
	switch caps {
	case "SETUID SETGID SETPCAP":
		id = "CapabilityBoundingSet=~CAP_SET(UID|GID|PCAP)"
	case "AUDIT_CONTROL AUDIT_READ AUDIT_WRITE":
		id = "CapabilityBoundingSet=~CAP_AUDIT_*"
	case "SYS_NICE SYS_RESOURCE":
		id = "CapabilityBoundingSet=~CAP_SYS_(NICE|RESOURCE)"
	case "CHOWN FSETID SETFCAP":
		id = "CapabilityBoundingSet=~CAP_(CHOWN|FSETID|SETFCAP)"
	case "DAC_OVERRIDE DAC_READ_SEARCH FOWNER IPC_OWNER":
		id = "CapabilityBoundingSet=~CAP_(DAC_*|FOWNER|IPC_OWNER)"
	case "NET_BIND_SERVICE NET_BROADCAST NET_RAW":
		id = "CapabilityBoundingSet=~CAP_NET_(BIND_SERVICE|BROADCAST|RAW)"
	case "MAC_ADMIN MAC_OVERRIDE":
		id = "CapabilityBoundingSet=~CAP_MAC_*"
	}
	return scoreRowDef{id: id, directive: "CapabilityBoundingSet", weight: w, rng: 1, good: good, bad: bad, assess: func(in *sysdSecInfo) (int, string, bool) {
		if in.bounding&mask != 0 {
			return 1, "", false
		}
		return 0, "", false
	}}
}

func scoreNSRow(ns string, w int, what string) scoreRowDef {
	flag := sysdNSFlags[ns]
	return scoreRowDef{id: "RestrictNamespaces=~" + ns, directive: "RestrictNamespaces", weight: w, rng: 1,
		good: "Service cannot create " + what + " namespaces", bad: "Service may create " + what + " namespaces",
		assess: func(in *sysdSecInfo) (int, string, bool) {
			if in.namespaces&flag != 0 {
				return 1, "", false
			}
			return 0, "", false
		}}
}

func scoreAFRow(id string, w int, what string, get func(*sysdSecInfo) bool) scoreRowDef {
	return scoreBoolRow("RestrictAddressFamilies=~"+id, "RestrictAddressFamilies", w,
		"Service cannot allocate "+what+" sockets", "Service may allocate "+what+" sockets", get)
}

func scoreSyscallRow(group string, w int) scoreRowDef {
	return scoreRowDef{id: "SystemCallFilter=~" + group, directive: "SystemCallFilter", weight: w, rng: 10, assess: func(in *sysdSecInfo) (int, string, bool) {
		if !in.scAllowList && len(in.scSet) == 0 && !in.scAll {
			return 10, "Service does not filter system calls", false
		}
		offender := ""
		for _, sc := range sysdSyscallGroups[group] {
			member := in.scAll || in.scSet[sc]
			if member == in.scAllowList { // allowed in an allow-list, or not denied in a deny-list
				offender = sc
				break
			}
		}
		if in.scAllowList {
			if offender != "" {
				return 9, fmt.Sprintf("System call allow list includes %s (e.g. %s)", group, offender), false
			}
			return 0, "System call allow list excludes " + group, false
		}
		if offender != "" {
			return 10, fmt.Sprintf("System call deny list does not cover %s (e.g. %s is allowed)", group, offender), false
		}
		return 0, "System call deny list covers " + group, false
	}}
}

// scoreRows is systemd-analyze security's assessor table, in its order.
var scoreRows = []scoreRowDef{
	{id: "User=/DynamicUser=", directive: "User", weight: 2000, rng: 10, bad: "Service runs as root user",
		assess: func(in *sysdSecInfo) (int, string, bool) {
			switch {
			case in.user == "nobody":
				return 9, "Service runs as the shared 'nobody' user, which services should not use", false
			case in.dynamicUser && in.user != "0" && in.user != "root":
				return 0, "Service runs under a transient non-root user identity", false
			case in.user != "" && in.user != "0" && in.user != "root":
				return 0, "Service runs under a static non-root user identity", false
			}
			return 10, "", false
		}},
	{id: "SupplementaryGroups=", directive: "SupplementaryGroups", weight: 200, rng: 1,
		good: "Service has no supplementary groups", bad: "Service runs with supplementary groups",
		assess: func(in *sysdSecInfo) (int, string, bool) {
			if in.runsPrivileged() {
				return 0, "Service runs as root, option does not matter", true
			}
			if in.supplementaryGroups > 0 {
				return 1, "", false
			}
			return 0, "", false
		}},
	scoreBoolRow("PrivateDevices=", "PrivateDevices", 1000, "Service has no access to hardware devices", "Service potentially has access to hardware devices", func(in *sysdSecInfo) bool { return in.privateDevices }),
	scoreBoolRow("PrivateMounts=", "PrivateMounts", 1000, "Service cannot install system mounts", "Service may install system mounts", func(in *sysdSecInfo) bool { return in.privateMounts }),
	scoreBoolRow("PrivateNetwork=", "PrivateNetwork", 2500, "Service has no access to the host's network", "Service has access to the host's network", func(in *sysdSecInfo) bool { return in.privateNetwork }),
	scoreDefaultDepsOnly(scoreBoolRow("PrivateTmp=", "PrivateTmp", 1000, "Service has no access to other software's temporary files", "Service has access to other software's temporary files", func(in *sysdSecInfo) bool { return in.privateTmp })),
	scoreBoolRow("PrivateUsers=", "PrivateUsers", 1000, "Service does not have access to other users", "Service has access to other users", func(in *sysdSecInfo) bool { return in.privateUsers }),
	scoreBoolRow("ProtectControlGroups=", "ProtectControlGroups", 1000, "Service cannot modify the control group file system", "Service may modify the control group file system", func(in *sysdSecInfo) bool { return in.protectCG }),
	scoreBoolRow("ProtectKernelModules=", "ProtectKernelModules", 1000, "Service cannot load or read kernel modules", "Service may load or read kernel modules", func(in *sysdSecInfo) bool { return in.protectModules }),
	scoreBoolRow("ProtectKernelTunables=", "ProtectKernelTunables", 1000, "Service cannot alter kernel tunables (/proc/sys, …)", "Service may alter kernel tunables", func(in *sysdSecInfo) bool { return in.protectTunables }),
	scoreBoolRow("ProtectKernelLogs=", "ProtectKernelLogs", 1000, "Service cannot read from or write to the kernel log ring buffer", "Service may read from or write to the kernel log ring buffer", func(in *sysdSecInfo) bool { return in.protectKernelLogs }),
	scoreBoolRow("ProtectClock=", "ProtectClock", 1000, "Service cannot write to the hardware clock or system clock", "Service may write to the hardware clock or system clock", func(in *sysdSecInfo) bool { return in.protectClock }),
	{id: "ProtectHome=", directive: "ProtectHome", weight: 1000, rng: 10, defaultDepsOnly: true,
		assess: func(in *sysdSecInfo) (int, string, bool) {
			switch in.protectHome {
			case "yes":
				return 0, "Service has no access to home directories", false
			case "tmpfs":
				return 1, "Service has access to fake empty home directories", false
			case "read-only":
				return 5, "Service has read-only access to home directories", false
			}
			return 10, "Service has full access to home directories", false
		}},
	scoreBoolRow("ProtectHostname=", "ProtectHostname", 50, "Service cannot change system host/domainname", "Service may change system host/domainname", func(in *sysdSecInfo) bool { return in.protectHostname }),
	{id: "ProtectSystem=", directive: "ProtectSystem", weight: 1000, rng: 10, defaultDepsOnly: true,
		assess: func(in *sysdSecInfo) (int, string, bool) {
			switch in.protectSystem {
			case "strict":
				return 0, "Service has strict read-only access to the OS file hierarchy", false
			case "full":
				return 3, "Service has very limited write access to the OS file hierarchy", false
			case "yes":
				return 5, "Service has limited write access to the OS file hierarchy", false
			}
			return 10, "Service has full access to the OS file hierarchy", false
		}},
	scoreDefaultDepsOnly(scoreBoolRow("RootDirectory=/RootImage=", "RootDirectory", 200, "Service has its own root directory/image", "Service runs within the host's root directory", func(in *sysdSecInfo) bool {
		return !(sysdEmptyOrRoot(in.rootDirectory) && sysdEmptyOrRoot(in.rootImage))
	})),
	scoreBoolRow("LockPersonality=", "LockPersonality", 100, "Service cannot change ABI personality", "Service may change ABI personality", func(in *sysdSecInfo) bool { return in.lockPersonality }),
	scoreBoolRow("MemoryDenyWriteExecute=", "MemoryDenyWriteExecute", 100, "Service cannot create writable executable memory mappings", "Service may create writable executable memory mappings", func(in *sysdSecInfo) bool { return in.mdwe }),
	scoreBoolRow("NoNewPrivileges=", "NoNewPrivileges", 1000, "Service processes cannot acquire new privileges", "Service processes may acquire new privileges", func(in *sysdSecInfo) bool { return in.nnp }),
	scoreCapRow("SYS_ADMIN", 1500, "Service has no administrator privileges", "Service has administrator privileges"),
	scoreCapRow("SETUID SETGID SETPCAP", 1500, "Service cannot change UID/GID identities/capabilities", "Service may change UID/GID identities/capabilities"),
	scoreCapRow("SYS_PTRACE", 1500, "Service has no ptrace() debugging abilities", "Service has ptrace() debugging abilities"),
	scoreCapRow("SYS_TIME", 1000, "Service processes cannot change the system clock", "Service processes may change the system clock"),
	scoreCapRow("NET_ADMIN", 1000, "Service has no network configuration privileges", "Service has network configuration privileges"),
	scoreCapRow("SYS_RAWIO", 1000, "Service has no raw I/O access", "Service has raw I/O access"),
	scoreCapRow("SYS_MODULE", 1000, "Service cannot load kernel modules", "Service may load kernel modules"),
	scoreCapRow("AUDIT_CONTROL AUDIT_READ AUDIT_WRITE", 500, "Service has no audit subsystem access", "Service has audit subsystem access"),
	scoreCapRow("SYSLOG", 500, "Service has no access to kernel logging", "Service has access to kernel logging"),
	scoreCapRow("SYS_NICE SYS_RESOURCE", 500, "Service has no privileges to change resource use parameters", "Service has privileges to change resource use parameters"),
	scoreCapRow("MKNOD", 500, "Service cannot create device nodes", "Service may create device nodes"),
	scoreCapRow("CHOWN FSETID SETFCAP", 1000, "Service cannot change file ownership/access mode/capabilities", "Service may change file ownership/access mode/capabilities unrestricted"),
	scoreCapRow("DAC_OVERRIDE DAC_READ_SEARCH FOWNER IPC_OWNER", 1000, "Service cannot override UNIX file/IPC permission checks", "Service may override UNIX file/IPC permission checks"),
	scoreCapRow("KILL", 500, "Service cannot send UNIX signals to arbitrary processes", "Service may send UNIX signals to arbitrary processes"),
	scoreCapRow("NET_BIND_SERVICE NET_BROADCAST NET_RAW", 500, "Service has no elevated networking privileges", "Service has elevated networking privileges"),
	scoreCapRow("SYS_BOOT", 100, "Service cannot issue reboot()", "Service may issue reboot()"),
	scoreCapRow("MAC_ADMIN MAC_OVERRIDE", 100, "Service cannot adjust SMACK MAC", "Service may adjust SMACK MAC"),
	scoreCapRow("LINUX_IMMUTABLE", 75, "Service cannot mark files immutable", "Service may mark files immutable"),
	scoreCapRow("IPC_LOCK", 50, "Service cannot lock memory into RAM", "Service may lock memory into RAM"),
	scoreCapRow("SYS_CHROOT", 50, "Service cannot issue chroot()", "Service may issue chroot()"),
	scoreCapRow("BLOCK_SUSPEND", 25, "Service cannot establish wake locks", "Service may establish wake locks"),
	scoreCapRow("WAKE_ALARM", 25, "Service cannot program timers that wake up the system", "Service may program timers that wake up the system"),
	scoreCapRow("LEASE", 25, "Service cannot create file leases", "Service may create file leases"),
	scoreCapRow("SYS_TTY_CONFIG", 25, "Service cannot issue vhangup()", "Service may issue vhangup()"),
	scoreCapRow("SYS_PACCT", 25, "Service cannot use acct()", "Service may use acct()"),
	scoreCapRow("BPF", 25, "Service cannot load BPF programs", "Service may load BPF programs"),
	{id: "UMask=", directive: "UMask", weight: 100, rng: 10, assess: func(in *sysdSecInfo) (int, string, bool) {
		switch {
		case in.umask&0o002 == 0:
			return 10, "Files created by service are world-writable by default", false
		case in.umask&0o004 == 0:
			return 5, "Files created by service are world-readable by default", false
		case in.umask&0o020 == 0:
			return 2, "Files created by service are group-writable by default", false
		case in.umask&0o040 == 0:
			return 1, "Files created by service are group-readable by default", false
		}
		return 0, "Files created by service are accessible only by service's own user by default", false
	}},
	scoreBoolRow("KeyringMode=", "KeyringMode", 1000, "Service doesn't share key material with other services", "Service shares key material with other service", func(in *sysdSecInfo) bool { return in.keyringMode == "private" }),
	{id: "ProtectProc=", directive: "ProtectProc", weight: 1000, rng: 3,
		good: "Service has restricted access to process tree (/proc hidepid=)", bad: "Service has full access to process tree (/proc hidepid=)",
		assess: func(in *sysdSecInfo) (int, string, bool) {
			switch in.protectProc {
			case "noaccess":
				return 1, "Service has no access to other processes in /proc (hidepid=noaccess)", false
			case "invisible", "ptraceable":
				return 0, "", false
			}
			return 3, "", false
		}},
	scoreBoolRow("ProcSubset=", "ProcSubset", 10, "Service has no access to non-process /proc files (/proc subset=)", "Service has full access to non-process /proc files (/proc subset=)", func(in *sysdSecInfo) bool { return in.procSubset == "pid" }),
	scoreBoolRow("NotifyAccess=", "NotifyAccess", 1000, "Service child processes cannot alter service state", "Service child processes may alter service state", func(in *sysdSecInfo) bool { return in.notifyAccess != "all" }),
	{id: "RemoveIPC=", directive: "RemoveIPC", weight: 100, rng: 1,
		good: "Service user cannot leave SysV IPC objects around", bad: "Service user may leave SysV IPC objects around",
		assess: func(in *sysdSecInfo) (int, string, bool) {
			if in.runsPrivileged() {
				return 0, "Service runs as root, option does not apply", true
			}
			if in.removeIPC {
				return 0, "", false
			}
			return 1, "", false
		}},
	scoreBoolRow("Delegate=", "Delegate", 100, "Service does not maintain its own delegated control group subtree", "Service maintains its own delegated control group subtree", func(in *sysdSecInfo) bool { return !in.delegate }),
	scoreBoolRow("RestrictRealtime=", "RestrictRealtime", 500, "Service realtime scheduling access is restricted", "Service may acquire realtime scheduling", func(in *sysdSecInfo) bool { return in.restrictRealtime }),
	scoreBoolRow("RestrictSUIDSGID=", "RestrictSUIDSGID", 1000, "SUID/SGID file creation by service is restricted", "Service may create SUID/SGID files", func(in *sysdSecInfo) bool { return in.restrictSUID }),
	scoreNSRow("user", 1500, "user"),
	scoreNSRow("mnt", 500, "file system"),
	scoreNSRow("ipc", 500, "IPC"),
	scoreNSRow("pid", 500, "process"),
	scoreNSRow("cgroup", 500, "cgroup"),
	scoreNSRow("net", 500, "network"),
	scoreNSRow("uts", 100, "hostname"),
	scoreAFRow("AF_(INET|INET6)", 1500, "Internet", func(in *sysdSecInfo) bool { return in.afInet }),
	scoreAFRow("AF_UNIX", 25, "local", func(in *sysdSecInfo) bool { return in.afUnix }),
	scoreAFRow("AF_NETLINK", 200, "netlink", func(in *sysdSecInfo) bool { return in.afNetlink }),
	scoreAFRow("AF_PACKET", 1000, "packet", func(in *sysdSecInfo) bool { return in.afPacket }),
	scoreAFRow("…", 1250, "exotic", func(in *sysdSecInfo) bool { return in.afOther }),
	{id: "SystemCallArchitectures=", directive: "SystemCallArchitectures", weight: 1000, rng: 10, assess: func(in *sysdSecInfo) (int, string, bool) {
		switch {
		case len(in.archs) == 0:
			return 10, "Service may execute system calls with all ABIs", false
		case len(in.archs) == 1 && in.archs[0] == "native":
			return 0, "Service may execute system calls only with native ABI", false
		}
		return 8, "Service may execute system calls with multiple ABIs", false
	}},
	scoreSyscallRow("@swap", 1000),
	scoreSyscallRow("@obsolete", 250),
	scoreSyscallRow("@clock", 1000),
	scoreSyscallRow("@cpu-emulation", 250),
	scoreSyscallRow("@debug", 1000),
	scoreSyscallRow("@mount", 1000),
	scoreSyscallRow("@module", 1000),
	scoreSyscallRow("@raw-io", 1000),
	scoreSyscallRow("@reboot", 1000),
	scoreSyscallRow("@privileged", 700),
	scoreSyscallRow("@resources", 700),
	{id: "IPAddressDeny=", directive: "IPAddressDeny", weight: 1000, rng: 10, assess: func(in *sysdSecInfo) (int, string, bool) {
		switch {
		case in.ipCustom:
			return 0, "Service defines custom ingress/egress IP filters with BPF programs", false
		case !in.ipDenyAll:
			return 10, "Service does not define an IP address allow list", false
		case in.ipAllowOther:
			return 5, "Service defines IP address allow list with non-localhost entries", false
		case in.ipAllowLocal:
			return 2, "Service defines IP address allow list with only localhost entries", false
		}
		return 0, "Service blocks all IP address ranges", false
	}},
	{id: "DeviceAllow=", directive: "DevicePolicy", weight: 1000, rng: 10, assess: func(in *sysdSecInfo) (int, string, bool) {
		if in.devicePolicy == "strict" || in.devicePolicy == "closed" {
			if len(in.deviceAllow) > 0 {
				return 5, "Service has a device ACL with some special devices: " + strings.Join(in.deviceAllow, " "), false
			}
			return 0, "Service has a minimal device ACL", false
		}
		return 10, "Service has no device ACL", false
	}},
	scoreBoolRow("AmbientCapabilities=", "AmbientCapabilities", 500, "Service process does not receive ambient capabilities", "Service process receives ambient capabilities", func(in *sysdSecInfo) bool { return in.ambient == 0 }),
}

func scoreDefaultDepsOnly(r scoreRowDef) scoreRowDef {
	r.defaultDepsOnly = true
	return r
}

func sysdEmptyOrRoot(p string) bool { return p == "" || strings.Trim(p, "/") == "" }

// ---------------------------------------------------------------------------
// Reading a service's definitions

// sysdDirValue is what the definitions of one serviceConfig directive (or other
// service option) give.
type sysdDirValue struct {
	defs  []*Definition // active definitions, in merge order
	lines []string      // the unit-file lines they render to
	set   bool
	known bool // every line is known
	cond  bool // some definition applies only under a condition nixsec cannot decide
	maybe bool // not defined here, but may be defined where nixsec cannot see
}

// sysdCondKey identifies a condition node.
type sysdCondKey struct {
	f    *nixast.File
	i    int
	els  bool
	none bool
}

// sysdService is one systemd.services.<name> of a system, with what the
// score and the SYSD rules need to know about it.
type sysdService struct {
	sys    *System
	name   string
	base   []string      // systemd services <name>
	defs   []*Definition // every definition at or below base, source order
	common map[sysdCondKey]bool
	opaque bool // something above serviceConfig.<X> may set anything
	dirs   map[string]*sysdDirValue

	byKey       map[string][]*Definition // active definitions by path below base, joined with \x00, except serviceConfig.<X>
	opaqueKeys  map[string]bool          // paths below base given by opaque expressions ("" = base)
	aboveOpaque bool                     // systemd or systemd.services is given by an opaque expression

	// serviceConfig.<X>, the paths the score reads most, indexed by X
	// (attribute names hold no NUL, so this is byKey["serviceConfig\x00"+X]).
	scDefs map[string][]*Definition
	scDirs map[string]*sysdDirValue
	// scMaybe: base or serviceConfig itself is given by an opaque expression.
	scMaybe bool

	module   bool   // the source defines no script/ExecStart
	typ      string // serviceConfig.Type
	disabled bool   // enable = false

	info     sysdSecInfo
	score    Score
	computed bool // info and score are filled

	anchorDef  *Definition // memo of anchor: every rule's fix asks for it
	anchorDone bool

	nameNode    nixast.Node // memo of nameKey: every finding asks for it
	nameDef     *Definition
	nameKeyDone bool

	// folded collects the gap findings (SYSD-002..013) of a service that
	// SYSD-016 reports as a whole, so an unhardened service gets one
	// finding with every fix instead of a dozen on the same name.
	folded []diagnostics.Finding
}

func (s *sysdService) path(names ...string) []string {
	p := make([]string, 0, len(s.base)+len(names))
	return append(append(p, s.base...), names...)
}

// newSysdService gathers the service's definitions; defs are those at or
// below systemd.services.<name>.
func newSysdService(sys *System, name string, defs []*Definition) *sysdService {
	return newSysdServiceIn(sys, sysdAboveOpaque(sys), name, defs)
}

// sysdAboveOpaque reports whether systemd or systemd.services of sys is
// given by an expression nixsec cannot see into.
func sysdAboveOpaque(sys *System) bool {
	for _, p := range [][]string{{"systemd"}, {"systemd", "services"}} {
		for _, d := range sys.Lookup(p...) {
			if d.Active() && (d.Opaque || d.Value.Kind == Unknown) {
				return true
			}
		}
	}
	return false
}

// newSysdServiceIn is newSysdService with sysdAboveOpaque(sys) computed
// once per system by the caller.
func newSysdServiceIn(sys *System, aboveOpaque bool, name string, defs []*Definition) *sysdService {
	// The maps are made when first written: a system can have hundreds of
	// services, most of which set a few directives.
	s := &sysdService{sys: sys, name: name, base: []string{"systemd", "services", name}, defs: defs, aboveOpaque: aboveOpaque}
	for _, d := range defs {
		if !d.Active() {
			continue
		}
		var k string
		if len(d.Path) == 5 && d.Path[3] == "serviceConfig" {
			if s.scDefs == nil {
				s.scDefs = make(map[string][]*Definition, len(defs))
			}
			s.scDefs[d.Path[4]] = append(s.scDefs[d.Path[4]], d)
			if d.Opaque || d.Value.Kind == Unknown {
				k = d.Path[3] + "\x00" + d.Path[4]
			}
		} else {
			k = strings.Join(d.Path[3:], "\x00")
			if s.byKey == nil {
				s.byKey = map[string][]*Definition{}
			}
			s.byKey[k] = append(s.byKey[k], d)
		}
		// An unknown value (`inherit (cfg) serviceConfig;`, a function
		// argument) may hold anything below its path.
		if d.Opaque || d.Value.Kind == Unknown {
			if s.opaqueKeys == nil {
				s.opaqueKeys = map[string]bool{}
			}
			s.opaqueKeys[k] = true
		}
	}
	s.scMaybe = s.aboveOpaque || s.opaqueKeys[""] || s.opaqueKeys["serviceConfig"]
	// Conditions every definition of the service shares are the service's
	// own (`config = mkIf cfg.enable { systemd.services.x = …; }`): they do
	// not make one directive more uncertain than the others.
	first := true
	for _, d := range defs {
		if !d.Active() {
			continue
		}
		if first {
			first = false
			for _, c := range d.Conditions {
				if c.Holds() == TriUnknown {
					if s.common == nil {
						s.common = map[sysdCondKey]bool{}
					}
					s.common[sysdCondOf(d, c)] = true
				}
			}
			continue
		}
		if len(s.common) == 0 {
			break // nothing left in common
		}
		for k := range s.common {
			held := false
			for _, c := range d.Conditions {
				if c.Holds() == TriUnknown && sysdCondOf(d, c) == k {
					held = true
					break
				}
			}
			if !held {
				delete(s.common, k)
			}
		}
	}
	s.opaque = s.maybeSet("serviceConfig", "\x00")
	s.module = !s.definesProgram()
	if v := s.get("serviceConfig", "Type"); v.set && v.known && len(v.lines) > 0 {
		s.typ = v.lines[len(v.lines)-1]
	}
	if v := s.get("enable"); v.set && v.known && len(v.lines) == 1 && v.lines[0] == "false" {
		s.disabled = true
	}
	return s
}

func sysdCondOf(d *Definition, c Condition) sysdCondKey {
	if !c.Node.Valid() {
		return sysdCondKey{none: true}
	}
	return sysdCondKey{f: c.Node.File(), i: c.Node.Index(), els: c.Else}
}

// definesProgram reports whether the source says what the service runs:
// a script, or an ExecStart that is not the `[ "" … ]` reset used to
// override a packaged unit.
func (s *sysdService) definesProgram() bool {
	// `services.<name>.enable = true` in the same system: the unit is the
	// module's, whatever the source adds to it.
	for _, d := range s.sys.Lookup("services", s.name, "enable") {
		if d.Active() && d.Value.IsBool(true) {
			return false
		}
	}
	for _, d := range s.defs {
		if !d.Active() || len(d.Path) < 4 {
			continue
		}
		switch {
		case d.Path[3] == "script" && len(d.Path) == 4:
			if d.Priority < PriorityPlain || d.Order != 1000 {
				continue // mkForce over a module's script, or mkBefore/mkAfter onto it
			}
			return true
		case d.Path[3] == "serviceConfig" && len(d.Path) == 5 && d.Path[4] == "ExecStart":
			if d.Priority < PriorityPlain {
				continue // mkForce over a module's ExecStart
			}
			if d.Value.Kind == List && len(d.Value.List) > 0 && d.Value.List[0].IsStr("") {
				continue
			}
			return true
		}
	}
	return false
}

// extraCond reports whether d applies only under a condition that the
// service as a whole does not have.
func (s *sysdService) extraCond(d *Definition) bool {
	if d.Status == MaybeOverridden {
		return true
	}
	for _, c := range d.Conditions {
		if c.Holds() == TriUnknown && !s.common[sysdCondOf(d, c)] {
			return true
		}
	}
	return false
}

// maybeSet reports whether base+names may be defined by an expression
// nixsec cannot see into: it, or a set above it, is opaque.
func (s *sysdService) maybeSet(names ...string) bool {
	if s.aboveOpaque {
		return true
	}
	if len(s.opaqueKeys) == 0 {
		return false
	}
	for i := 0; i <= len(names); i++ {
		if s.opaqueKeys[strings.Join(names[:i], "\x00")] {
			return true
		}
	}
	return false
}

// get reads the option at base+names.
func (s *sysdService) get(names ...string) *sysdDirValue {
	if len(names) == 2 && names[0] == "serviceConfig" {
		return s.getSC(names[1])
	}
	key := strings.Join(names, "\x00")
	if v, ok := s.dirs[key]; ok {
		return v
	}
	v := &sysdDirValue{known: true}
	if s.dirs == nil {
		s.dirs = map[string]*sysdDirValue{}
	}
	s.dirs[key] = v
	defs := s.byKey[key]
	if len(defs) == 0 {
		v.maybe = s.maybeSet(names...)
		return v
	}
	s.fill(v, defs)
	return v
}

// getSC is get("serviceConfig", name).
func (s *sysdService) getSC(name string) *sysdDirValue {
	defs := s.scDefs[name]
	if len(defs) == 0 {
		// Most directives of most services are not set: share one
		// read-only value rather than allocate and index one per lookup.
		if s.scMaybe || (len(s.opaqueKeys) > 0 && s.opaqueKeys["serviceConfig\x00"+name]) {
			return sysdMaybeUnset
		}
		return sysdUnset
	}
	if v, ok := s.scDirs[name]; ok {
		return v
	}
	v := &sysdDirValue{known: true}
	if s.scDirs == nil {
		s.scDirs = map[string]*sysdDirValue{}
	}
	s.scDirs[name] = v
	s.fill(v, defs)
	return v
}

// sysdUnset and sysdMaybeUnset are what getSC returns for a directive with
// no definition; nothing may modify them.
var (
	sysdUnset      = &sysdDirValue{known: true}
	sysdMaybeUnset = &sysdDirValue{known: true, maybe: true}
)

// fill merges the definitions of one option into v.
func (s *sysdService) fill(v *sysdDirValue, defs []*Definition) {
	sorted := true
	for i := 1; i < len(defs); i++ {
		if defs[i].Order < defs[i-1].Order {
			sorted = false
			break
		}
	}
	if !sorted {
		defs = append([]*Definition(nil), defs...)
		sort.SliceStable(defs, func(i, j int) bool { return defs[i].Order < defs[j].Order })
	}
	v.defs, v.set = defs, true
	anyList := false
	for _, d := range defs {
		if d.Value.Kind == List {
			anyList = true
		}
		if s.extraCond(d) {
			v.cond = true
		}
	}
	for i, d := range defs {
		ls, ok := sysdUnitLines(d.Value)
		if !ok {
			v.known = false
		}
		if anyList || i == 0 {
			v.lines = append(v.lines, ls...)
			continue
		}
		// Several scalar definitions merge only when they are equal.
		if strings.Join(ls, "\n") != strings.Join(v.lines, "\n") {
			v.known = false
		}
	}
}

// sysdUnitLines renders a serviceConfig value the way NixOS writes it into the
// unit file: a list gives one `Key=value` line per element; true and false
// are written as words.
func sysdUnitLines(v Value) ([]string, bool) {
	if v.Kind == List {
		out := make([]string, 0, len(v.List))
		ok := true
		for _, e := range v.List {
			s, k := sysdUnitScalar(e)
			ok = ok && k
			out = append(out, s)
		}
		return out, ok
	}
	s, ok := sysdUnitScalar(v)
	return []string{s}, ok
}

func sysdUnitScalar(v Value) (string, bool) {
	switch v.Kind {
	case Bool:
		return strconv.FormatBool(v.Bool), true
	case Int:
		return strconv.FormatInt(v.Int, 10), true
	case Float:
		return strconv.FormatFloat(v.Float, 'f', -1, 64), true
	case String, Path:
		return v.Str()
	}
	return "", false
}

// sysdParseBool is systemd's parse_boolean.
func sysdParseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "yes", "y", "true", "t", "on":
		return true, true
	case "0", "no", "n", "false", "f", "off":
		return false, true
	}
	return false, false
}

// ---------------------------------------------------------------------------
// Computing the score

// unknownf records an input the score could not use exactly.
func (s *sysdService) unknownf(format string, args ...any) {
	s.score.Approximate = true
	s.score.Unknown = append(s.score.Unknown, fmt.Sprintf(format, args...))
}

// directive reads serviceConfig.<name>, noting why it is uncertain. ok is
// false when the value cannot be used (then the systemd default applies).
func (s *sysdService) directive(name string) (lines []string, set bool) {
	v := s.get("serviceConfig", name)
	if v.maybe && !s.opaque {
		s.unknownf("%s (may be set where nixsec cannot see)", name)
	}
	if !v.set {
		return nil, false
	}
	if !v.known {
		s.unknownf("%s (value not known statically)", name)
		return nil, false
	}
	if v.cond {
		s.unknownf("%s (set under a condition)", name)
	}
	return v.lines, true
}

// boolDirective reads a boolean directive; extra names non-boolean values
// that also count as true (PrivateTmp=disconnected, PrivateUsers=self …).
func (s *sysdService) boolDirective(name string, def bool, extra ...string) bool {
	lines, ok := s.directive(name)
	if !ok {
		return def
	}
	val := def
	for _, l := range lines {
		if l == "" {
			val = def
			continue
		}
		if b, ok := sysdParseBool(l); ok {
			val = b
			continue
		}
		found := false
		for _, e := range extra {
			if l == e {
				val, found = true, true
			}
		}
		if !found {
			s.unknownf("%s = %q (not a value nixsec knows)", name, l)
			return def
		}
	}
	return val
}

// enumDirective reads a directive whose last line is one of allowed; a
// boolean maps to yes/no when yesNo.
func (s *sysdService) enumDirective(name, def string, yesNo bool, allowed ...string) string {
	lines, ok := s.directive(name)
	if !ok || len(lines) == 0 {
		return def
	}
	l := lines[len(lines)-1]
	if l == "" {
		return def
	}
	if yesNo {
		if b, ok := sysdParseBool(l); ok {
			if b {
				return "yes"
			}
			return "no"
		}
	}
	for _, a := range allowed {
		if l == a {
			return l
		}
	}
	s.unknownf("%s = %q (not a value nixsec knows)", name, l)
	return def
}

// words splits the directive's lines into space-separated items; an empty
// line resets what came before.
func (s *sysdService) words(name string) (items []string, set bool) {
	lines, ok := s.directive(name)
	if !ok {
		return nil, false
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			items = nil
			continue
		}
		items = append(items, strings.Fields(l)...)
	}
	return items, true
}

// confinementDefault applies what `confinement.enable` sets (at mkDefault
// priority, nixos/modules/security/systemd-confinement.nix) when the
// service does not set the directive itself.
func (s *sysdService) confined() (on bool, fullAPIVFS bool) {
	v := s.get("confinement", "enable")
	if !v.set || !v.known || len(v.lines) == 0 || v.lines[len(v.lines)-1] != "true" {
		if v.set && !v.known {
			s.unknownf("confinement.enable (value not known statically)")
		}
		return false, false
	}
	if v.cond {
		s.unknownf("confinement.enable (set under a condition)")
	}
	m := s.get("confinement", "mode")
	mode := "full-apivfs"
	if m.set && m.known && len(m.lines) > 0 {
		mode = m.lines[len(m.lines)-1]
	} else if m.set {
		s.unknownf("confinement.mode (value not known statically)")
	}
	return true, mode == "full-apivfs"
}

// capabilitySet reads a capability directive of the service.
func (s *sysdService) capabilitySet(name string, bounding bool) uint64 {
	lines, ok := s.directive(name)
	if !ok {
		if bounding {
			return sysdCapAll
		}
		return 0
	}
	set, unknown := sysdParseCaps(lines, bounding)
	for _, u := range unknown {
		s.unknownf("%s: unknown capability %q", name, u)
	}
	return set
}

// sysdParseCaps parses capability lines as systemd's
// config_parse_capability_set: "" drops everything, "~" keeps everything,
// "~X" inverts, later lines OR (or AND-NOT) into earlier ones.
func sysdParseCaps(lines []string, bounding bool) (uint64, []string) {
	const unset = ^uint64(0)
	set := uint64(0)
	if bounding {
		set = unset
	}
	var unknown []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		invert := strings.HasPrefix(l, "~")
		l = strings.TrimPrefix(l, "~")
		var sum uint64
		for _, w := range strings.Fields(l) {
			n, ok := sysdCapNumber(w)
			if !ok {
				unknown = append(unknown, w)
				continue
			}
			sum |= 1 << n
		}
		switch {
		case sum == 0 || set == unset || (!bounding && set == 0):
			if invert {
				set = sysdCapAll &^ sum
			} else {
				set = sum
			}
		case invert:
			set &^= sum
		default:
			set |= sum
		}
	}
	if set == unset {
		return sysdCapAll, unknown
	}
	return set, unknown
}

func sysdCapNumber(w string) (uint, bool) {
	u := strings.ToUpper(w)
	u = strings.TrimPrefix(u, "CAP_")
	if n, ok := sysdCapNumbers[u]; ok {
		return n, true
	}
	if n, err := strconv.Atoi(w); err == nil && n >= 0 && n < 64 {
		return uint(n), true
	}
	return 0, false
}

// computeOnce is compute for callers that may share the service.
func (s *sysdService) computeOnce() {
	if !s.computed {
		s.compute()
	}
}

// compute fills s.info and s.score.
func (s *sysdService) compute() {
	s.computed = true
	in := &s.info
	if s.opaque {
		s.score.Partial, s.score.Approximate = true, true
		s.score.Unknown = append(s.score.Unknown, "serviceConfig may be set where nixsec cannot see")
	}
	if s.module {
		s.score.Partial, s.score.Approximate = true, true
		s.score.Unknown = append(s.score.Unknown, "the unit comes from a NixOS module or package; its own settings are not in the source")
	}

	// DefaultDependencies= (unitConfig).
	in.defaultDeps = true
	if v := s.get("unitConfig", "DefaultDependencies"); v.set {
		if v.known && len(v.lines) > 0 {
			if b, ok := sysdParseBool(v.lines[len(v.lines)-1]); ok {
				in.defaultDeps = b
			}
		} else {
			s.unknownf("unitConfig.DefaultDependencies (value not known statically)")
		}
	}

	// Identity.
	if lines, ok := s.directive("User"); ok && len(lines) > 0 {
		in.user = lines[len(lines)-1]
	}
	in.dynamicUser = s.boolDirective("DynamicUser", false)
	if in.dynamicUser && in.user == "" {
		in.user = s.name // systemd names the dynamic user after the unit
	}
	if g, _ := s.words("SupplementaryGroups"); len(g) > 0 {
		in.supplementaryGroups = len(g)
	}

	confined, apivfs := s.confined()
	cdef := func(name string, v bool, extra ...string) bool {
		if confined && !s.get("serviceConfig", name).set {
			return v
		}
		return s.boolDirective(name, false, extra...)
	}
	in.privateDevices = cdef("PrivateDevices", apivfs)
	in.privateMounts = cdef("PrivateMounts", true)
	in.privateNetwork = s.boolDirective("PrivateNetwork", false)
	in.privateTmp = cdef("PrivateTmp", apivfs, "disconnected")
	in.privateUsers = cdef("PrivateUsers", apivfs, "self", "identity", "full")
	in.protectCG = cdef("ProtectControlGroups", apivfs, "private", "strict")
	in.protectModules = cdef("ProtectKernelModules", apivfs)
	in.protectTunables = cdef("ProtectKernelTunables", apivfs)
	in.protectKernelLogs = s.boolDirective("ProtectKernelLogs", false)
	in.protectClock = s.boolDirective("ProtectClock", false)
	in.protectHostname = s.boolDirective("ProtectHostname", false, "private")
	in.protectHome = s.enumDirective("ProtectHome", "no", true, "read-only", "tmpfs")
	in.protectSystem = s.enumDirective("ProtectSystem", "no", true, "full", "strict")
	if lines, ok := s.directive("RootDirectory"); ok && len(lines) > 0 {
		in.rootDirectory = lines[len(lines)-1]
	}
	if confined && in.rootDirectory == "" {
		in.rootDirectory = "/run/confinement/" + s.name
	}
	if lines, ok := s.directive("RootImage"); ok && len(lines) > 0 {
		in.rootImage = lines[len(lines)-1]
	}
	in.lockPersonality = s.boolDirective("LockPersonality", false)
	in.mdwe = s.boolDirective("MemoryDenyWriteExecute", false)
	in.nnp = s.boolDirective("NoNewPrivileges", false)
	in.removeIPC = s.boolDirective("RemoveIPC", false)
	in.restrictRealtime = s.boolDirective("RestrictRealtime", false)
	in.restrictSUID = s.boolDirective("RestrictSUIDSGID", false)
	if lines, ok := s.directive("Delegate"); ok && len(lines) > 0 {
		l := lines[len(lines)-1]
		if b, ok := sysdParseBool(l); ok {
			in.delegate = b
		} else {
			in.delegate = strings.TrimSpace(l) != "" // a list of controllers
		}
	}
	in.keyringMode = s.enumDirective("KeyringMode", "private", false, "private", "shared", "inherit")
	in.notifyAccess = s.enumDirective("NotifyAccess", "none", false, "none", "main", "exec", "all")
	in.protectProc = s.enumDirective("ProtectProc", "default", false, "default", "noaccess", "invisible", "ptraceable")
	in.procSubset = s.enumDirective("ProcSubset", "all", false, "all", "pid")
	in.umask = 0o022
	if lines, ok := s.directive("UMask"); ok && len(lines) > 0 {
		l := strings.TrimSpace(lines[len(lines)-1])
		if m, err := strconv.ParseUint(l, 8, 32); err == nil && m <= 0o777 {
			in.umask = uint32(m)
		} else if l != "" {
			s.unknownf("UMask = %q (not an octal mode)", l)
		}
	}

	// Load-time implications (unit_patch_contexts).
	if in.dynamicUser {
		in.privateTmp = true
		in.removeIPC = true
		in.protectSystem = "strict"
		if in.protectHome == "no" {
			in.protectHome = "read-only"
		}
		in.nnp = true
		in.restrictSUID = true
	}

	in.bounding = s.capabilitySet("CapabilityBoundingSet", true)
	in.ambient = s.capabilitySet("AmbientCapabilities", false)
	if in.privateDevices {
		in.bounding &^= sysdCapMask("MKNOD", "SYS_RAWIO")
	}
	if in.protectModules {
		in.bounding &^= sysdCapMask("SYS_MODULE")
	}
	if in.protectKernelLogs {
		in.bounding &^= sysdCapMask("SYSLOG")
	}
	if in.protectClock {
		in.bounding &^= sysdCapMask("SYS_TIME", "WAKE_ALARM")
	}

	// Devices.
	in.devicePolicy = s.enumDirective("DevicePolicy", "auto", false, "auto", "closed", "strict")
	if lines, ok := s.directive("DeviceAllow"); ok {
		for _, l := range lines {
			if strings.TrimSpace(l) == "" {
				in.deviceAllow = nil
				continue
			}
			in.deviceAllow = append(in.deviceAllow, strings.Join(strings.Fields(l), ":"))
		}
	}
	if in.privateDevices && in.devicePolicy == "auto" {
		in.devicePolicy = "closed"
	}
	if in.devicePolicy != "auto" || len(in.deviceAllow) > 0 {
		if in.rootImage != "" {
			in.deviceAllow = append(in.deviceAllow, "/dev/loop-control:rw", "/dev/mapper/control:rw", "block-loop:rwm", "block-blkext:rwm", "block-device-mapper:rwm")
		}
		if in.protectClock {
			in.deviceAllow = append(in.deviceAllow, "char-rtc:r")
		}
		if s.get("serviceConfig", "LoadCredentialEncrypted").set || s.get("serviceConfig", "SetCredentialEncrypted").set {
			in.deviceAllow = append(in.deviceAllow, "char-tpm:rw")
		}
	}

	// PrivateMounts= as systemd-analyze derives it for a loaded unit (its
	// offline mode, on unit files, does not).
	if scoreDerivePrivateMounts && (in.privateDevices || in.privateTmp || in.protectCG || in.protectTunables || in.protectModules ||
		in.protectHome != "no" || in.protectSystem != "no" || in.rootImage != "") {
		in.privateMounts = true
	}

	s.readNamespaces()
	s.readAddressFamilies()
	s.readSyscalls()
	s.readIPAccess()
	if archs, ok := s.words("SystemCallArchitectures"); ok {
		seen := map[string]bool{}
		for _, a := range archs {
			if !seen[a] {
				seen[a] = true
				in.archs = append(in.archs, a)
			}
		}
	}

	s.assess()
}

func (s *sysdService) readNamespaces() {
	in := &s.info
	in.namespaces = sysdNSAll
	lines, ok := s.directive("RestrictNamespaces")
	if !ok {
		return
	}
	initial := true
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			in.namespaces, initial = sysdNSAll, true
			continue
		}
		if b, ok := sysdParseBool(l); ok {
			if b {
				in.namespaces = 0
			} else {
				in.namespaces = sysdNSAll
			}
			initial = false
			continue
		}
		invert := strings.HasPrefix(l, "~")
		var flags uint64
		for _, w := range strings.Fields(strings.TrimPrefix(l, "~")) {
			f, ok := sysdNSFlags[w]
			if !ok {
				s.unknownf("RestrictNamespaces: unknown namespace type %q", w)
				continue
			}
			flags |= f
		}
		switch {
		case initial && invert:
			in.namespaces = sysdNSAll &^ flags
		case initial:
			in.namespaces = flags
		case invert:
			in.namespaces &^= flags
		default:
			in.namespaces |= flags
		}
		initial = false
	}
}

func (s *sysdService) readAddressFamilies() {
	in := &s.info
	lines, ok := s.directive("RestrictAddressFamilies")
	allow, created := false, false
	listed := map[string]bool{}
	if ok {
		for _, l := range lines {
			l = strings.TrimSpace(l)
			switch l {
			case "":
				listed, allow, created = map[string]bool{}, false, false
				continue
			case "none":
				listed, allow, created = map[string]bool{}, true, true
				continue
			}
			invert := strings.HasPrefix(l, "~")
			if !created {
				allow, created = !invert, true
			}
			for _, w := range strings.Fields(strings.TrimPrefix(l, "~")) {
				if !strings.HasPrefix(w, "AF_") {
					s.unknownf("RestrictAddressFamilies: unknown family %q", w)
					continue
				}
				if !invert == allow {
					listed[w] = true
				} else {
					delete(listed, w)
				}
			}
		}
	}
	// As systemd-analyze reads RestrictAddressFamilies: every category
	// starts as "restricted" in allow-list mode and "allowed" otherwise; a
	// listed family flips its category.
	in.afInet, in.afUnix, in.afNetlink, in.afPacket, in.afOther = allow, allow, allow, allow, allow
	for w := range listed {
		switch w {
		case "AF_INET", "AF_INET6":
			in.afInet = !allow
		case "AF_UNIX":
			in.afUnix = !allow
		case "AF_NETLINK":
			in.afNetlink = !allow
		case "AF_PACKET":
			in.afPacket = !allow
		default:
			in.afOther = !allow
		}
	}
}

func (s *sysdService) readSyscalls() {
	in := &s.info
	in.scSet = map[string]bool{}
	lines, ok := s.directive("SystemCallFilter")
	if !ok {
		return
	}
	for _, u := range sysdParseSyscallFilter(lines, in) {
		s.unknownf("SystemCallFilter: %s", u)
	}
}

// sysdParseSyscallFilter reads SystemCallFilter= lines into in as systemd's
// config_parse_syscall_filter does: the first line chooses allow- or
// deny-list mode, later lines add to or remove from the set, an empty line
// resets it. It returns what it could not interpret.
func sysdParseSyscallFilter(lines []string, in *sysdSecInfo) (unknown []string) {
	in.scSet, in.scAll, in.scAllowList = map[string]bool{}, false, false
	created := false
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			in.scSet, in.scAll, in.scAllowList, created = map[string]bool{}, false, false, false
			continue
		}
		invert := strings.HasPrefix(l, "~")
		if !created {
			in.scAllowList, created = !invert, true
		}
		add := !invert == in.scAllowList
		for _, w := range strings.Fields(strings.TrimPrefix(l, "~")) {
			if i := strings.IndexByte(w, ':'); i >= 0 {
				w = w[:i] // errno or action
			}
			var names []string
			switch {
			case w == "@known":
				if add {
					in.scAll = true
				} else {
					in.scAll, in.scSet = false, map[string]bool{}
				}
				continue
			case strings.HasPrefix(w, "@"):
				g, ok := sysdSyscallGroups[w]
				if !ok {
					unknown = append(unknown, fmt.Sprintf("unknown system call set %q", w))
					continue
				}
				names = g
			default:
				names = []string{w}
			}
			for _, n := range names {
				if add {
					in.scSet[n] = true
				} else {
					delete(in.scSet, n)
					if in.scAll {
						unknown = append(unknown, n+" removed from @known")
					}
				}
			}
		}
	}
	return unknown
}

// sysdOpenSyscallGroups returns the scored system call sets a filter
// leaves open (badness above 0).
func sysdOpenSyscallGroups(in *sysdSecInfo) []string {
	var open []string
	for _, r := range scoreRows {
		if strings.HasPrefix(r.id, "SystemCallFilter=~") {
			if b, _, _ := r.assess(in); b > 0 {
				open = append(open, strings.TrimPrefix(r.id, "SystemCallFilter=~"))
			}
		}
	}
	return open
}

func (s *sysdService) readIPAccess() {
	in := &s.info
	deny, _ := s.words("IPAddressDeny")
	allow, _ := s.words("IPAddressAllow")
	v4, v6 := false, false
	for _, d := range deny {
		switch d {
		case "any":
			v4, v6 = true, true
		case "0.0.0.0/0":
			v4 = true
		case "::/0":
			v6 = true
		}
	}
	in.ipDenyAll = v4 && v6
	for _, a := range allow {
		switch a {
		case "localhost", "127.0.0.0/8", "::1", "::1/128":
			in.ipAllowLocal = true
		default:
			in.ipAllowOther = true
		}
	}
	in.ipCustom = s.get("serviceConfig", "IPIngressFilterPath").set || s.get("serviceConfig", "IPEgressFilterPath").set
}

// scoreDerivePrivateMounts follows `systemd-analyze security NAME` on a
// running system, which counts PrivateMounts= as set when another directive
// implies a mount namespace. The differential test against
// `systemd-analyze security --offline=true` turns it off.
var scoreDerivePrivateMounts = true

func sysdCeilDiv(a, b int) int { return (a + b - 1) / b }

// assess runs the assessor table over s.info.
func (s *sysdService) assess() {
	in := &s.info
	rows := make([]ScoreRow, len(scoreRows))
	badSum, weightSum := 0, 0
	for i, r := range scoreRows {
		row := &rows[i]
		*row = ScoreRow{Name: r.id, Directive: r.directive, Weight: r.weight, Range: r.rng}
		var desc string
		if r.defaultDepsOnly && !in.defaultDeps {
			row.NA, desc = true, "Service runs in special boot phase, option is not appropriate"
		} else {
			row.Badness, desc, row.NA = r.assess(in)
		}
		switch {
		case desc != "":
		case row.NA:
		case row.Badness == 0:
			desc = r.good
		case row.Badness == r.rng:
			desc = r.bad
		}
		row.Description = desc
		if r.id == "DeviceAllow=" && (in.devicePolicy == "closed" || in.devicePolicy == "strict") {
			row.Directive = "DeviceAllow" // the policy is closed: what is left is the allow-list
		}
		if !row.NA {
			badSum += sysdCeilDiv(row.Badness*r.weight, r.rng)
			weightSum += r.weight
		}
	}
	for i := range rows {
		if !rows[i].NA && rows[i].Badness > 0 {
			rows[i].Exposure = sysdCeilDiv(sysdCeilDiv(rows[i].Badness*rows[i].Weight*100, rows[i].Range), weightSum)
		}
	}
	s.score.Rows = rows
	s.score.Exposure = sysdCeilDiv(badSum*100, weightSum)
	s.score.Level = ExposureLevel(s.score.Exposure)
}

// ---------------------------------------------------------------------------
// Public API

// sysdServices returns the services of sys (systemd.services.<name>) with
// their definitions, computing nothing yet.
func sysdServices(sys *System) []*sysdService {
	byName := map[string][]*Definition{}
	var names []string
	for _, d := range sys.Defs {
		if len(d.Path) < 3 || d.Path[0] != "systemd" || d.Path[1] != "services" {
			continue
		}
		n := d.Path[2]
		if _, ok := byName[n]; !ok {
			names = append(names, n)
		}
		byName[n] = append(byName[n], d)
	}
	sort.Strings(names)
	out := make([]*sysdService, 0, len(names))
	above := sysdAboveOpaque(sys)
	for _, n := range names {
		out = append(out, newSysdServiceIn(sys, above, n, byName[n]))
	}
	return out
}

// ScoreService computes the exposure of systemd.services.<name> of sys
// (not of its nested systems: pass the container's System for a service of
// a container). A name the source does not define scores as a unit of a
// module: systemd's defaults, Partial. The work is proportional to the
// system's definitions plus the service's own; ServiceScores does all
// services of a system in one pass.
func ScoreService(sys *System, name string) Score {
	var defs []*Definition
	for _, d := range sys.Defs {
		if len(d.Path) >= 3 && d.Path[0] == "systemd" && d.Path[1] == "services" && d.Path[2] == name {
			defs = append(defs, d)
		}
	}
	s := newSysdService(sys, name, defs)
	s.compute()
	return s.score
}

// ServiceScores scores every systemd.services.<name> of sys (not of its
// nested systems), sorted by name. Services with `enable = false` are left out.
func ServiceScores(sys *System) []ServiceScore {
	var out []ServiceScore
	for _, s := range sysdServices(sys) {
		if s.disabled {
			continue
		}
		s.compute()
		out = append(out, s.serviceScore())
	}
	return out
}

func (s *sysdService) serviceScore() ServiceScore {
	ss := ServiceScore{Name: s.name, System: s.sys, Type: s.typ, Module: s.module, Score: s.score}
	if n, d := s.nameKey(); n.Valid() {
		ss.Location = diagnostics.Location{Path: d.File.Path, Span: n.Span()}
	}
	return ss
}

// nameKey is the attribute name that names the service in the source:
// preferably in the definition that says what the service runs.
func (s *sysdService) nameKey() (nixast.Node, *Definition) {
	if !s.nameKeyDone {
		s.nameNode, s.nameDef = s.findNameKey()
		s.nameKeyDone = true
	}
	return s.nameNode, s.nameDef
}

func (s *sysdService) findNameKey() (nixast.Node, *Definition) {
	var fallback *Definition
	var fallbackNode nixast.Node
	for pass := 0; pass < 2; pass++ {
		for _, d := range s.defs {
			if !d.Active() {
				continue
			}
			runs := len(d.Path) >= 4 && (d.Path[3] == "script" || (len(d.Path) == 5 && d.Path[3] == "serviceConfig" && d.Path[4] == "ExecStart"))
			if pass == 0 && !runs {
				continue
			}
			if n, ok := sysdKeyNode(d, 2); ok {
				return n, d
			}
			if fallback == nil && d.Key.Valid() {
				fallback, fallbackNode = d, d.Key
			}
		}
	}
	return fallbackNode, fallback
}

// sysdKeyNode returns the attribute name node that names d.Path[idx] in the
// source, walking up from d's binding through the sets that enclose it. ok
// is false when d is not written literally under that name (a let-bound
// set merged in, a value built elsewhere).
func sysdKeyNode(d *Definition, idx int) (nixast.Node, bool) {
	b := d.Binding
	end := len(d.Path)
	for b.Valid() {
		var segs []nixast.AttrName
		switch b.Kind() {
		case nixast.KindBinding:
			segs = nixast.AttrPath(b)
		case nixast.KindInherit, nixast.KindInheritFrom:
			if end != len(d.Path) || !d.Key.Valid() {
				return nixast.Node{}, false
			}
			segs = []nixast.AttrName{{Name: d.Path[end-1], Static: true, Node: d.Key}}
		default:
			return nixast.Node{}, false
		}
		start := end - len(segs)
		if start < 0 || len(segs) == 0 {
			return nixast.Node{}, false
		}
		for i, sg := range segs {
			if sg.Static && sg.Name != d.Path[start+i] {
				return nixast.Node{}, false
			}
		}
		if idx >= start {
			return segs[idx-start].Node, true
		}
		end = start
		set := b.Parent()
		if set.Kind() != nixast.KindBindingSet {
			return nixast.Node{}, false
		}
		n := set.Parent()
		if k := n.Kind(); k != nixast.KindAttrset && k != nixast.KindRecAttrset {
			return nixast.Node{}, false // a let's bindings: the set is bound to a name, not an option
		}
		p := n.Parent()
		for p.Valid() && sysdClimbs(p, n) {
			n, p = p, p.Parent()
		}
		if p.Kind() != nixast.KindBinding || n.FieldName() != nixast.FieldExpression {
			return nixast.Node{}, false
		}
		b = p
	}
	return nixast.Node{}, false
}

// sysdClimbs reports whether child n of p passes its value on to p's value:
// `(n)`, `mkIf c n`, `[ n ]` (mkMerge), `a // n`, `if c then n else …`,
// `let … in n`, `with x; n`.
func sysdClimbs(p, n nixast.Node) bool {
	f := n.FieldName()
	switch p.Kind() {
	case nixast.KindParenthesized:
		return true
	case nixast.KindApply:
		return f == nixast.FieldArgument
	case nixast.KindList:
		return f == nixast.FieldElement
	case nixast.KindBinary:
		return p.Child(nixast.FieldOperator).Text() == "//"
	case nixast.KindIf:
		return f == nixast.FieldConsequence || f == nixast.FieldAlternative
	case nixast.KindLet, nixast.KindWith, nixast.KindAssert:
		return f == nixast.FieldBody
	}
	return false
}

// sysdSyscallGroups holds, for systemd's syscall filter sets (src/shared/seccomp-util.c,
// systemd main as of 2026-03), the member system calls that matter to the
// exposure score: every member of the eleven scored sets, and for the other
// sets only their members that are also in a scored set. Nested sets are
// already expanded. @known (every system call) is handled in code.
var sysdSyscallGroups = map[string][]string{
	"@aio":            nil,
	"@basic-io":       nil,
	"@chown":          strings.Fields(`chown chown32 fchown fchown32 fchownat lchown lchown32`),
	"@clock":          strings.Fields(`adjtimex clock_adjtime clock_adjtime64 clock_settime clock_settime64 settimeofday`),
	"@cpu-emulation":  strings.Fields(`modify_ldt subpage_prot switch_endian vm86 vm86old`),
	"@debug":          strings.Fields(`lookup_dcookie perf_event_open pidfd_getfd ptrace rtas s390_runtime_instr sys_debug_setcontext`),
	"@default":        nil,
	"@file-system":    nil,
	"@io-event":       nil,
	"@ipc":            nil,
	"@keyring":        nil,
	"@memlock":        nil,
	"@module":         strings.Fields(`delete_module finit_module init_module`),
	"@mount":          strings.Fields(`chroot fsconfig fsmount fsopen fspick mount mount_setattr move_mount open_tree_attr pivot_root umount umount2`),
	"@network-io":     nil,
	"@obsolete":       strings.Fields(`_sysctl afs_syscall bdflush break create_module ftime get_kernel_syms getpmsg gtty idle lock mpx prof profil putpmsg query_module security sgetmask ssetmask stime stty sysfs tuxcall ulimit uselib ustat vserver`),
	"@pkey":           nil,
	"@privileged":     strings.Fields(`_sysctl acct adjtimex bpf capset chown chown32 chroot clock_adjtime clock_adjtime64 clock_settime clock_settime64 delete_module fanotify_init fanotify_mark fchown fchown32 fchownat finit_module init_module ioperm iopl kexec_file_load kexec_load lchown lchown32 nfsservctl open_by_handle_at pciconfig_iobase pciconfig_read pciconfig_write pivot_root quotactl quotactl_fd reboot s390_pci_mmio_read s390_pci_mmio_write setdomainname setfsuid setfsuid32 setgroups setgroups32 sethostname setresuid setresuid32 setreuid setreuid32 settimeofday setuid setuid32 swapoff swapon vhangup`),
	"@process":        nil,
	"@raw-io":         strings.Fields(`ioperm iopl pciconfig_iobase pciconfig_read pciconfig_write s390_pci_mmio_read s390_pci_mmio_write`),
	"@reboot":         strings.Fields(`kexec_file_load kexec_load reboot`),
	"@resources":      strings.Fields(`ioprio_set mbind migrate_pages move_pages nice sched_setaffinity sched_setattr sched_setparam sched_setscheduler set_mempolicy set_mempolicy_home_node setpriority setrlimit`),
	"@sandbox":        nil,
	"@setuid":         strings.Fields(`setgroups setgroups32 setresuid setresuid32 setreuid setreuid32 setuid setuid32`),
	"@signal":         nil,
	"@swap":           strings.Fields(`swapoff swapon`),
	"@sync":           nil,
	"@system-service": strings.Fields(`capset chown chown32 fchown fchown32 fchownat ioprio_set lchown lchown32 mbind migrate_pages move_pages nice sched_setaffinity sched_setattr sched_setparam sched_setscheduler set_mempolicy set_mempolicy_home_node setfsuid setfsuid32 setgroups setgroups32 setpriority setresuid setresuid32 setreuid setreuid32 setrlimit setuid setuid32`),
	"@timer":          nil,
}
