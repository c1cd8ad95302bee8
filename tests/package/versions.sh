#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The one version of CMakeLists.txt, printed by --version of all three programs (baton's without a
# display) and named by debian/changelog.
set -euo pipefail
VERSION=${BATON_VERSION:?set BATON_VERSION to the version in CMakeLists.txt}
status=0
for program in "$@"; do
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$program" --version 2>&1) || true
    name=$(basename "$program")
    if [[ $out == "$name $VERSION" ]]; then
        echo "ok: $name --version: $out"
    else
        echo "FAIL: $name --version says '$out', not '$name $VERSION'" >&2
        status=1
    fi
done
changelog=$(dpkg-parsechangelog -l "$(dirname "$0")/../../debian/changelog" -S Version)
if [[ $changelog == "$VERSION" ]]; then
    echo "ok: debian/changelog: $changelog"
else
    echo "FAIL: debian/changelog names $changelog, CMakeLists.txt $VERSION" >&2
    status=1
fi
exit $status
