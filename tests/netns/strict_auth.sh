#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# strict-auth: a pair of batond with every advert field authenticated elects one master and stays
# settled; a node without it (as ucarp would be) rejects the strict adverts as bad-hmac, said once
# in its log, so a half-switched pair is loud, not silent.
source "$(dirname "$0")/lib.sh"
topology
strict_conf() { group_conf "$1" "advskew = $1" "strict-auth = $2"; } # strict_conf N yes|no
start_batond 1 --config "$(strict_conf 1 yes)"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --config "$(strict_conf 2 yes)"
sleep 6 # two master-down intervals: node 2 would have taken over if it could not read node 1
grep -q 'BACKUP -> MASTER' "$WORK/batond2.log" && die "node 2 did not accept node 1's strict adverts"
grep -q 'bad-hmac' "$WORK/batond2.log" && die "node 2 rejected strict adverts"
(($(vip_holders) == 1)) || die "the VIP is held $(vip_holders) times"
pass "a strict pair settles: node 1 MASTER, node 2 BACKUP, no rejects"

kill -TERM "${BATOND_PID[2]}"
wait "${BATOND_PID[2]}" || die "batond 2 did not stop cleanly"
: > "$WORK/batond2.log"
start_batond 2 --config "$(strict_conf 2 no)"
wait_until 5 grep -q 'fail authentication' "$WORK/batond2.log" || die "a non-strict node does not report strict adverts"
(($(grep -c 'fail authentication' "$WORK/batond2.log") == 1)) || die "the reject was logged more than once"
pass "a non-strict peer rejects them as bad-hmac, logged once"
