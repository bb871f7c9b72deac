# nixsec build. `make build` needs only Go and gcc; the tree-sitter Nix grammar
# is materialized from the verified Go module download (tools/fetchgrammar).
GO ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/nixsec/nixsec/internal/version.Version=$(VERSION)

.PHONY: all build grammar test vet fmt bench clean

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

clean:
	rm -rf bin internal/tsnix/_grammar .bench
