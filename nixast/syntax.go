package nixast

import "fmt"

// SyntaxError is a place where the source is not valid Nix.
type SyntaxError struct {
	Span    Span
	Message string
}

func (e SyntaxError) String() string {
	return fmt.Sprintf("%d-%d: %s", e.Span.Start, e.Span.End, e.Message)
}

// syntaxErrors collects ERROR and MISSING nodes, descending only into
// subtrees that contain one, so a clean file costs a single check.
func syntaxErrors(f *File) []SyntaxError {
	root := f.Root()
	if !root.HasError() {
		return nil
	}
	var errs []SyntaxError
	root.Walk(func(n Node) bool {
		switch {
		case n.IsMissing():
			errs = append(errs, missingError(n))
			return false
		case n.Kind() == KindError:
			errs = append(errs, unexpectedError(n))
			return false
		}
		return n.HasError()
	})
	return errs
}

func missingError(n Node) SyntaxError {
	what := n.Text()
	if !n.IsNamed() {
		what = tokenName(n)
	} else {
		what = n.Kind().String()
	}
	// A zero-width node: point at the end of the previous token, where the
	// missing text belongs.
	return SyntaxError{Span: Span{n.Start(), n.Start()}, Message: "missing " + what}
}

func tokenName(n Node) string {
	// The missing token's text is empty in the source; the grammar symbol
	// name is the token itself.
	if s := symbolText(n); s != "" {
		return fmt.Sprintf("%q", s)
	}
	return "token"
}

func unexpectedError(n Node) SyntaxError {
	sp := n.Span()
	first := n.FirstChild()
	desc := "unexpected input"
	if first.Valid() {
		t := first.Text()
		if len(t) > 20 {
			t = t[:20] + "…"
		}
		if t != "" {
			desc = fmt.Sprintf("unexpected %q", t)
		}
	} else if sp.Len() == 0 {
		desc = "unexpected end of file"
	}
	if sp.Len() > 0 && sp.End >= len(n.f.Src) && sp.Start == sp.End {
		desc = "unexpected end of file"
	}
	return SyntaxError{Span: sp, Message: desc}
}
