package analyzer

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/nixsec/nixsec/nixast"
)

// Loader reads a file the model needs but was not given (an import outside
// the analysed set). It returns an error wrapping fs.ErrNotExist when there
// is no such file; reading a directory must fail.
type Loader func(path string) ([]byte, error)

// OSLoader reads files from the file system, up to nixast.MaxFileSize.
func OSLoader(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", path)
	}
	if st.Size() > nixast.MaxFileSize {
		return nil, fmt.Errorf("%s: file too large", path)
	}
	return os.ReadFile(path)
}

// ModelOptions configure BuildModelWith.
type ModelOptions struct {
	// Loader reads imported files that are not among the given files; nil
	// uses OSLoader. A loader that always fails disables following imports
	// outside the given set (each is then reported as missing).
	Loader Loader
	// Cache keeps parsed imported files between builds, keyed by path and
	// content hash; nil uses a cache for this build only. The LSP server
	// passes one long-lived cache.
	Cache *FileCache
	// NoImports disables following imports altogether (no MOD-001 either).
	NoImports bool
}

// FileCache holds parsed files by path, reused while their content hash is
// unchanged. It is safe for concurrent use.
type FileCache struct {
	mu sync.Mutex
	m  map[string]cacheEntry
}

type cacheEntry struct {
	sum [32]byte
	f   *nixast.File
	err error
}

// NewFileCache returns an empty cache.
func NewFileCache() *FileCache { return &FileCache{m: map[string]cacheEntry{}} }

// Parse returns the parsed file for path and src, parsing only when the
// cache has no file for path with the same content.
func (c *FileCache) Parse(path string, src []byte) (*nixast.File, error) {
	sum := sha256.Sum256(src)
	c.mu.Lock()
	if e, ok := c.m[path]; ok && e.sum == sum {
		c.mu.Unlock()
		return e.f, e.err
	}
	c.mu.Unlock()
	f, err := nixast.Parse(path, src)
	c.mu.Lock()
	c.m[path] = cacheEntry{sum, f, err}
	c.mu.Unlock()
	return f, err
}

// Forget drops path from the cache.
func (c *FileCache) Forget(path string) {
	c.mu.Lock()
	delete(c.m, path)
	c.mu.Unlock()
}

