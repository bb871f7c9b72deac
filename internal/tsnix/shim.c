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

static uint32_t flatten(TSTree *t, nixsec_node *out, const void **ids, uint32_t cap, const nixsec_reuse *r, uint32_t *max_depth, uint32_t *copied);

// nixsec_flatten writes the tree in preorder; next[i] is the index just past
// node i's subtree, so siblings are found without pointers.
uint32_t nixsec_flatten(TSTree *t, nixsec_node *out, uint32_t cap) {
	uint32_t depth, copied;
	return flatten(t, out, NULL, cap, NULL, &depth, &copied);
}

// find_old returns the index of the old node that starts at start and has
// the given id, or -1. Old nodes are in preorder, so starts never decrease.
static int64_t find_old(const nixsec_reuse *r, uint32_t start, const void *id) {
	uint32_t lo = 0, hi = r->n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (r->nodes[mid].start < start) lo = mid + 1; else hi = mid;
	}
	for (; lo < r->n && r->nodes[lo].start == start; lo++) {
		if (r->ids[lo] == id) return lo;
	}
	return -1;
}

// nixsec_flatten_reuse is nixsec_flatten that also records each node's id
// (when ids is not NULL) and, when r is not NULL, copies the subtrees the
// parser reused from r's flattening instead of walking them again.
//
// A node's id is the address of its slot in its parent's child array. While
// the old tree is alive none of its slots can be reallocated, so a new node
// with an old id sits in a child array the parser reused unchanged: the old
// flattening of that subtree is exact, shifted by the node's move.
//
// *max_depth is set to a bound on the tree's depth (exact without reuse),
// *copied to the number of nodes copied rather than walked.
static uint32_t flatten(TSTree *t, nixsec_node *out, const void **ids, uint32_t cap, const nixsec_reuse *r, uint32_t *max_depth, uint32_t *copied) {
	TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(t));
	uint32_t n = 0, depth = 0, maxd = 0, ncopied = 0;
	if (r && r->max_depth >= NIXSEC_REUSE_DEPTH) r = NULL;
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
		uint32_t self = n;
		uint32_t start = ts_node_start_byte(node);
		int64_t old = -1;
		if (r && depth < NIXSEC_REUSE_DEPTH) {
			if (start < r->prefix) {
				old = find_old(r, start, node.id);
			} else if (start >= r->suffix) {
				old = find_old(r, start - r->suffix + r->old_suffix, node.id);
			}
		}
		if (old >= 0) {
			// Copy the old subtree: its root gets this position's parent and
			// field, the rest keeps its shape, shifted in bytes and indices.
			uint32_t from = (uint32_t)old, to = r->nodes[from].next;
			uint32_t len = to - from;
			int64_t dbytes = (int64_t)start - (int64_t)r->nodes[from].start;
			int64_t didx = (int64_t)self - (int64_t)from;
			for (uint32_t k = 0; k < len && self + k < cap; k++) {
				nixsec_node o = r->nodes[from + k];
				o.start = (uint32_t)((int64_t)o.start + dbytes);
				o.end = (uint32_t)((int64_t)o.end + dbytes);
				o.next = (uint32_t)((int64_t)o.next + didx);
				if (k == 0) {
					o.parent = parent;
					o.field = ts_tree_cursor_current_field_id(&c);
				} else {
					o.parent = (int32_t)((int64_t)o.parent + didx);
				}
				out[self + k] = o;
				if (ids) ids[self + k] = r->ids[from + k];
			}
			n += len;
			ncopied += len;
			// The copy is as deep below this node as it was below its old
			// place, at most the old tree's depth minus that place's depth.
			uint32_t oldDepth = 0;
			for (int32_t p = r->nodes[from].parent; p >= 0; p = r->nodes[p].parent) oldDepth++;
			uint32_t d = depth + (r->max_depth - oldDepth);
			if (d > maxd) maxd = d;
		} else {
			if (depth > maxd) maxd = depth;
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
				o->start = start;
				o->end = ts_node_end_byte(node);
				o->parent = parent;
				o->next = 0;
				if (ids) ids[n] = node.id;
			}
			n++;
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
		}
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (depth == 0 || !ts_tree_cursor_goto_parent(&c)) {
				ts_tree_cursor_delete(&c);
				*max_depth = maxd;
				*copied = ncopied;
				return n;
			}
			uint32_t up = stack[--depth];
			if (up < cap) out[up].next = n;
			parent = depth > 0 ? (int32_t)stack[depth - 1] : -1;
		}
	}
}

// The previous flattening comes as plain arguments: a struct holding Go
// pointers may not be passed to C.
uint32_t nixsec_flatten_reuse(TSTree *t, nixsec_node *out, const void **ids, uint32_t cap,
		const nixsec_node *old, const void *const *old_ids, uint32_t old_n, uint32_t old_max_depth,
		uint32_t prefix, uint32_t suffix, uint32_t old_suffix, uint32_t *max_depth, uint32_t *copied) {
	nixsec_reuse r = {old, old_ids, old_n, old_max_depth, prefix, suffix, old_suffix};
	return flatten(t, out, ids, cap, old ? &r : NULL, max_depth, copied);
}
