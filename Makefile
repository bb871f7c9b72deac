# nixsec build. `make build` needs only Go and gcc; the tree-sitter Nix grammar
# is materialized from the verified Go module download (tools/fetchgrammar).
# Run `make grammar` once before `go vet` or `go test` by hand.
GO ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/nixsec/nixsec/internal/version.Version=$(VERSION)

# Benchmarks: corpus seed and size (MB), iterations, and the -cpu list
# (1 = single core, then all cores).
BENCH_SEED ?= 1
BENCH_SIZE ?= 4
BENCHTIME ?= 5x
BENCH_CPUS ?= 1,$(shell nproc 2>/dev/null || echo 2)
CORPUS := .bench/corpus

# SARIF validation: Microsoft's SARIF Multitool from npm, pinned by the lock file.
SARIF_TOOLS := .ci/sarif
SARIF_STAMP := $(SARIF_TOOLS)/node_modules/.package-lock.json

.PHONY: all build grammar test vet fmt bench corpus sarif-check sarif-tools e2e-vscode clean

all: build

grammar: internal/tsnix/_grammar/SUM

internal/tsnix/_grammar/SUM: tools/fetchgrammar/main.go
	$(GO) run ./tools/fetchgrammar -out internal/tsnix/_grammar

build: grammar
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/nixsec ./cmd/nixsec

vet: grammar
	$(GO) vet ./...

test: build vet
	$(GO) test ./...

fmt:
	gofmt -l -w .

# A synthetic corpus of NixOS modules (git-ignored), the same for a given seed.
corpus:
	$(GO) run ./tools/gencorpus -out $(CORPUS) -seed $(BENCH_SEED) -size $(BENCH_SIZE)

# Parse throughput (MB/s) over the corpus, single core and all cores, then
# nixast.Parse against raw tree-sitter on the corpus's largest file.
bench: grammar corpus
	@echo "== corpus: nixast.Parse with GOMAXPROCS workers (-cpu $(BENCH_CPUS)); lint end to end"
	NIXSEC_BENCH_CORPUS=$(CURDIR)/$(CORPUS) $(GO) test -run '^$$' -bench 'Corpus$$' -benchtime $(BENCHTIME) -cpu $(BENCH_CPUS) ./cmd/nixsec
	@big=$$(ls -S $$(find $(CORPUS) -name '*.nix') | head -n 1); \
	echo "== one file, single core: $$big ($$(wc -c < $$big) bytes): raw tree-sitter vs nixast.Parse"; \
	NIXSEC_BENCH_FILE=$(CURDIR)/$$big $(GO) test -run '^$$' -bench '^Benchmark(RawParse|Parse)$$' -benchtime $(BENCHTIME) -cpu 1 ./internal/tsnix ./nixast
	@echo "== corpus, single core: raw tree-sitter, nixast.Parse, BuildModel, full analysis (parse + model + rules)"
	NIXSEC_BENCH_CORPUS=$(CURDIR)/$(CORPUS) $(GO) test -run '^$$' -bench '^BenchmarkAnalyze$$' -benchtime $(BENCHTIME) -cpu 1 ./analyzer

$(SARIF_STAMP): $(SARIF_TOOLS)/package.json $(SARIF_TOOLS)/package-lock.json
	cd $(SARIF_TOOLS) && npm ci --no-audit --no-fund
	-chmod u+x $(SARIF_TOOLS)/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool 2>/dev/null
	touch $@

sarif-tools: $(SARIF_STAMP)

# Lint examples/ (and the rule fixtures, rich in fixes and related locations)
# to SARIF and validate the logs: zero validator errors required. nixsec exits
# 1 when it finds something, which these folders are meant to make it do.
sarif-check: build sarif-tools
	rm -f bin/examples.sarif bin/fixtures.sarif
	bin/nixsec lint --format sarif --output bin/examples.sarif examples/ || [ $$? -eq 1 ]
	if [ -d testdata/rules ]; then bin/nixsec lint --format sarif --output bin/fixtures.sarif testdata/rules 2>/dev/null || [ $$? -le 2 ]; fi
	node $(SARIF_TOOLS)/check.js bin/examples.sarif $$([ -f bin/fixtures.sarif ] && echo bin/fixtures.sarif)

# The VS Code extension in a real VS Code (code-server 1.100 in headless
# Chromium, ../shared/tools/vscode-e2e): the Problems panel must show
# nixsec's findings on the right lines. Screenshot in bin/e2e-vscode/.
e2e-vscode: build
	bash editors/vscode/test/e2e.sh $(CURDIR)/bin/e2e-vscode

clean:
	rm -rf bin internal/tsnix/_grammar .bench $(SARIF_TOOLS)/node_modules
