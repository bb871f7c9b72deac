package analyzer

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/nix-community/go-nix/pkg/nixhash"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// Supply-chain rules (catalog D.6). Most of them look at expressions, not
// options: a fetcher call or a `<nixpkgs>` lookup is a problem wherever it
// is written, so they walk every file rather than the module model.

const nixManualBuiltins = "https://nix.dev/manual/nix/stable/language/builtins"

var (
	FetchTarballNoHash = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SUP-001", Slug: "fetchtarball-without-hash", Title: "`builtins.fetchTarball` without a hash",
		Category: "Supply chain", Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "A `builtins.fetchTarball` call (or bare `fetchTarball`) without `sha256`: the URL is downloaded at evaluation time and whatever it returns is used.",
		Why:         "Without a hash the content is whatever the server returns at evaluation time, re-fetched after `tarball-ttl`. A compromised, moved or mutable URL silently changes the code that is evaluated and deployed; pure evaluation refuses such calls. It is worse when the result is imported as nixpkgs or as a module.",
		Remediation: "Pin an immutable URL (a commit archive, not a branch) and add `sha256 = \"<output of nix-prefetch-url --unpack URL>\";`, or move the source to a flake input with a committed flake.lock (or npins/niv).",
		FixClass:    diagnostics.FixSuggest, CWE: []int{494, 829},
		References: []string{nixManualBuiltins + "#builtins-fetchTarball", "https://nix.dev/manual/nix/stable/command-ref/conf-file#conf-pure-eval"},
		Bad:        `import (builtins.fetchTarball "https://github.com/nix-community/home-manager/archive/master.tar.gz") { }`,
		Good: `import (builtins.fetchTarball {
  url = "https://github.com/nix-community/home-manager/archive/0123456789abcdef0123456789abcdef01234567.tar.gz";
  sha256 = "0m8c0v7a7gk3b1m8m0v2q6gcqz2l4x3b0r2a4lq8a7g1s1p0m9wx";
}) { }`,
		FalsePositives: "Throwaway REPL snippets and local experiments.",
	}}

	FetchurlNoHash = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SUP-002", Slug: "fetchurl-without-hash", Title: "`builtins.fetchurl` without a hash",
		Category: "Supply chain", Severity: diagnostics.Medium, MaxSeverity: diagnostics.Medium,
		Description: "A `builtins.fetchurl` call without `sha256` or `hash`.",
		Why:         "The file (often a script or a key that is then trusted) is whatever the server returns at evaluation time.",
		Remediation: "Add `sha256`/`hash`, or use `pkgs.fetchurl { url = ...; hash = ...; }`, a fixed-output derivation whose hash is mandatory.",
		FixClass:    diagnostics.FixSuggest, CWE: []int{494},
		References: []string{nixManualBuiltins + "#builtins-fetchurl"},
		Bad:        `builtins.fetchurl "https://example.org/install.sh"`,
		Good:       `pkgs.fetchurl { url = "https://example.org/install.sh"; hash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; }`,
	}}

	FetchGitNoRev = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SUP-003", Slug: "fetchgit-without-rev", Title: "`builtins.fetchGit` without `rev`",
		Category: "Supply chain", Severity: diagnostics.Medium, MaxSeverity: diagnostics.Medium,
		Description: "A `builtins.fetchGit` call without a `rev`: it follows the head of a branch.",
		Why:         "The branch head moves: unpinned code enters evaluation, and review cannot know what is deployed.",
		Remediation: "Add `rev = \"<40-hex commit>\";` (and `narHash` when available), or use a flake input with a lock file.",
		FixClass:    diagnostics.FixSuggest, CWE: []int{494, 829},
		References:     []string{nixManualBuiltins + "#builtins-fetchGit"},
		Bad:            `builtins.fetchGit { url = "https://github.com/example/repo"; ref = "main"; }`,
		Good:           `builtins.fetchGit { url = "https://github.com/example/repo"; rev = "0123456789abcdef0123456789abcdef01234567"; }`,
		FalsePositives: "Local development checkouts (`url = ./.;`) are not reported.",
	}}

	UnpinnedSource = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SUP-004", Slug: "unpinned-channel", Title: "Unpinned channel or branch source, or `<nixpkgs>` lookup",
		Category: "Supply chain", Severity: diagnostics.Info, MaxSeverity: diagnostics.Low,
		Description: "A fetcher or flake input that points at a moving branch (`archive/master.tar.gz`, `nixos-unstable`, channels.nixos.org tarballs), or an angle-bracket `NIX_PATH` lookup such as `<nixpkgs>`.",
		Why:         "The system's content depends on when and where it is evaluated; review cannot know what code is deployed.",
		Remediation: "Use flake inputs with a committed `flake.lock`, or pinned tarballs with hashes (npins, niv).",
		FixClass:    diagnostics.FixSuggest, CWE: []int{829},
		References: []string{"https://nix.dev/manual/nix/stable/command-ref/conf-file#conf-pure-eval", "https://nix.dev/guides/recipes/dependency-management"},
		Bad:        `let pkgs = import <nixpkgs> { }; in pkgs.hello`,
		Good:       `let pkgs = import (builtins.fetchTarball { url = "https://github.com/NixOS/nixpkgs/archive/<commit>.tar.gz"; sha256 = "<hash>"; }) { }; in pkgs.hello`,
		FalsePositives: "A `configuration.nix` on a classic channel setup uses `<nixpkgs>` by design; flake inputs are reported as info when a flake.lock sits next to flake.nix. " +
			"A lookup in a function argument's default (`{ pkgs ? import <nixpkgs> { } }:`) is info and possible: callers usually pass the argument, and the module system always does.",
	}}

	FakeHash = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SUP-005", Slug: "placeholder-hash", Title: "Placeholder or malformed hash left in source",
		Category: "Supply chain", Severity: diagnostics.Low, MaxSeverity: diagnostics.Low,
		Description: "`lib.fakeHash`, `lib.fakeSha256`, `lib.fakeSha512`, an empty hash, an all-`A` SRI hash or an all-zero hash, or a hash string that is not a valid Nix hash at all, in a fetcher or a vendor/cargo hash.",
		Why:         "The build fails, and the usual workflow copies the \"got:\" hash from the error message: trust on first use, without independent verification of what was downloaded.",
		Remediation: "Compute the hash with `nix-prefetch-url`, `nix-prefetch-git` or `nurl` from a trusted network and compare it with upstream release checksums or signatures.",
		FixClass:    diagnostics.FixManual, CWE: []int{345},
		References:     []string{"https://nixos.org/manual/nixpkgs/stable/#chap-pkgs-fetchers", "https://github.com/NixOS/nixpkgs/blob/master/lib/default.nix"},
		Bad:            `src = fetchFromGitHub { owner = "o"; repo = "r"; rev = "v1.0"; hash = lib.fakeHash; };`,
		Good:           `src = fetchFromGitHub { owner = "o"; repo = "r"; rev = "v1.0"; hash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; };`,
		FalsePositives: "Work-in-progress branches.",
	}}

	InsecureURL = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SUP-006", Slug: "fetch-over-plain-http", Title: "Non-TLS URL in a fetcher or flake input",
		Category: "Supply chain", Severity: diagnostics.Low, MaxSeverity: diagnostics.High,
		Description: "An `http://`, `git://`, `git+http://`, `hg+http://` or `tarball+http://` URL in a flake input or a fetcher call.",
		Why:         "For unhashed builtin fetchers and flake inputs an attacker on the network path can inject code. For hash-pinned fixed-output fetchers the content is still verified, so it is a privacy and availability issue only (low).",
		Remediation: "Use `https://` (`git+https://`) when the host supports TLS.",
		FixClass:    diagnostics.FixAuto, CWE: []int{319, 494},
		References:     []string{"https://nix.dev/manual/nix/stable/command-ref/new-cli/nix3-flake#flake-references", nixManualBuiltins},
		Bad:            `inputs.tools.url = "git+http://git.example.org/tools";`,
		Good:           `inputs.tools.url = "git+https://git.example.org/tools";`,
		FalsePositives: "Mirrors on a trusted LAN.",
	}}

	ImpureEval = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SUP-007", Slug: "impure-evaluation", Title: "Impure evaluation primitive in a configuration",
		Category: "Supply chain", Severity: diagnostics.Info, MaxSeverity: diagnostics.High,
		Description: "`builtins.currentSystem`, `builtins.currentTime`, `builtins.getEnv` or `builtins.storePath` in a configuration.",
		Why:         "The configuration is no longer reproducible, and `getEnv` of a secret copies it into the world-readable store when it is interpolated into a string (high).",
		Remediation: "Pass the system explicitly (`nixpkgs.hostPlatform = \"x86_64-linux\";`); read secrets at runtime from a file (sops-nix, agenix, systemd credentials).",
		FixClass:    diagnostics.FixSuggest, CWE: []int{1188, 312},
		References: []string{"https://nix.dev/manual/nix/stable/command-ref/conf-file#conf-pure-eval", nixManualBuiltins + "#builtins-getEnv"},
		Bad:        `services.foo.token = builtins.getEnv "API_TOKEN";`,
		Good:       `services.foo.tokenFile = "/run/secrets/api-token";`,
		FalsePositives: "Development shells (shell.nix) are not reported. A primitive in a function argument's default " +
			"(`{ system ? builtins.currentSystem }:`) is possible (and info, unless `getEnv` reads a secret): callers usually pass the argument, " +
			"and the module system always does.",
	}}

	InsecurePackages = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SUP-008", Slug: "insecure-packages-permitted", Title: "Known-insecure packages explicitly permitted",
		Category: "Supply chain", Severity: diagnostics.Medium, MaxSeverity: diagnostics.High,
		Description: "`nixpkgs.config.permittedInsecurePackages` lists packages, `allowInsecurePredicate` accepts packages broadly, or `NIXPKGS_ALLOW_INSECURE=1` is set; also inside `import nixpkgs { config = { ... }; }`.",
		Why:         "It overrides nixpkgs' `meta.knownVulnerabilities` gate: the permitted versions have open security advisories. A predicate that returns true permits every insecure package, now and in the future (high).",
		Remediation: "Upgrade the package that depends on the insecure one and remove the entry; keep entries version-exact (never predicates) with a comment naming the advisory and an expiry.",
		FixClass:    diagnostics.FixSuggest, CWE: []int{1104},
		References:     []string{"https://nixos.org/manual/nixpkgs/stable/#sec-allow-insecure"},
		Bad:            `nixpkgs.config.permittedInsecurePackages = [ "openssl-1.1.1w" ];`,
		Good:           `nixpkgs.config.permittedInsecurePackages = [ ];`,
		FalsePositives: "Packages marked insecure for reasons that do not apply in context (say why next to the entry and suppress).",
	}}

	BrokenPackages = &Rule{RuleMeta: diagnostics.RuleMeta{
		ID: "NIXSEC-SUP-009", Slug: "broken-packages-allowed", Title: "Broken or unsupported packages allowed",
		Category: "Supply chain", Severity: diagnostics.Info, MaxSeverity: diagnostics.Low,
		Description: "`nixpkgs.config.allowBroken = true` (low) or `allowUnsupportedSystem = true` (info), or `NIXPKGS_ALLOW_BROKEN=1`.",
		Why:         "It pulls in packages that failed their checks or are untested on the platform, which may lack fixes.",
		Remediation: "Remove it; allow single packages through an overlay if necessary.",
		FixClass:    diagnostics.FixSuggest, CWE: []int{1104},
		References:     []string{"https://nixos.org/manual/nixpkgs/stable/#sec-allow-broken"},
		Bad:            `nixpkgs.config.allowBroken = true;`,
		Good:           `nixpkgs.config.allowBroken = false;`,
		FalsePositives: "Developer machines.",
	}}
)

