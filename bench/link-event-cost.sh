#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What one address event costs batond with many MASTER groups on an interface: every group looks
# at its link and (as MASTER) checks that its VIPs are still there. One node in namespaces of its
# own, GROUPS groups at advbase 1 (all MASTER, nobody else on the wire); EVENTS times: batond's CPU
# (/proc/PID/task/*/schedstat) over 2 s idle, then over 2 s in which one address is added to eth0.
#   sudo BATOND=build/agent/batond bench/link-event-cost.sh [GROUPS] [EVENTS]
GROUPS_ON_LINK=${1:-100}
EVENTS=${2:-5}
source "$(dirname "$0")/../tests/netns/lib.sh"
source "$(dirname "$0")/pair-conf.sh"
require_root
[[ $GROUPS_ON_LINK =~ ^[1-9][0-9]*$ && $GROUPS_ON_LINK -le 100 ]] || die "GROUPS must be 1-100, not '$GROUPS_ON_LINK'"
[[ $EVENTS =~ ^[1-9]$ ]] || die "EVENTS must be 1-9, not '$EVENTS'"
topology
start_batond 1 --config "$(batond_conf 1 "$GROUPS_ON_LINK" 1 1)"
wait_until 15 has_vip 1 || die "batond did not take the VIP"
sleep 5 # every group MASTER
cpu_us() {
    local total=0 v f
    for f in /proc/"${BATOND_PID[1]}"/task/*/schedstat; do
        read -r v _ < "$f"
        total=$((total + v))
    done
    echo $((total / 1000))
}
echo "| event | batond CPU, 2 s idle (µs) | batond CPU, 2 s with one address added (µs) |"
echo "|---|---|---|"
for ((i = 1; i <= EVENTS; i++)); do
    c0=$(cpu_us)
    sleep 2
    c1=$(cpu_us)
    ip -n "$N1" addr add "192.0.2.$((240 + i))/32" dev eth0
    sleep 2
    c2=$(cpu_us)
    echo "| $i | $((c1 - c0)) | $((c2 - c1)) |"
done
