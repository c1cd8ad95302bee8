#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# systemd-analyze security (offline, as a unit file is read) for batond's unit as shipped (root),
# with the unprivileged drop-in applied, and for keepalived's stock unit from Debian 12's package
# (fetched with apt-get download). Lower is better; the bands are systemd's own.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/baton-unit-security.XXXX)
trap 'rm -rf "$work"' EXIT
score() { systemd-analyze security --offline=yes --no-pager "$1" 2>&1 | tail -n 1 | sed 's/.*: //'; }
echo "systemd $(systemd-analyze --version | head -n 1 | cut -d' ' -f2)"
echo "batond.service (root, as shipped):           $(score "$root/packaging/batond.service")"
# A drop-in's [Service] keys apply after the unit's: appending the section is the same thing.
mkdir -p "$work/unprivileged"
cat "$root/packaging/batond.service" "$root/packaging/batond-unprivileged.conf" > "$work/unprivileged/batond.service"
echo "batond.service + batond-unprivileged.conf:   $(score "$work/unprivileged/batond.service")"
(cd "$work" && apt-get download keepalived > /dev/null 2>&1) || { echo "apt-get download keepalived failed" >&2; exit 1; }
dpkg-deb -x "$work"/keepalived_*.deb "$work/keepalived"
echo "keepalived.service $(dpkg-deb -f "$work"/keepalived_*.deb Version) (stock):  $(score "$work/keepalived/lib/systemd/system/keepalived.service")"
