#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CPU per advert, batond against Debian's keepalived in the same run, and batond's cost as the
# number of vhids grows. Pair in namespaces as in the netns tests (tests/netns/lib.sh), nothing else
# running in them. CPU is what the kernel accounted to every thread of every process in a node's
# namespace (/proc/PID/task/TID/schedstat, nanoseconds), adverts are the packets node 1 sent and
# node 2 received on eth0 (in steady state nothing else crosses the wire).
#   sudo BATOND=build/agent/batond bench/advert-cost.sh [seconds-per-case]   (markdown to stdout)
#   ADVERT_COST_CPUS="A B": node 1's agents on CPU A, node 2's on CPU B (taskset), e.g. "0 1" or "1 1";
#   where the woken agent runs, against the one that sent the advert, decides much of the cost.
# Cases: batond advbase 0 advskew 3 (11.7 ms) and keepalived VRRPv3 advert_int 0.01 (10 ms), one
# group each, keepalived once as Debian ships it (normal scheduling) and once on real-time scheduling
# with its memory locked, as batond runs (vrrp_rt_priority, vrrp_no_swap); then batond with 1, 50
# and 100 vhids at advbase 1 (one VIP each). And a yardstick for each side: tests/tools/LeanAgent.cpp
# (lean_agent, built with the tests) does batond's work per advert on the same real-time policy and
# nothing else (a bare epoll_wait, no Qt, no other timers or descriptors), once as the backup of a
# batond master, once as the master (adverts only, no VIP) of a batond backup: its figure against
# batond's is what the rest of the agent costs per advert. BATOND_EVENT_LOOP=qt in the environment
# runs batond on Qt's own event loop instead of its direct lane (docs/batond.md), to compare.
#   LEAN_AGENT: its path (default: the build's tests/lean_agent next to BATOND's agent/).
#   ADVERT_COST_ONLY=vhids: only the 1/50/100-vhid series; ADVERT_COST_ONLY=one: only the one-group cases.
#   ADVERT_COST_ROUNDS=N: the one-group cases N times over, round after round, each figure as the
#   median of the N with its range (a single run's figures on this kind of host vary by tens of per
#   cent between runs). ADVERT_COST_COMPARE=PATH: a second batond binary, run as another case of
#   each round (before/after a change on the same host state); side by side, the two trade
#   places in the start order every other round.
#   ADVERT_COST_SIDE_BY_SIDE=1: each round runs batond's pairs (at 11.7 ms and at 7.8 ms, the CARP
#   intervals either side of keepalived's 10 ms, each on both policies; and the comparison's), the
#   backup's yardstick (lean_agent behind a batond master) and the two keepalived pairs at the same
#   time, each in namespaces of its own, masters on CPU 0 and backups on CPU 1 (ADVERT_COST_CPUS),
#   3 rounds unless ADVERT_COST_ROUNDS says otherwise: every agent then meets the same host, which
#   makes the comparison stable where consecutive runs are not. Every agent process runs from a
#   binary file of its own (see own_copy).
SECONDS_PER_CASE=${1:-30}
if [[ -n ${ADVERT_COST_SIDE_BY_SIDE:-} ]]; then
    ROUNDS=${ADVERT_COST_ROUNDS:-3}
    export ADVERT_COST_CPUS=${ADVERT_COST_CPUS:-0 1} # masters on one CPU, backups on the other
else
    ROUNDS=${ADVERT_COST_ROUNDS:-1}
fi
LEAN_AGENT=${LEAN_AGENT:-$(dirname "$BATOND")/../tests/lean_agent}
NETNS_TEST_TIMEOUT=${NETNS_TEST_TIMEOUT:-3600} # the whole benchmark, not one test
source "$(dirname "$0")/../tests/netns/lib.sh"
source "$(dirname "$0")/pair-conf.sh"
require_root
[[ -x $LEAN_AGENT ]] ||
    die "no lean_agent at $LEAN_AGENT (build the target lean_agent, or set LEAN_AGENT to it)"

if ! command -v keepalived > /dev/null; then
    apt-get -o DPkg::Lock::Timeout=600 install -y keepalived > "$WORK/apt.log" 2>&1 ||
        die "cannot install keepalived: $(tail -n 5 "$WORK/apt.log")"
fi

