package analyzer

import (
	"fmt"
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Network services exposed without authentication (catalog D.2,
// NIXSEC-SVC-*). Each check returns issues; the rules report them and
// NIXSEC-FW-001 uses the listeners among them to escalate a disabled
// firewall to critical (catalog Part E).

const nixpkgsModules = "https://github.com/NixOS/nixpkgs/blob/master/nixos/modules/"

var (
	RedisExposed = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SVC-001", Slug: "redis-exposed-no-password", Title: "Redis reachable beyond loopback without a password",
		Category: "Network services", Severity: diagnostics.High, MaxSeverity: diagnostics.Critical,
		Description: "An enabled Redis server (`services.redis.servers.<n>`, or the legacy `services.redis.*` options) listens on TCP beyond loopback " +
			"(`bind = null` or a non-loopback address, also through `settings.bind`) without `requirePass`/`requirePassFile`, and either " +
			"`settings.\"protected-mode\"` is turned off or the bind address is explicit.",
		Why: "Unauthenticated Redis gives anyone who reaches it the data and, through CONFIG SET, MODULE LOAD or replication tricks, code " +
			"execution as the redis user. Critical when the port is also opened in the firewall or the firewall is disabled.",
		Remediation: "Keep `bind = \"127.0.0.1\";` (the default) or bind to a private address, and set " +
			"`requirePassFile = \"/run/secrets/redis-password\";` (never `requirePass`: it lands in the world-readable store). Prefer `unixSocket` with `unixSocketPerm = 660`.",
		FixClass:   diagnostics.FixSuggest,
		References: []string{nixpkgsModules + "services/databases/redis.nix", "https://redis.io/docs/latest/operate/oss_and_stack/management/security/", "https://cisofy.com/lynis/controls/DBS-1884/"},
		CWE:        []int{306, 668},
		Bad:        "services.redis.servers.cache = {\n  enable = true;\n  port = 6379;\n  bind = \"0.0.0.0\";\n};",
		Good:       "services.redis.servers.cache = {\n  enable = true;\n  port = 6379;\n  bind = \"10.0.0.5\";\n  requirePassFile = \"/run/secrets/redis\";\n};",
		FalsePositives: "From the Redis sources: while no password is set, protected mode (on by default) refuses non-loopback clients when no " +
			"`bind` is configured (all versions) and, since Redis 7, whatever the bind address. So `bind = null` alone is not reported, " +
			"and an explicit non-loopback bind with protected mode left on is reported as possible (it is open on Redis 6 and older). " +
			"Named servers default to `port = 0` (no TCP listener) and are not reported unless they set a port. Redis inside a container with a private network, and in test VMs, is not reported.",
	}}

	PostgresWeakAuth = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SVC-002", Slug: "postgresql-trust-auth", Title: "PostgreSQL trust / cleartext auth or wide network access",
		Category: "Network services", Severity: diagnostics.Medium, MaxSeverity: diagnostics.Critical,
		Description: "A line of `services.postgresql.authentication` (pg_hba.conf) uses the `trust` method, the cleartext `password` method over TCP, " +
			"or accepts password logins from any address (`all`, `0.0.0.0/0`, `::/0`) or without TLS (`hostnossl`) while PostgreSQL listens beyond " +
			"loopback (`enableTCPIP = true` or `settings.listen_addresses`).",
		Why: "`trust` lets any matching client log in as any role, the superuser included, without a credential; with superuser rights " +
			"`COPY … PROGRAM` runs commands as the postgres user. `local … trust` hands this to every local user, `host … trust` on a wide " +
			"address to the network. `password` sends passwords in clear text.",
		Remediation: "Use `peer` for local connections and `scram-sha-256` for host lines, restrict addresses (`host all all 10.0.0.0/24 scram-sha-256`), " +
			"prefer `hostssl`, and keep `enableTCPIP = false` unless remote clients need it. NixOS already appends `local all all peer` and loopback rules.",
		FixClass:   diagnostics.FixSuggest,
		References: []string{nixpkgsModules + "services/databases/postgresql.nix", "https://www.postgresql.org/docs/current/auth-pg-hba-conf.html", "https://cisofy.com/lynis/controls/DBS-1826/"},
		CWE:        []int{287, 306},
		Bad:        "services.postgresql = {\n  enable = true;\n  enableTCPIP = true;\n  authentication = ''\n    host all all 0.0.0.0/0 trust\n  '';\n};",
		Good:       "services.postgresql = {\n  enable = true;\n  enableTCPIP = true;\n  authentication = ''\n    hostssl all all 10.0.0.0/24 scram-sha-256\n  '';\n};",
		FalsePositives: "Severity: critical for `trust` on a non-loopback address while PostgreSQL listens beyond loopback; high for `local … trust` " +
			"and loopback `trust`; medium for cleartext `password`, `hostnossl` and any-address password logins over TCP. Throwaway databases " +
			"in NixOS test VMs are not reported. Lines with unresolved interpolations are judged on their known parts only.",
	}}

	MySQLExposed = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SVC-003", Slug: "mysql-exposed", Title: "MySQL/MariaDB on all interfaces or without grant checks",
		Category: "Network services", Severity: diagnostics.Medium, MaxSeverity: diagnostics.Critical,
		Description: "`services.mysql.settings.mysqld.\"skip-grant-tables\"` is set, or `services.mysql.settings.mysqld.\"bind-address\"` is a wildcard " +
			"(`0.0.0.0`, `*`, `::`), or it is unset (MariaDB and MySQL listen on all interfaces by default) while the MySQL port is opened in the firewall.",
		Why:         "`skip-grant-tables` disables authentication entirely; a database on all interfaces invites remote brute force and exploitation.",
		Remediation: "Set `services.mysql.settings.mysqld.\"bind-address\" = \"127.0.0.1\";` (or `skip-networking = true;` when only socket clients exist) and remove `skip-grant-tables`.",
		FixClass:    diagnostics.FixSuggest,
		References:  []string{nixpkgsModules + "services/databases/mysql.nix", "https://mariadb.com/kb/en/server-system-variables/#bind_address", "https://cisofy.com/lynis/controls/DBS-1804/"},
		CWE:         []int{306, 668},
		Bad:         "services.mysql = {\n  enable = true;\n  settings.mysqld.\"bind-address\" = \"0.0.0.0\";\n};",
		Good:        "services.mysql = {\n  enable = true;\n  settings.mysqld.\"bind-address\" = \"127.0.0.1\";\n};",
		FalsePositives: "Replication peers on a private network with an interface-scoped firewall rule. Severity: critical for `skip-grant-tables`, high for " +
			"all interfaces with the port open, critical with the firewall disabled, medium otherwise.",
	}}

	MongoExposed = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SVC-004", Slug: "mongodb-exposed-no-auth", Title: "MongoDB beyond loopback without authentication",
		Category: "Network services", Severity: diagnostics.High, MaxSeverity: diagnostics.Critical,
		Description:    "`services.mongodb.bind_ip` holds a non-loopback address (`0.0.0.0`, `::`, a LAN address) while `services.mongodb.enableAuth` is not `true`.",
		Why:            "MongoDB without authorization gives every client full read/write access; open instances are routinely wiped and ransomed.",
		Remediation:    "Set `services.mongodb.enableAuth = true;` with `initialRootPasswordFile = \"/run/secrets/mongo-root\";`, and `bind_ip = \"127.0.0.1\";` unless remote clients need it.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{nixpkgsModules + "services/databases/mongodb.nix", "https://www.mongodb.com/docs/manual/administration/security-checklist/", "https://cisofy.com/lynis/controls/DBS-1818/"},
		CWE:            []int{306, 668},
		Bad:            "services.mongodb = {\n  enable = true;\n  bind_ip = \"0.0.0.0\";\n};",
		Good:           "services.mongodb = {\n  enable = true;\n  bind_ip = \"127.0.0.1\";\n  enableAuth = true;\n  initialRootPasswordFile = \"/run/secrets/mongo-root\";\n};",
		FalsePositives: "MongoDB inside a container with a private network or a test VM is not reported; authorization enabled through `extraConfig` is honoured. Critical when port 27017 is opened or the firewall is disabled.",
	}}

	ServiceAllInterfaces = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SVC-005", Slug: "unauthenticated-service-all-interfaces", Title: "Other unauthenticated-by-default services bound to all interfaces",
		Category: "Network services", Severity: diagnostics.Medium, MaxSeverity: diagnostics.Critical,
		Description: "A service without authentication by default is set to listen on all interfaces: `services.memcached.listen`, " +
			"`services.elasticsearch.listenAddress`, `services.opensearch.settings.\"network.host\"`, `services.ollama.host`, " +
			"`services.prometheus.listenAddress`, `services.prometheus.exporters.<e>.listenAddress`, `services.etcd.listenClientUrls` (plain http) " +
			"set to `0.0.0.0`/`::`/`*`; InfluxDB 1.x (`services.influxdb`) without `extraConfig.http.auth-enabled = true` (its defaults listen on :8086 " +
			"without authentication); or Grafana anonymous access with the `Admin` or `Editor` role.",
		Why: "These daemons expose read/write APIs without authentication; an all-interfaces bind is one firewall mistake away from internet exposure.",
		Remediation: "Bind to `127.0.0.1` (or the VPN address) and put an authenticating reverse proxy in front; for Grafana anonymous access use " +
			"`org_role = \"Viewer\"` or disable it.",
		FixClass:   diagnostics.FixSuggest,
		References: []string{nixpkgsModules + "services/databases/memcached.nix", nixpkgsModules + "services/misc/ollama.nix", nixpkgsModules + "services/monitoring/grafana.nix", "https://cisofy.com/lynis/controls/DBS-1888/"},
		CWE:        []int{306, 668},
		Bad:        "services.ollama = {\n  enable = true;\n  host = \"0.0.0.0\";\n};",
		Good:       "services.ollama = {\n  enable = true;\n  host = \"127.0.0.1\";\n};",
		FalsePositives: "Services meant for a private cluster network. Only explicit settings are reported: module defaults that already listen " +
			"everywhere (e.g. Prometheus and exporters default to 0.0.0.0) are not, except InfluxDB 1.x, whose defaults also disable authentication. High when the port is opened, critical when the firewall is disabled.",
	}}

	NFSExportsWeak = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SVC-006", Slug: "nfs-export-no-root-squash", Title: "NFS exports with root squashing disabled or world access",
		Category: "Network services", Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "A line of `services.nfs.server.exports` exports with `no_root_squash`, gives `rw` to the world (`*`, `0.0.0.0/0`, or options " +
			"separated from the host by a space, which applies them to everyone), or uses `insecure`.",
		Why: "`no_root_squash` lets a client's root create root-owned setuid files on the export; a world-writable export can be read and " +
			"tampered with by anyone who reaches the server; `insecure` accepts requests from unprivileged source ports.",
		Remediation:    "Drop `no_root_squash`, list specific hosts or subnets (`/srv 192.168.1.0/24(rw,sync)` with no space before the parenthesis), prefer `sec=krb5p`.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{nixpkgsModules + "services/network-filesystems/nfsd.nix", "https://man7.org/linux/man-pages/man5/exports.5.html", "https://cisofy.com/lynis/controls/STRG-1926/"},
		CWE:            []int{732, 284},
		Bad:            "services.nfs.server = {\n  enable = true;\n  exports = ''\n    /srv *(rw,no_root_squash)\n  '';\n};",
		Good:           "services.nfs.server = {\n  enable = true;\n  exports = ''\n    /srv 192.168.1.0/24(rw,sync,root_squash)\n  '';\n};",
		FalsePositives: "Diskless-boot setups that need root on a dedicated network. Severity: high for `no_root_squash` and world `rw`, medium for `insecure`.",
	}}

	SambaGuestWritable = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SVC-007", Slug: "samba-guest-writable", Title: "Samba guest-writable shares",
		Category: "Network services", Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "A share of `services.samba.settings.<share>` (or the legacy `services.samba.shares.<share>`) allows guests (`\"guest ok\" = \"yes\"` " +
			"or `public = \"yes\"`) and writing (`\"read only\" = \"no\"` or `writable = \"yes\"`); or `\"server min protocol\"` allows SMB1.",
		Why:            "Anonymous write access over SMB lets anyone on the network plant or destroy files; SMB1 is exploitable (EternalBlue class).",
		Remediation:    "Set `\"guest ok\" = \"no\";` with `\"valid users\" = \"@smbusers\";`, and `\"server min protocol\" = \"SMB3\";` (or at least SMB2).",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{nixpkgsModules + "services/network-filesystems/samba.nix", "https://www.samba.org/samba/docs/current/man-html/smb.conf.5.html"},
		CWE:            []int{284, 306},
		Bad:            "services.samba.enable = true;\nservices.samba.settings.public = {\n  path = \"/srv/public\";\n  \"guest ok\" = \"yes\";\n  \"read only\" = \"no\";\n};",
		Good:           "services.samba.enable = true;\nservices.samba.settings.public = {\n  path = \"/srv/public\";\n  \"guest ok\" = \"no\";\n  \"valid users\" = \"@smbusers\";\n  \"read only\" = \"no\";\n};",
		FalsePositives: "Kiosk or LAN drop boxes that are public on purpose. Shares configured through `extraConfig` text are not parsed. High when SMB is opened in the firewall on all interfaces, unless `\"hosts allow\"` restricts the clients.",
	}}

	CupsBrowsed = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SVC-008", Slug: "cups-remote-browsing", Title: "CUPS remote browsing / cups-browsed enabled",
		Category: "Network services", Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "With `services.printing.enable`, cups-browsed is switched on explicitly (`services.printing.browsed.enable = true`), " +
			"`services.printing.browsing = true`, or `services.printing.listenAddresses` listens on all interfaces.",
		Why: "cups-browsed adds printers that other machines announce; it was the entry point of the 2024 unauthenticated remote code " +
			"execution chain (CVE-2024-47176 with the libcupsfilters/libppd/cups-filters CVEs). Remote browsing and wildcard listeners widen " +
			"the CUPS attack surface. High when `browsedConf` re-enables the legacy CUPS browse protocol (UDP 631) or port 631 is opened.",
		Remediation: "Set `services.printing.browsed.enable = false;` and keep the default `listenAddresses = [ \"localhost:631\" ]`.",
		FixClass:    diagnostics.FixAuto,
		References:  []string{nixpkgsModules + "services/printing/cupsd.nix", "https://github.com/NixOS/nixpkgs/pull/347168", "https://discourse.nixos.org/t/cups-cups-filters-and-libppd-security-issues/52780", "https://nvd.nist.gov/vuln/detail/CVE-2024-47176"},
		CWE:         []int{1188},
		Bad:         "services.printing = {\n  enable = true;\n  browsed.enable = true;\n};",
		Good:        "services.printing = {\n  enable = true;\n  browsed.enable = false;\n};",
		FalsePositives: "cups-browsed also runs by default when `services.avahi.enable = true`; that default is not reported: NixOS ships no " +
			"cups-browsed.conf, so remote protocols fall back to DNS-SD only, and nixpkgs removed the legacy CUPS browsing support and the UDP 631 " +
			"firewall opening (nixpkgs PR #347168). Print servers on isolated networks running patched versions.",
	}}

	AvahiPublishing = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SVC-009", Slug: "avahi-publishing-server", Title: "mDNS/Avahi publishing on servers",
		Category: "Network services", Severity: diagnostics.Info, MaxSeverity: diagnostics.Info,
		Description: "`services.avahi.publish.enable = true` with `services.avahi.openFirewall` left at its default `true` and no `allowInterfaces`, " +
			"on a host that also runs server roles (web servers, databases, file sharing).",
		Why:            "Avahi advertises the host and its services on every local link and adds a multicast parser to the network surface.",
		Remediation:    "Set `services.avahi.openFirewall = false;` or restrict `services.avahi.allowInterfaces`; turn publishing off on servers.",
		FixClass:       diagnostics.FixSuggest,
		References:     []string{nixpkgsModules + "services/networking/avahi-daemon.nix"},
		CWE:            []int{200},
		Bad:            "services.nginx.enable = true;\nservices.avahi = {\n  enable = true;\n  publish.enable = true;\n};",
		Good:           "services.avahi = {\n  enable = true;\n  publish.enable = true;\n  allowInterfaces = [ \"lan0\" ];\n};",
		FalsePositives: "Desktops and printers rely on discovery; they are not reported unless they also run server roles.",
	}}
)

