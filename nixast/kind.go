package nixast

import "github.com/nixsec/nixsec/internal/tsnix"

// Kind is a node type of the tree-sitter Nix grammar. Named kinds mirror the
// grammar's names; every anonymous token (punctuation, keywords, operators) is
// KindToken, distinguished by its text.
type Kind uint8

const (
	KindInvalid Kind = iota
	KindToken        // anonymous token: "=", ";", "{", "let", "//", ...
	KindError        // ERROR node: text tree-sitter could not fit
	KindSourceCode
	KindApply
	KindAssert
	KindAttrpath
	KindAttrset
	KindBinary
	KindBinding
	KindBindingSet
	KindFormal
	KindFormals
	KindFunction
	KindHasAttr
	KindHPath
	KindIf
	KindIndentedString
	KindInherit
	KindInheritFrom
	KindInheritedAttrs
	KindInterpolation
	KindLetAttrset // legacy `let { body = ...; }`
	KindLet
	KindList
	KindParenthesized
	KindPath
	KindRecAttrset
	KindSelect
	KindString
	KindUnary
	KindVariable
	KindWith
	KindComment
	KindDollarEscape
	KindEllipses
	KindEscapeSequence
	KindFloat
	KindIdentifier
	KindInteger
	KindPathFragment
	KindSPath // <nixpkgs>
	KindStringFragment
	KindURI
	kindCount
)

var kindNames = [...]string{
	KindInvalid:        "invalid",
	KindToken:          "token",
	KindError:          "ERROR",
	KindSourceCode:     "source_code",
	KindApply:          "apply_expression",
	KindAssert:         "assert_expression",
	KindAttrpath:       "attrpath",
	KindAttrset:        "attrset_expression",
	KindBinary:         "binary_expression",
	KindBinding:        "binding",
	KindBindingSet:     "binding_set",
	KindFormal:         "formal",
	KindFormals:        "formals",
	KindFunction:       "function_expression",
	KindHasAttr:        "has_attr_expression",
	KindHPath:          "hpath_expression",
	KindIf:             "if_expression",
	KindIndentedString: "indented_string_expression",
	KindInherit:        "inherit",
	KindInheritFrom:    "inherit_from",
	KindInheritedAttrs: "inherited_attrs",
	KindInterpolation:  "interpolation",
	KindLetAttrset:     "let_attrset_expression",
	KindLet:            "let_expression",
	KindList:           "list_expression",
	KindParenthesized:  "parenthesized_expression",
	KindPath:           "path_expression",
	KindRecAttrset:     "rec_attrset_expression",
	KindSelect:         "select_expression",
	KindString:         "string_expression",
	KindUnary:          "unary_expression",
	KindVariable:       "variable_expression",
	KindWith:           "with_expression",
	KindComment:        "comment",
	KindDollarEscape:   "dollar_escape",
	KindEllipses:       "ellipses",
	KindEscapeSequence: "escape_sequence",
	KindFloat:          "float_expression",
	KindIdentifier:     "identifier",
	KindInteger:        "integer_expression",
	KindPathFragment:   "path_fragment",
	KindSPath:          "spath_expression",
	KindStringFragment: "string_fragment",
	KindURI:            "uri_expression",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Field is a grammar field name ("attrpath", "expression", "body", ...).
type Field uint16

const (
	FieldNone Field = iota
	FieldAlternative
	FieldArgument
	FieldAttr
	FieldAttrpath
	FieldAttrs
	FieldBinding
	FieldBody
	FieldCondition
	FieldConsequence
	FieldDefault
	FieldElement
	FieldEllipses
	FieldEnvironment
	FieldExpression
	FieldFormal
	FieldFormals
	FieldFunction
	FieldLeft
	FieldName
	FieldOperator
	FieldRight
	FieldUniversal
	fieldCount
)

var fieldNames = [...]string{
	FieldNone: "", FieldAlternative: "alternative", FieldArgument: "argument", FieldAttr: "attr",
	FieldAttrpath: "attrpath", FieldAttrs: "attrs", FieldBinding: "binding", FieldBody: "body",
	FieldCondition: "condition", FieldConsequence: "consequence", FieldDefault: "default",
	FieldElement: "element", FieldEllipses: "ellipses", FieldEnvironment: "environment",
	FieldExpression: "expression", FieldFormal: "formal", FieldFormals: "formals",
	FieldFunction: "function", FieldLeft: "left", FieldName: "name", FieldOperator: "operator",
	FieldRight: "right", FieldUniversal: "universal",
}

func (f Field) String() string {
	if int(f) < len(fieldNames) {
		return fieldNames[f]
	}
	return ""
}

// symKind and fieldOf translate the grammar's numbers once, by name, so a
// regenerated grammar with renumbered symbols still maps correctly.
var (
	symKind []Kind
	fieldOf []Field
)

func init() {
	byName := map[string]Kind{}
	for k := KindError; k < kindCount; k++ {
		byName[kindNames[k]] = k
	}
	n := tsnix.SymbolCount()
	symKind = make([]Kind, n+1)
	for s := 0; s < n; s++ {
		name := tsnix.SymbolName(uint16(s))
		if k, ok := byName[name]; ok {
			symKind[s] = k
		} else {
			symKind[s] = KindToken
		}
	}
	symKind[n] = KindToken
	fieldByName := map[string]Field{}
	for f := FieldAlternative; f < fieldCount; f++ {
		fieldByName[fieldNames[f]] = f
	}
	fieldOf = make([]Field, 64)
	for id := 1; id < len(fieldOf); id++ {
		fieldOf[id] = fieldByName[tsnix.FieldName(uint16(id))]
	}
}

func kindOf(sym uint16, flags uint8) Kind {
	if flags&tsnix.FlagError != 0 || sym == 0xFFFF {
		return KindError
	}
	if int(sym) < len(symKind) {
		k := symKind[sym]
		if k != KindToken && flags&tsnix.FlagNamed == 0 {
			return KindToken // anonymous node whose name collides with a named one
		}
		return k
	}
	return KindToken
}
