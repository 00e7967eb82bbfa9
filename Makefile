# Attest: two commands on a fresh Debian machine.
#   make proofs   install missing system packages, build in release mode, check every claim in proofs/
#   make test     install missing system packages, run the test suite
# Also: make bench (benchmarks, release), make bench-dynamics (P1a: Attest's Taylor stepper against heyoka and
# mpmath.odefun, in one run; minutes), make bench-steppers (P1a: every Attest stepper against the Taylor stepper;
# about an hour), make leaks (valgrind leak check), make docs (tables, figures and the HTML report, compiled and
# rendered), make build, make clean.

SWIFT ?= swift
RELEASE_BIN = .build/release

.PHONY: deps test proofs bench bench-dynamics bench-steppers leaks docs build release clean

deps:
	@scripts/ensure-system-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product attest

test: deps
	$(SWIFT) test

# Instances run two at a time (the numbers do not depend on it); JOBS=1 for one.
JOBS ?= 2
proofs: release
	$(RELEASE_BIN)/attest check --jobs $(JOBS) proofs/

bench: deps
	$(SWIFT) build -c release --product attest-benchmarks
	$(RELEASE_BIN)/attest-benchmarks

# P1a at 256 and 512 bits: our release binary and the peers (heyoka 7.13.2 with hy.real, mpmath.odefun) alternately
# in one run, medians and ratios. The peers live in a virtual environment (.venv-bench, not in git).
PEERS_PYTHON = .venv-bench/bin/python
bench-dynamics: deps
	$(SWIFT) build -c release --product attest-benchmarks
	@test -x $(PEERS_PYTHON) || (python3 -m venv .venv-bench && .venv-bench/bin/pip install -q heyoka==7.13.2 mpmath gmpy2)
	$(PEERS_PYTHON) Benchmarks/peers/p1_peers.py --ours $(RELEASE_BIN)/attest-benchmarks $(PEERS_ARGS)

# P1a at 256 and 512 bits with Gauss–Legendre, Fehlberg 7(8) and RK4: ladders of tolerances and step counts, each
# pass with one Taylor run for same-run ratios, and labelled projections where the targets are out of reach.
bench-steppers: deps
	$(SWIFT) build -c release --product attest-benchmarks
	python3 Benchmarks/peers/p1_steppers.py --ours $(RELEASE_BIN)/attest-benchmarks --bits 256 --budget 30
	python3 Benchmarks/peers/p1_steppers.py --ours $(RELEASE_BIN)/attest-benchmarks --bits 512 --budget 60

# Tables, figures and the HTML report that come out of Attest runs (examples/sweeps, headline claims), compiled with
# pdflatex and rendered with headless Chromium into docs/examples and docs/images (installs TeX and Chromium).
docs: release
	scripts/make-docs.sh $(RELEASE_BIN)/attest

# Runs a long loop of MultiPrecision operations under valgrind; fails on any definite or indirect leak.
leaks:
	@scripts/ensure-system-deps.sh valgrind
	$(SWIFT) build -c release --product attest-benchmarks
	scripts/leak-check.sh $(RELEASE_BIN)/attest-benchmarks

clean:
	rm -rf .build