func init() {
	for _, r := range []*Rule{FetchTarballNoHash, FetchurlNoHash, FetchGitNoRev, UnpinnedSource, FakeHash, InsecureURL, ImpureEval, InsecurePackages, BrokenPackages} {
		r.Run = runSupply
	}
	Register(FetchTarballNoHash, FetchurlNoHash, FetchGitNoRev, UnpinnedSource, FakeHash, InsecureURL,
		ImpureEval, InsecurePackages, BrokenPackages)
}

// The SUP rules share one walk per file: the first of them to run computes
// every SUP finding, and each rule reports its own.
func runSupply(p *Pass) {
	all := p.Shared("supply", func() any {
		var out []diagnostics.Finding
		for _, f := range p.Files {
			if len(f.Errors) > 0 || !f.Root().Valid() {
				continue
			}
			scanSupply(p, f, &out)
		}
		supplyOptions(p, &out)
		return out
	}).([]diagnostics.Finding)
	for _, fd := range all {
		if fd.RuleID == p.Rule.ID {
			p.Report(fd)
		}
	}
}

// reportAs records a finding of rule r for runSupply to hand out.
func reportAs(out *[]diagnostics.Finding, r *Rule, fd diagnostics.Finding) {
	fd.RuleID = r.ID
	if fd.Severity < r.Severity {
		fd.Severity = r.Severity
	}
	*out = append(*out, fd)
}

