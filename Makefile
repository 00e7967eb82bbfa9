# Attest: two commands on a fresh Debian machine.
#   make proofs   install missing system packages, build in release mode, check every claim in proofs/
#   make test     install missing system packages, run the test suite
# Also: make bench (benchmarks, release), make bench-dynamics (P1a and P1b: Attest's Taylor stepper against heyoka and
# mpmath.odefun, in one run; minutes), make bench-steppers (P1a: every Attest stepper against the Taylor stepper;
# about an hour), make leaks (valgrind leak check), make sanitize (AddressSanitizer and LeakSanitizer on the
# MultiPrecision and LinearAlgebra tests), make fuzz (libFuzzer on the claim-file and Symbolic expression parsers,
# FUZZ_SECONDS each), make test-python (the Python package python/ in .venv-python, against the debug binary), make probe (the adversarial probe of the release binary: hundreds of hostile inputs to every
# subcommand, each with its expected exit status), make docs (tables, figures and the HTML report, compiled and rendered),
# make docs-api (the DocC documentation of every library module; fails on any warning), make build, make clean.

SWIFT ?= swift
RELEASE_BIN = .build/release

.PHONY: deps test test-python slurm-test proofs bench bench-dynamics bench-steppers bench-rigorous leaks sanitize fuzz probe docs docs-api build release clean

deps:
	@scripts/ensure-system-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product attest

test: deps
	$(SWIFT) test
	$(MAKE) test-python

# The Python package (python/, attest-claims): a virtual environment (.venv-python, not in git) with the package,
# pandas, matplotlib, pytest and (for the notebook test) nbclient, nbformat and ipykernel from PyPI, and its tests
# against the debug binary (ATTEST_BIN to use another).
PYTHON_VENV = .venv-python
ATTEST_BIN ?= $(CURDIR)/.build/debug/attest
test-python: deps
	$(SWIFT) build --product attest
	@python3 -c 'import ensurepip, venv' 2>/dev/null || scripts/ensure-system-deps.sh --apt python3-venv
	@test -x $(PYTHON_VENV)/bin/python || python3 -m venv $(PYTHON_VENV) || \
		(echo "make test-python: python3 -m venv failed; on Debian: apt-get install python3-venv" >&2; exit 1)
	$(PYTHON_VENV)/bin/pip install -q ./python pytest nbclient nbformat ipykernel
	$(PYTHON_VENV)/bin/pip install -q --no-deps --force-reinstall ./python
	ATTEST=$(ATTEST_BIN) $(PYTHON_VENV)/bin/python -m pytest -q python/tests

# A real single-node Slurm (slurm-wlm and munge from Debian, installed when missing, started by hand under a
# temporary folder) runs the commands of docs/scale-out.md on a sweep; the merged report must equal a run on one
# machine. Needs root and daemons, so it is not part of `make test`; it stops every daemon it started.
slurm-test: deps
	$(SWIFT) build --product attest
	scripts/slurm-test.sh .build/debug/attest

# Instances run two at a time (the numbers do not depend on it); JOBS=1 for one. The run's JSON report is then compared
# with the stored report of proofs/ from before the issue-17 refactoring (proofs/baseline/): the same verdicts, and
# every measured value within the two runs' error estimates together (`attest compare`; quantities renamed since are
# listed in proofs/baseline/renamed-quantities.json; stored values replaced by an independent reference in
# proofs/baseline/corrections.json).
JOBS ?= 2
PROOFS_REPORT ?= .build/proofs-report.json
PROOFS_BASELINE = proofs/baseline/proofs-cf384e1.json.gz
proofs: release
	$(RELEASE_BIN)/attest check --jobs $(JOBS) --report $(PROOFS_REPORT) proofs/
	$(RELEASE_BIN)/attest compare --renamed proofs/baseline/renamed-quantities.json \
		--corrections proofs/baseline/corrections.json $(PROOFS_BASELINE) $(PROOFS_REPORT)

bench: deps
	$(SWIFT) build -c release --product attest-benchmarks
	$(RELEASE_BIN)/attest-benchmarks

# P1a (and P1b on [0, 2]) at 256 and 512 bits: our release binary and the peers (heyoka 7.13.2 with hy.real, mpmath.odefun) alternately
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

