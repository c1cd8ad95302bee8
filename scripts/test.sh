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
"$root/scripts/check-layering.sh"
# One compilation for the packages and the tests: dpkg-buildpackage builds the tree in $build (from
# scratch) with warnings as errors, skipping its own unit-test run since ctest runs everything
# below, and leaves the .debs in $build/debs for the package and server tests.
BATON_BUILD_DIR=$build BATON_WERROR=ON DEB_BUILD_OPTIONS="nocheck terse" "$root/scripts/package.sh"
if ((EUID == 0)); then
    # The tests that need no privilege run as an ordinary user first (Wireshark's practice): the
    # checks that root's privileges would make pointless (unreadable files, refused permissions)
    # run for real. Then root runs the rest: network namespaces, packages, booted servers.
    id baton-ci > /dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin baton-ci
    home=$(mktemp -d /tmp/baton-ci.XXXXXX)
    chown baton-ci "$home"
    mkdir -p "$build/Testing/Temporary" # ctest's logs: the only thing written into the build folder
    chown -R baton-ci "$build/Testing"
    runuser -u baton-ci -- env HOME="$home" XDG_RUNTIME_DIR="$home" \
        ctest --test-dir "$build" -L unit --output-on-failure --timeout 600
    rm -rf "$home"
    ctest --test-dir "$build" -LE unit --output-on-failure --timeout 600
else
    (cd "$build" && ctest --output-on-failure --timeout 600) # the netns and server tests fail without root
fi
"$root/tests/fuzz/run-fuzzers.sh" "$build-fuzz" "$fuzz_seconds"
