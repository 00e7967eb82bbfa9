#!/usr/bin/env bash
# Installs the system packages Attest needs (GMP, MPFR, GLPK and Arb headers, pkg-config), only when missing.
# Usage: scripts/ensure-system-deps.sh [extra-command ...] [--apt extra-debian-package ...]
# Extra packages (e.g. valgrind for `make leaks`) are installed when their command is missing.
set -euo pipefail

need=()
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists gmp mpfr; then
    need+=(pkg-config libgmp-dev libmpfr-dev)
fi
# GLPK (the exact simplex behind the minimum-ℓ1 interpolant) has no pkg-config file on Debian: look for its header.
glpk_header_found() { [ -f /usr/include/glpk.h ] || [ -f /usr/local/include/glpk.h ]; }
glpk_header_found || need+=(libglpk-dev)
# Arb (ball arithmetic, on FLINT) has no pkg-config file on Debian either: look for its header.
arb_header_found() { [ -f /usr/include/arb.h ] || [ -f /usr/local/include/arb.h ]; }
arb_header_found || need+=(libflint-arb-dev)
# `--apt PACKAGE` names a Debian package to install when dpkg does not have it (for packages without a command,
# such as python3-venv); any other argument is a command, installed as the package of the same name when missing.
while [ $# -gt 0 ]; do
    if [ "$1" = "--apt" ] && [ $# -ge 2 ]; then
        dpkg -s "$2" >/dev/null 2>&1 || need+=("$2")
        shift 2
        continue
    fi
    command -v "$1" >/dev/null 2>&1 || need+=("$1")
    shift
done
[ ${#need[@]} -eq 0 ] && exit 0

echo "attest setup: installing missing system packages: ${need[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
    run=()
elif command -v sudo >/dev/null 2>&1; then
    run=(sudo)
else
    echo "attest setup: cannot install ${need[*]}: not root and sudo is not available." >&2
    echo "  Install them yourself (Debian/Ubuntu): apt-get install -y ${need[*]}" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "attest setup: apt-get not found; install GMP and MPFR development files (pkg-config names gmp, mpfr), GLPK (glpk.h, libglpk) and Arb (arb.h, libflint-arb, libflint) by hand." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! { "${run[@]}" apt-get update -qq && "${run[@]}" apt-get install -y -qq "${need[@]}" >/dev/null; }; then
    echo "attest setup: apt-get could not install ${need[*]}; see the messages above." >&2
    exit 1
fi
if ! pkg-config --exists gmp mpfr; then
    echo "attest setup: pkg-config still cannot find gmp and mpfr after installing." >&2
    exit 1
fi
if ! glpk_header_found; then
    echo "attest setup: glpk.h is still missing after installing libglpk-dev." >&2
    exit 1
fi
if ! arb_header_found; then
    echo "attest setup: arb.h is still missing after installing libflint-arb-dev." >&2
    exit 1
fi
echo "attest setup: done (GMP $(pkg-config --modversion gmp), MPFR $(pkg-config --modversion mpfr))." >&2