# API documentation: `swift package generate-documentation` (swift-docc-plugin) for every library module, one at a
# time, with --warnings-as-errors; fails on any docc warning (an unresolved ``symbol`` link, a wrong or missing
# parameter). Archives in .build/plugins/Swift-DocC/outputs, logs in .build/docs-api. About 4-5 minutes once the
# debug build exists (not part of `make test`; .ci/run runs it).
.PHONY: docs-api
docs-api: deps
	SWIFT=$(SWIFT) scripts/docs-api.sh

# Runs a long loop of MultiPrecision operations under valgrind; fails on any definite or indirect leak.
leaks:
	@scripts/ensure-system-deps.sh valgrind
	$(SWIFT) build -c release --product attest-benchmarks
	scripts/leak-check.sh $(RELEASE_BIN)/attest-benchmarks

# AddressSanitizer, with LeakSanitizer's leak check at exit, on the MultiPrecision and LinearAlgebra tests; in a build
# folder of its own, so that the ordinary build stays warm. Only the Swift Testing run (XCTest's runner leaks a few
# objects of its own at exit, and the tests use Swift Testing).
SANITIZE_SCRATCH ?= .build-sanitize
SANITIZE_FILTER ?= MultiPrecisionTests|LinearAlgebraTests
sanitize: deps
	$(SWIFT) build --build-tests --scratch-path $(SANITIZE_SCRATCH) -Xswiftc -sanitize=address
	ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 $(SWIFT) test --skip-build --disable-xctest --scratch-path $(SANITIZE_SCRATCH) \
		-Xswiftc -sanitize=address --filter '$(SANITIZE_FILTER)'

# libFuzzer (with AddressSanitizer) on the claim-file parser and validator and on the Symbolic expression parser,
# FUZZ_SECONDS each; seeds in Fuzz/Corpus/NAME, new inputs in $(FUZZ_SCRATCH)/corpus/NAME, crashes in
# $(FUZZ_SCRATCH)/crashes/NAME (replay one with the normal build: .build/debug/NAME-fuzzer FILE). Leak detection is
# off: TOMLKit 0.6 leaks the strings and key lists it hands out (docs/reliability.md), which would end every run.
FUZZ_SECONDS ?= 60
FUZZ_SCRATCH ?= .build-fuzz
FUZZ_TARGETS = claim-file expression
fuzz: deps
	@for t in $(FUZZ_TARGETS); do \
		$(SWIFT) build --scratch-path $(FUZZ_SCRATCH) --product $$t-fuzzer \
			-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING || exit 1; \
		mkdir -p $(FUZZ_SCRATCH)/corpus/$$t $(FUZZ_SCRATCH)/crashes/$$t; \
		ASAN_OPTIONS=detect_leaks=0 $(FUZZ_SCRATCH)/debug/$$t-fuzzer -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 \
			-print_final_stats=1 -artifact_prefix=$(FUZZ_SCRATCH)/crashes/$$t/ \
			$(FUZZ_SCRATCH)/corpus/$$t Fuzz/Corpus/$$t || exit 1; \
	done

# The adversarial probe (scripts/probe/run-probe.py, Python standard library only): several hundred generated inputs
# across check, list, explain, table, plot and version, closed and full standard streams, signals; fails on any crash
# (a signal), hang (a time limit) or exit status other than the one each probe states.
probe: release
	python3 scripts/probe/run-probe.py --jobs $(JOBS) $(RELEASE_BIN)/attest

clean:
	rm -rf .build .build-sanitize .build-fuzz

# The conjecture language's two speed ratios (issue 15): P1a derived flow vs the hand-written field, and OMWU on P2a
# written in the language vs the built-in loop; paired runs, medians.
bench-conjectures: deps
	$(SWIFT) build -c release --product attest-benchmarks
	$(RELEASE_BIN)/attest-benchmarks --conjectures

# Rigorous mode (issue 18): OMWU on P2a, 10^5 steps at 256 bits in balls (Lohner QR) against the ordinary run; paired
# runs, medians; the relative radius of KL(10^5).
bench-rigorous: deps
	$(SWIFT) build -c release --product attest-benchmarks
	$(RELEASE_BIN)/attest-benchmarks --rigorous --repeats 3
