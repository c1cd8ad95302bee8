#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# kill -9 on the master: the peer takes over within the protocol bound (3.004 s + 300 ms margin).
# Its gratuitous ARP moves the client's traffic even though the dead agent's VIP stays on the
# interface; a restarted agent removes that leftover at start-up.
source "$(dirname "$0")/lib.sh"
topology
i1=$(seed_interfaces 1)
start_batond 1 --interfaces "$i1"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --interfaces "$(seed_interfaces 2)"
sleep 2
start_probe "$VIP" "$WORK/probe.log"
sleep 1.5
t0=$(now_ms)
kill -KILL "${BATOND_PID[1]}"
wait_until 6 has_vip 2 || die "node 2 did not take over"
takeover=$(($(now_ms) - t0))
note "node 2 holds the VIP $takeover ms after kill -9 (bound 3004 ms + 300 ms margin)"
((takeover <= 3304)) || die "takeover after $takeover ms exceeds 3304 ms"
sleep 1
stop_probe
gap=$(longest_gap_ms "$WORK/probe.log" $((t0 - 500)))
note "client-side outage: $gap ms (the dead host's kernel still answers until the GARP moves the VIP)"
((gap <= 3304)) || die "client-side outage $gap ms exceeds 3304 ms"
start_batond 1 --interfaces "$i1"
wait_until 3 bash -c "! ip -n $N1 -4 addr show dev eth0 | grep -q ' $VIP/'" || die "restarted node 1 kept the stale VIP"
sleep 4
[[ $(vip_holders) == 1 ]] && has_vip 2 || die "after restart: wrong VIP holders"
pass "kill -9 takeover in $takeover ms; stale VIP removed on restart"
