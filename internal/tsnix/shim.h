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

TSParser *nixsec_parser_new(void);
uint32_t nixsec_count(TSTree *t);
uint32_t nixsec_flatten(TSTree *t, nixsec_node *out, uint32_t cap);
