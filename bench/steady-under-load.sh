#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fast adverts on a busy machine: batond at advbase 0 advskew 3 (11.7 ms, master-down 35.2 ms)
# against Debian's keepalived VRRPv3 at advert_int 0.01 (10 ms) in the same run, each with one busy
# loop per core hogging the machine (nice 0, as ordinary work). Pair in namespaces as in the netns
# tests; a client pings the VIP every 10 ms throughout.
#   sudo BATOND=build/agent/batond bench/steady-under-load.sh [soak-seconds] [link-down-trials]
# Per agent: spurious takeovers during the soak (node 2 becoming MASTER while node 1 is healthy),
# then link-down trials under the same load: the outage is the longest gap between echo replies
# (so it cannot be read finer than 10 ms), the fault at a random phase of the advert timer.
SOAK=${1:-600}
TRIALS=${2:-7}
NETNS_TEST_TIMEOUT=${NETNS_TEST_TIMEOUT:-$((3 * SOAK + TRIALS * 60 + 600))}
source "$(dirname "$0")/../tests/netns/lib.sh"
require_root
if ! command -v keepalived > /dev/null; then
    apt-get -o DPkg::Lock::Timeout=600 install -y keepalived > "$WORK/apt.log" 2>&1 ||
        die "cannot install keepalived: $(tail -n 5 "$WORK/apt.log")"
fi

# The client stands for another machine, which the servers' load does not touch: its probe runs
# real-time, so that on this one machine the busy loops delay the agents, not the measurement.
start_probe() {
    local address=$1 file=$2
    ip netns exec "$C" chrt --fifo 20 ping -D -n -i 0.01 -W 1 "$address" < /dev/null > "$file" 2>&1 &
    PROBE_PID=$!
    PIDS+=("$PROBE_PID")
}

HOGS=()
start_hogs() {
    local i
    for ((i = 0; i < $(nproc); i++)); do
        # Detached from our output: a trial runs in $(...), which waits for whoever holds the pipe.
        ip netns exec "$C" sh -c 'while :; do :; done' < /dev/null > /dev/null 2>&1 &
        HOGS+=("$!")
    done
}
stop_hogs() {
    for pid in "${HOGS[@]}"; do kill -KILL "$pid" 2> /dev/null || true; done
    HOGS=()
}

reset_topology() {
    stop_hogs
    for ns in "$N1" "$N2" "$C"; do
        for pid in $(ip netns pids "$ns" 2> /dev/null); do kill -KILL "$pid" 2> /dev/null || true; done
        ip netns del "$ns" 2> /dev/null || true
    done
    PIDS=()
    # keepalived refuses to start while its pid file names a live process: after a kill -9 the
    # file stays, and its PID may belong to someone else by now.
    rm -f "$WORK"/*.log "$WORK"/k*.pid
    topology
}

batond_conf() { # batond_conf N
    local n=$1
    cat > "$WORK/batond$n.conf" << EOT
state-dir = $WORK/state$n
[vhid 1]
interface = eth0
source    = 192.0.2.1$n
vip       = $VIP/24
password  = some_password
advbase   = 0
advskew   = $((2 + n))
EOT
    chmod 600 "$WORK/batond$n.conf"
    echo "$WORK/batond$n.conf"
}

keepalived_conf() { # keepalived_conf N
    local n=$1
    cat > "$WORK/keepalived$n.conf" << EOT
global_defs {
    vrrp_version 3
}
vrrp_instance bench {
    state BACKUP
    interface eth0
    virtual_router_id 1
    priority $((200 - n * 50))
    advert_int 0.01
    virtual_ipaddress {
        $VIP/24 dev eth0
    }
}
EOT
    echo "$WORK/keepalived$n.conf"
}

start_agent() { # start_agent KIND N
    local kind=$1 n=$2
    if [[ $kind == batond ]]; then
        start_batond "$n" --config "$(batond_conf "$n")"
    else
        ip netns exec "$(ns_of "$n")" keepalived --dont-fork --log-console --vrrp \
            --use-file "$(keepalived_conf "$n")" --pid "$WORK/k$n.pid" --vrrp_pid "$WORK/k$n-vrrp.pid" \
            < /dev/null >> "$WORK/$kind$n.log" 2>&1 &
        PIDS+=("$!")
    fi
}

# Times node 2 became MASTER so far, from its log.
takeovers() { # takeovers KIND
    if [[ $1 == batond ]]; then
        grep -c -- '-> MASTER' "$WORK/batond2.log" || true
    else
        grep -c 'Entering MASTER STATE' "$WORK/keepalived2.log" || true
    fi
}

settled_pair() { # settled_pair KIND: node 1 MASTER, node 2 BACKUP, load on
    reset_topology
    start_agent "$1" 1
    wait_until 10 has_vip 1 || die "$1 on node 1 did not take the VIP"
    start_agent "$1" 2
    sleep 2
    has_vip 2 && die "both $1 hold the VIP"
    start_hogs
    sleep 1
}

soak() { # soak KIND -> "takeovers lost-echoes"
    settled_pair "$1"
    local before
    before=$(takeovers "$1")
    start_probe "$VIP" "$WORK/probe.log"
    sleep "$SOAK"
    stop_probe
    stop_hogs
    local sent received
    sent=$(awk '/packets transmitted/ { print $1 }' "$WORK/probe.log")
    received=$(awk '/packets transmitted/ { print $4 }' "$WORK/probe.log")
    echo "$(($(takeovers "$1") - before)) $((sent - received))"
}

linkdown() { # linkdown KIND -> outage ms
    settled_pair "$1"
    sleep "0.$((RANDOM % 1000))"
    start_probe "$VIP" "$WORK/probe.log"
    sleep 1
    local t0
    t0=$(now_ms)
    ip -n "$N1" link set eth0 down
    wait_until 10 has_vip 2 || true
    sleep 0.5
    stop_probe
    stop_hogs
    longest_gap_ms "$WORK/probe.log" $((t0 - 500))
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Soak $SOAK s per agent, $TRIALS link-down trials each, $(nproc) busy loops; load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| agent, interval | spurious takeovers in $SOAK s | echoes lost in the soak | link-down outage, median (ms) | trials (ms) |"
echo "|---|---|---|---|---|"
for kind in batond keepalived; do
    read -r flaps lost <<< "$(soak "$kind")"
    gaps=()
    for ((i = 0; i < TRIALS; i++)); do gaps+=("$(linkdown "$kind")"); done
    label="batond, advbase 0 advskew 3 (11.7 ms)"
    [[ $kind == keepalived ]] && label="keepalived $(keepalived --version 2>&1 | awk 'NR == 1 { print $2 }') VRRPv3, advert_int 0.01"
    echo "| $label | $flaps | $lost | $(printf '%s\n' "${gaps[@]}" | median) | $(
        IFS=,
        echo "${gaps[*]}"
    ) |"
done
stop_hogs