func init() {
	RedisExposed.Run = func(p *Pass) { nwReportIssues(p, nwRedisIssues) }
	PostgresWeakAuth.Run = func(p *Pass) { nwReportIssues(p, nwPostgresIssues) }
	MySQLExposed.Run = func(p *Pass) { nwReportIssues(p, nwMySQLIssues) }
	MongoExposed.Run = func(p *Pass) { nwReportIssues(p, nwMongoIssues) }
	ServiceAllInterfaces.Run = func(p *Pass) { nwReportIssues(p, nwOtherServiceIssues) }
	NFSExportsWeak.Run = func(p *Pass) { nwReportIssues(p, nwNFSIssues) }
	SambaGuestWritable.Run = func(p *Pass) { nwReportIssues(p, nwSambaIssues) }
	CupsBrowsed.Run = func(p *Pass) { nwReportIssues(p, nwCupsIssues) }
	AvahiPublishing.Run = func(p *Pass) { nwReportIssues(p, nwAvahiIssues) }
	Register(RedisExposed, PostgresWeakAuth, MySQLExposed, MongoExposed, ServiceAllInterfaces,
		NFSExportsWeak, SambaGuestWritable, CupsBrowsed, AvahiPublishing)
}

// nwIssue is one problem a service check found.
type nwIssue struct {
	def      *Definition // the definition the finding is about
	node     nixast.Node // a narrower node (list element), optional
	span     *nixast.Span
	spanPath string
	sev      diagnostics.Severity
	msg      string
	possible bool
	deps     []*Definition // enable switches the finding depends on
	related  []diagnostics.Related
	fixes    []diagnostics.Fix
	// listener is set for a service answering beyond loopback without
	// authentication: NIXSEC-FW-001 escalates on it.
	listener string
}