func nodeFinding(r *Rule, n nixast.Node, sev diagnostics.Severity, format string, args ...any) diagnostics.Finding {
	return diagnostics.Finding{
		RuleID: r.ID, Severity: sev, Message: fmt.Sprintf(format, args...),
		Location: diagnostics.Location{Path: n.File().Path, Span: n.Span()},
	}
}

// builtinName returns the builtin a callee expression names ("fetchTarball"
// for `builtins.fetchTarball`, `fetchTarball` or `__fetchurl`), or "".
func builtinName(n nixast.Node) string {
	n = n.Unparen()
	switch n.Kind() {
	case nixast.KindSelect:
		base := n.Child(nixast.FieldExpression)
		path := nixast.AttrPath(n.Child(nixast.FieldAttrpath))
		if base.Kind() == nixast.KindVariable && base.Text() == "builtins" && len(path) == 1 && path[0].Static {
			if b := nixast.Resolve(base); b.Kind == nixast.BindingBuiltin {
				return path[0].Name
			}
		}
	case nixast.KindVariable:
		b := nixast.Resolve(n)
		name := n.Text()
		if b.Kind == nixast.BindingBuiltin {
			return strings.TrimPrefix(name, "__")
		}
		if b.Kind == nixast.BindingWith && withIsBuiltins(n) {
			return name
		}
	}
	return ""
}

