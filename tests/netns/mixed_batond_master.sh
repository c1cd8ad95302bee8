#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A mixed pair: batond master (node 1), Debian's ucarp backup (node 2). ucarp accepts batond's
# adverts (it stays BACKUP, no bad digest); the failover works both ways and batond accepts
# ucarp's adverts (no bad-hmac).
source "$(dirname "$0")/lib.sh"
command -v ucarp >/dev/null || die "ucarp is not installed (apt-get install ucarp)"
topology
start_batond 1 --interfaces "$(seed_interfaces 1)"
wait_until 8 has_vip 1 || die "batond did not take the VIP"
start_ucarp 2
sleep 5
grep -q "Switching to state" "$WORK/ucarp2.log" || die "ucarp logged no state: its log cannot vouch for anything"
has_vip 2 && die "ucarp took the VIP from a live batond master: it does not accept batond's adverts"
grep -qi "bad digest" "$WORK/ucarp2.log" && die "ucarp reports a bad digest for batond's adverts"
note "ucarp accepted batond's adverts for 5 s"
ip -n "$N1" link set eth0 down
wait_until 8 has_vip 2 || die "ucarp did not take over when batond's link went down"
note "ucarp took over after batond's link went down"
ip -n "$N1" link set eth0 up
sleep 5
has_vip 1 && die "batond took the VIP back from ucarp without preemption"
grep -q "bad-hmac" "$WORK/batond1.log" && die "batond rejected ucarp's adverts as bad-hmac"
note "batond accepted ucarp's adverts and stayed BACKUP"
t0=$(now_ms)
ip -n "$N2" link set eth0 down # ucarp exits here (it does on admin down); batond must take over
wait_until 6 has_vip 1 || die "batond did not take over from ucarp"
note "batond took over $(($(now_ms) - t0)) ms after ucarp's link went down"
grep -qi "bad digest" "$WORK/ucarp2.log" && die "ucarp reported a bad digest"
pass "mixed pair, batond master: failover both ways, no bad digest on either side"
