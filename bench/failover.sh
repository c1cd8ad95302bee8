#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Failover benchmark, batond against Debian's ucarp in the same run and topology as the netns
# tests (tests/netns/lib.sh). A client pings the VIP every 10 ms; the outage is the longest gap
# between echo replies. The fault comes at a random phase of the advert timer.
#   sudo BATOND=build/agent/batond bench/failover.sh [trials]      (results to stdout, markdown)
# Measures: link-down outage (seed settings 1/1, sub-second 0/26, and batond at 0/13 = 50.8 ms to
# set beside keepalived's 50 ms figure), graceful hand-over outage (SIGTERM on the master), and each
# agent's memory (RSS, PSS, private) and CPU time over 60 s. Besides the client-side gap it reports
# the VIP-less window from `ip monitor` timestamps (no 10 ms probe granularity), and counts trials
# where both nodes already held the VIP before the fault (then the "outage" means nothing).
TRIALS=${1:-7}
NETNS_TEST_TIMEOUT=${NETNS_TEST_TIMEOUT:-7200} # the whole benchmark, not one test
source "$(dirname "$0")/../tests/netns/lib.sh"
require_root

reset_topology() {
    # Trials run in $(...) subshells, so PIDS does not carry across them: kill by namespace.
    for ns in "$N1" "$N2" "$C"; do
        for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
        ip netns del "$ns" 2>/dev/null || true
    done
    PIDS=()
    rm -f "$WORK"/*.log "$WORK"/*.mon
    topology
    start_addr_monitor 1
    start_addr_monitor 2
    monitors_ready
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

# trial KIND BASE SKEW FAULT -> prints "client-gap-ms vip-less-window-ms holders-before-fault"
trial() {
    local kind=$1 base=$2 skew=$3 fault=$4
    reset_topology
    start_agent "$kind" 1 "$base" "$skew"
    wait_until 10 has_vip 1 || { echo "error error 0"; return; }
    start_agent "$kind" 2 "$base" "$skew"
    sleep 2
    sleep "0.$((RANDOM % 1000))" # random phase of the advert timer
    start_probe "$VIP" "$WORK/probe.log"
    sleep 1
    local t0 holders
    holders=$(vip_holders)
    t0=$(now_ms)
    if [[ $fault == linkdown ]]; then
        ip -n "$N1" link set eth0 down
    else
        kill -TERM "${AGENT_PID[1]}"
    fi
    wait_until 10 has_vip 2 || true
    sleep 0.5
    stop_probe
    echo "$(longest_gap_ms "$WORK/probe.log" $((t0 - 500))) $(vip_less_window_ms) $holders"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }'; }

run_case() { # run_case KIND BASE SKEW FAULT -> "median range all window-median split-count"
    local gaps=() windows=() split=0 g w h
    for ((i = 0; i < TRIALS; i++)); do
        read -r g w h <<< "$(trial "$@")"
        gaps+=("$g")
        windows+=("$w")
        [[ $h == 2 ]] && split=$((split + 1))
    done
    local joined
    joined=$(printf '%s\n' "${gaps[@]}")
    echo "$(echo "$joined" | median) $(echo "$joined" | range) $(
        IFS=,
        echo "${gaps[*]}"
    ) $(printf '%s\n' "${windows[@]}" | grep -v none | median) $split"
}

footprint() { # footprint KIND -> per node: rss_kb pss_kb private_kb cpu_ms
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
        local mem cpu
        mem=$(awk '/^Rss:/ { r = $2 } /^Pss:/ { p = $2 } /^Private_(Clean|Dirty):/ { v += $2 }
                   END { print r, p, v }' "/proc/${AGENT_PID[$n]}/smaps_rollup")
        cpu=$(awk -v b="${before[$n]}" -v t="$tick" '{ print ($14 + $15 - b) * 1000 / t }' "/proc/${AGENT_PID[$n]}/stat")
        out+=("$mem" "$cpu")
    done
    echo "${out[*]}"
}

echo "Trials per case: $TRIALS. Outage = longest gap between echo replies at the client (10 ms probe);"
echo "VIP-less window = VIP deleted on node 1 to VIP added on node 2, from \`ip -ts monitor address\`."
echo
echo "| case | agent | median outage (ms) | range (ms) | trials (ms) | median VIP-less window (ms) | two VIP holders before the fault |"
echo "|---|---|---|---|---|---|---|"
declare -A MED
for case in "linkdown 1 1" "linkdown 0 26" "linkdown 0 13" "sigterm 1 1"; do
    read -r fault base skew <<< "$case"
    for kind in batond ucarp; do
        [[ $case == "linkdown 0 13" && $kind == ucarp ]] && continue
        read -r med rng all window split <<< "$(run_case "$kind" "$base" "$skew" "$fault")"
        MED["$case $kind"]=$med
        echo "| $fault, advbase $base advskew $skew | $kind | $med | $rng | ${all//,/, } | $window | $split of $TRIALS |"
    done
done
echo
echo "| case | batond / ucarp (median outage) |"
echo "|---|---|"
for case in "linkdown 1 1" "linkdown 0 26" "sigterm 1 1"; do
    awk -v b="${MED["$case batond"]}" -v u="${MED["$case ucarp"]}" -v c="$case" \
        'BEGIN { printf "| %s | %.3f |\n", c, (u > 0 ? b / u : 0) }'
done
echo
echo "| agent | node | RSS (kB) | PSS (kB) | private (kB) | CPU in 60 s (ms) |"
echo "|---|---|---|---|---|---|"
for kind in batond ucarp; do
    read -r r1 p1 v1 c1 r2 p2 v2 c2 <<< "$(footprint "$kind")"
    echo "| $kind | master | $r1 | $p1 | $v1 | $c1 |"
    echo "| $kind | backup | $r2 | $p2 | $v2 | $c2 |"
done
