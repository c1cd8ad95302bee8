#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The built .debs as Debian sees them: lintian --pedantic without errors or warnings (the info and
# pedantic tags are listed), each package at the version CMake sets, the agent's side free of
# Qt Widgets/GUI, X and libssh, no file shipped by two packages, the man pages where they belong,
# the desktop file and AppStream metadata valid, every icon size present, and the unit's
# `systemd-analyze security` exposure in the "OK" band or better.
set -euo pipefail
DEBS=${BATON_DEBS:?set BATON_DEBS to the folder with the built .debs (scripts/package.sh)}
VERSION=${BATON_VERSION:?set BATON_VERSION to the version in CMakeLists.txt}
WORK=$(mktemp -d /tmp/baton-debs.XXXX)
trap 'rm -rf "$WORK"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
deb() {
    local found=("$DEBS/$1_${VERSION}_"*.deb)
    [[ -e ${found[0]} ]] || fail "no $1 package of version $VERSION in $DEBS (build them with scripts/package.sh)"
    echo "${found[0]}"
}
for tool in lintian desktop-file-validate appstreamcli systemd-analyze; do
    command -v "$tool" > /dev/null || fail "$tool is missing (scripts/install-deps.sh installs it)"
done
packages=(batond batonctl baton)
for p in "${packages[@]}"; do
    [[ $(dpkg-deb -f "$(deb "$p")" Version) == "$VERSION" ]] || fail "$p's version is not $VERSION"
    dpkg-deb -x "$(deb "$p")" "$WORK/$p"
    dpkg-deb -c "$(deb "$p")" | awk '$1 !~ /^d/ { print $6 }' | sed 's|^\./||' > "$WORK/$p.files"
done
echo "ok: batond, batonctl and baton are version $VERSION"

# lintian exits non-zero on errors only: warnings are looked for in its output.
lintian --pedantic --display-info --tag-display-limit 0 "$DEBS"/*_"${VERSION}"_*.deb > "$WORK/lintian" 2>&1 || true
grep -v '^running with root privileges' "$WORK/lintian" | sed 's/^/# /'
if grep -E '^[EW]: ' "$WORK/lintian"; then
    fail "lintian reports errors or warnings"
fi
echo "ok: lintian --pedantic: no errors, no warnings"

for p in batond batonctl; do
    depends=$(dpkg-deb -f "$(deb "$p")" Depends)
    echo "# $p Depends: $depends"
    if grep -Eo 'libqt6(widgets|gui|opengl|dbus)[^ ,]*|libx[a-z0-9-]*|libgl[a-z0-9-]*|libegl[a-z0-9-]*|libssh[a-z0-9-]*|libxkb[a-z0-9-]*' <<<"$depends"; then
        fail "$p depends on Qt Widgets/GUI, X or libssh"
    fi
done
echo "ok: the agent's packages need no Qt Widgets, X or libssh"

shared=$(sort "$WORK"/*.files | uniq -d | grep -v -e '^usr/share/doc/$' -e '/$' || true)
[[ -z $shared ]] || fail "files shipped by more than one package: $shared"
echo "ok: no file is shipped twice"

expect() { # expect PACKAGE PATH...
    local p=$1 f
    shift
    for f in "$@"; do grep -qx "$f" "$WORK/$p.files" || fail "$p does not ship $f"; done
}
expect batond usr/sbin/batond lib/systemd/system/batond.service etc/default/batond \
    usr/share/man/man8/batond.8.gz usr/share/man/man5/batond.conf.5.gz \
    usr/share/doc/batond/examples/batond.conf.example usr/share/doc/batond/examples/batond-unprivileged.conf
expect batonctl usr/bin/batonctl usr/share/man/man1/batonctl.1.gz
expect baton usr/bin/baton usr/share/man/man1/baton.1.gz usr/share/applications/org.example.baton.desktop \
    usr/share/metainfo/org.example.baton.metainfo.xml usr/share/icons/hicolor/scalable/apps/org.example.baton.svg
for size in 16 22 24 32 48 64 128 256; do
    png=usr/share/icons/hicolor/${size}x$size/apps/org.example.baton.png
    expect baton "$png"
    file -b "$WORK/baton/$png" | grep -q "PNG image data, $size x $size" || fail "$png is not a $size x $size PNG"
done
echo "ok: programs, unit, man pages, examples, launcher, metadata and all icon sizes are where they belong"

desktop-file-validate "$WORK/baton/usr/share/applications/org.example.baton.desktop" || fail "desktop-file-validate"
echo "ok: desktop-file-validate"
appstreamcli validate --no-net "$WORK/baton/usr/share/metainfo/org.example.baton.metainfo.xml" | sed 's/^/# /'
appstreamcli validate --no-net "$WORK/baton/usr/share/metainfo/org.example.baton.metainfo.xml" > /dev/null ||
    fail "appstreamcli validate --no-net"
grep -q "<release version=\"$VERSION\"" "$WORK/baton/usr/share/metainfo/org.example.baton.metainfo.xml" ||
    fail "the AppStream release is not $VERSION"
echo "ok: appstreamcli validate --no-net"

unit="$WORK/batond/lib/systemd/system/batond.service"
security=$(systemd-analyze security --offline=yes --no-pager "$unit" 2>&1 | tail -n 1)
echo "# $security"
grep -Eq 'exposure level for batond.service: [0-9.]+ (PERFECT|SAFE|OK)' <<<"$security" ||
    fail "the unit's exposure is worse than OK: $security"
echo "ok: systemd-analyze security: the root default is in the OK band or better"
