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
	for (;;) {
		TSNode node = ts_tree_cursor_current_node(&c);
		if (n < cap) {
			nixsec_node *o = &out[n];
			o->sym = ts_node_symbol(node);
			o->field = ts_tree_cursor_current_field_id(&c);
			o->flags = (ts_node_is_named(node) ? 1 : 0) | (ts_node_is_missing(node) ? 2 : 0) |
			           (ts_node_is_error(node) ? 4 : 0) | (ts_node_is_extra(node) ? 8 : 0) |
			           (ts_node_has_error(node) ? 16 : 0);
			o->start = ts_node_start_byte(node);
			o->end = ts_node_end_byte(node);
			o->parent = parent;
			o->next = 0;
		}
		uint32_t self = n++;
		if (depth == 4096 && self < cap && ts_node_child_count(node) > 0) {
			out[self].flags |= 32; // too deep: children not recorded
		}
		if (depth < 4096 && ts_tree_cursor_goto_first_child(&c)) {
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
