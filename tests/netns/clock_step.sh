#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The wall clock stepped back an hour (NTP, a VM snapshot) while a link is down for a drill: the
# link still comes back at its deadline, because the deadline runs on the boot clock. node 1's
# batond runs under libfaketime, whose offset the test changes while it runs.
source "$(dirname "$0")/lib.sh"
LIBFAKETIME=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
[[ -f $LIBFAKETIME ]] || die "libfaketime is not installed (package faketime)"
topology
mgmt_topology
control_pki
echo "+0" > "$WORK/faketime"
ip netns exec "$N1" env LD_PRELOAD="$LIBFAKETIME" FAKETIME_TIMESTAMP_FILE="$WORK/faketime" FAKETIME_NO_CACHE=1 \
    FAKETIME_DONT_FAKE_MONOTONIC=1 "$BATOND" --config "$(control_conf 1)" >> "$WORK/batond1.log" 2>&1 &
BATOND_PID[1]=$!
PIDS+=("$!")
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --config "$(control_conf 2)"
wait_until 5 ctl 1 status > /dev/null 2>&1 || die "node 1's control channel did not answer"
sleep 1

link_up() { ip -n "$N1" link show eth0 | matches 'state UP'; }
t0=$(now_ms)
ctl 1 link-down eth0 --restore-after 10 > /dev/null || die "link-down refused"
sleep 1
link_up && die "eth0 did not go down"
echo "-3600" > "$WORK/faketime" # node 1's wall clock: an hour back
wait_until 15 link_up || die "eth0 was not restored"
up=$(($(now_ms) - t0))
note "wall clock stepped back an hour: eth0 back up $up ms after the link-down (deadline 10000 ms)"
((up >= 9800 && up <= 11500)) || die "restored at $up ms, not at the 10 s deadline"
grep -q "restored at its deadline" "$WORK/batond1.log" || die "node 1 did not log the restore"
kill -0 "${BATOND_PID[1]}" || die "batond exited"
pass "wall clock stepped back 1 h: the link came back at its deadline ($up ms)"
