#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A node's history survives its agent's restart: `batonctl history` after a link-down, its restore,
# a SIGTERM and a new start lists all of it in order, for a read-only console too.
source "$(dirname "$0")/lib.sh"
start_control_pair
wait_until 5 ctl 1 status > /dev/null 2>&1 || die "node 1's control channel did not answer"
ctl 1 link-down eth0 --restore-after 2 > /dev/null || die "link-down refused"
wait_until 6 grep -q "restored at its deadline" "$WORK/batond1.log" || die "eth0 was not restored"
kill -TERM "${BATOND_PID[1]}"
wait "${BATOND_PID[1]}" || die "batond 1 did not stop cleanly"
start_batond 1 --config "$WORK/batond1.conf"
wait_until 8 ctl 1 status > /dev/null 2>&1 || die "node 1's control channel did not come back"
CONSOLE=viewer ctl 1 history --lines 50 > "$WORK/history.txt" || die "history refused: $(cat "$WORK/history.txt")"
cat "$WORK/history.txt"
expect=("batond 0.1.0 started" "INIT → BACKUP" "BACKUP → MASTER" "eth0 taken down by admin"
    "admin asked for link-down eth0" "MASTER → BACKUP (link-down)" "vhid 1: eth0 is down"
    "eth0 restored at its deadline" "vhid 1: eth0 is up" "batond stopping (signal 15)" "BACKUP → INIT"
    "batond 0.1.0 started" "INIT → BACKUP")
line=0
for want in "${expect[@]}"; do
    found=$(awk -v from="$line" -v want="$want" 'NR > from && index($0, want) { print NR; exit }' "$WORK/history.txt")
    [[ -n $found ]] || die "history lacks '$want' after line $line"
    line=$found
done
pass "history across a restart, in order, read by a read-only console (${#expect[@]} entries checked)"