// withIsBuiltins reports whether the innermost `with` around n is `with builtins;`.
func withIsBuiltins(n nixast.Node) bool {
	for p := n.Parent(); p.Valid(); p = p.Parent() {
		if p.Kind() == nixast.KindWith {
			return p.Child(nixast.FieldEnvironment).Unparen().Text() == "builtins"
		}
	}
	return false
}

// attrsetAttrs maps the static names of an attrset literal's bindings to their values.
func attrsetAttrs(n nixast.Node) (map[string]nixast.Node, bool) {
	n = n.Unparen()
	if n.Kind() != nixast.KindAttrset && n.Kind() != nixast.KindRecAttrset {
		return nil, false
	}
	out := map[string]nixast.Node{}
	for _, b := range bindings(n) {
		switch b.Kind() {
		case nixast.KindBinding:
			segs := nixast.AttrPath(b.Child(nixast.FieldAttrpath))
			if len(segs) == 1 && segs[0].Static {
				out[segs[0].Name] = b.Child(nixast.FieldExpression)
			} else if len(segs) > 1 && segs[0].Static {
				out[segs[0].Name] = b // nested: present, value not a leaf
			}
		case nixast.KindInherit, nixast.KindInheritFrom:
			for _, a := range nixast.AttrPath(b.Child(nixast.FieldAttrs)) {
				if a.Static {
					out[a.Name] = a.Node
				}
			}
		}
	}
	return out, true
}

var (
	movingRef   = regexp.MustCompile(`/archive/(master|main|nixos-unstable|nixpkgs-unstable|nixos-\d\d\.\d\d(-small)?|release-\d\d\.\d\d|[A-Za-z][\w.-]*)\.(tar\.gz|zip)$`)
	commitRef   = regexp.MustCompile(`/archive/[0-9a-f]{40}\.(tar\.gz|zip)$`)
	channelURL  = regexp.MustCompile(`^https?://(channels\.nixos\.org|nixos\.org/channels|releases\.nixos\.org)/`)
	flakeBranch = regexp.MustCompile(`^(github|gitlab|sourcehut):[^/]+/[^/?]+/(master|main|nixos-unstable|nixpkgs-unstable|nixos-\d\d\.\d\d(-small)?|release-\d\d\.\d\d)$`)
	secretName  = regexp.MustCompile(`(?i)(token|secret|passw|key|credential|auth)`)
)

func isMovingURL(u string) bool {
	if channelURL.MatchString(u) {
		return true
	}
	return movingRef.MatchString(u) && !commitRef.MatchString(u) && !regexp.MustCompile(`/archive/v?\d+(\.\d+)+\.`).MatchString(u)
}

// insecureScheme returns the insecure prefix of u and its https replacement.
func insecureScheme(u string) (string, string, bool) {
	for _, s := range [][2]string{{"http://", "https://"}, {"git+http://", "git+https://"}, {"hg+http://", "hg+https://"},
		{"tarball+http://", "tarball+https://"}, {"file+http://", "file+https://"}, {"git://", "git+https://"}} {
		if strings.HasPrefix(u, s[0]) {
			return s[0], s[1], true
		}
	}
	return "", "", false
}

func isLocalhost(u string) bool {
	rest := u[strings.Index(u, "://")+3:]
	host := rest
	if i := strings.IndexAny(rest, "/:"); i >= 0 {
		host = rest[:i]
	}
	return host == "localhost" || host == "127.0.0.1" || host == "[::1]"
}

// schemeFix rewrites the scheme inside a string literal, editing only the
// scheme's bytes.
func schemeFix(str nixast.Node, from, to string) (diagnostics.Fix, bool) {
	parts := nixast.StringParts(str)
	if len(parts) == 0 || parts[0].IsInterpolation() || !strings.HasPrefix(parts[0].Text, from) {
		return diagnostics.Fix{}, false
	}
	sp := parts[0].SourceSpan(0, len(from))
	return diagnostics.Fix{Title: fmt.Sprintf("Use %s", strings.TrimSuffix(to, "://")), Safe: true, Edits: []diagnostics.Edit{
		{Location: diagnostics.Location{Path: str.File().Path, Span: sp}, NewText: to},
	}}, true
}

