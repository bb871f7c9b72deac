package analyzer

// Temporary: stands in for nixast.AttrPath / nixast.StringParts until they land.

import "github.com/nixsec/nixsec/nixast"

type attrName struct {
	Name   string
	Static bool
	Node   nixast.Node
}

func attrPath(n nixast.Node) []attrName {
	var out []attrName
	for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
		if !c.IsNamed() || c.Kind() == nixast.KindComment {
			continue
		}
		switch c.Kind() {
		case nixast.KindIdentifier:
			out = append(out, attrName{c.Text(), true, c})
		case nixast.KindString:
			parts := stringParts(c)
			if len(parts) == 1 && !parts[0].Interp.Valid() {
				out = append(out, attrName{parts[0].Text, true, c})
			} else if len(parts) == 0 {
				out = append(out, attrName{"", true, c})
			} else {
				out = append(out, attrName{"", false, c})
			}
		case nixast.KindInterpolation:
			e := c.Child(nixast.FieldExpression).Unparen()
			if e.Kind() == nixast.KindString {
				ps := stringParts(e)
				if len(ps) == 1 && !ps[0].Interp.Valid() {
					out = append(out, attrName{ps[0].Text, true, c})
					continue
				}
			}
			out = append(out, attrName{"", false, c})
		}
	}
	return out
}

type strPart struct {
	Text   string
	Interp nixast.Node
}

func stringParts(n nixast.Node) []strPart {
	var out []strPart
	for c := n.FirstChild(); c.Valid(); c = c.NextSibling() {
		switch c.Kind() {
		case nixast.KindStringFragment:
			out = append(out, strPart{Text: c.Text()})
		case nixast.KindEscapeSequence:
			t := c.Text()
			r := t[len(t)-1:]
			switch r {
			case "n":
				r = "\n"
			case "t":
				r = "\t"
			case "r":
				r = "\r"
			}
			out = append(out, strPart{Text: r})
		case nixast.KindDollarEscape:
			out = append(out, strPart{Text: "$"})
		case nixast.KindInterpolation:
			out = append(out, strPart{Interp: c})
		}
	}
	// join adjacent texts
	var j []strPart
	for _, p := range out {
		if !p.Interp.Valid() && len(j) > 0 && !j[len(j)-1].Interp.Valid() {
			j[len(j)-1].Text += p.Text
			continue
		}
		j = append(j, p)
	}
	return j
}