// Len is the number of cached files.
func (c *FileCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

// builder builds a Model from a set of files.
type builder struct {
	opts     ModelOptions
	given    map[string]*nixast.File
	model    *Model
	loaded   map[string]loadResult
	problems map[string]bool
	mem      collectMem // shared by the build's collectors: one partly used block per model
}

func newBuilder(files []*nixast.File, opts ModelOptions) *builder {
	if opts.Loader == nil {
		opts.Loader = OSLoader
	}
	if opts.Cache == nil {
		opts.Cache = NewFileCache()
	}
	b := &builder{opts: opts, given: map[string]*nixast.File{}, loaded: map[string]loadResult{},
		problems: map[string]bool{}, model: &Model{Kinds: map[string]FileKind{}}}
	for _, f := range files {
		b.given[filepath.Clean(f.Path)] = f
	}
	return b
}

// newSystem starts a system whose entry file is f.
func newSystem(name string, ctx Context, f *nixast.File) *System {
	s := &System{Name: name, Context: ctx, Entry: f, seen: map[string]bool{}}
	if f != nil {
		s.Files = []*nixast.File{f}
		s.seen[filepath.Clean(f.Path)] = true
	}
	return s
}

// file returns the file an import of path refers to: path itself or, for a
// directory, path/default.nix. ok is false when neither exists.
func (b *builder) file(path string) (*nixast.File, string, bool) {
	path = filepath.Clean(path)
	cands := [2]string{path, filepath.Join(path, "default.nix")}
	for _, p := range cands {
		if f, ok := b.given[p]; ok {
			return f, p, true
		}
	}
	for _, p := range cands {
		r, ok := b.loaded[p]
		if !ok {
			src, err := b.opts.Loader(p)
			if err == nil {
				r.exists = true
				// A file that does not parse exists all the same: not "missing".
				r.f, _ = b.opts.Cache.Parse(p, src)
			}
			b.loaded[p] = r
		}
		if r.exists {
			return r.f, p, true
		}
	}
	return nil, path, false
}

type loadResult struct {
	f      *nixast.File
	exists bool
}

func (b *builder) problem(p Problem) {
	key := p.File.Path + ":" + fmt.Sprint(p.Node.Start())
	if b.problems[key] {
		return
	}
	b.problems[key] = true
	b.model.Problems = append(b.model.Problems, p)
}

// imports collects the modules of an `imports` list (or a
// home-manager.sharedModules list).
func (c *collector) imports(n nixast.Node, e *env, w wrap) {
	if c.ev.depth > maxEvalDepth {
		return
	}
	c.ev.depth++
	defer func() { c.ev.depth-- }()
	n = n.Unparen()
	switch n.Kind() {
	case nixast.KindList:
		for _, el := range n.ChildrenOf(nixast.FieldElement) {
			c.importElem(el, e, w)
		}
	case nixast.KindBinary:
		if n.Child(nixast.FieldOperator).Text() == "++" {
			c.imports(n.Child(nixast.FieldLeft), e, w)
			c.imports(n.Child(nixast.FieldRight), e, w)
		}
	case nixast.KindIf:
		_, cv := c.cond(n.Child(nixast.FieldCondition), e)
		if cv.Value != TriFalse {
			c.imports(n.Child(nixast.FieldConsequence), e, w.withCond(cv))
		}
		if cv.Value != TriTrue {
			cv.Else = true
			c.imports(n.Child(nixast.FieldAlternative), e, w.withCond(cv))
		}
	case nixast.KindLet:
		c.imports(n.Child(nixast.FieldBody), c.ev.letEnv(n, e), w)
	case nixast.KindWith:
		c.imports(n.Child(nixast.FieldBody), c.ev.withEnv(n, e), w)
	case nixast.KindVariable:
		if b, _ := e.lookup(n.Child(nixast.FieldName).Text()); b != nil && b.node.Valid() && b.attr == "" && !b.visiting {
			b.visiting = true
			c.imports(b.node, b.env, w)
			b.visiting = false
		}
	case nixast.KindApply:
		name, args := c.ev.calleeName(n, e)
		switch {
		case (name == "optionals" || name == "optional") && len(args) == 2:
			_, cv := c.cond(args[0], e)
			if cv.Value == TriFalse {
				return
			}
			if cv.Value == TriUnknown {
				w = w.withCond(cv)
			}
			if name == "optional" {
				c.importElem(args[1], e, w)
			} else {
				c.imports(args[1], e, w)
			}
		case (name == "flatten" || name == "concatLists") && len(args) == 1:
			c.imports(args[0], e, w)
		}
	}
}

// installerMarkers name the nixpkgs profiles that make a system an
// installer, netboot or SD card image. (installer/scan/not-detected.nix,
// which every generated hardware-configuration.nix imports, is not one.)
var installerMarkers = []string{"installer/cd-dvd/", "installer/netboot/", "installer/sd-card/", "installation-cd-",
	"installation-device.nix", "netboot-minimal.nix", "netboot-base.nix", "sd-image-", "sd-image.nix", "iso-image.nix"}

// isInstallerImport reports an import expression naming an image profile.
func isInstallerImport(n nixast.Node) bool {
	switch n.Kind() {
	case nixast.KindPath, nixast.KindSPath, nixast.KindString, nixast.KindBinary, nixast.KindApply:
	default:
		return false
	}
	if n.End()-n.Start() > 400 {
		return false
	}
	t := n.Text()
	if n.Kind() == nixast.KindPath && !strings.Contains(t, "installer/") {
		return false // ./sd-image.nix of the user's own tree is still their module
	}
	for _, m := range installerMarkers {
		if strings.Contains(t, m) {
			return true
		}
	}
	return false
}

// importElem collects one element of an imports list: a path, an
// `import ./x.nix`, an inline module, or a variable bound to one of these.
func (c *collector) importElem(el nixast.Node, e *env, w wrap) {
	if c.ev.depth > maxEvalDepth {
		return
	}
	c.ev.depth++
	defer func() { c.ev.depth-- }()
	el = el.Unparen()
	if isInstallerImport(el) {
		r := c.sys
		r.Installer, r.InstallerImport = true, el
	}
	switch el.Kind() {
	case nixast.KindPath:
		v := c.ev.eval(el, e)
		if p, ok := v.Str(); ok {
			c.importFile(p, el, w)
		}
	case nixast.KindApply:
		name, args := c.ev.calleeName(el, e)
		switch {
		case (name == "import" || name == "scopedImport") && len(args) >= 1:
			arg := args[0]
			if name == "scopedImport" && len(args) >= 2 {
				arg = args[1]
			}
			if a := arg.Unparen(); a.Kind() == nixast.KindPath {
				if p, ok := c.ev.eval(a, e).Str(); ok {
					c.importFile(p, a, w)
				}
			} else if a.Kind() == nixast.KindVariable {
				c.importElem(a, e, w)
			}
		case name == "optional" || name == "optionals" || name == "flatten" || name == "concatLists":
			c.imports(el, e, w)
		case name == "mkIf" || name == "mkMerge" || name == "mkDefault" || name == "mkForce" || name == "optionalAttrs":
			c.moduleW(el, e, w)
		default:
			// A module from a function call: nixsec cannot see it.
			c.sys.OpaqueImports = append(c.sys.OpaqueImports, el)
		}
	case nixast.KindAttrset, nixast.KindRecAttrset, nixast.KindFunction, nixast.KindLet, nixast.KindWith:
		c.moduleW(el, e, w)
	case nixast.KindVariable:
		b, _ := e.lookup(el.Child(nixast.FieldName).Text())
		if b != nil && b.node.Valid() && b.attr == "" && !b.visiting {
			b.visiting = true
			c.importElem(b.node, b.env, w)
			b.visiting = false
		} else {
			c.sys.OpaqueImports = append(c.sys.OpaqueImports, el)
		}
	case nixast.KindSelect, nixast.KindSPath, nixast.KindString, nixast.KindBinary:
		// inputs.x.nixosModules.y, <nixpkgs/…>, "${modulesPath}/…",
		// modulesPath + "/…": modules outside the analysed files.
		c.sys.OpaqueImports = append(c.sys.OpaqueImports, el)
	case nixast.KindIf:
		_, cv := c.cond(el.Child(nixast.FieldCondition), e)
		if cv.Value != TriFalse {
			c.importElem(el.Child(nixast.FieldConsequence), e, w.withCond(cv))
		}
		if cv.Value != TriTrue {
			cv.Else = true
			c.importElem(el.Child(nixast.FieldAlternative), e, w.withCond(cv))
		}
	}
}

// importFile follows `imports = [ ./x.nix ]` (or ./dir, meaning
// ./dir/default.nix) into this system, once per file.
func (c *collector) importFile(p string, at nixast.Node, w wrap) {
	if c.b == nil || c.b.opts.NoImports {
		return
	}
	if !strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "./") && !strings.HasPrefix(p, "../") {
		c.sys.OpaqueImports = append(c.sys.OpaqueImports, at)
		return // <nixpkgs/…> and ~/… are outside the analysed tree
	}
	target := p
	if !filepath.IsAbs(p) {
		target = filepath.Join(filepath.Dir(c.f.Path), p)
	}
	f, resolved, ok := c.b.file(target)
	if !ok {
		c.b.problem(Problem{Kind: MissingImport, File: c.f, Node: at, Target: filepath.Clean(target),
			Message: missingMessage(p, filepath.Clean(target))})
		return
	}
	if f == nil || c.sys.seen[resolved] {
		return // unreadable, or already part of this system (cycles end here)
	}
	c.sys.seen[resolved] = true
	c.sys.Files = append(c.sys.Files, f)
	// The importing context decides what a module file is: a file listed
	// in home-manager.users.<u> is a Home Manager module whatever it sets.
	if k, ok := c.b.model.Kinds[f.Path]; !ok || !c.sys.Context.IsNixOS() && (k == FileNixOS || k == FileUnknown) {
		c.b.model.Kinds[f.Path] = contextFileKind(c.sys.Context)
	}
	if len(f.Errors) > 0 {
		return // a broken file gives no trustworthy definitions
	}
	inner := c.forFile(f)
	inner.moduleW(f.Expr(), &env{vars: map[string]*binding{}}, w)
}

