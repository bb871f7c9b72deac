package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/nixsec/nixsec/analyzer"
	"github.com/nixsec/nixsec/diagnostics"
)

// ConfigSection is the workspace/configuration section the server asks for.
const ConfigSection = "nixsec"

// Config is the client's configuration: initializationOptions, then the
// "nixsec" section of workspace/configuration on top.
type Config struct {
	DisabledRules     []string                        `json:"disabledRules"`
	SeverityOverrides map[string]diagnostics.Severity `json:"severityOverrides"`
	// ExposureThreshold is the systemd exposure score above which services
	// are reported (0–10); used by the exposure code lenses and rules.
	ExposureThreshold *float64 `json:"exposureThreshold"`
	IgnoredPaths      []string `json:"ignoredPaths"`
	DocsBaseURL       string   `json:"docsBaseURL"`
	DebounceMs        *int     `json:"debounceMs"`

	disabled map[string]bool // canonical rule IDs
}

func defaultConfig() *Config { return &Config{disabled: map[string]bool{}} }

var configKeys = []string{"disabledRules", "severityOverrides", "exposureThreshold", "ignoredPaths", "docsBaseURL", "debounceMs"}

// parseConfig reads raw (an object, null or absent) on top of base (nil for
// the defaults). Every problem becomes a warning naming what was wrong and
// what would be right; the valid parts still apply.
func parseConfig(base *Config, raw json.RawMessage) (*Config, []string) {
	cfg := defaultConfig()
	if base != nil {
		c := *base
		cfg = &c
		cfg.disabled = map[string]bool{}
		for k, v := range base.disabled {
			cfg.disabled[k] = v
		}
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return cfg, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return cfg, []string{fmt.Sprintf("configuration must be an object with the keys %s: %v", strings.Join(configKeys, ", "), err)}
	}
	// Clients often nest the section: {"nixsec": {...}}.
	if inner, ok := obj[ConfigSection]; ok && len(obj) == 1 {
		return parseConfig(base, inner)
	}
	var warnings []string
	warn := func(format string, args ...any) { warnings = append(warnings, fmt.Sprintf(format, args...)) }
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := obj[k]
		switch k {
		case "disabledRules":
			var ids []string
			if err := json.Unmarshal(v, &ids); err != nil {
				warn("disabledRules must be a list of rule IDs: %v", err)
				continue
			}
			cfg.DisabledRules = nil
			cfg.disabled = map[string]bool{}
			for _, id := range ids {
				r, ok := analyzer.Lookup(id)
				if !ok {
					warn("disabledRules: unknown rule %q%s", id, suggestRule(id))
					continue
				}
				cfg.DisabledRules = append(cfg.DisabledRules, r.ID)
				cfg.disabled[r.ID] = true
			}
		case "severityOverrides":
			var m map[string]string
			if err := json.Unmarshal(v, &m); err != nil {
				warn("severityOverrides must map rule IDs to info, low, medium, high or critical: %v", err)
				continue
			}
			cfg.SeverityOverrides = map[string]diagnostics.Severity{}
			ids := make([]string, 0, len(m))
			for id := range m {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			for _, id := range ids {
				r, ok := analyzer.Lookup(id)
				if !ok {
					warn("severityOverrides: unknown rule %q%s", id, suggestRule(id))
					continue
				}
				sev, err := diagnostics.ParseSeverity(m[id])
				if err != nil {
					warn("severityOverrides[%s]: %v", id, err)
					continue
				}
				cfg.SeverityOverrides[r.ID] = sev
			}
		case "exposureThreshold":
			var f float64
			if err := json.Unmarshal(v, &f); err != nil || f < 0 || f > 10 {
				warn("exposureThreshold must be a number from 0 to 10 (systemd-analyze security scores), not %s", v)
				continue
			}
			cfg.ExposureThreshold = &f
		case "ignoredPaths":
			var globs []string
			if err := json.Unmarshal(v, &globs); err != nil {
				warn("ignoredPaths must be a list of globs such as \"hardware-configuration.nix\" or \"vendor/**\": %v", err)
				continue
			}
			cfg.IgnoredPaths = nil
			for _, g := range globs {
				if _, err := filepath.Match(strings.ReplaceAll(g, "**", "*"), ""); err != nil {
					warn("ignoredPaths: bad glob %q: %v", g, err)
					continue
				}
				cfg.IgnoredPaths = append(cfg.IgnoredPaths, g)
			}
		case "docsBaseURL":
			var u string
			if err := json.Unmarshal(v, &u); err != nil || !(strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "file://")) {
				warn("docsBaseURL must be a URL string such as %q, not %s", DefaultDocsBaseURL, v)
				continue
			}
			cfg.DocsBaseURL = u
		case "debounceMs":
			var n int
			if err := json.Unmarshal(v, &n); err != nil || n < 0 || n > 60000 {
				warn("debounceMs must be a whole number of milliseconds from 0 to 60000, not %s", v)
				continue
			}
			cfg.DebounceMs = &n
		default:
			warn("unknown setting %q (known settings: %s)", k, strings.Join(configKeys, ", "))
		}
	}
	return cfg, warnings
}

