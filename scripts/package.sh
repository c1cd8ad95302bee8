#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian packages with dpkg-buildpackage -us -uc -b, the build tree in $BATON_BUILD_DIR
# (default build-deb/), and moves the .debs into its debs/ folder, where the server tests find
# them. scripts/test.sh builds through here with BATON_WERROR=ON and DEB_BUILD_OPTIONS=nocheck and
# then runs every test in that same tree: one compilation for the packages and the tests.
# The tree is rebuilt from scratch each time (dpkg-buildpackage cleans first).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export BATON_BUILD_DIR=${BATON_BUILD_DIR:-$root/build-deb}
cd "$root"
version=$(dpkg-parsechangelog -S Version)
arch=$(dpkg-architecture -q DEB_HOST_ARCH)
# dpkg-buildpackage writes its results next to the source folder; they are moved from there.
parent=$(dirname "$root")
dpkg-buildpackage -us -uc -b -j"$(nproc)"
mkdir -p "$BATON_BUILD_DIR/debs"
rm -f "$BATON_BUILD_DIR"/debs/*
for f in "$parent"/{baton,batond,batonctl}{,-dbgsym}_"${version}_$arch".deb \
    "$parent/baton_${version}_$arch".{buildinfo,changes}; do
    [[ -e $f ]] && mv "$f" "$BATON_BUILD_DIR/debs/"
done
ls -l "$BATON_BUILD_DIR/debs"