// contextFileKind is the kind of a module file imported into a system of
// context ctx.
func contextFileKind(ctx Context) FileKind {
	switch ctx {
	case HomeManager:
		return FileHomeManager
	case Darwin:
		return FileDarwin
	case FlakeConfig:
		return FileFlake
	}
	return FileNixOS
}

// declare records the defaults of options a custom module declares:
// `options.services.foo.port = mkOption { default = 80; };` and
// `enable = mkEnableOption "…";` (default false).
func (c *collector) declare(b nixast.Node, e *env) {
	segs := nixast.AttrPath(b.Child(nixast.FieldAttrpath))
	var path []string
	for _, s := range segs[1:] {
		if !s.Static {
			return
		}
		path = append(path, s.Name)
	}
	c.declareValue(b.Child(nixast.FieldExpression), path, e, 0)
}

func (c *collector) declareValue(n nixast.Node, path []string, e *env, depth int) {
	if depth > 32 {
		return
	}
	n = n.Unparen()
	switch n.Kind() {
	case nixast.KindAttrset, nixast.KindRecAttrset:
		for _, b := range bindings(n) {
			if b.Kind() != nixast.KindBinding {
				continue
			}
			p := append([]string(nil), path...)
			ok := true
			for _, s := range nixast.AttrPath(b.Child(nixast.FieldAttrpath)) {
				ok = ok && s.Static
				p = append(p, s.Name)
			}
			if ok {
				c.declareValue(b.Child(nixast.FieldExpression), p, e, depth+1)
			}
		}
	case nixast.KindLet:
		c.declareValue(n.Child(nixast.FieldBody), path, c.ev.letEnv(n, e), depth+1)
	case nixast.KindWith:
		c.declareValue(n.Child(nixast.FieldBody), path, c.ev.withEnv(n, e), depth+1)
	case nixast.KindApply:
		name, args := c.ev.calleeName(n, e)
		if name == "" {
			// `lib.mkOption` when lib is not a formal: go by the name.
			f, a := applyParts(n)
			if f.Kind() == nixast.KindSelect || f.Kind() == nixast.KindVariable {
				name, args = lastName(f), a
			}
		}
		if c.sys.Declared == nil {
			c.sys.Declared = map[string]Value{}
		}
		switch {
		case name == "mkEnableOption" && len(path) > 0:
			c.sys.Declared[pathKey(path)] = Value{Kind: Bool, Node: n}
		case name == "mkOption" && len(args) == 1 && len(path) > 0:
			// Only the default matters: evaluate that binding alone.
			arg := args[0].Unparen()
			if arg.Kind() != nixast.KindAttrset {
				return
			}
			for _, b := range bindings(arg) {
				if n, ok := firstName(b); ok && n == "default" && b.Kind() == nixast.KindBinding &&
					attrCount(b) == 1 {
					if d := c.ev.eval(b.Child(nixast.FieldExpression), e); d.Known() {
						c.sys.Declared[pathKey(path)] = d
					}
				}
			}
		}
	}
}

// lastName is the last attribute name of a select or a variable's name.
func lastName(n nixast.Node) string {
	n = n.Unparen()
	switch n.Kind() {
	case nixast.KindVariable:
		return n.Child(nixast.FieldName).Text()
	case nixast.KindSelect:
		segs := nixast.AttrPath(n)
		if len(segs) > 0 && segs[len(segs)-1].Static {
			return segs[len(segs)-1].Name
		}
	}
	return ""
}

func missingMessage(written, target string) string {
	if strings.HasSuffix(target, ".nix") {
		return fmt.Sprintf("imported file %s does not exist (no file %s)", written, target)
	}
	return fmt.Sprintf("imported file %s does not exist (no file %s, nor %s)", written, target, filepath.Join(target, "default.nix"))
}
