#include <stdint.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_nix(void);

typedef struct {
	uint32_t start, end;
	int32_t parent;
	uint32_t next;
	uint16_t sym, field;
	uint8_t flags;
} nixsec_node;

// What nixsec_flatten_reuse needs of the previous flattening: its nodes and
// ids, and how the text changed: bytes before prefix are unchanged, and new
// bytes from suffix on are the old bytes from old_suffix on.
typedef struct {
	const nixsec_node *nodes;
	const void *const *ids;
	uint32_t n, max_depth;
	uint32_t prefix, suffix, old_suffix;
} nixsec_reuse;

// Subtrees are reused only this far from the root, so a copied subtree can
// never cross the walk's 4096-level limit: only when the old tree and the
// node are both less deep than this.
#define NIXSEC_REUSE_DEPTH 2048

TSParser *nixsec_parser_new(void);
uint32_t nixsec_count(TSTree *t);
uint32_t nixsec_flatten(TSTree *t, nixsec_node *out, uint32_t cap);
uint32_t nixsec_flatten_reuse(TSTree *t, nixsec_node *out, const void **ids, uint32_t cap,
		const nixsec_node *old, const void *const *old_ids, uint32_t old_n, uint32_t old_max_depth,
		uint32_t prefix, uint32_t suffix, uint32_t old_suffix, uint32_t *max_depth, uint32_t *copied);
