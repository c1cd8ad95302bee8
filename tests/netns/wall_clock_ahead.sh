#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A backup whose wall clock disagrees with the kernel's stamps on received adverts (here it runs
# 5 s ahead under libfaketime, as if the clock had stepped between each stamp and its read; then
# it steps again while running): the adverts' ages by the stamps would put the master's last
# advert seconds in the past, older than master-down, and the backup would take over from a live
# master. It must not; and it must still take over when the master really goes.
source "$(dirname "$0")/lib.sh"
LIBFAKETIME=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
[[ -f $LIBFAKETIME ]] || die "libfaketime is not installed (package faketime)"
topology
start_batond 1 --interfaces "$(seed_interfaces 1)"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
echo "+5" > "$WORK/faketime"
ip netns exec "$N2" env LD_PRELOAD="$LIBFAKETIME" FAKETIME_TIMESTAMP_FILE="$WORK/faketime" FAKETIME_NO_CACHE=1 \
    FAKETIME_DONT_FAKE_MONOTONIC=1 "$BATOND" --interfaces "$(seed_interfaces 2)" >> "$WORK/batond2.log" 2>&1 &
BATOND_PID[2]=$!
PIDS+=("$!")
took_over() { grep -q -- '-> MASTER' "$WORK/batond2.log"; }
for _ in $(seq 1 16); do
    sleep 0.5
    took_over && die "node 2 took over from a live master (its wall clock 5 s ahead of the stamps): $(grep -- '-> MASTER' "$WORK/batond2.log" | head -n 1)"
done
grep -q 'BACKUP' "$WORK/batond2.log" || die "node 2 never said it is BACKUP: $(tail -n 5 "$WORK/batond2.log")"
note "8 s with node 2's wall clock 5 s ahead: no takeover"
echo "+9" > "$WORK/faketime" # a step forward of 4 s while it runs
for _ in $(seq 1 10); do
    sleep 0.5
    took_over && die "node 2 took over when its wall clock stepped 4 s forward"
done
note "a step of 4 s forward while running: no takeover"
has_vip 1 || die "node 1 lost the VIP"
t0=$(now_ms)
kill -KILL "${BATOND_PID[1]}"
wait_until 6 has_vip 2 || die "node 2 did not take over when the master died"
note "master killed: node 2 took over in $(($(now_ms) - t0)) ms"
pass "a backup whose wall clock runs ahead of the kernel's stamps, or steps, never takes over from a live master"
