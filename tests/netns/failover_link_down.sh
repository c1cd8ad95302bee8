#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The seed's test: `ip link set eth0 down` on the master. The backup takes over within the
# protocol bound (3 x advbase + advskew/256 = 3.004 s) plus a 300 ms margin for the 10 ms probe,
# scheduling and ARP; the downed node's agent keeps running; when its link comes back there is
# no second master and no preemption.
source "$(dirname "$0")/lib.sh"
topology
start_seed_pair
sleep 2
start_probe "$VIP" "$WORK/probe.log"
sleep 1.3
down=$(now_ms)
ip -n "$N1" link set eth0 down
wait_until 6 has_vip 2 || die "node 2 did not take over within 6 s"
sleep 1
stop_probe
gap=$(longest_gap_ms "$WORK/probe.log" $((down - 1000)))
note "client-side outage on link down: $gap ms (bound 3004 ms + 300 ms margin)"
((gap > 0 && gap <= 3304)) || die "outage $gap ms is outside (0, 3304] ms"
kill -0 "${BATOND_PID[1]}" || die "node 1's agent exited when its link went down (ucarp does; batond must not)"
has_vip 1 && die "node 1 kept the VIP while its link was down"
ip -n "$N1" link set eth0 up
sleep 5
[[ $(vip_holders) == 1 ]] || die "two VIP holders after the link came back"
has_vip 2 || die "node 1 took the VIP back without preemption"
kill -0 "${BATOND_PID[1]}" || die "node 1's agent exited after link up"
grep -q "BACKUP -> MASTER" "$WORK/batond2.log" || die "node 2 never logged its takeover"
pass "failover in $gap ms, agent survived link down/up, no preemption"
