package analyzer

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/nixsec/nixsec/nixast"
)

// A dump of the model, for `nixsec dump-options` and the model's golden
// tests: per system, every definition with its locations, priority,
// conditions and status.

// DumpPos is a file position, 1-based (columns in bytes + 1).
type DumpPos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

func (p DumpPos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// DumpCondition is one condition guarding a definition.
type DumpCondition struct {
	Text      string  `json:"text"`
	Holds     string  `json:"holds"` // true, false or unknown
	Else      bool    `json:"else,omitempty"`
	ViaConfig bool    `json:"viaConfig,omitempty"`
	At        DumpPos `json:"at"`
}

// DumpDefinition is one definition.
type DumpDefinition struct {
	Path        string          `json:"path"`
	WrittenPath string          `json:"writtenPath,omitempty"` // for a renamed (legacy) option
	Value       string          `json:"value"`
	Kind        string          `json:"kind"`
	Key         DumpPos         `json:"key"`
	ValueAt     DumpPos         `json:"valueAt"`
	Priority    int             `json:"priority"`
	Order       int             `json:"order,omitempty"`
	Conditions  []DumpCondition `json:"conditions,omitempty"`
	Status      string          `json:"status"`
	By          *DumpPos        `json:"overriddenBy,omitempty"`
	Opaque      bool            `json:"opaque,omitempty"`
	ViaConfig   bool            `json:"viaConfig,omitempty"`
}

// DumpSystem is one system and its definitions.
type DumpSystem struct {
	Name        string           `json:"name"`
	Context     string           `json:"context"`
	Parent      string           `json:"parent,omitempty"`
	Entry       string           `json:"entry,omitempty"`
	Kind        string           `json:"kind"`
	Installer   bool             `json:"installer,omitempty"`
	Container   bool             `json:"containerGuest,omitempty"`
	Throwaway   bool             `json:"throwaway,omitempty"`
	Files       []string         `json:"files"`
	External    []string         `json:"externalModules,omitempty"` // imports nixsec cannot read
	Definitions []DumpDefinition `json:"definitions"`
}

// DumpProblem is a model problem (a missing import).
type DumpProblem struct {
	At      DumpPos `json:"at"`
	Message string  `json:"message"`
}

// DumpFile is an analysed file and what it is.
type DumpFile struct {
	Path string `json:"path"`
	Kind string `json:"kind"`
}

// Dump is the whole model.
type Dump struct {
	Files    []DumpFile    `json:"files"`
	Systems  []DumpSystem  `json:"systems"`
	Problems []DumpProblem `json:"problems,omitempty"`
}

// Dump describes the model; rel rewrites file paths for display (nil
// keeps them).
func (m *Model) Dump(rel func(string) string) Dump {
	if rel == nil {
		rel = func(s string) string { return s }
	}
	pos := func(f *nixast.File, n nixast.Node) DumpPos {
		if f == nil || !n.Valid() {
			return DumpPos{}
		}
		p := f.Lines.Human(n.Start())
		return DumpPos{File: rel(f.Path), Line: p.Line, Col: p.Col}
	}
	var out Dump
	for p, k := range m.Kinds {
		out.Files = append(out.Files, DumpFile{Path: rel(p), Kind: k.String()})
	}
	sort.Slice(out.Files, func(i, j int) bool { return out.Files[i].Path < out.Files[j].Path })
	for _, s := range m.AllSystems() {
		ds := DumpSystem{Name: s.Name, Context: s.Context.String(), Kind: s.Kind.String(), Installer: s.Installer,
			Container: s.ContainerGuest(), Throwaway: s.Throwaway(), Files: []string{}, Definitions: []DumpDefinition{}}
		if ds.Name == "" {
			ds.Name = "(top)"
		}
		if s.Parent != nil {
			ds.Parent = s.Parent.Name
			if ds.Parent == "" {
				ds.Parent = "(top)"
			}
		}
		if s.Entry != nil {
			ds.Entry = rel(s.Entry.Path)
		}
		for _, f := range s.Files {
			ds.Files = append(ds.Files, rel(f.Path))
		}
		for _, n := range s.OpaqueImports {
			ds.External = append(ds.External, oneLine(n.Text(), 80))
		}
		for _, d := range s.Defs {
			dd := DumpDefinition{Path: d.PathString(), Value: d.Value.String(), Kind: d.Value.Kind.String(),
				Key: pos(d.File, d.Key), ValueAt: pos(d.File, d.Node), Priority: d.Priority, Status: d.Status.String(),
				Opaque: d.Opaque, ViaConfig: d.ViaConfig}
			if d.Renamed() {
				dd.WrittenPath = JoinPath(d.WrittenPath)
			}
			if d.Order != 1000 {
				dd.Order = d.Order
			}
			for _, c := range d.Conditions {
				dd.Conditions = append(dd.Conditions, DumpCondition{Text: oneLine(c.Node.Text(), 80), Holds: c.Holds().String(),
					Else: c.Else, ViaConfig: c.ViaConfig, At: pos(c.Node.File(), c.Node)})
			}
			if d.By != nil {
				p := pos(d.By.File, d.By.Key)
				dd.By = &p
			}
			ds.Definitions = append(ds.Definitions, dd)
		}
		out.Systems = append(out.Systems, ds)
	}
	for _, p := range m.Problems {
		out.Problems = append(out.Problems, DumpProblem{At: pos(p.File, p.Node), Message: p.Message})
	}
	return out
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		s = s[:max] + "…"
	}
	return s
}

