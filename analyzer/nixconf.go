package analyzer

import (
	"sort"
	"strconv"
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// The nix.conf view of a system (rules catalog Part A items 11 and 12).
//
// NixOS writes /etc/nix/nix.conf from nix.settings (one `key = value` line
// per attribute) and appends nix.extraOptions after it. Legacy options
// (nix.binaryCaches, nix.useSandbox, nix.trustedUsers, …) are renamed to
// nix.settings.<key> by the model (see rename.go). Nix reads the file line by
// line: `#` starts a comment anywhere on a line, `key = value` sets (a later
// line replaces an earlier one), `extra-key = value` appends to key's value
// (Nix applies every extra- line after the plain ones, so it appends whatever
// its position), `include PATH` and `!include PATH` read another file.
// Deprecated key aliases (binary-caches, build-use-sandbox, …) name the same
// setting.
//
// A flake's nixConfig is its own system (Context FlakeConfig) whose
// definitions have paths `nixConfig.<key>`, exactly as written in flake.nix;
// NixConf reads them with Source FromFlakeConfig.
// environment.etc."nix/nix.conf".text is parsed like extraOptions (Source
// FromEtcNixConf), after it.

// NixConfSource says where a nix.conf setting comes from.
type NixConfSource uint8

const (
	FromSettings     NixConfSource = iota // nix.settings.<key>, or a legacy nix.<option> renamed to it
	FromExtraOptions                      // a line of nix.extraOptions
	FromFlakeConfig                       // nixConfig.<key> of a flake
	FromEtcNixConf                        // a line of environment.etc."nix/nix.conf".text
)

func (s NixConfSource) String() string {
	return [...]string{"nix.settings", "nix.extraOptions", "nixConfig", "environment.etc.\"nix/nix.conf\""}[s]
}

// NixConfItem is one space-separated item of a setting's value (or one
// element of a Nix list).
type NixConfItem struct {
	Text  string // the item; for an unresolved part, what is known of it
	Known bool
	Span  nixast.Span // exact source range in the setting's file
	Node  nixast.Node // the list element, when the value is a Nix list
}

// NixConfSetting is one place that sets a nix.conf key.
type NixConfSetting struct {
	Key        string // canonical key: no extra- prefix, aliases resolved ("substituters")
	WrittenKey string // as written: "extra-substituters", "binary-caches", or the legacy option path "nix.binaryCaches"
	Append     bool   // an extra- key: appends to the value
	Source     NixConfSource
	Def        *Definition // the definition it comes from
	// Value is the Nix value for settings; for a line, its value text as a
	// string (unknown interpolations make it partly unknown).
	Value Value
	Items []NixConfItem
	// KeySpan and ValueSpan are exact source ranges: for a line inside a
	// string, the key and the value text; for a setting, the attribute name
	// and the value expression. LineSpan is the whole line (without its
	// newline) or the whole binding.
	KeySpan, ValueSpan, LineSpan nixast.Span
	// Effective is set when the setting takes part in the final value.
	Effective bool
	// By is the later setting that replaces this one when it is not
	// Effective because of it (nil when the definition itself is inactive
	// or overridden as an option: see Def.Status and Def.By).
	By *NixConfSetting
}

// File is the file the setting is written in.
func (st *NixConfSetting) File() *nixast.File { return st.Def.File }

// Location is the setting's value (or, when it has none, its key).
func (st *NixConfSetting) Location() diagnostics.Location {
	sp := st.ValueSpan
	if sp.Len() == 0 {
		sp = st.KeySpan
	}
	return diagnostics.Location{Path: st.Def.File.Path, Span: sp}
}

// Bool interprets the value as nix.conf does: a Nix boolean, or a single
// item "true"/"false".
func (st *NixConfSetting) Bool() (b, ok bool) {
	if st.Value.Kind == Bool {
		return st.Value.Bool, true
	}
	if len(st.Items) == 1 && st.Items[0].Known {
		switch st.Items[0].Text {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return false, false
}

// Strings returns the known items' text.
func (st *NixConfSetting) Strings() []string {
	out := make([]string, 0, len(st.Items))
	for _, it := range st.Items {
		if it.Known {
			out = append(out, it.Text)
		}
	}
	return out
}

// Confidence is the definition's confidence.
func (st *NixConfSetting) Confidence() diagnostics.Confidence { return st.Def.Confidence() }

// nixConfAliases are Nix's deprecated names of settings.
var nixConfAliases = map[string]string{
	"build-use-sandbox": "sandbox", "build-use-chroot": "sandbox", "binary-caches": "substituters",
	"binary-cache-public-keys": "trusted-public-keys", "trusted-binary-caches": "trusted-substituters",
	"build-sandbox-paths": "sandbox-paths", "build-chroot-dirs": "sandbox-paths",
	"build-max-jobs": "max-jobs", "build-cores": "cores",
}

// NixConfKey canonicalizes a nix.conf key: it strips the extra- prefix
// (reporting it) and maps deprecated aliases (binary-caches →
// substituters). "include" and "!include" are returned as they are.
func NixConfKey(written string) (key string, appends bool) {
	key = written
	if strings.HasPrefix(key, "extra-") {
		key, appends = key[len("extra-"):], true
	}
	if a, ok := nixConfAliases[key]; ok {
		key = a
	}
	return key, appends
}

// NixConf returns every setting of a nix.conf key in the system, in the
// order nix.conf applies them: nix.settings (with legacy options) first,
// then nix.extraOptions lines, then environment.etc."nix/nix.conf" lines
// (and, for a FlakeConfig system, nixConfig attributes). key may be given
// with an extra- prefix or as an alias; the result covers the canonical
// key, its extra- form and its aliases. Each setting says whether it is
// Effective: later plain settings replace earlier ones, extra- settings
// always append.
func (s *System) NixConf(key string) []*NixConfSetting {
	key, _ = NixConfKey(key)
	return s.nixConf()[key]
}

// NixConfKeys returns the canonical keys set in the system, sorted.
func (s *System) NixConfKeys() []string {
	m := s.nixConf()
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// NixConfValue returns the items of key's final value (the effective plain
// settings' items, then the effective extra- ones), and whether any
// setting of key exists.
func (s *System) NixConfValue(key string) ([]NixConfItem, bool) {
	sts := s.NixConf(key)
	var out []NixConfItem
	for _, app := range []bool{false, true} { // the value, then what extra- lines append
		for _, st := range sts {
			if st.Effective && st.Append == app {
				out = append(out, st.Items...)
			}
		}
	}
	return out, len(sts) > 0
}

func (s *System) nixConf() map[string][]*NixConfSetting {
	s.nixconfOnce.Do(func() { s.nixconf = buildNixConf(s) })
	return s.nixconf
}

func buildNixConf(s *System) map[string][]*NixConfSetting {
	out := map[string][]*NixConfSetting{}
	add := func(st *NixConfSetting) { out[st.Key] = append(out[st.Key], st) }
	// Settings as options (and flake nixConfig).
	for _, d := range s.Defs {
		var written string
		src := FromSettings
		switch {
		case len(d.Path) == 3 && d.Path[0] == "nix" && d.Path[1] == "settings":
			written = d.Path[2]
		case len(d.Path) == 2 && d.Path[0] == "nixConfig" && s.Context == FlakeConfig:
			written, src = d.Path[1], FromFlakeConfig
		default:
			continue
		}
		key, app := NixConfKey(written)
		wk := written
		if d.Renamed() {
			wk = JoinPath(d.WrittenPath)
		}
		st := &NixConfSetting{Key: key, WrittenKey: wk, Append: app, Source: src, Def: d, Value: d.Value,
			KeySpan: d.Key.Span(), ValueSpan: d.Node.Span(), LineSpan: d.Binding.Span()}
		st.Items = valueItems(d.Value, d.Node, d.env)
		add(st)
	}
	// Lines of nix.extraOptions, then of /etc/nix/nix.conf's text.
	for _, src := range []struct {
		path []string
		from NixConfSource
	}{{[]string{"nix", "extraOptions"}, FromExtraOptions}, {[]string{"environment", "etc", "nix/nix.conf", "text"}, FromEtcNixConf}} {
		defs := append([]*Definition(nil), s.Lookup(src.path...)...)
		sort.SliceStable(defs, func(i, j int) bool { return defs[i].Order < defs[j].Order })
		for _, d := range defs {
			for _, st := range parseNixConfLines(d, src.from) {
				add(st)
			}
		}
	}
	for _, sts := range out {
		settleNixConf(sts)
	}
	return out
}

// settleNixConf decides which settings of one key take effect.
func settleNixConf(sts []*NixConfSetting) {
	var lastLine *NixConfSetting
	for _, st := range sts {
		if !st.Append && st.Source != FromSettings && st.Source != FromFlakeConfig && st.Def.Active() {
			lastLine = st
		}
	}
	for _, st := range sts {
		st.Effective = st.Def.Active()
		if !st.Effective || st.Append || lastLine == nil || st == lastLine {
			continue
		}
		st.Effective, st.By = false, lastLine
	}
}

// valueItems splits a setting's Nix value into nix.conf items.
func valueItems(v Value, n nixast.Node, e *env) []NixConfItem {
	switch v.Kind {
	case List:
		out := make([]NixConfItem, 0, len(v.List))
		for _, el := range v.List {
			t, ok := confString(el)
			sp := el.Node.Span()
			if !el.Node.Valid() {
				sp = n.Span()
			}
			if ok && (el.Kind == String) {
				// A list element may itself hold several items.
				for _, it := range stringItems(el, el.Node, e) {
					it.Node = el.Node
					out = append(out, it)
				}
				continue
			}
			out = append(out, NixConfItem{Text: t, Known: ok, Span: sp, Node: el.Node})
		}
		return out
	case String:
		return stringItems(v, n, e)
	}
	t, ok := confString(v)
	return []NixConfItem{{Text: t, Known: ok, Span: n.Span()}}
}

// confString renders a scalar as NixOS writes it into nix.conf.
func confString(v Value) (string, bool) {
	switch v.Kind {
	case Bool:
		return strconv.FormatBool(v.Bool), true
	case Null:
		return "", true
	}
	if s, ok := coerceString(v); ok {
		return s, true
	}
	return v.String(), false
}

// srcText is a string value's decoded text with a map back to the source.
type srcText struct {
	text  string
	parts []nixast.StringPart // literal parts, when the value is a literal string node
	offs  []int               // start of each part in text
	known []bool              // per part: known text
	whole nixast.Span         // fallback span
}

const unknownMark = '\x00'

// newSrcText decodes v (a String value produced by node n; e is the scope
// to resolve interpolations in, or nil).
func newSrcText(v Value, n nixast.Node, e *env) *srcText {
	st := &srcText{whole: n.Span()}
	lit := v.Node
	if k := lit.Kind(); lit.Valid() && lit.File() == n.File() && (k == nixast.KindString || k == nixast.KindIndentedString) {
		var ev evaluator
		parts := nixast.StringParts(lit)
		var b strings.Builder
		for _, p := range parts {
			st.offs = append(st.offs, b.Len())
			if p.IsInterpolation() {
				// Use the resolved text when the evaluator knows it.
				if e != nil {
					if sp := ev.interp(p.Interp, e); sp.Known && strings.IndexByte(sp.Text, unknownMark) < 0 {
						b.WriteString(sp.Text)
						st.known = append(st.known, true)
						continue
					}
				}
				b.WriteByte(unknownMark)
				st.known = append(st.known, false)
			} else {
				b.WriteString(p.Text)
				st.known = append(st.known, true)
			}
		}
		st.parts, st.text = parts, b.String()
		return st
	}
	var b strings.Builder
	for _, p := range v.Parts {
		if p.Known {
			b.WriteString(p.Text)
		} else {
			b.WriteByte(unknownMark)
		}
	}
	st.text = b.String()
	return st
}

// span maps decoded text [i, j) to a source span.
func (t *srcText) span(i, j int) nixast.Span {
	if t.parts == nil {
		return t.whole
	}
	pi := sort.SearchInts(t.offs, i+1) - 1
	pj := sort.SearchInts(t.offs, j) - 1
	if pi < 0 || pj < 0 {
		return t.whole
	}
	startPart, endPart := t.parts[pi], t.parts[pj]
	var start, end int
	if startPart.IsInterpolation() {
		start = startPart.Span.Start
	} else {
		start = startPart.SourceOffset(i - t.offs[pi])
	}
	if endPart.IsInterpolation() {
		end = endPart.Span.End
	} else {
		end = endPart.SourceSpan(0, j-t.offs[pj]).End
		if j-t.offs[pj] == 0 {
			end = endPart.SourceOffset(0)
		}
	}
	if end < start {
		end = start
	}
	return nixast.Span{Start: start, End: end}
}

// stringItems splits a string value at whitespace.
func stringItems(v Value, n nixast.Node, e *env) []NixConfItem {
	t := newSrcText(v, n, e)
	var out []NixConfItem
	forFields(t.text, 0, len(t.text), func(i, j int) {
		out = append(out, t.item(i, j))
	})
	return out
}

func (t *srcText) item(i, j int) NixConfItem {
	s := t.text[i:j]
	known := strings.IndexByte(s, unknownMark) < 0
	if !known {
		s = strings.ReplaceAll(s, string(unknownMark), "${…}")
	}
	return NixConfItem{Text: s, Known: known, Span: t.span(i, j)}
}

func isConfSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// forFields calls fn for each whitespace-separated field of text[from:to].
func forFields(text string, from, to int, fn func(i, j int)) {
	for i := from; i < to; {
		for i < to && isConfSpace(text[i]) {
			i++
		}
		j := i
		for j < to && !isConfSpace(text[j]) {
			j++
		}
		if j > i {
			fn(i, j)
		}
		i = j
	}
}

// parseNixConfLines reads a nix.conf text definition line by line, as
// Nix's config parser does.
func parseNixConfLines(d *Definition, from NixConfSource) []*NixConfSetting {
	if d.Value.Kind != String {
		return nil
	}
	t := newSrcText(d.Value, d.Node, d.env)
	var out []*NixConfSetting
	text := t.text
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		lineEnd := end
		if h := strings.IndexByte(text[start:end], '#'); h >= 0 {
			end = start + h
		}
		var fields [][2]int
		forFields(text, start, end, func(i, j int) { fields = append(fields, [2]int{i, j}) })
		if st := nixConfLine(t, fields, d, from); st != nil {
			st.LineSpan = t.span(start, lineEnd)
			out = append(out, st)
		}
		start = lineEnd + 1
	}
	return out
}

func nixConfLine(t *srcText, fields [][2]int, d *Definition, from NixConfSource) *NixConfSetting {
	if len(fields) < 2 {
		return nil // empty, or not a setting (Nix rejects the file)
	}
	kf := fields[0]
	written := t.text[kf[0]:kf[1]]
	if strings.IndexByte(written, unknownMark) >= 0 {
		return nil // the key itself is unknown
	}
	st := &NixConfSetting{Source: from, Def: d, KeySpan: t.span(kf[0], kf[1])}
	var valFields [][2]int
	switch {
	case (written == "include" || written == "!include") && len(fields) == 2:
		st.Key, st.WrittenKey = written, written
		valFields = fields[1:]
	case t.text[fields[1][0]:fields[1][1]] == "=":
		st.WrittenKey = written
		st.Key, st.Append = NixConfKey(written)
		valFields = fields[2:]
	default:
		return nil // "illegal configuration line" for Nix
	}
	var val strings.Builder
	known := true
	for i, f := range valFields {
		it := t.item(f[0], f[1])
		st.Items = append(st.Items, it)
		if i > 0 {
			val.WriteByte(' ')
		}
		val.WriteString(it.Text)
		known = known && it.Known
	}
	if len(valFields) > 0 {
		st.ValueSpan = t.span(valFields[0][0], valFields[len(valFields)-1][1])
	} else {
		st.ValueSpan = nixast.Span{Start: st.KeySpan.End, End: st.KeySpan.End}
	}
	st.Value = Value{Kind: String, Node: d.Node, Parts: []StrPart{{Text: val.String(), Known: known}}}
	return st
}