// nwServiceSystems are the systems whose services are judged: not test
// VMs, not container guests with their own network namespace.
func nwServiceSystems(p *Pass) []*System {
	var out []*System
	for _, s := range p.Systems() {
		if nwServer(s) && !nwIsolatedGuest(s) {
			out = append(out, s)
		}
	}
	return out
}

func nwReportIssues(p *Pass, check func(*System) []nwIssue) {
	for _, s := range nwServiceSystems(p) {
		for _, is := range check(s) {
			f := nwFinding(p, is.def, "%s", is.msg)
			if is.node.Valid() {
				f = At(f, is.node)
			}
			if is.span != nil {
				f = nwAtSpan(f, is.spanPath, *is.span)
			}
			if is.sev > f.Severity {
				f.Severity = is.sev
			}
			if is.possible {
				f.Confidence = diagnostics.Possible
			}
			nwWeaken(&f, is.deps...)
			f.Related = append(f.Related, is.related...)
			f.Fixes = append(f.Fixes, is.fixes...)
			p.Report(f)
		}
	}
}

// nwHost is the system whose firewall protects s: the host for a container
// guest sharing the host's network, s itself otherwise.
func nwHost(s *System) *System {
	if s.Context == NixOSContainer && s.Parent != nil && !nwIsolatedGuest(s) {
		return s.Parent
	}
	return s
}

// nwReach says how reachable a port of s is: the firewall is off
// (critical), the port is opened (high), or neither.
type nwReach struct {
	fwOff   *Definition
	open    *Definition
	openAt  nixast.Node
	openWhy string
}

func nwReachability(s *System, proto string, port int64, openSwitch *Definition) nwReach {
	var r nwReach
	// A guest sharing the host's network is filtered by the host's
	// firewall, whatever its own says.
	r.fwOff = nwFirewallOff(nwHost(s))
	for _, sys := range nwUniqSystems(s, nwHost(s)) {
		if port > 0 && r.open == nil {
			if d, el, ok := nwPortOpen(sys, proto, port); ok {
				r.open, r.openAt, r.openWhy = d, el, fmt.Sprintf("port %d is opened here", port)
			}
		}
	}
	if r.open == nil && openSwitch != nil {
		r.open, r.openAt, r.openWhy = openSwitch, openSwitch.Node, openSwitch.PathString()+" opens the port on every interface"
	}
	return r
}

func nwUniqSystems(a, b *System) []*System {
	if a == b {
		return []*System{a}
	}
	return []*System{a, b}
}

// apply raises an exposure issue by reachability: high when opened,
// critical when the firewall is off; base is the severity otherwise.
func (r nwReach) apply(is *nwIssue, base, opened, off diagnostics.Severity) {
	is.sev = base
	switch {
	case r.fwOff != nil:
		is.sev = off
		is.msg += "; the firewall is disabled"
		is.related = append(is.related, nwRelated(r.fwOff, "the firewall is disabled here"))
	case r.open != nil:
		is.sev = opened
		is.msg += "; " + r.openWhy
		if r.openAt.Valid() {
			is.related = append(is.related, nwRelatedNode(r.openAt, "%s", r.openWhy))
		}
	}
}

// nwStr returns the known string of a definition's value.
func nwStr(d *Definition) (string, bool) {
	if d == nil || d.Value.Kind != String {
		return "", false
	}
	return d.Value.Str()
}

// nwTruthy reads yes/no style values (Nix bool or string).
func nwTruthy(v Value) (bool, bool) {
	if v.Kind == Bool {
		return v.Bool, true
	}
	if v.Kind == Int {
		return v.Int != 0, true
	}
	t, ok := v.Str()
	if !ok || v.Kind != String {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "yes", "true", "1", "on":
		return true, true
	case "no", "false", "0", "off":
		return false, true
	}
	return false, false
}

// nwBoolLiteral replaces a yes/no value keeping its kind (bool or string).
func nwBoolLiteral(d *Definition, val bool) string {
	if d.Value.Kind == Bool {
		if val {
			return "true"
		}
		return "false"
	}
	if val {
		return `"yes"`
	}
	return `"no"`
}

func nwP(path string) []string { return SplitPath(path) }

// ---------------------------------------------------------------------------
// Redis

type nwRedisServer struct {
	name         string
	enable       nwState
	enableDef    *Definition
	portZero     bool
	port         int64
	portText     string
	binds        []*Definition
	hasPassword  bool
	protectedOff *Definition
	openFirewall *Definition
}