func scanSupply(p *Pass, f *nixast.File, out *[]diagnostics.Finding) {
	isShell := filepath.Base(f.Path) == "shell.nix"
	isFlake := filepath.Base(f.Path) == "flake.nix"
	f.Root().Walk(func(n nixast.Node) bool {
		if n.Kind() == nixast.KindBinding && isOptionDocs(n) {
			return false // option documentation: examples are not settings
		}
		switch n.Kind() {
		case nixast.KindApply:
			checkFetcherCall(out, n)
		case nixast.KindSPath:
			if !isShell {
				fd := nodeFinding(UnpinnedSource, n, diagnostics.Low, "%s is looked up in NIX_PATH: what it contains depends on the machine and time of evaluation", n.Text())
				if inFormalDefault(n) {
					// `{ pkgs ? import <nixpkgs> { } }:` is a fallback callers override.
					fd = formalDefault(nodeFinding(UnpinnedSource, n, diagnostics.Info, "%s is looked up in NIX_PATH when the caller passes no value for this argument", n.Text()))
				}
				reportAs(out, UnpinnedSource, fd)
			}
		case nixast.KindSelect, nixast.KindVariable:
			if isShell {
				return true
			}
			checkImpure(out, n)
			checkFakeHashRef(out, n)
		case nixast.KindBinding:
			checkHashBinding(out, n)
			if isFlake {
				checkFlakeInput(out, n)
			}
		}
		return true
	})
}

// checkFetcherCall handles builtins.fetchTarball/fetchurl/fetchGit calls and
// the URL of any fetcher (pkgs.fetchurl, fetchzip, …) for plain http.
func checkFetcherCall(out *[]diagnostics.Finding, n nixast.Node) {
	fn, args := applyParts(n)
	if len(args) != 1 {
		return
	}
	arg := args[0].Unparen()
	name := builtinName(fn)
	attrs, isSet, complete := fetchArgAttrs(arg, 0)
	urlNode := arg
	if isSet {
		urlNode = attrs["url"]
	}
	url, urlKnown := nixast.StringValue(urlNode.Unparen())
	imported := false
	if par := n.Parent(); par.Kind() == nixast.KindParenthesized {
		if gp := par.Parent(); gp.Kind() == nixast.KindApply && builtinName(gp.Child(nixast.FieldFunction)) == "import" {
			imported = true
		}
	}
	hashed := isSet && (attrs["sha256"].Valid() || attrs["hash"].Valid() || attrs["narHash"].Valid())
	// Only a call whose argument nixsec can read whole (a URL string or
	// set literals) certainly lacks a hash: `{ url = …; } // extra`, a
	// variable or a function argument may carry sha256 or rev.
	switch name {
	case "fetchTarball":
		if !hashed && complete {
			sev := diagnostics.Medium
			msg := "builtins.fetchTarball without sha256: the downloaded content is not verified"
			if imported {
				sev = diagnostics.High
				msg += ", and the result is imported as code"
			}
			reportAs(out, FetchTarballNoHash, nodeFinding(FetchTarballNoHash, n, sev, "%s", msg))
		}
	case "fetchurl":
		if !hashed && complete {
			reportAs(out, FetchurlNoHash, nodeFinding(FetchurlNoHash, n, diagnostics.Medium, "builtins.fetchurl without sha256 or hash: the downloaded file is not verified"))
		}
	case "fetchGit":
		local := urlNode.Unparen().Kind() == nixast.KindPath || (urlKnown && (strings.HasPrefix(url, "/") || strings.HasPrefix(url, "file://")))
		if !local && complete && !attrs["rev"].Valid() {
			reportAs(out, FetchGitNoRev, nodeFinding(FetchGitNoRev, n, diagnostics.Medium, "builtins.fetchGit without rev: it follows the moving head of a branch"))
		}
	}
	if !urlKnown {
		return
	}
	isFetcher := name != "" || strings.HasPrefix(calleeLastName(fn), "fetch")
	if !isFetcher {
		return
	}
	if name == "fetchTarball" || name == "fetchurl" || name == "fetchGit" {
		if isMovingURL(url) {
			reportAs(out, UnpinnedSource, nodeFinding(UnpinnedSource, urlNode, diagnostics.Low, "%s points at a moving branch or channel", url))
		}
	}
	if from, to, ok := insecureScheme(url); ok && !isLocalhost(url) {
		sev := diagnostics.Low
		why := "the content is still checked against its hash, but the download is not private"
		if name != "" && !hashed {
			sev = diagnostics.High
			why = "nothing verifies what is downloaded, so anyone on the network path can replace it"
		}
		fd := nodeFinding(InsecureURL, urlNode, sev, "%s is fetched over %s: %s", url, strings.TrimSuffix(from, "://"), why)
		if fix, ok := schemeFix(urlNode.Unparen(), from, to); ok {
			fd.Fixes = append(fd.Fixes, fix)
		}
		reportAs(out, InsecureURL, fd)
	}
}