// WriteText writes the dump for people.
func (d Dump) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, f := range d.Files {
		fmt.Fprintf(&b, "file %s: %s\n", f.Path, f.Kind)
	}
	for _, s := range d.Systems {
		b.WriteByte('\n')
		fmt.Fprintf(&b, "system %s (%s, %s)", s.Name, s.Context, s.Kind)
		var flags []string
		if s.Parent != "" {
			flags = append(flags, "in "+s.Parent)
		}
		if s.Installer {
			flags = append(flags, "installer")
		}
		if s.Container {
			flags = append(flags, "container guest")
		}
		if s.Throwaway {
			flags = append(flags, "throwaway")
		}
		if len(flags) > 0 {
			b.WriteString(" [" + strings.Join(flags, ", ") + "]")
		}
		b.WriteByte('\n')
		if len(s.Files) > 0 {
			b.WriteString("  files: " + strings.Join(s.Files, " ") + "\n")
		}
		if len(s.External) > 0 {
			b.WriteString("  external modules: " + strings.Join(s.External, " ") + "\n")
		}
		for _, dd := range s.Definitions {
			fmt.Fprintf(&b, "  %s = %s\n", dd.Path, oneLine(dd.Value, 200))
			fmt.Fprintf(&b, "      key %s  value %s  priority %d", dd.Key, dd.ValueAt, dd.Priority)
			if dd.Order != 0 {
				fmt.Fprintf(&b, "  order %d", dd.Order)
			}
			fmt.Fprintf(&b, "  %s", dd.Status)
			if dd.By != nil {
				fmt.Fprintf(&b, " by %s", dd.By)
			}
			if dd.Opaque {
				b.WriteString("  opaque")
			}
			if dd.ViaConfig {
				b.WriteString("  via config")
			}
			b.WriteByte('\n')
			if dd.WrittenPath != "" {
				fmt.Fprintf(&b, "      written as %s\n", dd.WrittenPath)
			}
			for _, c := range dd.Conditions {
				neg := ""
				if c.Else {
					neg = "else of "
				}
				via := ""
				if c.ViaConfig {
					via = " (via config)"
				}
				fmt.Fprintf(&b, "      if %s`%s` at %s: %s%s\n", neg, c.Text, c.At, c.Holds, via)
			}
		}
	}
	for i, p := range d.Problems {
		if i == 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "problem %s: %s\n", p.At, p.Message)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
