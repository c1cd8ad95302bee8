#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole test suite, as CI runs it: packages, format check, a warnings-as-errors build of the
# Debian packages, every ctest test in that build (unit; package; as root the network-namespace
# system tests and the booted Debian servers), then the fuzzers for a bounded time.
# Run as root on a fresh Debian 12 machine: sudo scripts/test.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BATON_BUILD_DIR:-$root/build}
fuzz_seconds=${BATON_FUZZ_SECONDS:-60}

"$root/scripts/install-deps.sh"
"$root/scripts/check-format.sh"
# One compilation for the packages and the tests: dpkg-buildpackage builds the tree in $build (from
# scratch) with warnings as errors, skipping its own unit-test run since ctest runs everything
# below, and leaves the .debs in $build/debs for the package and server tests.
BATON_BUILD_DIR=$build BATON_WERROR=ON DEB_BUILD_OPTIONS="nocheck terse" "$root/scripts/package.sh"
(cd "$build" && ctest --output-on-failure --timeout 600)
"$root/tests/fuzz/run-fuzzers.sh" "$build-fuzz" "$fuzz_seconds"
