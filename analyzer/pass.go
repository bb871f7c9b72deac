package analyzer

import (
	"fmt"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/nixsec/nixsec/diagnostics"
	"github.com/nixsec/nixsec/nixast"
)

// BuildModel builds the module model of the given files, following their
// relative imports on the file system. See BuildModelWith.
func BuildModel(files []*nixast.File) *Model { return BuildModelWith(files, ModelOptions{}) }

// BuildModelWith builds the module model of already parsed files. Imports
// among the given files use them; other imported files are read with
// opts.Loader and parsed through opts.Cache. Each given file that no other
// given file imports (directly, through its imports, or as a flake module)
// is an entry point: a module gives one System, a flake one System per host
// (plus its nixConfig), a NixOS test one System whose children are its
// nodes. A file with syntax errors gives no system.
func BuildModelWith(files []*nixast.File, opts ModelOptions) *Model {
	b := newBuilder(files, opts)
	order := make([]int, len(files))
	for i := range order {
		order[i] = i
	}
	// Likely importers first: flakes, then shallow paths, then the rest.
	rank := func(f *nixast.File) int {
		base := filepath.Base(f.Path)
		switch {
		case base == "flake.nix":
			return 0
		case base == "configuration.nix" || base == "default.nix":
			return 1
		}
		return 2
	}
	sort.SliceStable(order, func(i, j int) bool {
		fi, fj := files[order[i]], files[order[j]]
		if ri, rj := rank(fi), rank(fj); ri != rj {
			return ri < rj
		}
		return strings.Count(filepath.Clean(fi.Path), string(filepath.Separator)) < strings.Count(filepath.Clean(fj.Path), string(filepath.Separator))
	})
	built := make([][]*System, len(files))
	coveredBy := map[string]int{} // file path → index of the entry that includes it
	for _, i := range order {
		f := files[i]
		if _, ok := coveredBy[filepath.Clean(f.Path)]; ok {
			continue
		}
		if len(f.Errors) > 0 {
			if _, ok := b.model.Kinds[f.Path]; !ok {
				b.model.Kinds[f.Path] = FileUnknown
			}
			continue // a broken file gives no trustworthy definitions
		}
		built[i] = safeBuild(b, f)
		own := filepath.Clean(f.Path)
		for _, s := range built[i] {
			walkSystems(s, func(x *System) {
				for _, g := range x.Files {
					if p := filepath.Clean(g.Path); p != own {
						if _, ok := coveredBy[p]; !ok {
							coveredBy[p] = i
						}
					}
				}
			})
		}
	}
	for i, f := range files {
		if j, ok := coveredBy[filepath.Clean(f.Path)]; ok && j != i {
			continue // imported by another entry point
		}
		for _, s := range built[i] {
			s.finish()
			b.model.Systems = append(b.model.Systems, s)
		}
	}
	sort.SliceStable(b.model.Problems, func(i, j int) bool {
		pi, pj := b.model.Problems[i], b.model.Problems[j]
		if pi.File.Path != pj.File.Path {
			return pi.File.Path < pj.File.Path
		}
		return pi.Node.Start() < pj.Node.Start()
	})
	return b.model
}

// safeBuild builds one entry file; a panic in the model code drops that
// file's systems instead of the whole run.
func safeBuild(b *builder, f *nixast.File) (out []*System) {
	if !recoverModelPanics {
		return buildEntry(b, f)
	}
	defer func() {
		if v := recover(); v != nil {
			out = nil
			b.model.Problems = append(b.model.Problems, Problem{Kind: ModelPanic, File: f, Node: f.Root(),
				Message: fmt.Sprintf("internal error while reading the modules of this file (please report): %v\n%s", v, debug.Stack())})
		}
	}()
	return buildEntry(b, f)
}

// recoverModelPanics is turned off by FuzzModel so that panics surface.
var recoverModelPanics = true

// buildEntry builds one entry file's systems; tests replace it to make the
// model panic.
var buildEntry = (*builder).buildFile

func walkSystems(s *System, fn func(*System)) {
	fn(s)
	for _, c := range s.Children {
		walkSystems(c, fn)
	}
}

// Systems returns the systems NixOS-option rules should check: every
// system of the model, nested ones included, except Home Manager ones (a
// `programs.ssh` there is not the NixOS option) and flake nixConfig ones
// (read those through System.NixConf, or AllSystems). Darwin systems are
// included; test nodes, VM variants and installers too (ask
// System.Throwaway).
func (p *Pass) Systems() []*System {
	var out []*System
	for _, s := range p.Model.AllSystems() {
		if s.Context != HomeManager && s.Context != FlakeConfig {
			out = append(out, s)
		}
	}
	return out
}

// AllSystems returns every system, Home Manager and flake nixConfig
// systems included.
func (p *Pass) AllSystems() []*System { return p.Model.AllSystems() }

// NixConfSystems returns the systems whose nix.conf settings NIX rules
// check: NixOS and darwin systems and flake nixConfig systems.
func (p *Pass) NixConfSystems() []*System {
	var out []*System
	for _, s := range p.Model.AllSystems() {
		if s.Context != HomeManager {
			out = append(out, s)
		}
	}
	return out
}

// Finding starts a finding about definition d: located at its value, with
// its confidence, the rule's default severity and the system it belongs to.
func (p *Pass) Finding(d *Definition, format string, args ...any) diagnostics.Finding {
	f := diagnostics.Finding{
		RuleID:     p.Rule.ID,
		Severity:   p.Rule.Severity,
		Confidence: d.Confidence(),
		Message:    fmt.Sprintf(format, args...),
		Location:   d.Location(),
		System:     d.System.Name,
	}
	if d.Status == MaybeOverridden && d.By != nil {
		f.Related = append(f.Related, diagnostics.Related{
			Location: d.By.Location(),
			Message:  fmt.Sprintf("%s may be overridden here (priority %d)", d.PathString(), d.By.Priority),
		})
	}
	for _, c := range d.Conditions {
		if c.Holds() == TriUnknown {
			f.Related = append(f.Related, diagnostics.Related{
				Location: diagnostics.Location{Path: c.Node.File().Path, Span: c.Node.Span()}, // may be the importer's file
				Message:  "applies only when this condition holds",
			})
		}
	}
	return f
}

// At locates a finding at node n of d's file instead of d's whole value
// (a single list element, one string).
func At(f diagnostics.Finding, n nixast.Node) diagnostics.Finding {
	if n.Valid() {
		f.Path = n.File().Path
		f.Span = n.Span()
	}
	return f
}
