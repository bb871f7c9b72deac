// One cgo call per parse and per tree walk: crossing into C per node made the
// walk cost three times the parse itself (measured with go-tree-sitter's cursor).
#include "shim.h"

TSParser *nixsec_parser_new(void) {
	TSParser *p = ts_parser_new();
	if (p && !ts_parser_set_language(p, tree_sitter_nix())) {
		ts_parser_delete(p);
		return NULL;
	}
	return p;
}

uint32_t nixsec_count(TSTree *t) {
	return ts_node_descendant_count(ts_tree_root_node(t));
}

// nixsec_flatten writes the tree in preorder; next[i] is the index just past
// node i's subtree, so siblings are found without pointers.
uint32_t nixsec_flatten(TSTree *t, nixsec_node *out, uint32_t cap) {
	TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(t));
	uint32_t n = 0, depth = 0;
	uint32_t stack[4096];
	int32_t parent = -1;
	const TSLanguage *lang = ts_tree_language(t);
	uint32_t nsyms = ts_language_symbol_count(lang);
	if (nsyms > 1024) nsyms = 1024;
	uint8_t named[1024];
	for (uint32_t s = 0; s < nsyms; s++) {
		named[s] = ts_language_symbol_type(lang, (TSSymbol)s) == TSSymbolTypeRegular;
	}
	for (;;) {
		TSNode node = ts_tree_cursor_current_node(&c);
		if (n < cap) {
			nixsec_node *o = &out[n];
			TSSymbol sym = ts_node_symbol(node);
			// Named-ness is a property of the (public, alias-resolved) symbol.
			uint8_t flags = sym < nsyms ? named[sym] : (ts_node_is_named(node) ? 1 : 0);
			// A MISSING node always has has_error set (its error cost is
			// never zero), so a clean node costs one check instead of two.
			// An ERROR node can have a zero error cost: test the symbol.
			if (sym == (TSSymbol)-1) flags |= 4;
			if (ts_node_has_error(node)) {
				flags |= 16;
				if (ts_node_is_missing(node)) flags |= 2;
			}
			if (ts_node_is_extra(node)) flags |= 8;
			o->sym = sym;
			o->field = ts_tree_cursor_current_field_id(&c);
			o->flags = flags;
			o->start = ts_node_start_byte(node);
			o->end = ts_node_end_byte(node);
			o->parent = parent;
			o->next = 0;
		}
		uint32_t self = n++;
		if (depth == 4096 && self < cap && ts_node_child_count(node) > 0) {
			out[self].flags |= 32; // too deep: children not recorded
		}
		// Most nodes are leaves: asking the node costs less than letting the
		// cursor set up a child iteration that finds nothing.
		if (depth < 4096 && ts_node_child_count(node) > 0 && ts_tree_cursor_goto_first_child(&c)) {
			stack[depth++] = self;
			parent = (int32_t)self;
			continue;
		}
		if (self < cap) out[self].next = n;
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (depth == 0 || !ts_tree_cursor_goto_parent(&c)) {
				ts_tree_cursor_delete(&c);
				return n;
			}
			uint32_t up = stack[--depth];
			if (up < cap) out[up].next = n;
			parent = depth > 0 ? (int32_t)stack[depth - 1] : -1;
		}
	}
}