func nwRedisServers(s *System) []nwRedisServer {
	names := s.Names("services.redis.servers.*")
	legacy := false
	for _, d := range s.Match("services.redis") {
		if len(d.Path) >= 3 && d.Path[2] != "servers" && d.Path[2] != "package" && d.Path[2] != "vmOverCommit" {
			legacy = true
		}
	}
	if legacy {
		has := false
		for _, n := range names {
			has = has || n == ""
		}
		if !has {
			names = append([]string{""}, names...)
		}
	}
	var out []nwRedisServer
	for _, n := range names {
		paths := [][]string{{"services", "redis", "servers", n}}
		if n == "" {
			paths = append(paths, []string{"services", "redis"})
		}
		defs := func(opt ...string) []*Definition {
			var out []*Definition
			for _, b := range paths {
				out = append(out, s.Effective(append(append([]string(nil), b...), opt...)...)...)
			}
			return out
		}
		maybe := func(opt ...string) bool {
			for _, b := range paths {
				if s.MaybeSet(append(append([]string(nil), b...), opt...)...) {
					return true
				}
			}
			return false
		}
		srv := nwRedisServer{name: n}
		for _, b := range paths {
			st, d := nwBool(s, append(append([]string(nil), b...), "enable")...)
			if st > srv.enable {
				srv.enable, srv.enableDef = st, d
			}
		}
		srv.port, srv.portText = 0, "0"
		if n == "" {
			srv.port, srv.portText = 6379, "6379"
		}
		if ps := defs("port"); len(ps) > 0 {
			d := ps[len(ps)-1]
			if d.Value.Kind == Int {
				srv.port, srv.portText = d.Value.Int, fmt.Sprint(d.Value.Int)
			} else {
				srv.port, srv.portText = -1, "?"
			}
		}
		srv.portZero = srv.port == 0
		srv.binds = append(defs("bind"), defs("settings", "bind")...)
		for _, opt := range [][]string{{"requirePass"}, {"requirePassFile"}, {"settings", "requirepass"}, {"settings", "aclfile"}, {"settings", "user"}} {
			for _, d := range defs(opt...) {
				if d.Value.Kind != Null {
					srv.hasPassword = true
				}
			}
			if maybe(opt...) && len(defs(opt...)) == 0 {
				srv.hasPassword = true
			}
		}
		for _, d := range defs("settings", "protected-mode") {
			if on, ok := nwTruthy(d.Value); ok && !on {
				srv.protectedOff = d
			}
		}
		for _, d := range defs("openFirewall") {
			if d.Value.IsBool(true) {
				srv.openFirewall = d
			}
		}
		out = append(out, srv)
	}
	return out
}