// suggestRule names the closest known rule ID, if any is close.
func suggestRule(id string) string {
	best, bestD := "", 4
	for _, r := range analyzer.Rules() {
		for _, cand := range []string{r.ID, r.Slug} {
			if d := editDistance(strings.ToUpper(id), strings.ToUpper(cand)); d < bestD {
				best, bestD = r.ID, d
			}
		}
	}
	if best == "" {
		return " (see `nixsec rules` for the list)"
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func (c *Config) enabled(r *analyzer.Rule) bool { return !c.disabled[r.ID] }

// severity applies severityOverrides.
func (c *Config) severity(f *diagnostics.Finding) diagnostics.Severity {
	if s, ok := c.SeverityOverrides[f.RuleID]; ok {
		return s
	}
	return f.Severity
}

// ignored reports whether path matches one of ignoredPaths. A glob matches
// the path relative to any workspace root, the absolute path, or the base
// name; "**" matches any number of directories.
func (c *Config) ignored(path string, roots []string) bool {
	if len(c.IgnoredPaths) == 0 {
		return false
	}
	cands := []string{filepath.ToSlash(path), filepath.Base(path)}
	for _, r := range roots {
		if rel, err := filepath.Rel(r, path); err == nil && !strings.HasPrefix(rel, "..") {
			cands = append(cands, filepath.ToSlash(rel))
		}
	}
	for _, g := range c.IgnoredPaths {
		for _, p := range cands {
			if globMatch(filepath.ToSlash(g), p) {
				return true
			}
		}
	}
	return false
}

// globMatch matches slash-separated paths where "**" spans directories.
func globMatch(glob, path string) bool {
	gs, ps := strings.Split(glob, "/"), strings.Split(path, "/")
	var match func(gi, pi int) bool
	match = func(gi, pi int) bool {
		for gi < len(gs) {
			if gs[gi] == "**" {
				for k := pi; k <= len(ps); k++ {
					if match(gi+1, k) {
						return true
					}
				}
				return false
			}
			if pi >= len(ps) {
				return false
			}
			if ok, _ := filepath.Match(gs[gi], ps[pi]); !ok {
				return false
			}
			gi, pi = gi+1, pi+1
		}
		return pi == len(ps)
	}
	return match(0, 0)
}

func errorWithData(code jsonrpc2.Code, msg string, data any) error {
	e := jsonrpc2.NewError(code, msg)
	if b, err := json.Marshal(data); err == nil {
		raw := json.RawMessage(b)
		e.Data = &raw
	}
	return e
}

func (s *Server) clientHasConfiguration() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.caps.Workspace != nil && s.caps.Workspace.Configuration
}

// pullConfiguration asks the client for the "nixsec" section and applies it
// on top of initializationOptions.
func (s *Server) pullConfiguration() {
	var result []json.RawMessage
	err := s.call(s.ctx, mConfiguration, configurationParams{Items: []protocol.ConfigurationItem{{Section: ConfigSection}}}, &result)
	if err != nil {
		s.logToFile("workspace/configuration: %v", err)
		return
	}
	var raw json.RawMessage
	if len(result) > 0 {
		raw = result[0]
	}
	s.applyConfig(raw, "workspace/configuration")
}

// applyConfig recomputes the effective configuration and re-analyses.
func (s *Server) applyConfig(raw json.RawMessage, source string) {
	s.mu.Lock()
	base, _ := parseConfig(nil, s.initOpts)
	cfg, warnings := parseConfig(base, raw)
	s.cfg = cfg
	s.mu.Unlock()
	if len(warnings) > 0 {
		s.showWarnings(source, warnings)
	}
	s.refreshAll()
}

func (s *Server) didChangeConfiguration(raw json.RawMessage) error {
	var p didChangeConfigurationParams
	if err := decode(raw, &p); err != nil {
		return err
	}
	if s.clientHasConfiguration() {
		s.bg.Add(1)
		go func() { defer s.bg.Done(); s.pullConfiguration() }()
		return nil
	}
	// Push-style clients send the settings themselves.
	settings := p.Settings
	var obj map[string]json.RawMessage
	if json.Unmarshal(settings, &obj) == nil {
		// Only our section: other servers' settings share this object.
		settings = obj[ConfigSection]
	}
	s.applyConfig(settings, "workspace/didChangeConfiguration")
	return nil
}
