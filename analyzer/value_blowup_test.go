package analyzer

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestValueBlowup(t *testing.T) {
	for _, op := range []string{"++", "+", "//"} {
		var b strings.Builder
		b.WriteString("let a0 = ")
		switch op {
		case "++":
			b.WriteString("[ 1 ]")
		case "+":
			b.WriteString(`"xy"`)
		case "//":
			b.WriteString("{ x = [ 1 ]; }")
		}
		b.WriteString(";\n")
		for i := 1; i < 60; i++ {
			if op == "//" {
				fmt.Fprintf(&b, "  a%d = { l = a%d; r = a%d; };\n", i, i-1, i-1)
			} else {
				fmt.Fprintf(&b, "  a%d = a%d %s a%d;\n", i, i-1, op, i-1)
			}
		}
		b.WriteString("in { x = a59; y = [ a59 a59 ]; s = \"${a59}${a59}\"; }")
		start := time.Now()
		s := buildSrc(t, b.String())
		for _, d := range s.Defs {
			_ = d.Value.String()
			_ = d.Value.Known()
		}
		if el := time.Since(start); el > 2*time.Second {
			t.Errorf("%s: %v", op, el)
		}
	}
}

func TestMapBlowup(t *testing.T) {
	start := time.Now()
	s := buildSrc(t, `{ lib, ... }: let r = lib.range 1 4000; in { x = map (a: map (b: a + b) r) r; }`)
	_ = s.Defs[0].Value.String()
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("%v", el)
	}
}
