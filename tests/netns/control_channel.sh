#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The control channel end to end with batonctl: status for both roles, the read-only console
# refused a mutating verb, link-down with its restore (the peer takes over, the link comes back by
# itself at the deadline), link-up ending a restore early, hand-over, maintenance surviving a
# restart, adverts with verdicts, log, and watch streaming the events.
source "$(dirname "$0")/lib.sh"
topology
mgmt_topology
control_pki
conf1=$(control_conf 1)
conf2=$(control_conf 2)
start_batond 1 --config "$conf1"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --config "$conf2"
wait_until 5 ctl 2 status > /dev/null 2>&1 || die "node 2's control channel did not answer"
sleep 1

ctl 1 status > "$WORK/status1.txt"
grep -q 'vhid 1 on eth0 (192.0.2.11): MASTER' "$WORK/status1.txt" || die "node 1 status: $(cat "$WORK/status1.txt")"
ctl 2 status --json > "$WORK/status2.json"
grep -q '"state":"backup"' "$WORK/status2.json" || die "node 2 status: $(cat "$WORK/status2.json")"
grep -q '"vip_held":false' "$WORK/status2.json" || die "node 2 claims the VIP"
# The snapshot is refreshed with every heartbeat (1 s), so the peer shows up within a second or two.
wait_until 3 bash -c "$(declare -f ctl); C=$C BATONCTL=$BATONCTL WORK=$WORK ctl 2 status --json | grep -q '\"peer\":\"192.0.2.11\"'" ||
    die "node 2 has not heard the master"
pass "status: node 1 MASTER, node 2 BACKUP, as people and as JSON"

CONSOLE=viewer ctl 1 status > /dev/null || die "the read-only console cannot read the status"
if CONSOLE=viewer ctl 1 handover 2> "$WORK/ro.err"; then die "a read-only console handed over"; fi
grep -q 'not-permitted' "$WORK/ro.err" || die "read-only refusal: $(cat "$WORK/ro.err")"
has_vip 1 || die "node 1 lost the VIP after a refused hand-over"
pass "read-only console: status allowed, handover refused (not-permitted)"

set +e
ctl 1 link-down eth0 2> "$WORK/usage.err"
rc=$?
ctl 1 link-down eth9 --restore-after 5 2> "$WORK/unknown.err"
rc2=$?
set -e
((rc == 2)) && grep -q 'restore-after' "$WORK/usage.err" || die "link-down without --restore-after: rc $rc"
((rc2 == 1)) && grep -q 'unknown-interface' "$WORK/unknown.err" || die "link-down eth9: rc $rc2 $(cat "$WORK/unknown.err")"
pass "link-down needs a restore deadline; an interface the agent does not manage is refused"

ctl 2 watch --json > "$WORK/watch2.json" 2>&1 &
WATCH=$!
sleep 0.5
t0=$(now_ms)
ctl 1 link-down eth0 --restore-after 5 > "$WORK/down.txt" || die "link-down refused"
grep -q 'eth0 is down' "$WORK/down.txt" || die "link-down reply: $(cat "$WORK/down.txt")"
wait_until 2 bash -c "ip -n $N1 link show eth0 | grep -q 'state DOWN'" || die "node 1's eth0 did not go down"
grep -q '"interface": "eth0"' "$WORK/state1/state.json" || die "the pending restore was not saved"
wait_until 5 has_vip 2 || die "node 2 did not take over"
ctl 1 status | matches 'pending restore: eth0' || die "node 1 does not report its pending restore"
wait_until 7 bash -c "ip -n $N1 link show eth0 | grep -q 'state UP'" || die "eth0 was not restored"
up=$(($(now_ms) - t0))
note "eth0 back up $up ms after the request (deadline 5000 ms)"
((up >= 4800 && up <= 5800)) || die "restore at $up ms, not at the 5 s deadline"
grep -q '"interface": "eth0"' "$WORK/state1/state.json" && die "the restore is still recorded"
sleep 2
has_vip 2 && ! has_vip 1 || die "node 1 preempted after coming back (preempt is off)"
pass "link-down: node 2 took over, eth0 restored by the agent at $up ms"

ctl 2 link-down eth0 --restore-after 60 > /dev/null || die "second link-down refused"
wait_until 5 has_vip 1 || die "node 1 did not take over from node 2"
ctl 2 link-down eth0 --restore-after 60 2> "$WORK/twice.err" && die "a second pending restore was accepted"
grep -q 'restore-pending' "$WORK/twice.err" || die "twice: $(cat "$WORK/twice.err")"
ctl 2 link-up eth0 > /dev/null || die "link-up refused"
wait_until 2 bash -c "ip -n $N2 link show eth0 | grep -q 'state UP'" || die "link-up did not bring eth0 up"
ctl 2 status | matches 'pending restore' && die "the restore is still pending after link-up"
pass "link-up ends a pending restore early; a second link-down while one is pending is refused"

sleep 2
ctl 1 handover > /dev/null || die "handover refused"
wait_until 2 has_vip 2 || die "hand-over did not move the VIP"
pass "handover moved the VIP to node 2"

ctl 2 maintenance on > /dev/null || die "maintenance on refused"
wait_until 2 has_vip 1 || die "maintenance did not hand the VIP to node 1"
grep -q '"maintenance": true' "$WORK/state2/state.json" || die "maintenance was not saved"
kill -TERM "${BATOND_PID[2]}"
wait "${BATOND_PID[2]}" 2>/dev/null || true
start_batond 2 --config "$conf2"
wait_until 5 ctl 2 status > /dev/null 2>&1 || die "node 2 did not come back"
ctl 2 status | matches 'MAINTENANCE on' || die "maintenance did not survive the restart"
ctl 1 handover > /dev/null
sleep 4
has_vip 1 && ! has_vip 2 || die "node 2 in maintenance took the VIP"
ctl 2 maintenance off > /dev/null || die "maintenance off refused"
ctl 2 status | matches 'MAINTENANCE' && die "maintenance still on"
pass "maintenance: hands over, survives a restart, refuses the VIP until switched off"

ctl 1 adverts --seconds 5 > "$WORK/adverts.txt" || die "adverts refused"
grep -q 'sent eth0 192.0.2.11 vhid 1' "$WORK/adverts.txt" || die "adverts: $(head -3 "$WORK/adverts.txt")"
ctl 2 adverts --seconds 5 | matches 'recv eth0 192.0.2.11 vhid 1 .* ok$' || die "node 2 saw no ok advert"
ctl 1 log --lines 500 | matches 'taken down\|goes down for admin' || die "log lacks the link-down"
pass "adverts (sent and received, HMAC ok) and log"

kill "$WATCH" 2>/dev/null || true
grep -q '"kind":"state".*"to":"master"' "$WORK/watch2.json" || die "watch saw no state event"
grep -q '"kind":"command"' "$WORK/watch2.json" || die "watch saw no command event"
grep -q '"t":"heartbeat"' "$WORK/watch2.json" && die "watch printed heartbeats"
pass "watch streamed state and command events"
