package server

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestLiveTreesBounded: only the Options.LiveTrees most recently used
// documents keep a tree and a model. An evicted document still gets the
// same diagnostics after an edit (parsed from scratch) as a fresh open of
// its text, and a hover on it still shows option values (its model is
// built again, and the document becomes live).
func TestLiveTreesBounded(t *testing.T) {
	c := newClient(t, Options{LiveTrees: 2})
	c.initialize(map[string]any{}, nil)
	text := genModule(60)
	uris := make([]string, 4)
	for i := range uris {
		uris[i] = fmt.Sprintf("file:///live/m%d.nix", i)
		c.open(uris[i], text, 1)
		c.waitPublish(0, uris[i], v32(1))
	}
	// live checks which documents keep a tree and a model; a document made
	// live by a hover gets its tree back only on its next edit.
	live := func(noTree int, want ...int) {
		t.Helper()
		c.srv.mu.Lock()
		defer c.srv.mu.Unlock()
		for i, u := range uris {
			d := c.srv.docs[u]
			hasModel := false
			if d.result != nil {
				d.result.modelMu.Lock()
				hasModel = d.result.model != nil
				d.result.modelMu.Unlock()
			}
			w := false
			for _, j := range want {
				w = w || i == j
			}
			if (d.doc.Live() != w && i != noTree) || hasModel != w {
				t.Errorf("m%d: tree %v, model %v; want both %v", i, d.doc.Live(), hasModel, w)
			}
		}
	}
	live(-1, 2, 3)

	// Edit the evicted m0: a port number changes, the firewall finding stays.
	at := strings.Index(text, "allowedTCPPorts = [ ") + len("allowedTCPPorts = [ ")
	line := strings.Count(text[:at], "\n")
	col := at - (strings.LastIndex(text[:at], "\n") + 1)
	from := c.noteCount()
	c.change(uris[0], 2, map[string]any{"range": rng(line, col, line, col+1), "text": "2"})
	got, _ := c.waitPublish(from, uris[0], v32(2))
	live(-1, 3, 0)
	edited := text[:at] + "2" + text[at+1:]
	fresh := "file:///live/fresh.nix"
	from = c.noteCount()
	c.open(fresh, edited, 1)
	want, _ := c.waitPublish(from, fresh, v32(1))
	// Related locations in the document itself name its own URI.
	for i := range want.Diagnostics {
		for j := range want.Diagnostics[i].RelatedInformation {
			if l := &want.Diagnostics[i].RelatedInformation[j].Location; string(l.URI) == fresh {
				l.URI = uris[0]
			}
		}
	}
	if len(got.Diagnostics) == 0 || !reflect.DeepEqual(got.Diagnostics, want.Diagnostics) {
		t.Errorf("evicted document after an edit: %d diagnostics, a fresh open of the same text %d\n%+v\n%+v",
			len(got.Diagnostics), len(want.Diagnostics), got.Diagnostics, want.Diagnostics)
	}
	live(-1, 0) // m0 and fresh are the two live documents

	// Hover on the evicted m2: the model is built again.
	h, ok := c.hoverAt(uris[2], posOf(t, text, "networking.hostName", 3))
	if !ok || !strings.Contains(h.Contents.Value, "Effective value: `\"bench\"`") {
		t.Errorf("hover on an evicted document: %v %q", ok, h.Contents.Value)
	}
	live(2, 2) // m2 is live again (its model, not yet a tree), m0 gave way

	// Lenses of the evicted m3 need its model too.
	var lenses []wireLens
	c.call("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": uris[3]}}, &lenses)
	if len(lenses) == 0 || !strings.HasPrefix(lenses[0].Command.Title, "exposure ") {
		t.Errorf("lenses of an evicted document: %+v", lenses)
	}
}
