package diagnostics

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The JSON output must match the published schema in docs/json-schema.json.
func TestJSONMatchesSchema(t *testing.T) {
	raw, err := os.ReadFile("../docs/json-schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("json-schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("json-schema.json")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/*.json")
	if len(files) == 0 {
		t.Fatal("no golden JSON files")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := schema.Validate(v); err != nil {
			t.Errorf("%s does not match docs/json-schema.json: %v", f, err)
		}
	}
	// An empty report too: arrays are [] not null.
	var buf bytes.Buffer
	if err := WriteJSON(&buf, &Report{Tool: Tool{Name: "nixsec"}}); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if m["findings"] == nil || m["errors"] == nil {
		t.Errorf("empty report has null arrays: %s", buf.String())
	}
	v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err := schema.Validate(v); err != nil {
		t.Errorf("empty report does not match the schema: %v", err)
	}
}
