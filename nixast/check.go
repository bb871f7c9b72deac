package nixast

// Problem is something Nix itself rejects when it parses a file, although
// tree-sitter accepts it: a duplicate attribute or an undefined variable.
type Problem struct {
	Code    string // "duplicate-attr" or "undefined-var"
	Span    Span
	Message string // worded like Nix's own error
	Related []Span // e.g. the earlier definition of a duplicate attribute
}

// Problem codes.
const (
	CodeDuplicateAttr = "duplicate-attr"
	CodeUndefinedVar  = "undefined-var"
)

// Check reports the errors Nix's parser raises after the grammar accepts a
// file. It never panics; on a file with syntax errors it stays silent about
// the broken regions.
func Check(f *File) []Problem {
	return nil
}
