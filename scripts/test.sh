#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole test suite, as CI runs it: packages, format check, a warnings-as-errors build, every
# ctest test (unit and, as root, the network-namespace system tests), then the fuzzers for a
# bounded time. Run as root on a fresh Debian 12 machine: sudo scripts/test.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BATON_BUILD_DIR:-$root/build}
fuzz_seconds=${BATON_FUZZ_SECONDS:-60}

"$root/scripts/install-deps.sh"
"$root/scripts/check-format.sh"
BATON_BUILD_DIR=$build "$root/scripts/build.sh" -DBATON_WERROR=ON
(cd "$build" && ctest --output-on-failure --timeout 600)
"$root/tests/fuzz/run-fuzzers.sh" "$build-fuzz" "$fuzz_seconds"