// fetchArgAttrs reads the argument of a fetcher call: the attributes of a
// set literal, of `a // b` and of both branches of an `if` (isSet), and
// whether the argument is known whole (complete): a string or path, or sets
// built only from literals. A variable, a function call or a select may
// hold any attribute.
func fetchArgAttrs(n nixast.Node, depth int) (attrs map[string]nixast.Node, isSet, complete bool) {
	n = n.Unparen()
	if depth > 32 {
		return nil, false, false
	}
	switch n.Kind() {
	case nixast.KindString, nixast.KindIndentedString, nixast.KindPath, nixast.KindURI:
		return nil, false, true
	case nixast.KindAttrset, nixast.KindRecAttrset:
		a, _ := attrsetAttrs(n)
		return a, true, true
	case nixast.KindLet:
		return fetchArgAttrs(n.Child(nixast.FieldBody), depth+1)
	case nixast.KindBinary, nixast.KindIf:
		var parts []nixast.Node
		if n.Kind() == nixast.KindBinary {
			if n.Child(nixast.FieldOperator).Text() != "//" {
				return nil, false, false
			}
			parts = []nixast.Node{n.Child(nixast.FieldLeft), n.Child(nixast.FieldRight)}
		} else {
			parts = []nixast.Node{n.Child(nixast.FieldConsequence), n.Child(nixast.FieldAlternative)}
		}
		attrs, complete = map[string]nixast.Node{}, true
		for _, part := range parts {
			a, set, c := fetchArgAttrs(part, depth+1)
			isSet = isSet || set
			complete = complete && c && set
			for k, v := range a {
				if _, ok := attrs[k]; !ok {
					attrs[k] = v
				}
			}
		}
		return attrs, isSet, complete
	}
	return nil, false, false
}

// isOptionDocs reports a binding that is the example, defaultText or
// description of an option declaration (`mkOption { example = …; }`):
// documentation, not configuration.
func isOptionDocs(b nixast.Node) bool {
	name, ok := soleName(b)
	if !ok {
		return false
	}
	switch name {
	case "example", "defaultText", "description", "longDescription":
	default:
		return false
	}
	set := b.Parent()
	for set.Valid() && set.Kind() != nixast.KindAttrset && set.Kind() != nixast.KindRecAttrset {
		set = set.Parent()
	}
	call := set.Parent()
	for call.Kind() == nixast.KindParenthesized {
		call = call.Parent()
	}
	if !set.Valid() || call.Kind() != nixast.KindApply {
		return false
	}
	fn, _ := applyParts(call)
	switch calleeLastName(fn) {
	case "mkOption", "mkPackageOption", "mkEnableOption", "mkSinkUndeclaredOptions":
		return true
	}
	return false
}

// formalDefault marks a finding inside a function argument's default as
// possible: the default is used only when the caller passes nothing (the
// module system always passes every argument a module names).
func formalDefault(fd diagnostics.Finding) diagnostics.Finding {
	fd.Confidence = diagnostics.Possible
	return fd
}

// inFormalDefault reports whether n is inside the default value of a
// function argument (`{ x ? <here> }:`).
func inFormalDefault(n nixast.Node) bool {
	for c, p := n, n.Parent(); p.Valid(); c, p = p, p.Parent() {
		switch p.Kind() {
		case nixast.KindFormal:
			return c.FieldName() == nixast.FieldDefault
		case nixast.KindFunction:
			return false
		}
	}
	return false
}

// lastName is the last attribute or variable name of a callee (`pkgs.fetchurl` → fetchurl).
func calleeLastName(n nixast.Node) string {
	n = n.Unparen()
	switch n.Kind() {
	case nixast.KindVariable:
		return n.Text()
	case nixast.KindSelect:
		path := nixast.AttrPath(n.Child(nixast.FieldAttrpath))
		if len(path) > 0 {
			return path[len(path)-1].Name
		}
	}
	return ""
}

func checkImpure(out *[]diagnostics.Finding, n nixast.Node) {
	if n.Kind() == nixast.KindVariable && !strings.HasPrefix(n.Text(), "__") {
		return // bare currentSystem is not a global; with builtins is handled as select-free use below
	}
	// Do not report the callee inside `builtins.x` twice: only the select.
	if n.Kind() == nixast.KindVariable && n.Parent().Kind() == nixast.KindSelect {
		return
	}
	switch name := builtinName(n); name {
	case "currentSystem", "currentTime", "storePath":
		fd := nodeFinding(ImpureEval, n, diagnostics.Info, "builtins.%s makes the configuration depend on the machine evaluating it", name)
		if inFormalDefault(n) {
			fd = formalDefault(fd)
			fd.Message = fmt.Sprintf("builtins.%s makes the result depend on the machine evaluating it when the caller passes no value for this argument", name)
		}
		reportAs(out, ImpureEval, fd)
	case "getEnv":
		sev := diagnostics.Info
		msg := "builtins.getEnv makes the configuration depend on the environment of the evaluating process"
		if par := n.Parent(); par.Kind() == nixast.KindApply && par.Child(nixast.FieldFunction).Index() == n.Index() {
			if v, ok := nixast.StringValue(par.Child(nixast.FieldArgument).Unparen()); ok && secretName.MatchString(v) {
				sev = diagnostics.High
				msg = fmt.Sprintf("builtins.getEnv %q reads a secret at evaluation time: once interpolated it is copied into the world-readable Nix store", v)
			}
		}
		fd := nodeFinding(ImpureEval, n, sev, "%s", msg)
		if inFormalDefault(n) {
			// A secret read by a default still leaks when the default is used:
			// only the confidence drops.
			fd = formalDefault(fd)
			if sev == diagnostics.Info {
				fd.Message = "builtins.getEnv makes the result depend on the environment of the evaluating process when the caller passes no value for this argument"
			}
		}
		reportAs(out, ImpureEval, fd)
	}
}

