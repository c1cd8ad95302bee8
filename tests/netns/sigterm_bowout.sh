#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SIGTERM on the master: bow-out advert, so the peer takes over at once (within 100 ms, seen
# from the client with a 10 ms probe, so up to 110 ms); the master exits 0 with the VIP removed.
source "$(dirname "$0")/lib.sh"
topology
start_batond 1 --interfaces "$(seed_interfaces 1)"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --interfaces "$(seed_interfaces 2)"
sleep 2
start_probe "$VIP" "$WORK/probe.log"
sleep 1
t0=$(now_ms)
kill -TERM "${BATOND_PID[1]}"
status=0
wait "${BATOND_PID[1]}" || status=$?
((status == 0)) || die "batond exited with $status on SIGTERM"
has_vip 1 && die "the VIP is still on node 1 after SIGTERM"
wait_until 2 has_vip 2 || die "node 2 did not take over"
sleep 1
gap=$(longest_gap_ms "$WORK/probe.log" $((t0 - 500)))
note "client-side outage on SIGTERM: $gap ms"
((gap <= 110)) || die "hand-over outage $gap ms exceeds 110 ms"
grep -q "bow-out-received" "$WORK/batond2.log" || die "node 2 did not see a bow-out advert"
stop_probe
pass "SIGTERM hand-over in $gap ms, exit 0"
