#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# batond as an unprivileged user holding only CAP_NET_ADMIN and CAP_NET_RAW: it takes the VIP,
# sends adverts the root peer accepts, and leaves gracefully on SIGTERM.
source "$(dirname "$0")/lib.sh"
command -v setpriv >/dev/null || die "setpriv (util-linux) is missing"
topology
i1=$(seed_interfaces 1)
chmod 755 "$WORK"
chmod 644 "$i1"
ip netns exec "$N1" setpriv --reuid=nobody --regid=nogroup --clear-groups \
    --inh-caps=-all,+net_admin,+net_raw --ambient-caps=-all,+net_admin,+net_raw --bounding-set=-all,+net_admin,+net_raw \
    "$BATOND" --interfaces "$i1" >> "$WORK/batond1.log" 2>&1 &
BATOND_PID[1]=$!
PIDS+=("$!")
wait_until 8 has_vip 1 || die "unprivileged batond did not take the VIP"
# ip netns exec and setpriv both exec, so $! is batond itself.
user=$(ps -o user= -p "${BATOND_PID[1]}" | tr -d ' ')
caps=$(awk '/CapEff/ { print $2 }' "/proc/${BATOND_PID[1]}/status")
note "batond runs as $user with effective capabilities $caps (0x3000 = net_admin + net_raw)"
[[ $user == nobody ]] || die "batond runs as $user, not nobody"
[[ $caps == 0000000000003000 ]] || die "unexpected capability set $caps"
start_batond 2 --interfaces "$(seed_interfaces 2)"
sleep 5
has_vip 2 && die "the root peer took the VIP: it did not accept the unprivileged agent's adverts"
kill -TERM "${BATOND_PID[1]}"
wait "${BATOND_PID[1]}" || die "the unprivileged agent exited non-zero on SIGTERM"
wait_until 2 has_vip 2 || die "no hand-over after SIGTERM of the unprivileged agent"
has_vip 1 && die "the unprivileged agent left its VIP behind"
pass "unprivileged batond with CAP_NET_ADMIN+CAP_NET_RAW works and hands over"