func nwRedisIssues(s *System) []nwIssue {
	var out []nwIssue
	for _, srv := range nwRedisServers(s) {
		if srv.enable == nwNo || srv.portZero || srv.hasPassword {
			continue
		}
		label := "services.redis.servers." + JoinPath([]string{srv.name})
		if srv.name == "" {
			label = `services.redis.servers.""`
		}
		for _, b := range srv.binds {
			var what string
			explicit := false
			switch b.Value.Kind {
			case Null:
				what = "all interfaces (bind = null)"
			case String:
				t, ok := b.Value.Str()
				if !ok {
					continue
				}
				exposed := false
				for _, a := range strings.Fields(t) {
					if !nwLoopback(a) {
						exposed = true
					}
				}
				if !exposed {
					continue
				}
				what, explicit = fmt.Sprintf("%q", t), true
			default:
				continue
			}
			if srv.protectedOff == nil && !explicit {
				continue // protected mode refuses remote clients
			}
			is := nwIssue{def: b, deps: []*Definition{srv.enableDef}}
			if srv.protectedOff != nil {
				is.msg = fmt.Sprintf("Redis server %s listens on %s (port %s) with protected mode off and no password: anyone who reaches it can read and write data and run commands", label, what, srv.portText)
				is.related = append(is.related, nwRelated(srv.protectedOff, "protected mode is turned off here"))
				is.listener = "Redis listens beyond loopback without a password"
				r := nwReachability(s, "TCP", srv.port, srv.openFirewall)
				r.apply(&is, diagnostics.High, diagnostics.Critical, diagnostics.Critical)
			} else {
				is.msg = fmt.Sprintf("Redis server %s listens on %s (port %s) without a password: only protected mode (Redis 7 and later) keeps remote clients out", label, what, srv.portText)
				is.possible = true
				is.sev = diagnostics.High
				is.listener = "Redis listens beyond loopback without a password"
			}
			if fix, ok := ReplaceValue(b, `"127.0.0.1"`, "Bind Redis to loopback", false); ok {
				is.fixes = append(is.fixes, fix)
			}
			out = append(out, is)
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// PostgreSQL

// pgListen says whether PostgreSQL listens beyond loopback.
func nwPgListens(s *System) (nwState, *Definition) {
	st, d := nwBool(s, "services", "postgresql", "enableTCPIP")
	for _, l := range s.Effective("services", "postgresql", "settings", "listen_addresses") {
		t, ok := nwStr(l)
		if !ok {
			if st == nwNo {
				st, d = nwMaybe, l
			}
			continue
		}
		wide := false
		for _, a := range strings.Split(t, ",") {
			if a = strings.TrimSpace(a); a != "" && !nwLoopback(a) {
				wide = true
			}
		}
		if wide {
			if l.Confidence() == diagnostics.Definite {
				return nwYes, l
			}
			st, d = nwMaybe, l
		} else if l.Priority < PriorityPlain || st != nwYes {
			st, d = nwNo, nil
		}
	}
	return st, d
}

// pgHBA is one parsed pg_hba line.
type pgHBA struct {
	typ, addr, method string
	methodOff         int // decoded offset of the method field
	start, end        int // decoded range of the line
}

func parsePgHBA(t nwText) []pgHBA {
	var out []pgHBA
	for _, l := range t.lines() {
		a, b := nwTrimmed(l, '#')
		if a >= b {
			continue
		}
		fs := nwFields(t.text[a:b], a)
		if len(fs) < 4 {
			continue
		}
		h := pgHBA{typ: fs[0].text, start: a, end: b}
		switch h.typ {
		case "local":
			h.method, h.methodOff = fs[3].text, fs[3].off
		case "host", "hostssl", "hostnossl", "hostgssenc", "hostnogssenc":
			if len(fs) < 5 {
				continue
			}
			h.addr = fs[3].text
			h.method, h.methodOff = fs[4].text, fs[4].off
			if !strings.Contains(h.addr, "/") && len(fs) >= 6 && strings.Count(fs[4].text, ".") == 3 && nwDigitStart(fs[4].text) {
				h.addr += "/" + fs[4].text
				h.method, h.methodOff = fs[5].text, fs[5].off
			}
		default:
			continue
		}
		out = append(out, h)
	}
	return out
}

func nwDigitStart(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// pgAddrClass: "loopback", "any" (covers every address, loopback included),
// or "net" (some other network or host).
func pgAddrClass(a string) string {
	a = strings.Trim(strings.ToLower(a), `"`)
	switch {
	case a == "all" || a == "0.0.0.0/0" || a == "::/0" || a == "0.0.0.0/0.0.0.0":
		return "any"
	case a == "samehost" || a == "localhost" || strings.HasPrefix(a, "127.") || a == "::1/128" || a == "::1" || strings.HasPrefix(a, "::1/"):
		return "loopback"
	}
	return "net"
}

func nwPostgresIssues(s *System) []nwIssue {
	en, enDef := nwBool(s, "services", "postgresql", "enable")
	if en == nwNo {
		return nil
	}
	listen, listenDef := nwPgListens(s)
	var out []nwIssue
	for _, d := range s.Effective("services", "postgresql", "authentication") {
		t, ok := nwDecode(d)
		if !ok {
			continue
		}
		src := nwSrc(d, t)
		for _, h := range parsePgHBA(t) {
			if strings.Contains(h.method, "\x00") || strings.Contains(h.addr, "\x00") {
				continue
			}
			class := pgAddrClass(h.addr)
			line := strings.TrimSpace(t.text[h.start:h.end])
			is := nwIssue{def: d, deps: []*Definition{enDef}}
			sp := t.span(h.start, h.end)
			is.span, is.spanPath = &sp, t.path
			fixTo := ""
			switch {
			case h.method == "trust" && h.typ == "local":
				is.sev = diagnostics.High
				is.msg = fmt.Sprintf("services.postgresql.authentication line %s trusts local connections: every local user can log in as any role, including the superuser", fmtQuote(line))
				fixTo = "peer"
			case h.method == "trust" && class == "loopback":
				is.sev = diagnostics.High
				is.msg = fmt.Sprintf("services.postgresql.authentication line %s trusts loopback connections: every local user can log in as any role, including the superuser", fmtQuote(line))
				fixTo = "scram-sha-256"
			case h.method == "trust" && listen != nwNo:
				is.sev = diagnostics.Critical
				is.possible = listen == nwMaybe
				is.msg = fmt.Sprintf("services.postgresql.authentication line %s trusts connections from %s while PostgreSQL listens beyond loopback: anyone who reaches it can log in as the superuser", fmtQuote(line), h.addr)
				is.listener = "PostgreSQL trusts network clients"
			case h.method == "trust" && class == "any":
				is.sev = diagnostics.High
				is.msg = fmt.Sprintf("services.postgresql.authentication line %s trusts every address: local users can log in as any role over loopback, and anyone once TCP/IP is enabled", fmtQuote(line))
			case h.method == "password" && h.typ != "local" && class != "loopback" && listen != nwNo:
				is.sev = diagnostics.Medium
				is.possible = listen == nwMaybe
				is.msg = fmt.Sprintf("services.postgresql.authentication line %s uses the cleartext password method over the network", fmtQuote(line))
				if class == "net" && h.typ != "hostnossl" {
					fixTo = "scram-sha-256"
				}
			case h.typ == "hostnossl" && class != "loopback" && listen != nwNo && h.method != "reject":
				is.sev = diagnostics.Medium
				is.possible = listen == nwMaybe
				is.msg = fmt.Sprintf("services.postgresql.authentication line %s accepts logins without TLS from %s", fmtQuote(line), h.addr)
			case (h.typ == "host" || h.typ == "hostssl") && class == "any" && listen != nwNo && h.method != "reject":
				is.sev = diagnostics.Medium
				is.possible = listen == nwMaybe
				is.msg = fmt.Sprintf("services.postgresql.authentication line %s accepts password logins from any address", fmtQuote(line))
			default:
				continue
			}
			if listenDef != nil && listen != nwNo && class != "loopback" && h.typ != "local" {
				is.related = append(is.related, nwRelated(listenDef, "PostgreSQL listens beyond loopback"))
				if is.possible {
					is.deps = append(is.deps, listenDef)
				}
			}
			if fixTo != "" {
				if fix, ok := nwStringFix(t, src, h.methodOff, h.methodOff+len(h.method), fixTo, "Use "+fixTo+" authentication", false); ok {
					is.fixes = append(is.fixes, fix)
				}
			}
			out = append(out, is)
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// MySQL / MariaDB

func nwMySQLIssues(s *System) []nwIssue {
	en, enDef := nwBool(s, "services", "mysql", "enable")
	if en == nwNo {
		return nil
	}
	base := nwP("services.mysql.settings.mysqld")
	opt := func(name string) []string { return append(append([]string(nil), base...), name) }
	var out []nwIssue
	for _, name := range []string{"skip-grant-tables", "skip_grant_tables"} {
		for _, d := range s.Effective(opt(name)...) {
			if on, ok := nwTruthy(d.Value); ok && !on {
				continue
			}
			if d.Value.Kind == Unknown {
				continue
			}
			is := nwIssue{def: d, deps: []*Definition{enDef}, sev: diagnostics.Critical,
				msg: fmt.Sprintf("services.mysql.settings.mysqld.%q is set: MySQL/MariaDB accepts every client without checking passwords or privileges", name)}
			is.listener = "MySQL runs without grant checks"
			out = append(out, is)
		}
	}
	port := int64(3306)
	for _, d := range s.Effective(opt("port")...) {
		if d.Value.Kind == Int {
			port = d.Value.Int
		}
	}
	for _, d := range s.Effective(opt("skip-networking")...) {
		if on, ok := nwTruthy(d.Value); ok && on {
			return out
		}
	}
	binds := append(s.Effective(opt("bind-address")...), s.Effective(opt("bind_address")...)...)
	for _, d := range binds {
		t, ok := nwStr(d)
		if !ok {
			continue
		}
		wide := false
		for _, a := range strings.Split(t, ",") {
			if nwAllInterfaces(a) {
				wide = true
			}
		}
		if !wide {
			continue
		}
		is := nwIssue{def: d, deps: []*Definition{enDef},
			msg: fmt.Sprintf("services.mysql.settings.mysqld.\"bind-address\" is %q: MySQL/MariaDB listens on all interfaces", t)}
		r := nwReachability(s, "TCP", port, nil)
		r.apply(&is, diagnostics.Medium, diagnostics.High, diagnostics.Critical)
		if r.fwOff != nil || r.open != nil {
			is.listener = "MySQL listens on all interfaces"
		}
		if fix, ok := ReplaceValue(d, `"127.0.0.1"`, "Listen on loopback only", false); ok {
			is.fixes = append(is.fixes, fix)
		}
		out = append(out, is)
	}
	if len(binds) == 0 && !s.MaybeSet(opt("bind-address")...) && enDef != nil {
		r := nwReachability(s, "TCP", port, nil)
		if r.open != nil || r.fwOff != nil {
			is := nwIssue{def: enDef, msg: "services.mysql.settings.mysqld.\"bind-address\" is not set, so MySQL/MariaDB listens on all interfaces"}
			r.apply(&is, diagnostics.Medium, diagnostics.High, diagnostics.Critical)
			is.listener = "MySQL listens on all interfaces"
			if fix, ok := AddSibling(enDef, append(append([]string(nil), base...), "bind-address"), `"127.0.0.1"`, "Listen on loopback only", false); ok {
				is.fixes = append(is.fixes, fix)
			}
			out = append(out, is)
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// MongoDB

func nwMongoIssues(s *System) []nwIssue {
	en, enDef := nwBool(s, "services", "mongodb", "enable")
	if en == nwNo {
		return nil
	}
	if st, _ := nwBool(s, "services", "mongodb", "enableAuth"); st != nwNo {
		return nil
	}
	for _, d := range s.Effective("services", "mongodb", "extraConfig") {
		if t, ok := d.Value.Str(); !ok || strings.Contains(t, "authorization") || strings.Contains(t, "keyFile") {
			return nil
		}
	}
	var out []nwIssue
	for _, d := range s.Effective("services", "mongodb", "bind_ip") {
		t, ok := nwStr(d)
		if !ok {
			continue
		}
		exposed := false
		for _, a := range strings.Split(t, ",") {
			if a = strings.TrimSpace(a); a != "" && !nwLoopback(a) && !strings.HasPrefix(a, "/") {
				exposed = true
			}
		}
		if !exposed {
			continue
		}
		is := nwIssue{def: d, deps: []*Definition{enDef}, listener: "MongoDB listens beyond loopback without authentication",
			msg: fmt.Sprintf("services.mongodb.bind_ip is %q and services.mongodb.enableAuth is not true: every client that reaches MongoDB has full access", t)}
		r := nwReachability(s, "TCP", 27017, nil)
		r.apply(&is, diagnostics.High, diagnostics.Critical, diagnostics.Critical)
		if fix, ok := ReplaceValue(d, `"127.0.0.1"`, "Listen on loopback only", false); ok {
			is.fixes = append(is.fixes, fix)
		}
		out = append(out, is)
	}
	return out
}

// ---------------------------------------------------------------------------
// Other unauthenticated services

type nwListenOpt struct {
	svc      string // service option prefix (may contain one "*")
	listen   string // listen option relative to svc
	name     string
	port     string // port option relative to svc
	defPort  int64
	openOpt  string // openFirewall-like option relative to svc
	urls     bool   // the listen option is a list of URLs
	httpOnly bool   // only plain-http URLs count (etcd)
}

var nwListenOpts = []nwListenOpt{
	{svc: "services.memcached", listen: "listen", name: "memcached", port: "port", defPort: 11211},
	{svc: "services.elasticsearch", listen: "listenAddress", name: "Elasticsearch", port: "port", defPort: 9200},
	{svc: "services.opensearch", listen: `settings."network.host"`, name: "OpenSearch", port: `settings."http.port"`, defPort: 9200},
	{svc: "services.ollama", listen: "host", name: "Ollama", port: "port", defPort: 11434, openOpt: "openFirewall"},
	{svc: "services.prometheus", listen: "listenAddress", name: "Prometheus", port: "port", defPort: 9090},
	{svc: "services.prometheus.exporters.*", listen: "listenAddress", name: "the Prometheus %s exporter", port: "port", openOpt: "openFirewall"},
	{svc: "services.etcd", listen: "listenClientUrls", name: "etcd", defPort: 2379, urls: true, httpOnly: true, openOpt: "openFirewall"},
}

func nwOtherServiceIssues(s *System) []nwIssue {
	var out []nwIssue
	for _, lo := range nwListenOpts {
		var bases [][]string
		if strings.Contains(lo.svc, "*") {
			for _, n := range s.Names(lo.svc) {
				bases = append(bases, append(nwP(strings.TrimSuffix(lo.svc, ".*")), n))
			}
		} else {
			bases = [][]string{nwP(lo.svc)}
		}
		for _, base := range bases {
			at := func(rel string) []string { return append(append([]string(nil), base...), nwP(rel)...) }
			en, enDef := nwBool(s, at("enable")...)
			if en == nwNo {
				continue
			}
			name := lo.name
			if strings.Contains(name, "%s") {
				name = fmt.Sprintf(name, base[len(base)-1])
			}
			port := lo.defPort
			if lo.port != "" {
				for _, d := range s.Effective(at(lo.port)...) {
					if d.Value.Kind == Int {
						port = d.Value.Int
					}
				}
			}
			var open *Definition
			if lo.openOpt != "" {
				if st, d := nwBool(s, at(lo.openOpt)...); st == nwYes {
					open = d
				}
			}
			for _, d := range s.Effective(at(lo.listen)...) {
				var hits []struct {
					text string
					node nixast.Node
				}
				if lo.urls {
					els := nwListElements(d)
					for i, v := range d.Value.List {
						u, ok := v.Str()
						if !ok || v.Kind != String {
							continue
						}
						if lo.httpOnly && !strings.HasPrefix(strings.ToLower(u), "http://") {
							continue
						}
						if nwAllInterfaces(u) {
							hits = append(hits, struct {
								text string
								node nixast.Node
							}{u, els[i]})
						}
					}
				} else if t, ok := nwStr(d); ok && nwAllInterfaces(t) {
					hits = append(hits, struct {
						text string
						node nixast.Node
					}{t, nixast.Node{}})
				}
				for _, h := range hits {
					is := nwIssue{def: d, node: h.node, deps: []*Definition{enDef}, listener: name + " listens on all interfaces without authentication",
						msg: fmt.Sprintf("%s is %q: %s listens on all interfaces and has no authentication by default", JoinPath(at(lo.listen)), h.text, name)}
					r := nwReachability(s, "TCP", port, open)
					r.apply(&is, diagnostics.Medium, diagnostics.High, diagnostics.Critical)
					if !h.node.Valid() {
						if fix, ok := ReplaceValue(d, `"127.0.0.1"`, "Listen on loopback only", false); ok {
							is.fixes = append(is.fixes, fix)
						}
					}
					out = append(out, is)
				}
			}
		}
	}
	// InfluxDB 1.x: the module's defaults serve the HTTP API on ":8086"
	// with auth-enabled = false.
	if en, enDef := nwBool(s, "services", "influxdb", "enable"); en != nwNo && enDef != nil {
		http := nwP("services.influxdb.extraConfig.http")
		at := func(k string) []string { return append(append([]string(nil), http...), k) }
		auth, _ := nwBool(s, at("auth-enabled")...)
		if auth == nwNo && !s.MaybeSet(at("auth-enabled")...) {
			anchor, addr := enDef, ":8086 (the module default)"
			exposed := !s.MaybeSet(at("bind-address")...)
			for _, d := range s.Effective(at("bind-address")...) {
				t, ok := nwStr(d)
				exposed = ok && nwAllInterfaces(t)
				anchor, addr = d, fmt.Sprintf("%q", t)
			}
			if exposed {
				is := nwIssue{def: anchor, deps: []*Definition{enDef}, listener: "InfluxDB listens on all interfaces without authentication",
					msg: fmt.Sprintf("InfluxDB serves its HTTP API on %s with services.influxdb.extraConfig.http.auth-enabled not set to true: anyone who reaches port 8086 can read and write every database", addr)}
				r := nwReachability(s, "TCP", 8086, nil)
				r.apply(&is, diagnostics.Medium, diagnostics.High, diagnostics.Critical)
				out = append(out, is)
			}
		}
	}
	// Grafana anonymous access with write roles.
	if en, enDef := nwBool(s, "services", "grafana", "enable"); en != nwNo {
		anon := nwP(`services.grafana.settings."auth.anonymous"`)
		at := func(k string) []string { return append(append([]string(nil), anon...), k) }
		if st, anonDef := nwBool(s, at("enabled")...); st != nwNo {
			for _, d := range s.Effective(at("org_role")...) {
				role, ok := nwStr(d)
				if !ok || (role != "Admin" && role != "Editor") {
					continue
				}
				is := nwIssue{def: d, deps: []*Definition{enDef, anonDef},
					msg: fmt.Sprintf("Grafana anonymous access is enabled with org_role %q: anyone who reaches Grafana can change dashboards and data sources", role)}
				is.sev = diagnostics.Medium
				for _, h := range s.Effective(nwP("services.grafana.settings.server.http_addr")...) {
					if t, ok := nwStr(h); ok && nwAllInterfaces(t) {
						port := int64(3000)
						for _, pd := range s.Effective(nwP("services.grafana.settings.server.http_port")...) {
							if pd.Value.Kind == Int {
								port = pd.Value.Int
							}
						}
						is.msg += fmt.Sprintf(", and it listens on all interfaces (%q)", t)
						is.listener = "Grafana grants anonymous write access on all interfaces"
						r := nwReachability(s, "TCP", port, nil)
						r.apply(&is, diagnostics.High, diagnostics.High, diagnostics.Critical)
						is.related = append(is.related, nwRelated(h, "Grafana listens on all interfaces"))
					}
				}
				if fix, ok := ReplaceValue(d, `"Viewer"`, "Give anonymous users the Viewer role", false); ok {
					is.fixes = append(is.fixes, fix)
				}
				out = append(out, is)
			}
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// NFS

// nfsClient is one client spec of an exports line.
type nfsClient struct {
	host       string
	opts       []string
	start, end int // decoded range of the spec
	optsOff    int // decoded offset of the first option
}

func parseExports(t nwText) [][]nfsClient {
	var out [][]nfsClient
	for _, l := range t.lines() {
		a, b := nwTrimmed(l, '#')
		if a >= b {
			continue
		}
		fs := nwFields(t.text[a:b], a)
		if len(fs) < 2 {
			continue
		}
		var cs []nfsClient
		for _, f := range fs[1:] {
			c := nfsClient{start: f.off, end: f.off + len(f.text)}
			host, rest, hasOpts := strings.Cut(f.text, "(")
			c.host = host
			if hasOpts {
				c.optsOff = f.off + len(host) + 1
				c.opts = strings.Split(strings.TrimSuffix(rest, ")"), ",")
			}
			cs = append(cs, c)
		}
		out = append(out, cs)
	}
	return out
}

func nwNFSIssues(s *System) []nwIssue {
	en, enDef := nwBool(s, "services", "nfs", "server", "enable")
	if en == nwNo {
		return nil
	}
	var out []nwIssue
	for _, d := range s.Effective("services", "nfs", "server", "exports") {
		t, ok := nwDecode(d)
		if !ok {
			continue
		}
		src := nwSrc(d, t)
		for _, line := range parseExports(t) {
			for _, c := range line {
				if strings.Contains(c.host, "\x00") {
					continue
				}
				world := c.host == "" || c.host == "*" || c.host == "0.0.0.0/0" || c.host == "::/0"
				has := func(o string) (int, bool) {
					off := c.optsOff
					for _, x := range c.opts {
						if strings.TrimSpace(x) == o {
							return off, true
						}
						off += len(x) + 1
					}
					return 0, false
				}
				var reasons []string
				sev := diagnostics.Medium
				var fix *diagnostics.Fix
				spec := t.text[c.start:c.end]
				if off, ok := has("no_root_squash"); ok {
					reasons = append(reasons, "no_root_squash lets the client's root own files on the export")
					sev = diagnostics.High
					if f, ok := nwStringFix(t, src, off, off+len("no_root_squash"), "root_squash", "Squash the client's root", false); ok {
						fix = &f
					}
				}
				if _, rw := has("rw"); rw && world {
					who := "every host"
					if c.host == "" {
						who = "every host (the space before the parenthesis applies the options to the world)"
					}
					reasons = append(reasons, "rw is granted to "+who)
					sev = diagnostics.High
				}
				if off, ok := has("insecure"); ok {
					reasons = append(reasons, "insecure accepts requests from unprivileged ports")
					if f, ok := nwStringFix(t, src, off, off+len("insecure"), "secure", "Require privileged source ports", false); ok && len(reasons) == 1 {
						fix = &f
					}
				}
				if len(reasons) == 0 {
					continue
				}
				sp := t.span(c.start, c.end)
				is := nwIssue{def: d, span: &sp, spanPath: t.path, sev: sev, deps: []*Definition{enDef},
					msg: fmt.Sprintf("services.nfs.server.exports client %s: %s", fmtQuote(spec), strings.Join(reasons, "; "))}
				if fix != nil && len(reasons) == 1 {
					is.fixes = append(is.fixes, *fix)
				}
				out = append(out, is)
			}
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// Samba

func nwSambaIssues(s *System) []nwIssue {
	en, enDef := nwBool(s, "services", "samba", "enable")
	if en == nwNo {
		return nil
	}
	var out []nwIssue
	var open *Definition
	if st, d := nwBool(s, "services", "samba", "openFirewall"); st == nwYes {
		open = d
	}
	reach := nwReachability(s, "TCP", 445, open)
	type share struct {
		base []string
		name string
	}
	var shares []share
	for _, n := range s.Names("services.samba.settings.*") {
		if n != "global" {
			shares = append(shares, share{[]string{"services", "samba", "settings", n}, n})
		}
	}
	for _, n := range s.Names("services.samba.shares.*") {
		shares = append(shares, share{[]string{"services", "samba", "shares", n}, n})
	}
	val := func(base []string, keys ...string) (*Definition, bool, bool) {
		for _, k := range keys {
			defs := s.Effective(append(append([]string(nil), base...), k)...)
			for i := len(defs) - 1; i >= 0; i-- {
				if v, ok := nwTruthy(defs[i].Value); ok {
					return defs[i], v, true
				}
			}
		}
		return nil, false, false
	}
	for _, sh := range shares {
		gd, guest, ok := val(sh.base, "guest ok", "public", "guest only")
		if !ok || !guest {
			continue
		}
		writable := false
		var wd *Definition
		if d, ro, ok := val(sh.base, "read only"); ok && !ro {
			writable, wd = true, d
		}
		if d, w, ok := val(sh.base, "writable", "writeable", "write ok"); ok && w {
			writable, wd = true, d
		}
		if !writable {
			continue
		}
		is := nwIssue{def: gd, deps: []*Definition{enDef},
			msg: fmt.Sprintf("Samba share %q allows guests (%s) and writing: anyone on the network can create, change and delete its files", sh.name, gd.Path[len(gd.Path)-1])}
		is.related = append(is.related, nwRelated(wd, "the share is writable here"))
		if h := nwSambaHostsAllow(s, sh.base); h != nil {
			is.sev = diagnostics.Medium
			is.msg += " (access is limited by \"hosts allow\")"
			is.related = append(is.related, nwRelated(h, "clients are restricted here"))
		} else {
			reach.apply(&is, diagnostics.Medium, diagnostics.High, diagnostics.High)
		}
		if fix, ok := ReplaceValue(gd, nwBoolLiteral(gd, false), "Disallow guest access", false); ok {
			is.fixes = append(is.fixes, fix)
		}
		out = append(out, is)
	}
	for _, key := range []string{"server min protocol", "min protocol"} {
		for _, d := range s.Effective("services", "samba", "settings", "global", key) {
			t, ok := nwStr(d)
			if !ok {
				continue
			}
			switch strings.ToUpper(strings.TrimSpace(t)) {
			case "NT1", "LANMAN1", "LANMAN2", "CORE", "COREPLUS":
			default:
				continue
			}
			is := nwIssue{def: d, sev: diagnostics.Medium, deps: []*Definition{enDef},
				msg: fmt.Sprintf("services.samba.settings.global.%q is %q: Samba accepts SMB1, which is exploitable", key, t)}
			if fix, ok := ReplaceValue(d, `"SMB3"`, "Require SMB3", false); ok {
				is.fixes = append(is.fixes, fix)
			}
			out = append(out, is)
		}
	}
	return out
}

// nwSambaHostsAllow finds a "hosts allow" restriction for a share: on the
// share itself, in the global section, or in the legacy extraConfig text.
func nwSambaHostsAllow(s *System, share []string) *Definition {
	for _, base := range [][]string{share, nwP("services.samba.settings.global")} {
		for _, k := range []string{"hosts allow", "allow hosts"} {
			if ds := s.Effective(append(append([]string(nil), base...), k)...); len(ds) > 0 {
				return ds[len(ds)-1]
			}
		}
	}
	for _, d := range s.Effective("services", "samba", "extraConfig") {
		if t, ok := d.Value.Str(); ok && strings.Contains(strings.ToLower(t), "hosts allow") {
			return d
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// CUPS

func nwCupsIssues(s *System) []nwIssue {
	en, enDef := nwBool(s, "services", "printing", "enable")
	if en == nwNo {
		return nil
	}
	var open *Definition
	if st, d := nwBool(s, "services", "printing", "openFirewall"); st == nwYes {
		open = d
	}
	reach := nwReachability(s, "TCP", 631, open)
	if reach.open == nil && reach.fwOff == nil {
		if r2 := nwReachability(s, "UDP", 631, nil); r2.open != nil {
			reach = r2
		}
	}
	reach.fwOff = nil // a disabled firewall is NIXSEC-FW-001's finding; 631 stays high at most
	var out []nwIssue
	legacy := nwCupsLegacyProtocol(s)
	for _, d := range s.Effective("services", "printing", "browsed", "enable") {
		if !d.Value.IsBool(true) {
			continue
		}
		is := nwIssue{def: d, deps: []*Definition{enDef},
			msg: "services.printing.browsed.enable is true: cups-browsed adds printers announced on the network, the entry point of the 2024 CUPS remote code execution chain"}
		reach.apply(&is, diagnostics.Medium, diagnostics.High, diagnostics.High)
		if legacy != nil {
			is.sev = diagnostics.High
			is.msg += ", and browsedConf re-enables the legacy CUPS protocol on UDP 631"
			is.related = append(is.related, nwRelated(legacy, "the legacy CUPS browse protocol is enabled here"))
		}
		if fix, ok := ReplaceValue(d, "false", "Disable cups-browsed", true); ok {
			is.fixes = append(is.fixes, fix)
		}
		out = append(out, is)
	}
	for _, d := range s.Effective("services", "printing", "browsing") {
		if !d.Value.IsBool(true) {
			continue
		}
		is := nwIssue{def: d, deps: []*Definition{enDef},
			msg: "services.printing.browsing is true: CUPS advertises its shared printers on the network"}
		reach.apply(&is, diagnostics.Medium, diagnostics.High, diagnostics.High)
		if fix, ok := ReplaceValue(d, "false", "Turn CUPS browsing off", true); ok {
			is.fixes = append(is.fixes, fix)
		}
		out = append(out, is)
	}
	for _, d := range s.Effective("services", "printing", "listenAddresses") {
		els := nwListElements(d)
		for i, v := range d.Value.List {
			a, ok := v.Str()
			if !ok || v.Kind != String || !nwAllInterfaces(a) {
				continue
			}
			is := nwIssue{def: d, node: els[i], deps: []*Definition{enDef},
				msg: fmt.Sprintf("services.printing.listenAddresses contains %q: CUPS listens on all interfaces", a)}
			reach.apply(&is, diagnostics.Medium, diagnostics.High, diagnostics.High)
			if nwDirectElement(d, els[i]) && els[i].Unparen().Kind() == nixast.KindString {
				is.fixes = append(is.fixes, ReplaceNode(els[i], `"localhost:631"`, "Listen on localhost only", false))
			}
			out = append(out, is)
		}
	}
	return out
}

// nwCupsLegacyProtocol finds a browsedConf that turns the legacy CUPS
// browse protocol (UDP 631) back on.
func nwCupsLegacyProtocol(s *System) *Definition {
	for _, d := range s.Effective("services", "printing", "browsedConf") {
		t, ok := d.Value.Str()
		if !ok {
			continue
		}
		for _, l := range strings.Split(t, "\n") {
			f := strings.Fields(strings.ToLower(l))
			if len(f) >= 2 && (f[0] == "browseremoteprotocols" || f[0] == "browseprotocols") {
				for _, x := range f[1:] {
					if x == "cups" || x == "all" {
						return d
					}
				}
			}
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// Avahi

var nwServerRoles = []string{
	"services.nginx.enable", "services.httpd.enable", "services.caddy.enable", "services.traefik.enable", "services.haproxy.enable",
	"services.postgresql.enable", "services.mysql.enable", "services.mongodb.enable", "services.samba.enable", "services.nfs.server.enable",
	"services.postfix.enable", "services.dovecot2.enable", "services.nextcloud.enable", "services.gitea.enable", "services.forgejo.enable",
	"services.grafana.enable", "services.prometheus.enable", "services.jellyfin.enable", "services.plex.enable", "services.home-assistant.enable",
}

func nwAvahiIssues(s *System) []nwIssue {
	en, enDef := nwBool(s, "services", "avahi", "enable")
	if en == nwNo {
		return nil
	}
	for _, d := range s.Effective("services", "avahi", "openFirewall") {
		if !d.Value.IsBool(true) {
			return nil // closed, or not known
		}
	}
	if len(s.Effective("services", "avahi", "openFirewall")) == 0 && s.MaybeSet("services", "avahi", "openFirewall") {
		return nil
	}
	if len(s.Effective("services", "avahi", "allowInterfaces")) > 0 || s.MaybeSet("services", "avahi", "allowInterfaces") {
		return nil
	}
	pub, pubDef := nwBool(s, "services", "avahi", "publish", "enable")
	if pub == nwNo {
		return nil
	}
	var role *Definition
	for _, r := range nwServerRoles {
		if st, d := nwBool(s, nwP(r)...); st == nwYes {
			role = d
			break
		}
	}
	for _, n := range s.Names("services.redis.servers.*") {
		if st, d := nwBool(s, "services", "redis", "servers", n, "enable"); st == nwYes && role == nil {
			role = d
		}
	}
	if role == nil {
		return nil
	}
	is := nwIssue{def: pubDef, deps: []*Definition{enDef}, possible: pub == nwMaybe,
		msg: fmt.Sprintf("services.avahi.publish.enable is true with the Avahi port open on every interface on a host that runs %s: the host and its services are advertised on every local link", JoinPath(role.Path[:len(role.Path)-1]))}
	is.related = append(is.related, nwRelated(role, "a server role runs here"))
	var fix diagnostics.Fix
	ok := false
	for _, d := range s.Effective("services", "avahi", "openFirewall") {
		if fix, ok = ReplaceValue(d, "false", "Do not open the mDNS port on every interface", false); ok {
			break
		}
	}
	if !ok {
		for _, anchor := range []*Definition{enDef, pubDef} {
			if anchor == nil {
				continue
			}
			if fix, ok = AddSibling(anchor, nwP("services.avahi.openFirewall"), "false", "Do not open the mDNS port on every interface", false); ok {
				break
			}
		}
	}
	if ok {
		is.fixes = append(is.fixes, fix)
	}
	return []nwIssue{is}
}

// ---------------------------------------------------------------------------
// Exposures for NIXSEC-FW-001

type nwExposure struct {
	what string
	def  *Definition
}

// nwExposures lists what answers beyond loopback without authentication in
// s (catalog Part E), for the escalation of a disabled firewall.
func nwExposures(s *System) []nwExposure {
	var out []nwExposure
	for _, check := range []func(*System) []nwIssue{nwRedisIssues, nwPostgresIssues, nwMySQLIssues, nwMongoIssues, nwOtherServiceIssues} {
		for _, is := range check(s) {
			if is.listener != "" {
				out = append(out, nwExposure{is.listener, is.def})
			}
		}
	}
	// sshd with password authentication (NIXSEC-SSH-002).
	if st, d := nwBool(s, "services", "openssh", "enable"); st == nwYes {
		pw := false
		decided := false
		for _, p := range [][]string{nwP("services.openssh.settings.PasswordAuthentication"), nwP("services.openssh.passwordAuthentication")} {
			for _, pd := range s.Effective(p...) {
				decided = true
				if !pd.Value.IsBool(false) {
					pw = true
				}
			}
			if s.MaybeSet(p...) {
				decided = true
			}
		}
		if pw || !decided {
			out = append(out, nwExposure{"sshd accepts passwords", d})
		}
	}
	// Docker API on TCP (NIXSEC-CTR-019).
	for _, d := range s.Effective("virtualisation", "docker", "listenOptions") {
		for _, v := range d.Value.List {
			if t, ok := v.Str(); ok && v.Kind == String && (strings.HasPrefix(t, "tcp://") || strings.Contains(t, ":2375")) {
				out = append(out, nwExposure{"the Docker API listens on TCP", d})
			}
		}
	}
	return out
}