// soleName is the name of a binding whose attribute path is one static
// name (`sha256 = …;`), decoding nothing for the other bindings.
func soleName(b nixast.Node) (string, bool) {
	if b.Kind() != nixast.KindBinding || attrCount(b) != 1 {
		return "", false
	}
	return firstName(b)
}

// fakeHashNames are the lib attributes that stand for a placeholder hash.
var fakeHashNames = map[string]bool{"fakeHash": true, "fakeSha256": true, "fakeSha512": true}

func checkFakeHashRef(out *[]diagnostics.Finding, n nixast.Node) {
	if n.Kind() != nixast.KindSelect {
		return
	}
	path := nixast.AttrPath(n.Child(nixast.FieldAttrpath))
	if len(path) == 0 || !fakeHashNames[path[len(path)-1].Name] {
		return
	}
	if t := n.Child(nixast.FieldExpression).Unparen().Text(); t != "lib" && !strings.HasSuffix(t, ".lib") {
		return
	}
	reportAs(out, FakeHash, nodeFinding(FakeHash, n, diagnostics.Low, "%s is a placeholder: the real hash still has to be computed and checked", n.Text()))
}

// hashAttrs are the attribute names that hold a fetcher or vendor hash.
var hashAttrs = map[string]nixhash.Algorithm{
	"sha256": nixhash.SHA256, "sha512": nixhash.SHA512, "sha1": nixhash.SHA1, "hash": 0, "outputHash": 0, "narHash": 0,
	"vendorHash": 0, "vendorSha256": nixhash.SHA256, "cargoHash": 0, "cargoSha256": nixhash.SHA256, "npmDepsHash": 0,
	"pnpmDepsHash": 0, "yarnHash": 0,
}

func checkHashBinding(out *[]diagnostics.Finding, b nixast.Node) {
	name, ok := soleName(b)
	if !ok {
		return
	}
	algo, ok := hashAttrs[name]
	if !ok {
		return
	}
	val := b.Child(nixast.FieldExpression).Unparen()
	if val.Kind() == nixast.KindVariable && (val.Text() == "fakeHash" || val.Text() == "fakeSha256" || val.Text() == "fakeSha512") &&
		nixast.Resolve(val).Kind == nixast.BindingWith {
		reportAs(out, FakeHash, nodeFinding(FakeHash, val, diagnostics.Low, "%s is a placeholder: the real hash still has to be computed and checked", val.Text()))
		return
	}
	s, ok := nixast.StringValue(val)
	if !ok {
		return
	}
	if problem := hashProblem(s, algo); problem != "" {
		reportAs(out, FakeHash, nodeFinding(FakeHash, val, diagnostics.Low, "%s = %q %s", name, s, problem))
	}
}

// hashProblem says why s is not a usable hash, or "".
func hashProblem(s string, algo nixhash.Algorithm) string {
	if s == "" {
		return "is empty: a placeholder, not a hash"
	}
	body := s
	if i := strings.IndexAny(s, ":-"); i > 0 {
		body = s[i+1:]
	}
	if trimmed := strings.TrimRight(body, "="); trimmed != "" && (strings.Trim(trimmed, "A") == "" || strings.Trim(trimmed, "0") == "") {
		return "is a placeholder (all the same digit), not a real hash"
	}
	var opt *nixhash.Algorithm
	if algo != 0 {
		opt = &algo
	}
	if _, err := nixhash.ParseAny(s, opt); err != nil {
		if opt == nil && !strings.ContainsAny(s, ":-") {
			// `hash` without a type prefix: Nix accepts a bare sha256 too.
			a := nixhash.SHA256
			if _, err2 := nixhash.ParseAny(s, &a); err2 == nil {
				return ""
			}
		}
		return "is not a valid Nix hash (" + err.Error() + ")"
	}
	return ""
}

