// See grammar_parser.c.
#if __has_include("_grammar/scanner.c")
#include "_grammar/scanner.c"
#endif
