#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The peer link's fast failover at the seed's settings (advbase 1), in the netns tests' topology with
# the management network beside the data one (tests/netns/lib.sh): the MASTER's eth0 goes down
# (`ip link set` or `ifconfig`) while a client pings the VIP every 10 ms. Against batond without a
# partner configured and Debian's ucarp, in the same run. The outage is the longest gap between echo
# replies (it cannot be read finer than the 10 ms probe); the fault comes at a random phase of the
# advert timer.
#   sudo BATOND=build/agent/batond bench/peer-fast-path.sh [trials]      (results to stdout, markdown)
TRIALS=${1:-7}
NETNS_TEST_TIMEOUT=${NETNS_TEST_TIMEOUT:-3600}
source "$(dirname "$0")/../tests/netns/lib.sh"
require_root
command -v ifconfig > /dev/null || apt-get -o DPkg::Lock::Timeout=600 install -y net-tools > "$WORK/apt.log" 2>&1 ||
    die "cannot install net-tools: $(tail -n 5 "$WORK/apt.log")"

reset_topology() {
    # Trials run in $(...) subshells, so PIDS does not carry across them: kill by namespace.
    for ns in "$N1" "$N2" "$C"; do
        for pid in $(ip netns pids "$ns" 2> /dev/null); do kill -KILL "$pid" 2> /dev/null || true; done
        ip netns del "$ns" 2> /dev/null || true
    done
    PIDS=()
    rm -f "$WORK"/*.log "$WORK"/*.mon
    rm -rf "$WORK"/state*
    topology
    mgmt_topology
    start_addr_monitor 1
    start_addr_monitor 2
    monitors_ready
}

start_agent() { # start_agent KIND NODE
    local kind=$1 n=$2
    case $kind in
    peer)
        control_conf "$n" > /dev/null
        sed -i "/^tls-key/a peer     = 192.0.2.13$((3 - n))" "$WORK/batond$n.conf"
        start_batond "$n" --config "$WORK/batond$n.conf"
        ;;
    batond) start_batond "$n" --config "$(control_conf "$n")" ;;
    ucarp) UCARP_SKEW=$n start_ucarp "$n" ;;
    esac
}

peer_ready() {
    ip netns exec "$C" "$BATONCTL" --agent "192.0.2.13$1" --pki "$WORK/pki" --console admin status |
        matches "to the partner up, from the partner up"
}

# trial KIND FAULT -> "client-gap-ms vip-less-window-ms how"
trial() {
    local kind=$1 fault=$2
    reset_topology
    start_agent "$kind" 1
    wait_until 10 has_vip 1 || { echo "error error none"; return; }
    start_agent "$kind" 2
    sleep 2
    if [[ $kind == peer ]]; then
        wait_until 10 peer_ready 1 && wait_until 10 peer_ready 2 || { echo "error error no-link"; return; }
    fi
    sleep "0.$((RANDOM % 1000))" # random phase of the advert timer
    start_probe "$VIP" "$WORK/probe.log"
    sleep 1
    local t0
    t0=$(now_ms)
    if [[ $fault == ip ]]; then
        ip -n "$N1" link set eth0 down
    else
        ip netns exec "$N1" ifconfig eth0 down
    fi
    wait_until 10 has_vip 2 || true
    sleep 0.5
    stop_probe
    local how=other
    grep -q 'MASTER (partner-link-lost)' "$WORK/batond2.log" 2> /dev/null && how=partner
    grep -q 'MASTER (master-down)' "$WORK/batond2.log" 2> /dev/null && how=master-down
    [[ $kind == ucarp ]] && how=ucarp
    echo "$(longest_gap_ms "$WORK/probe.log" $((t0 - 500))) $(vip_less_window_ms) $how"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }'; }

control_pki
echo "Trials per case: $TRIALS, advbase 1 (advskew 1 on node 1, 2 on node 2; ucarp the same). Outage ="
echo "longest gap between echo replies at the client (10 ms probe); VIP-less window = VIP deleted on"
echo "node 1 to VIP added on node 2, from \`ip -ts monitor address\`. Load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| agent | fault on the MASTER | median outage (ms) | range (ms) | trials (ms) | median VIP-less window (ms) | takeovers on the partner's word |"
echo "|---|---|---|---|---|---|---|"
for case in "peer ip" "peer ifconfig" "batond ip" "ucarp ip"; do
    read -r kind fault <<< "$case"
    gaps=()
    windows=()
    partner=0
    for ((i = 0; i < TRIALS; i++)); do
        read -r g w how <<< "$(trial "$kind" "$fault")"
        gaps+=("$g")
        windows+=("$w")
        [[ $how == partner ]] && partner=$((partner + 1))
    done
    label="batond with the peer link"
    [[ $kind == batond ]] && label="batond, no partner configured"
    [[ $kind == ucarp ]] && label="ucarp $(dpkg-query -W -f '${Version}' ucarp 2> /dev/null)"
    command="ip link set eth0 down"
    [[ $fault == ifconfig ]] && command="ifconfig eth0 down"
    joined=$(printf '%s\n' "${gaps[@]}")
    echo "| $label | \`$command\` | $(echo "$joined" | median) | $(echo "$joined" | range) | $(
        IFS=,
        echo "${gaps[*]}" | sed 's/,/, /g'
    ) | $(printf '%s\n' "${windows[@]}" | grep -v none | median) | $partner of $TRIALS |"
done