// checkFlakeInput reports inputs.<n>.url (or inputs.<n> = "url") that use
// plain http or point at a branch without a lock file.
func checkFlakeInput(out *[]diagnostics.Finding, b nixast.Node) {
	var path []string
	for _, s := range nixast.AttrPath(b.Child(nixast.FieldAttrpath)) {
		if !s.Static {
			return
		}
		path = append(path, s.Name)
	}
	// Prefix with the names of enclosing sets: `inputs = { x.url = …; }`.
	for par := b.Parent(); par.Valid(); par = par.Parent() {
		if par.Kind() == nixast.KindBinding {
			var outer []string
			for _, s := range nixast.AttrPath(par.Child(nixast.FieldAttrpath)) {
				outer = append(outer, s.Name)
			}
			path = append(outer, path...)
		}
	}
	isURL := (len(path) == 3 && path[0] == "inputs" && path[2] == "url") || (len(path) == 2 && path[0] == "inputs")
	if !isURL {
		return
	}
	val := b.Child(nixast.FieldExpression).Unparen()
	url, ok := nixast.StringValue(val)
	if !ok {
		return
	}
	if from, to, bad := insecureScheme(url); bad && !isLocalhost(url) {
		fd := nodeFinding(InsecureURL, val, diagnostics.High, "flake input %s is fetched over %s: anyone on the network path can replace the code before it is locked", path[1], strings.TrimSuffix(from, "://"))
		if fix, ok := schemeFix(val, from, to); ok {
			fd.Fixes = append(fd.Fixes, fix)
		}
		reportAs(out, InsecureURL, fd)
	}
	if (flakeBranch.MatchString(url) || isMovingURL(url)) && !isFlakeTemplate(b.File().Path) {
		if _, err := os.Stat(filepath.Join(filepath.Dir(b.File().Path), "flake.lock")); err != nil {
			reportAs(out, UnpinnedSource, nodeFinding(UnpinnedSource, val, diagnostics.Low, "flake input %s follows a branch (%s) and there is no flake.lock next to flake.nix to pin it", path[1], url))
		}
	}
}

// isFlakeTemplate reports a file under a templates/ or examples/ directory
// (what `nix flake init -t` copies, or a starting point to copy): a missing
// flake.lock or an import of a file the user creates is expected there.
func isFlakeTemplate(path string) bool {
	return underDir(path, "templates") || underDir(path, "examples")
}

// supplyOptions checks the nixpkgs.config options through the module model.
func supplyOptions(p *Pass, out *[]diagnostics.Finding) {
	for _, s := range p.Systems() {
		for _, d := range s.Match("nixpkgs.config.permittedInsecurePackages") {
			if !d.Active() || len(d.Path) != 3 {
				continue
			}
			if d.Value.Kind == List {
				for _, el := range d.Value.List {
					name, _ := el.Str()
					fd := p.Finding(d, "nixpkgs.config.permittedInsecurePackages permits %s, a package with known vulnerabilities", strings.Trim(el.String(), `"`))
					if el.Node.Valid() && el.Node.File() == d.File {
						fd = At(fd, el.Node)
						fd.Fixes = append(fd.Fixes, RemoveListElement(el.Node, fmt.Sprintf("Stop permitting %s", name), false))
					}
					reportAs(out, InsecurePackages, fd)
				}
			}
		}
		for _, d := range s.Match("nixpkgs.config.allowInsecurePredicate") {
			if !d.Active() || len(d.Path) != 3 {
				continue
			}
			fn := d.Node.Unparen()
			if fn.Kind() == nixast.KindFunction && fn.Child(nixast.FieldBody).Unparen().Text() == "true" {
				fd := p.Finding(d, "nixpkgs.config.allowInsecurePredicate accepts every package: all known-vulnerable packages are permitted")
				fd.Severity = diagnostics.High
				reportAs(out, InsecurePackages, fd)
			}
		}
		for _, prefix := range []string{"environment.variables", "environment.sessionVariables"} {
			for _, v := range []struct {
				name string
				rule *Rule
			}{{"NIXPKGS_ALLOW_INSECURE", InsecurePackages}, {"NIXPKGS_ALLOW_BROKEN", BrokenPackages}} {
				for _, d := range s.Effective(append(SplitPath(prefix), v.name)...) {
					if d.Value.IsStr("1") || (d.Value.Kind == Int && d.Value.Int == 1) {
						fd := p.Finding(d, "%s.%s = 1 permits every such package for nix commands run in this environment", prefix, v.name)
						if v.rule == BrokenPackages {
							fd.Severity = diagnostics.Low
						}
						reportAs(out, v.rule, fd)
					}
				}
			}
		}
		for _, opt := range []struct {
			name string
			sev  diagnostics.Severity
			why  string
		}{{"allowBroken", diagnostics.Low, "packages that fail their checks are built and installed"},
			{"allowUnsupportedSystem", diagnostics.Info, "packages untested on this platform are allowed"}} {
			for _, d := range s.Effective("nixpkgs", "config", opt.name) {
				if !d.Value.IsBool(true) {
					continue
				}
				fd := p.Finding(d, "nixpkgs.config.%s = true: %s", opt.name, opt.why)
				fd.Severity = opt.sev
				if fix, ok := ReplaceValue(d, "false", "Set "+opt.name+" to false", false); ok {
					fd.Fixes = append(fd.Fixes, fix)
				}
				reportAs(out, BrokenPackages, fd)
			}
		}
	}
}
