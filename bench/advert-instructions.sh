#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Instructions per advert, counted by valgrind's callgrind: deterministic, so a before/after
# comparison holds on a loaded machine where CPU time does not. One node runs under callgrind, the
# other natively; counting starts once the pair has settled (callgrind_control), so start-up is
# not in it, and covers everything the agent does in that time (timers, heartbeats, journal).
#   sudo BATOND=build/agent/batond bench/advert-instructions.sh [seconds] [callgrind-out-dir]
# Cases: the master's cost per advert sent and the backup's per advert received, one vhid at
# advbase 0 advskew 26 (101.6 ms: slow enough that the agent under callgrind keeps its timing) and
# 100 vhids at advbase 1. Needs valgrind (installed if missing).
SECONDS_PER_CASE=${1:-20}
OUT_DIR=${2:-}
NETNS_TEST_TIMEOUT=${NETNS_TEST_TIMEOUT:-1800}
source "$(dirname "$0")/../tests/netns/lib.sh"
source "$(dirname "$0")/pair-conf.sh"
require_root
if ! command -v callgrind_control > /dev/null; then
    apt-get -o DPkg::Lock::Timeout=600 install -y valgrind > "$WORK/apt.log" 2>&1 ||
        die "cannot install valgrind: $(tail -n 5 "$WORK/apt.log")"
fi
[[ -n $OUT_DIR ]] && mkdir -p "$OUT_DIR"

reset_topology() {
    for ns in "$N1" "$N2" "$C"; do
        for pid in $(ip netns pids "$ns" 2> /dev/null); do kill -KILL "$pid" 2> /dev/null || true; done
        ip netns del "$ns" 2> /dev/null || true
    done
    PIDS=()
    topology
}

# count ROLE VHIDS BASE SKEW -> "instructions adverts"
count() {
    local role=$1 vhids=$2 base=$3 skew=$4 traced=1 out="$WORK/callgrind.out"
    [[ $role == backup ]] && traced=2
    reset_topology
    local vg=(valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out")
    for n in 1 2; do
        local cmd=("$BATOND")
        ((n == traced)) && cmd=("${vg[@]}" "$BATOND")
        ip netns exec "$(ns_of "$n")" "${cmd[@]}" --config "$(batond_conf "$n" "$vhids" "$base" "$skew")" \
            >> "$WORK/batond$n.log" 2>&1 &
        PIDS+=("$!")
        ((n == traced)) && local vgpid=$!
        ((n == 1)) && { wait_until 60 has_vip 1 || die "node 1 did not take the VIP"; }
    done
    sleep 8
    { has_vip 1 && ! has_vip 2; } || die "the pair did not settle with node 1 MASTER"
    local before after
    before=$(($(ip netns exec "$N1" cat /sys/class/net/eth0/statistics/tx_packets)))
    callgrind_control -i on "$vgpid" > /dev/null 2>&1
    sleep "$SECONDS_PER_CASE"
    callgrind_control -d "$vgpid" > /dev/null 2>&1
    after=$(($(ip netns exec "$N1" cat /sys/class/net/eth0/statistics/tx_packets)))
    { has_vip 1 && ! has_vip 2; } || die "the pair did not stay settled under callgrind"
    kill -KILL "$vgpid" 2> /dev/null || true
    local total
    total=$(callgrind_annotate "$out".1 2> /dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
    [[ -n $OUT_DIR ]] && cp "$out".1 "$OUT_DIR/$role-$vhids.callgrind"
    rm -f "$out"*
    echo "$total $((after - before))"
}

echo "$SECONDS_PER_CASE s counted per case. Instructions are user-space only (the kernel's share is not counted)."
echo
echo "| case | adverts | instructions | per advert |"
echo "|---|---|---|---|"
for c in "master 1 0 26" "backup 1 0 26" "master 100 1 1" "backup 100 1 1"; do
    read -r role vhids base skew <<< "$c"
    read -r total adverts <<< "$(count "$role" "$vhids" "$base" "$skew")"
    what="sent"
    [[ $role == backup ]] && what="received"
    echo "| $role, $vhids vhid$( ((vhids > 1)) && echo s), advbase $base advskew $skew, per advert $what | $adverts | $total | $((total / adverts)) |"
done
