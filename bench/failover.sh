#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Failover benchmark, batond against Debian's ucarp in the same run and topology as the netns
# tests (tests/netns/lib.sh). A client pings the VIP every 10 ms; the outage is the longest gap
# between echo replies. The fault comes at a random phase of the advert timer.
#   sudo BATOND=build/agent/batond bench/failover.sh [trials]      (results to stdout, markdown)
# Measures: link-down outage (seed settings 1/1, and sub-second 0/26), graceful hand-over outage
# (SIGTERM on the master), and each agent's resident memory and CPU time over 60 s.
TRIALS=${1:-7}
source "$(dirname "$0")/../tests/netns/lib.sh"
require_root

reset_topology() {
    for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    PIDS=()
    for ns in "$N1" "$N2" "$C"; do ip netns del "$ns" 2>/dev/null || true; done
    rm -f "$WORK"/*.log "$WORK"/*.mon
    topology
}

start_agent() { # start_agent KIND NODE BASE SKEW
    local kind=$1 n=$2 base=$3 skew=$4
    if [[ $kind == batond ]]; then
        start_batond "$n" --interfaces "$(seed_interfaces "$n" some_password "$skew" "$base")"
        AGENT_PID[$n]=${BATOND_PID[$n]}
    else
        UCARP_BASE=$base UCARP_SKEW=$skew start_ucarp "$n"
        AGENT_PID[$n]=${UCARP_PID[$n]}
    fi
}
declare -A AGENT_PID

# trial KIND BASE SKEW FAULT -> prints the outage in ms
trial() {
    local kind=$1 base=$2 skew=$3 fault=$4
    reset_topology
    start_agent "$kind" 1 "$base" "$skew"
    wait_until 10 has_vip 1 || { echo "error"; return; }
    start_agent "$kind" 2 "$base" "$skew"
    sleep 2
    sleep "0.$((RANDOM % 1000))" # random phase of the advert timer
    start_probe "$VIP" "$WORK/probe.log"
    sleep 1
    local t0
    t0=$(now_ms)
    if [[ $fault == linkdown ]]; then
        ip -n "$N1" link set eth0 down
    else
        kill -TERM "${AGENT_PID[1]}"
    fi
    wait_until 10 has_vip 2 || true
    sleep 0.5
    stop_probe
    longest_gap_ms "$WORK/probe.log" $((t0 - 500))
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }'; }

run_case() { # run_case KIND BASE SKEW FAULT
    local values=()
    for ((i = 0; i < TRIALS; i++)); do values+=("$(trial "$@")"); done
    local joined
    joined=$(printf '%s\n' "${values[@]}")
    echo "$(echo "$joined" | median) $(echo "$joined" | range) $(echo "${values[*]}")"
}

footprint() { # footprint KIND -> "rss_kb_master cpu_ms_master rss_kb_backup cpu_ms_backup"
    reset_topology
    start_agent "$1" 1 1 1
    wait_until 10 has_vip 1 || true
    start_agent "$1" 2 1 1
    local tick
    tick=$(getconf CLK_TCK)
    local before=()
    for n in 1 2; do before[$n]=$(awk '{ print $14 + $15 }' "/proc/${AGENT_PID[$n]}/stat"); done
    sleep 60
    local out=()
    for n in 1 2; do
        local rss cpu
        rss=$(awk '/VmRSS/ { print $2 }' "/proc/${AGENT_PID[$n]}/status")
        cpu=$(awk -v b="${before[$n]}" -v t="$tick" '{ print ($14 + $15 - b) * 1000 / t }' "/proc/${AGENT_PID[$n]}/stat")
        out+=("$rss" "$cpu")
    done
    echo "${out[*]}"
}

echo "| case | agent | median outage (ms) | range (ms) | trials (ms) |"
echo "|---|---|---|---|---|"
declare -A MED
for case in "linkdown 1 1" "linkdown 0 26" "sigterm 1 1"; do
    read -r fault base skew <<< "$case"
    for kind in batond ucarp; do
        read -r med rng all <<< "$(run_case "$kind" "$base" "$skew" "$fault")"
        MED["$case $kind"]=$med
        echo "| $fault, advbase $base advskew $skew | $kind | $med | $rng | ${all// /, } |"
    done
done
echo
echo "| case | batond / ucarp |"
echo "|---|---|"
for case in "linkdown 1 1" "linkdown 0 26" "sigterm 1 1"; do
    awk -v b="${MED["$case batond"]}" -v u="${MED["$case ucarp"]}" -v c="$case" \
        'BEGIN { printf "| %s | %.3f |\n", c, (u > 0 ? b / u : 0) }'
done
echo
echo "| agent | master RSS (kB) | master CPU in 60 s (ms) | backup RSS (kB) | backup CPU in 60 s (ms) |"
echo "|---|---|---|---|---|"
for kind in batond ucarp; do
    read -r r1 c1 r2 c2 <<< "$(footprint "$kind")"
    echo "| $kind | $r1 | $c1 | $r2 | $c2 |"
done
