package analyzer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nixsec/nixsec/nixast"
)

// ValueKind is the static type of a resolved value.
type ValueKind uint8

const (
	Unknown ValueKind = iota // could not be resolved statically; Reason says why
	Null
	Bool
	Int
	Float
	String
	Path
	List
	Attrs
	Function // a lambda, or a known library function (Func names it)
)

var valueKindNames = [...]string{"unknown", "null", "bool", "int", "float", "string", "path", "list", "attrs", "function"}

func (k ValueKind) String() string { return valueKindNames[k] }

// StrPart is a piece of a string value: known text, or an interpolation
// nixsec could not resolve (Node is the ${...}).
type StrPart struct {
	Text  string
	Known bool
	Node  nixast.Node
}

// Attr is one attribute of an attrset value.
type Attr struct {
	Name  string
	Key   nixast.Node // the attribute name in the source
	Value Value
}

// Value is a statically resolved Nix value. Unknown is an honest answer:
// rules must not guess what an Unknown value holds.
type Value struct {
	Kind ValueKind
	Bool bool
	size int32 // elements, attributes and string length/256, recursively (see bound)

	Int    int64
	Float  float64
	Parts  []StrPart // String and Path: the text, possibly with unknown parts
	List   []Value
	Attrs  []Attr
	Func   string      // Function: "mkIf", "builtins.toString", ... or "" for a lambda
	Node   nixast.Node // the expression that produced the value
	Reason string      // Unknown: why it could not be resolved
	// Ref is set on an Unknown value that is `config.<Ref>` (or a part of
	// one): the option path it reads, as written. Empty (not nil) for
	// `config` itself.
	Ref []string
}

// unknown builds an Unknown value with a reason.
func unknown(n nixast.Node, format string, args ...any) Value {
	return Value{Kind: Unknown, Node: n, Reason: reason(format, args)}
}

// reason is fmt.Sprintf(format, args...), without fmt for the usual case
// of string arguments to %s verbs (Unknown values are made often).
func reason(format string, args []any) string {
	size, k := len(format), 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 >= len(format) || format[i+1] != 's' || k >= len(args) {
			return fmt.Sprintf(format, args...)
		}
		s, ok := args[k].(string)
		if !ok {
			return fmt.Sprintf(format, args...)
		}
		size += len(s) - 2
		k++
		i++
	}
	if k != len(args) {
		return fmt.Sprintf(format, args...)
	}
	if k == 0 {
		return format
	}
	var b strings.Builder
	b.Grow(size)
	k = 0
	for i := 0; i < len(format); i++ {
		if format[i] == '%' {
			b.WriteString(args[k].(string))
			k++
			i++
			continue
		}
		b.WriteByte(format[i])
	}
	return b.String()
}

func strValue(n nixast.Node, s string) Value {
	return Value{Kind: String, Node: n, Parts: []StrPart{{Text: s, Known: true}}}
}

// Known reports whether the value is fully resolved (for strings: no
// unknown interpolation; for lists and attrsets: every element).
func (v Value) Known() bool {
	switch v.Kind {
	case Unknown:
		return false
	case String, Path:
		for _, p := range v.Parts {
			if !p.Known {
				return false
			}
		}
	case List:
		for _, e := range v.List {
			if !e.Known() {
				return false
			}
		}
	case Attrs:
		for _, a := range v.Attrs {
			if !a.Value.Known() {
				return false
			}
		}
	}
	return true
}

// Str returns the text of a String or Path value and whether all of it is known.
// Unknown parts are rendered as "${…}".
func (v Value) Str() (string, bool) {
	if v.Kind != String && v.Kind != Path {
		return "", false
	}
	if len(v.Parts) == 1 && v.Parts[0].Known {
		return v.Parts[0].Text, true
	}
	var b strings.Builder
	known := true
	for _, p := range v.Parts {
		if p.Known {
			b.WriteString(p.Text)
		} else {
			b.WriteString("${…}")
			known = false
		}
	}
	return b.String(), known
}

// IsBool reports whether v is the boolean b for certain.
func (v Value) IsBool(b bool) bool { return v.Kind == Bool && v.Bool == b }

// IsStr reports whether v is exactly the string s.
func (v Value) IsStr(s string) bool {
	t, ok := v.Str()
	return ok && v.Kind == String && t == s
}

// Attr returns the attribute name of an Attrs value.
func (v Value) Attr(name string) (Value, bool) {
	for i := len(v.Attrs) - 1; i >= 0; i-- { // later definitions win, as with //
		if v.Attrs[i].Name == name {
			return v.Attrs[i].Value, true
		}
	}
	return Value{}, false
}

// String renders v as Nix-like text for messages and dump-options.
func (v Value) String() string {
	switch v.Kind {
	case Unknown:
		if v.Reason != "" {
			return "<unknown: " + v.Reason + ">"
		}
		return "<unknown>"
	case Null:
		return "null"
	case Bool:
		return strconv.FormatBool(v.Bool)
	case Int:
		return strconv.FormatInt(v.Int, 10)
	case Float:
		return strconv.FormatFloat(v.Float, 'g', -1, 64)
	case String:
		s, _ := v.Str()
		return strconv.Quote(s)
	case Path:
		s, _ := v.Str()
		return s
	case List:
		parts := make([]string, len(v.List))
		for i, e := range v.List {
			parts[i] = e.String()
		}
		return "[ " + strings.Join(parts, " ") + " ]"
	case Attrs:
		var b strings.Builder
		b.WriteString("{ ")
		for _, a := range v.Attrs {
			fmt.Fprintf(&b, "%s = %s; ", a.Name, a.Value)
		}
		b.WriteString("}")
		return b.String()
	case Function:
		if v.Func != "" {
			return "<function " + v.Func + ">"
		}
		return "<lambda>"
	}
	return "<?>"
}