[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ADVERT_COST_ROUNDS must be a whole number from 1, not '$ROUNDS'"
[[ -z ${ADVERT_COST_COMPARE:-} || -x $ADVERT_COST_COMPARE ]] ||
    die "ADVERT_COST_COMPARE must name a batond binary, not '$ADVERT_COST_COMPARE'"
[[ -z ${ADVERT_COST_CPUS:-} || $ADVERT_COST_CPUS =~ ^[0-9]+\ [0-9]+$ ]] ||
    die "ADVERT_COST_CPUS must be two CPU numbers, node 1's then node 2's (e.g. \"0 1\"), not '$ADVERT_COST_CPUS'"

# pinned N: the taskset prefix for node N's agents (none unless ADVERT_COST_CPUS is set).
pinned() {
    [[ -n ${ADVERT_COST_CPUS:-} ]] || return 0
    local cpus
    read -ra cpus <<< "$ADVERT_COST_CPUS"
    echo taskset -c "${cpus[$(($1 - 1))]}"
}
# own_copy PATH: a copy of the binary at PATH (without its debug sections: the same code and data)
# for one process to run. Processes running one binary file share its pages, and an agent whose
# file three other pairs ran beside it cost 7 % more per advert than the same agent from a file of
# its own (median of 10 rounds, dearer in 9; docs/BENCHMARKS.md); on a server each has its own.
own_copy() {
    local copy
    copy=$(mktemp "$WORK/bin-$(basename "$1")-XXXXXX") && strip --strip-debug -o "$copy" "$1" &&
        chmod 755 "$copy" || die "cannot copy $1 to $WORK"
    echo "$copy"
}

# lacks_vip N: node N does not hold the VIP. At fast adverts a host's stall may let a backup take
# over for an advert or two while a pair settles; it must give the VIP back within seconds.
lacks_vip() { ! has_vip "$1"; }

# As lib.sh's, pinned (ADVERT_COST_CPUS), and wrapped in $BATOND_WRAP when set.
start_batond() {
    local n=$1 bin
    shift
    bin=$(own_copy "$BATOND")
    # shellcheck disable=SC2086 # the prefixes are words
    ip netns exec "$(ns_of "$n")" $(pinned "$n") ${BATOND_WRAP:-} "$bin" "$@" >> "$WORK/batond$n.log" 2>&1 &
    BATOND_PID[$n]=$!
    PIDS+=("$!")
}

reset_topology() {
    for ns in "$N1" "$N2" "$C"; do
        for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
        ip netns del "$ns" 2>/dev/null || true
    done
    PIDS=()
    # keepalived refuses to start while its pid file names a live process: after a kill -9 the
    # file stays, and its PID may belong to someone else by now.
    rm -f "$WORK"/k*.pid
    # Each case starts with empty state directories: no counters remembered from the last one.
    rm -rf "$WORK"/state1 "$WORK"/state2
    topology
    # No IPv6: a backup's router solicitations and MLD reports would read as adverts it sent
    # (measure's check that the roles held).
    for ns in "$N1" "$N2"; do
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.eth0.disable_ipv6=1
    done
}

# ns_cpu_ns NS: nanoseconds on a CPU so far, all threads of all processes in namespace NS.
ns_cpu_ns() {
    local total=0 pid f v
    for pid in $(ip netns pids "$1"); do
        for f in /proc/"$pid"/task/*/schedstat; do
            read -r v _ < "$f" 2> /dev/null || continue
            total=$((total + v))
        done
    done
    echo "$total"
}
counter() { ip netns exec "$(ns_of "$1")" cat "/sys/class/net/eth0/statistics/$2"; }

# The pairs' files: batond_conf and keepalived_conf (bench/pair-conf.sh).
start_keepalived() { # start_keepalived N [realtime]
    local n=$1 bin
    bin=$(own_copy "$(command -v keepalived)")
    ip netns exec "$(ns_of "$n")" $(pinned "$n") "$bin" --dont-fork --log-console --vrrp \
        --use-file "$(keepalived_conf "$n" "${2:-}")" --pid "$WORK/k$n.pid" --vrrp_pid "$WORK/k$n-vrrp.pid" \
        >> "$WORK/keepalived$n.log" 2>&1 &
    PIDS+=("$!")
}

# measure -> "master-cpu-us backup-cpu-us sent received disturbed" over SECONDS_PER_CASE in steady
# state; disturbed is 1 when the backup sent more than two packets meanwhile (it took over, if only
# for an advert: a shared host's stall can do that to any agent at fast adverts), else 0. With
# ADVERT_COST_START (seconds since the epoch), the measurement starts then: the side-by-side mode
# starts all its pairs' measurements together.
measure() {
    if [[ -n ${ADVERT_COST_START:-} ]]; then
        local wait=$((ADVERT_COST_START - $(date +%s)))
        ((wait > 0)) || die "the pair was not ready before the agreed start (make the start later)"
        sleep "$wait"
    else
        sleep 3
    fi
    local c1 c2 tx rx backup_tx
    c1=$(ns_cpu_ns "$N1")
    c2=$(ns_cpu_ns "$N2")
    tx=$(counter 1 tx_packets)
    rx=$(counter 2 rx_packets)
    backup_tx=$(counter 2 tx_packets)
    sleep "$SECONDS_PER_CASE"
    echo "$((($(ns_cpu_ns "$N1") - c1) / 1000)) $((($(ns_cpu_ns "$N2") - c2) / 1000))" \
        "$(($(counter 1 tx_packets) - tx)) $(($(counter 2 rx_packets) - rx))" \
        "$(($(counter 2 tx_packets) - backup_tx > 2 ? 1 : 0))"
}

case_batond() { # case_batond VHIDS BASE SKEW
    reset_topology
    start_batond 1 --config "$(batond_conf 1 "$@")"
    wait_until 10 has_vip 1 || die "batond on node 1 did not take the VIP"
    start_batond 2 --config "$(batond_conf 2 "$@")"
    sleep 2
    wait_until 5 lacks_vip 2 || die "both batond hold the VIP"
    if [[ -n ${BATOND_WRAP:-} ]]; then
        matches "adverts on normal scheduling" < "$WORK/batond1.log" ||
            die "batond under '$BATOND_WRAP' did not say it runs on normal scheduling"
    fi
    measure
}

# start_lean N SKEW [--master]: lean_agent in node N's namespace for vhid 1; its PID in LEAN_PID.
start_lean() {
    local n=$1 skew=$2 bin
    shift 2
    bin=$(own_copy "$LEAN_AGENT")
    ip netns exec "$(ns_of "$n")" $(pinned "$n") "$bin" --interface eth0 --source "192.0.2.1$n" \
        --vip "$VIP" --password some_password --advbase 0 --advskew "$skew" "$@" >> "$WORK/lean$n.log" 2>&1 &
    LEAN_PID=$!
    PIDS+=("$LEAN_PID")
}

# measure_lean N: measure, then fail if node N's lean_agent stopped meanwhile (it exits when refused
# real-time). Side by side, a dozen agents share two CPUs, and a shared host may take a CPU away for
# longer than a master-down interval (steal: gaps of 30-94 ms in a master's adverts were seen): the
# lean backup then stays silent until the next advert and says so in its log; a measurement with
# such a miss counts as disturbed.
measure_lean() {
    local result missed_before missed m b tx rx disturbed
    missed_before=$(grep -c 'no advert for a master-down interval' "$WORK/lean$1.log" || true)
    result=$(measure)
    kill -0 "$LEAN_PID" 2> /dev/null || die "lean_agent on node $1 stopped: $(tail -n 5 "$WORK/lean$1.log")"
    missed=$(grep -c 'no advert for a master-down interval' "$WORK/lean$1.log" || true)
    read -r m b tx rx disturbed <<< "$result"
    if ((missed > missed_before)); then
        echo "lean_agent on node $1 missed the master's adverts $((missed - missed_before)) times (host stalls)" >&2
        disturbed=1
    fi
    echo "$m $b $tx $rx $disturbed"
}

case_lean_backup() {
    reset_topology
    start_batond 1 --config "$(batond_conf 1 1 0 3)"
    wait_until 10 has_vip 1 || die "batond on node 1 did not take the VIP"
    start_lean 2 4
    sleep 2
    measure_lean 2
}

case_lean_master() {
    reset_topology
    start_lean 1 3 --master
    sleep 1 # MASTER once it heard nobody for three advert intervals
    start_batond 2 --config "$(batond_conf 2 1 0 3)"
    sleep 2
    has_vip 2 && die "batond on node 2 took the VIP from lean_agent"
    measure_lean 1
}

case_keepalived() { # case_keepalived [realtime]
    reset_topology
    start_keepalived 1 "${1:-}"
    wait_until 10 has_vip 1 || die "keepalived on node 1 did not take the VIP: $(tail -n 5 "$WORK/keepalived1.log")"
    start_keepalived 2 "${1:-}"
    sleep 2
    wait_until 5 lacks_vip 2 || die "both keepalived hold the VIP"
    measure
}

# CPU figures are in microseconds: per advert, share of a core, milliseconds for the tables.
per_advert() { awk -v c="$1" -v n="$2" 'BEGIN { if (n > 0) printf "%.1f", c / n; else print "-" }'; }
share() { awk -v c="$1" -v s="$SECONDS_PER_CASE" 'BEGIN { printf "%.2f", c / (s * 10000) }'; }
ms() { echo $(($1 / 1000)); }

# one_group_case NAME -> "master-cpu-us backup-cpu-us sent received" for the one-group case of that name.
one_group_case() {
    case $1 in
    batond) case_batond 1 0 3 ;;
    compare) BATOND=$ADVERT_COST_COMPARE case_batond 1 0 3 ;;
    # Real-time refused (no CAP_SYS_NICE): batond on normal scheduling, as keepalived by default.
    batond_normal) BATOND_WRAP="setpriv --inh-caps=-sys_nice --bounding-set=-sys_nice" case_batond 1 0 3 ;;
    # CARP's intervals step by 1/256 s: 7.8 ms is the nearest below keepalived's 10 ms, as 11.7 ms
    # is above. A cold cache costs more the longer an agent sleeps, so the two bracket keepalived.
    batond_fast) case_batond 1 0 2 ;;
    batond_normal_fast) BATOND_WRAP="setpriv --inh-caps=-sys_nice --bounding-set=-sys_nice" case_batond 1 0 2 ;;
    lean_backup) case_lean_backup ;;
    lean_master) case_lean_master ;;
    keepalived) case_keepalived ;;
    keepalived_rt) case_keepalived realtime ;;
    esac
}
keepalived_version=$(keepalived --version 2>&1 | awk 'NR == 1 { print $2 }')
declare -A LABEL=(
    [batond]="batond, advbase 0 advskew 3 (11.7 ms)"
    [compare]="batond ${ADVERT_COST_COMPARE:-}, the same"
    [batond_normal]="batond, the same on normal scheduling (real-time refused)"
    [batond_fast]="batond, advbase 0 advskew 2 (7.8 ms)"
    [batond_normal_fast]="batond, 7.8 ms on normal scheduling"
    [lean_backup]="batond as master, lean_agent as backup (batond's work per advert and nothing else)"
    [lean_master]="lean_agent as master, batond as backup"
    [keepalived]="keepalived $keepalived_version VRRPv3, advert_int 0.01"
    [keepalived_rt]="keepalived $keepalived_version, the same on real-time scheduling (vrrp_rt_priority 10, vrrp_no_swap)"
)
CASES=(batond)
[[ -n ${ADVERT_COST_COMPARE:-} ]] && CASES+=(compare)
if [[ -n ${ADVERT_COST_SIDE_BY_SIDE:-} ]]; then
    # Each pair beside the others, both policies of each agent, batond at the CARP intervals either
    # side of keepalived's, and the backup's yardstick (the master's would be a second lean pair).
    CASES+=(batond_fast batond_normal batond_normal_fast lean_backup keepalived keepalived_rt)
else
    CASES+=(lean_backup lean_master keepalived keepalived_rt)
fi
# median_range "v1 v2 ...": "median (min–max)" of the numbers given.
median_range() {
    [[ -n $1 ]] || { echo "–"; return; }
    tr ' ' '\n' <<< "$1" | sort -n | awk '{ v[NR] = $1 } END {
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.1f (%.1f–%.1f)", m, v[1], v[NR] }'
}
# A side-by-side round's child: one case's pair in namespaces of its own, measured from
# ADVERT_COST_START; prints the case's figures and leaves (lib.sh cleans up).
if [[ -n ${ADVERT_COST_ROLE:-} ]]; then
    one_group_case "$ADVERT_COST_ROLE"
    exit 0
fi
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$SECONDS_PER_CASE s per case, load average before the run: $load ($(nproc) cores)${ADVERT_COST_CPUS:+, node 1 on CPU ${ADVERT_COST_CPUS% *} and node 2 on CPU ${ADVERT_COST_CPUS#* }}."
echo
if [[ ${ADVERT_COST_ONLY:-} != vhids && $ROUNDS -eq 1 ]]; then
echo "| agent, interval | adverts sent / received | master CPU (ms) | µs per advert sent | backup CPU (ms) | µs per advert received |"
echo "|---|---|---|---|---|---|"
for c in "${CASES[@]}"; do
    result=$(one_group_case "$c") || die "the case $c failed (above)"
    read -r m b tx rx disturbed <<< "$result"
    ((disturbed)) && c_note=" (a role changed meanwhile)" || c_note=""
    echo "| ${LABEL[$c]}$c_note | $tx / $rx | $(ms "$m") | $(per_advert "$m" "$tx") | $(ms "$b") | $(per_advert "$b" "$rx") |"
done
echo
elif [[ ${ADVERT_COST_ONLY:-} != vhids ]]; then
[[ -n ${ADVERT_COST_SIDE_BY_SIDE:-} ]] && echo "Side by side: the pairs of each round run at the same time, each in namespaces of its own."
# Rounds: every case once per round, in the same order (or side by side, all at once), so that a
# drift of the host's speed touches all of them alike; medians over the rounds, each round below.
declare -A SENT RECEIVED DISTURBED
rounds_log=""
for ((r = 1; r <= ROUNDS; r++)); do
    line="| $r |"
    if [[ -n ${ADVERT_COST_SIDE_BY_SIDE:-} ]]; then
        # Every case's pair at once, each in its own namespaces, measured over the same seconds.
        start=$(($(date +%s) + 15))
        children=()
        roles=()
        for c in "${CASES[@]}"; do
            # Every other round the build and its comparison trade places in the start order (and
            # whatever placement comes with it): a difference between them is then theirs, not
            # their places'. Two copies of one build measured 1-5 % apart by place alone.
            role=$c
            if ((r % 2 == 0)) && [[ -n ${ADVERT_COST_COMPARE:-} ]]; then
                [[ $c == batond ]] && role=compare
                [[ $c == compare ]] && role=batond
            fi
            roles+=("$role")
            ADVERT_COST_ROLE=$role ADVERT_COST_START=$start "$0" "$SECONDS_PER_CASE" \
                > "$WORK/side-$r-$role.txt" 2> "$WORK/side-$r-$role.err" &
            children+=("$!")
        done
        for i in "${!children[@]}"; do
            wait "${children[$i]}" ||
                die "the case ${roles[$i]} failed in round $r: $(tail -n 20 "$WORK/side-$r-${roles[$i]}.err")"
        done
    fi
    for c in "${CASES[@]}"; do
        if [[ -n ${ADVERT_COST_SIDE_BY_SIDE:-} ]]; then
            result=$(tail -n 1 "$WORK/side-$r-$c.txt")
        else
            result=$(one_group_case "$c") || die "the case $c failed in round $r (above)"
        fi
        read -r m b tx rx disturbed <<< "$result"
        if ((disturbed)); then
            # A role changed during the measurement: not steady state, left out of the medians.
            line+=" $(per_advert "$m" "$tx") / $(per_advert "$b" "$rx") * |"
            DISTURBED[$c]=$((${DISTURBED[$c]:-0} + 1))
            continue
        fi
        SENT[$c]+="$(per_advert "$m" "$tx") "
        RECEIVED[$c]+="$(per_advert "$b" "$rx") "
        line+=" $(per_advert "$m" "$tx") / $(per_advert "$b" "$rx") |"
    done
    rounds_log+="$line"$'\n'
done
echo "| agent, interval ($ROUNDS rounds) | µs per advert sent: median (min–max) | µs per advert received: median (min–max) |"
echo "|---|---|---|"
for c in "${CASES[@]}"; do
    left=""
    ((${DISTURBED[$c]:-0} > 0)) && left=" (${DISTURBED[$c]} of $ROUNDS rounds left out)"
    sent=${SENT[$c]:-}
    received=${RECEIVED[$c]:-}
    echo "| ${LABEL[$c]}$left | $(median_range "${sent% }") | $(median_range "${received% }") |"
done
echo
header="| round |"
rule="|---|"
for c in "${CASES[@]}"; do
    header+=" $c |"
    rule+="---|"
done
echo "$header"
echo "$rule"
printf '%s' "$rounds_log"
echo
echo "\\* a role changed during that round's measurement (the backup sent adverts, or lean_agent missed the master's): left out of the medians."
echo
fi
if [[ ${ADVERT_COST_ONLY:-} != one ]]; then
echo "| batond, advbase 1 | adverts sent / received | master CPU (ms) | share of a core | µs per advert sent | backup CPU (ms) | share of a core | µs per advert received |"
echo "|---|---|---|---|---|---|---|---|"
for vhids in 1 50 100; do
    result=$(case_batond "$vhids" 1 1) || die "the case of $vhids vhids failed (above)"
    read -r m b tx rx disturbed <<< "$result"
    ((disturbed)) && echo "($vhids vhids: the backup sent adverts during the measurement)" >&2
    echo "| $vhids vhid$( ((vhids > 1)) && echo s) | $tx / $rx | $(ms "$m") | $(share "$m") % | $(per_advert "$m" "$tx") | $(ms "$b") | $(share "$b") % | $(per_advert "$b" "$rx") |"
done
echo
fi
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)."
