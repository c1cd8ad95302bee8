#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fast adverts on a busy machine: batond at advbase 0 advskew 3 (11.7 ms, master-down 35.2 ms),
# alone and with the peer link over a management network beside the data one (mgmt_topology, as
# in bench/peer-fast-path.sh), against Debian's keepalived VRRPv3 at advert_int 0.01 (10 ms) in the
# same run, each with one busy loop per core hogging the machine (nice 0, as ordinary work). Pair in
# namespaces as in the netns tests; a client pings the VIP every 10 ms throughout.
#   sudo BATOND=build/agent/batond bench/steady-under-load.sh [soak-seconds] [link-down-trials]
# (BENCH_KINDS="peer" runs only some of the rows: batond, peer, keepalived; what each soak takeover
# was, in the agent's words, goes to stderr.)
# Per agent: spurious takeovers during the soak (node 2 becoming MASTER while node 1 is healthy),
# then link-down trials under the same load, the fault at a random phase of the advert timer. Each
# trial's outage two ways: the longest gap between echo replies (it holds the stretch since the last
# reply before the fault, and cannot be read finer than 10 ms), and from the fault: the instant
# `ip link set eth0 down` is run to the first echo reply received after the command returned (by
# then the link is down, so that reply comes from the new holder).
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
    rm -rf "$WORK"/state*
    topology
    mgmt_topology
}

batond_conf() { # batond_conf N [peer]: with "peer", the control channel and the peer link on mgmt0
    local n=$1
    {
        echo "state-dir = $WORK/state$n"
        [[ ${2:-} == peer ]] && cat << EOT
[control]
listen   = 192.0.2.13$n:7112
tls-ca   = $WORK/pki/ca.crt
tls-cert = $WORK/pki/agents/node$n.crt
tls-key  = $WORK/pki/agents/node$n.key
peer     = 192.0.2.13$((3 - n))
EOT
        cat << EOT
[vhid 1]
interface = eth0
source    = 192.0.2.1$n
vip       = $VIP/24
password  = some_password
advbase   = 0
advskew   = $((2 + n))
EOT
    } > "$WORK/batond$n.conf"
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
    elif [[ $kind == peer ]]; then
        start_batond "$n" --config "$(batond_conf "$n" peer)"
    else
        ip netns exec "$(ns_of "$n")" keepalived --dont-fork --log-console --vrrp \
            --use-file "$(keepalived_conf "$n")" --pid "$WORK/k$n.pid" --vrrp_pid "$WORK/k$n-vrrp.pid" \
            < /dev/null >> "$WORK/$kind$n.log" 2>&1 &
        PIDS+=("$!")
    fi
}

# Times node 2 became MASTER so far, from its log.
takeovers() { # takeovers KIND
    if [[ $1 != keepalived ]]; then
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
    if [[ $1 == peer ]]; then
        wait_until 10 peer_ready 1 && wait_until 10 peer_ready 2 || die "the peer link did not come up"
    fi
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
    # What each takeover was, for the reader (stderr): the agent's own words, with its reason.
    if [[ $1 != keepalived ]]; then
        grep -- '-> MASTER' "$WORK/batond2.log" | tail -n +$((before + 1)) | sed "s/^/$1 soak takeover: /" >&2 || true
    else
        grep 'Entering MASTER STATE' "$WORK/keepalived2.log" | tail -n +$((before + 1)) | sed "s/^/$1 soak takeover: /" >&2 || true
    fi
    local sent received
    sent=$(awk '/packets transmitted/ { print $1 }' "$WORK/probe.log")
    received=$(awk '/packets transmitted/ { print $4 }' "$WORK/probe.log")
    echo "$(($(takeovers "$1") - before)) $((sent - received))"
}

peer_ready() {
    ip netns exec "$C" "$BATONCTL" --agent "192.0.2.13$1" --pki "$WORK/pki" --console admin status 2> /dev/null |
        matches "to the partner up, from the partner up"
}

# first_reply_after FILE MS: the receive time (epoch ms) of the first echo reply at or after MS.
first_reply_after() {
    awk -v from="$2" '/bytes from/ { t = substr($1, 2, length($1) - 2) * 1000; if (t >= from) { printf "%.0f\n", t; exit } }' "$1"
}

linkdown() { # linkdown KIND -> "longest-gap-ms fault-to-reply-ms how command-ms"
    settled_pair "$1"
    sleep "0.$((RANDOM % 1000))"
    start_probe "$VIP" "$WORK/probe.log"
    sleep 1
    local t0 t1 reply how=master-down
    # Real-time as the probe, so that the busy loops do not stretch the command: the fault comes
    # within the command's run, t0 to t1, which is reported as well.
    t0=$(now_ms)
    chrt --fifo 20 ip -n "$N1" link set eth0 down
    t1=$(now_ms)
    wait_until 10 has_vip 2 || true
    sleep 0.5
    stop_probe
    stop_hogs
    reply=$(first_reply_after "$WORK/probe.log" "$t1")
    [[ $1 == keepalived ]] && how=vrrp
    grep -q 'MASTER (partner-link-lost)' "$WORK/batond2.log" 2> /dev/null && how=partner
    echo "$(longest_gap_ms "$WORK/probe.log" $((t0 - 500))) $((${reply:-$PROBE_END} - t0)) $how $((t1 - t0))"
}

range() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

control_pki
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
echo "Soak $SOAK s per agent, $TRIALS link-down trials each, $(nproc) busy loops; load average before: $(loadavg)."
echo
echo "| agent, interval | spurious takeovers in $SOAK s | echoes lost in the soak | link-down outage, longest gap: median (trials) (ms) | link-down outage from the fault to the first reply: median (trials) (ms) | takeovers on the partner's word | load average after the soak / after the trials |"
echo "|---|---|---|---|---|---|---|"
for kind in ${BENCH_KINDS:-batond peer keepalived}; do
    read -r flaps lost <<< "$(soak "$kind")"
    after_soak=$(loadavg)
    gaps=()
    faults=()
    commands=()
    partner=0
    for ((i = 0; i < TRIALS; i++)); do
        read -r g f how c <<< "$(linkdown "$kind")"
        gaps+=("$g")
        faults+=("$f")
        commands+=("$c")
        [[ $how == partner ]] && partner=$((partner + 1))
    done
    label="batond, advbase 0 advskew 3 (11.7 ms)"
    [[ $kind == peer ]] && label="batond, advbase 0 advskew 3 (11.7 ms), with the peer link"
    [[ $kind == keepalived ]] && label="keepalived $(keepalived --version 2>&1 | awk 'NR == 1 { print $2 }') VRRPv3, advert_int 0.01"
    words="–"
    [[ $kind != keepalived ]] && words="$partner of $TRIALS"
    echo "| $label | $flaps | $lost | $(printf '%s\n' "${gaps[@]}" | median) ($(
        IFS=,
        echo "${gaps[*]}" | sed 's/,/, /g'
    )) | $(printf '%s\n' "${faults[@]}" | median) ($(
        IFS=,
        echo "${faults[*]}" | sed 's/,/, /g'
    )); the command took $(printf '%s\n' "${commands[@]}" | range) | $words | $after_soak / $(loadavg) |"
done
stop_hogs
