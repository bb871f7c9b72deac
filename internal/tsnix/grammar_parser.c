// The grammar's sources are materialized by `make grammar` (tools/fetchgrammar)
// from the verified module download and are never committed.
#if __has_include("_grammar/parser.c")
#include "_grammar/parser.c"
#else
#error "tree-sitter-nix sources missing: run 'make grammar' (or 'make build') first"
#endif
