# Attest: two commands on a fresh Debian machine.
#   make proofs   install missing system packages, build in release mode, check every claim in proofs/
#   make test     install missing system packages, run the test suite
# Also: make bench (benchmarks, release), make leaks (valgrind leak check), make build, make clean.

SWIFT ?= swift
RELEASE_BIN = .build/release

.PHONY: deps test proofs bench leaks build release clean

deps:
	@scripts/ensure-system-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product attest

test: deps
	$(SWIFT) test

proofs: release
	$(RELEASE_BIN)/attest check proofs/

bench: deps
	$(SWIFT) build -c release --product attest-benchmarks
	$(RELEASE_BIN)/attest-benchmarks

# Runs a long loop of MultiPrecision operations under valgrind; fails on any definite or indirect leak.
leaks:
	@scripts/ensure-system-deps.sh valgrind
	$(SWIFT) build -c release --product attest-benchmarks
	scripts/leak-check.sh $(RELEASE_BIN)/attest-benchmarks

clean:
	rm -rf .build
