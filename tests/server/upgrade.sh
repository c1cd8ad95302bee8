#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# An upgrade of the agent's package to a higher version, on the MASTER and then on the BACKUP,
# while the client pings the VIP. The package restarts the agent after the upgrade (debhelper's
# default); batond's SIGTERM bows out, so the MASTER's upgrade costs one graceful hand-over, never
# a master-down failover: the bow-out is in the BACKUP's journal and the client's outage stays under
# one advert interval (1 s; a failover by timeout costs the 3 s master-down interval). The outage
# itself is tens of milliseconds and is reported, not bounded tighter: a loaded machine adds to it.
# On the BACKUP not one echo is lost and the VIP stays where it is. The higher version is the built
# package repacked as VERSION+upgrade1: what an upgrade exercises is dpkg, the maintainer scripts
# and the unit.
source "$(dirname "$0")/lib.sh"
seed_servers
version=$(dpkg-deb -f "$(deb batond)" Version)
newer="$version+upgrade1"
dpkg-deb -R "$(deb batond)" "$WORK/repack"
sed -i "s/^Version: .*/Version: $newer/" "$WORK/repack/DEBIAN/control"
package="batond_${newer}_$(dpkg-deb -f "$(deb batond)" Architecture).deb"
dpkg-deb -b -Zgzip "$WORK/repack" "$WORK/$package" > /dev/null
dpkg --compare-versions "$newer" gt "$version" || die "$newer is not higher than $version"

start_addr_monitor 1
start_addr_monitor 2
monitors_ready
upgrade() { # upgrade N: the repacked package on node N; the client outage in OUTAGE (ms)
    local n=$1 pid t0
    pid=$(agent_pid "$n")
    start_probes
    sleep 1
    t0=$(now_ms)
    install_agent "$n" "$WORK/$package"
    [[ $(node "$n" dpkg-query -W -f '${Version}' batond) == "$newer" ]] || die "node $n: batond is not $newer after the upgrade"
    [[ $(agent_pid "$n") != "$pid" ]] || die "node $n: the upgrade did not restart batond"
    agent_active "$n" || die "node $n: batond is not active after the upgrade"
    sleep 4 # a full master-down interval: no second move
    stop_probes
    OUTAGE=$(gap "$VIP" $((t0 - 500)))
    LOST=$(lost "$VIP" $((t0 - 500)))
}
# The rolling order: the BACKUP first, then the MASTER.
upgrade 2
note "upgrade on the BACKUP (node 2): $LOST echoes lost, longest gap between replies $OUTAGE ms"
has_vip 1 || die "the upgrade on the BACKUP moved the VIP"
((LOST == 0)) || die "$LOST echoes to the VIP lost during the BACKUP's upgrade"
upgrade 1
note "upgrade on the MASTER (node 1): client outage $OUTAGE ms ($LOST echoes lost)"
has_vip 2 || die "the upgrade on node 1 did not hand the VIP to node 2"
has_vip 1 && die "node 1 holds the VIP too after its upgrade"
((OUTAGE < 1000)) || die "client outage $OUTAGE ms on the MASTER's upgrade: not a hand-over (1 advert interval is 1000 ms)"
journal 2 | matches "bow-out" || die "node 2 took over without a bow-out from node 1"
overlap=$(vip_overlap_ms)
[[ $overlap == 0.0 ]] || die "the VIP was held by both nodes for $overlap ms"
pass "upgrade to $newer: BACKUP first (no echo lost), then MASTER (graceful hand-over, client outage $OUTAGE ms)"
