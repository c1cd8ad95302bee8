#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A mixed pair the other way round: ucarp master (node 1), batond backup (node 2).
source "$(dirname "$0")/lib.sh"
command -v ucarp >/dev/null || die "ucarp is not installed (apt-get install ucarp)"
topology
start_ucarp 1
wait_until 10 has_vip 1 || die "ucarp did not take the VIP"
start_batond 2 --interfaces "$(seed_interfaces 2)"
sleep 5
grep -q "Switching to state" "$WORK/ucarp1.log" || die "ucarp logged no state: its log cannot vouch for anything"
has_vip 2 && die "batond took the VIP from a live ucarp master"
grep -q "bad-hmac" "$WORK/batond2.log" && die "batond rejected ucarp's adverts as bad-hmac"
note "batond accepted ucarp's adverts for 5 s and stayed BACKUP"
t0=$(now_ms)
kill -TERM "${UCARP_PID[1]}" # -z: ucarp runs its down script and exits, sending nothing
wait_until 6 has_vip 2 || die "batond did not take over from ucarp"
takeover=$(($(now_ms) - t0))
note "batond took over $takeover ms after ucarp stopped (bound 3304 ms)"
((takeover <= 3304)) || die "takeover took $takeover ms"
start_ucarp 1
sleep 6
has_vip 1 && die "a restarted ucarp took the VIP from batond: it does not accept batond's adverts"
grep -qi "bad digest" "$WORK/ucarp1.log" && die "ucarp reports a bad digest for batond's adverts"
pass "mixed pair, ucarp master: failover both ways, no bad digest on either side"
