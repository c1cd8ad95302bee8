#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared topology for the netns system tests, laid out as the seed's manual test:
#
#   node1 ns: eth0 192.0.2.11/24 ─┐
#   node2 ns: eth0 192.0.2.12/24 ─┼─ br0 in the client ns: 192.0.2.100/24 (the admin desktop)
#   VIP 192.0.2.10/24, vhid 1    ─┘
#
# Every name carries a per-run prefix, only 192.0.2.0/24 is used, and cleanup runs on every exit
# path (EXIT trap: processes by PID, then the namespaces). Tests that cannot run as root FAIL.
set -euo pipefail

BATOND=${BATOND:?set BATOND to the batond binary}
BATONCTL=${BATONCTL:-$(dirname "$BATOND")/batonctl/batonctl}
PREFIX="bt$$r$RANDOM"
N1="$PREFIX-n1"
N2="$PREFIX-n2"
C="$PREFIX-c"
VIP=192.0.2.10
WORK=$(mktemp -d "/tmp/$PREFIX.XXXX")
PIDS=()
FAILED=0

die() {
    echo "FAIL: $*" >&2
    FAILED=1
    exit 1
}
pass() { echo "ok: $*"; }
# CMD | matches GREP-ARGS...: grep -q after reading all input. A bare `| grep -q` under pipefail
# fails at random: grep exits at the first match and the writer dies of SIGPIPE on its next write.
matches() {
    local all
    all=$(cat)
    grep -q "$@" <<<"$all"
}
note() { echo "# $*"; }

cleanup() {
    local status=$?
    [[ -n ${WATCHDOG_PID:-} ]] && kill "$WATCHDOG_PID" 2>/dev/null
    # Only our still-running children: a reaped PID may belong to someone else by now.
    for pid in $(jobs -p); do kill -KILL "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    for ns in "$N1" "$N2" "$C" "$PREFIX-probe"; do
        for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
        ip netns del "$ns" 2>/dev/null || true
    done
    if ((status != 0)) || ((FAILED)); then
        for f in "$WORK"/*.log "$WORK"/*.mon; do
            [[ -f $f ]] || continue
            echo "----- $(basename "$f") (last 40 lines)"
            tail -n 40 "$f"
        done
    fi
    [[ -n ${KEEP_WORK:-} ]] && echo "# kept $WORK" || rm -rf "$WORK"
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# ctest's own timeout kills with SIGKILL, which would skip the EXIT trap and leak namespaces:
# give up a little earlier, by ourselves, through the trap.
# The sleep must not hold the test's output pipe, or ctest waits for it after the test ends.
(
    sleep "${NETNS_TEST_TIMEOUT:-150}" < /dev/null > /dev/null 2>&1 &
    trap 'kill $! 2>/dev/null; exit 0' TERM
    wait $!
    echo "FAIL: test timed out after ${NETNS_TEST_TIMEOUT:-150} s" >&2
    kill -TERM $$
) &
WATCHDOG_PID=$!

require_root() {
    ((EUID == 0)) || die "network-namespace tests need root (CI runs them as root; run: sudo ctest -L netns)"
    command -v ip >/dev/null || die "iproute2 is not installed"
    ip netns add "$PREFIX-probe" 2>/dev/null || die "cannot create network namespaces here"
    ip netns del "$PREFIX-probe"
}

# Milliseconds on the wall clock (as ping -D and ip -ts report), without forking date.
now_ms() {
    local t=${EPOCHREALTIME/./}
    echo $((t / 1000))
}

topology() {
    require_root
    ip netns add "$N1"
    ip netns add "$N2"
    ip netns add "$C"
    ip -n "$C" link add br0 type bridge
    ip -n "$C" link set br0 up
    ip -n "$C" addr add 192.0.2.100/24 dev br0
    local i=1
    for ns in "$N1" "$N2"; do
        ip link add eth0 netns "$ns" type veth peer name "port$i" netns "$C"
        ip -n "$C" link set "port$i" master br0 up
        ip -n "$ns" link set lo up
        ip -n "$ns" link set eth0 up
        ip -n "$ns" addr add "192.0.2.1$i/24" dev eth0
        i=$((i + 1))
    done
    ip -n "$C" link set lo up
    # The bridge forwards at once (no STP listening delay).
    ip netns exec "$C" sh -c 'echo 0 > /sys/class/net/br0/bridge/forward_delay' 2>/dev/null || true
}

# The seed's stanza, as an interfaces file for node N (1 or 2).
seed_interfaces() {
    local n=$1 password=${2:-some_password} skew=${3:-1} base=${4:-1}
    cat > "$WORK/interfaces.$n" <<EOT
auto eth0
iface eth0 inet static
  address 192.0.2.1$n/24
ucarp-vid       1
ucarp-vip       $VIP
ucarp-password  $password
ucarp-advskew   $skew
ucarp-advbase   $base
ucarp-master    no
iface eth0:ucarp inet static
  address $VIP/24
EOT
    echo "$WORK/interfaces.$n"
}

# start_batond N [extra args...]: runs batond in node N's namespace; its PID in BATOND_PID[N].
declare -A BATOND_PID
start_batond() {
    local n=$1
    shift
    local ns=$N1
    [[ $n == 2 ]] && ns=$N2
    ip netns exec "$ns" "$BATOND" "$@" >> "$WORK/batond$n.log" 2>&1 &
    BATOND_PID[$n]=$!
    PIDS+=("$!")
}

# The seed's pair, settled: node 1 takes the VIP first, node 2 joins as BACKUP.
start_seed_pair() {
    start_batond 1 --interfaces "$(seed_interfaces 1)"
    wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
    start_batond 2 --interfaces "$(seed_interfaces 2)"
}

ns_of() { if [[ $1 == 1 ]]; then echo "$N1"; else echo "$N2"; fi; }

has_vip() { ip -n "$(ns_of "$1")" -4 addr show dev eth0 2>/dev/null | matches " $VIP/"; }

# wait_until SECONDS COMMAND...: polls every 20 ms.
wait_until() {
    local limit=$1
    shift
    local deadline=$(($(now_ms) + limit * 1000))
    until "$@"; do
        (($(now_ms) < deadline)) || return 1
        sleep 0.02
    done
}

vip_holders() {
    local count=0
    has_vip 1 && count=$((count + 1))
    has_vip 2 && count=$((count + 1))
    echo $count
}

# Client-side probe: echo requests to ADDRESS every 10 ms from the client namespace, with
# receive timestamps, into FILE. Stop with stop_probe.
start_probe() {
    local address=$1 file=$2
    ip netns exec "$C" ping -D -n -i 0.01 -W 1 "$address" > "$file" 2>&1 &
    PROBE_PID=$!
    PIDS+=("$PROBE_PID")
}
stop_probe() {
    PROBE_END=$(now_ms)
    kill -INT "$PROBE_PID" 2>/dev/null || true
    wait "$PROBE_PID" 2>/dev/null || true
}

# Longest gap in milliseconds between consecutive echo replies in a ping -D log from FROM_MS on
# (epoch ms), counting the stretch from the last reply to END_MS (when the probe stopped): a VIP
# that never answers again is an outage, not a pass.
longest_gap_ms() {
    local file=$1 from_ms=${2:-0} end_ms=${3:-${PROBE_END:-0}}
    awk -v from="$from_ms" -v end="$end_ms" '
        /bytes from/ { t = substr($1, 2, length($1) - 2) * 1000; if (t < from) { last = t; next }
                       if (last > 0 && t - last > gap) gap = t - last; last = t }
        END { if (end > 0 && last > 0 && end - last > gap) gap = end - last; printf "%d\n", gap }' "$file"
}

# Waits until both address monitors report a probe address, i.e. they are subscribed. A monitor
# may not have subscribed yet when an address is added, so the probe repeats until it is seen.
monitor_sees() { # monitor_sees N ADDRESS
    local n=$1 address=$2 ns
    ns=$(ns_of "$n")
    ip -n "$ns" addr add "$address/32" dev eth0 2>/dev/null || true
    sleep 0.05
    ip -n "$ns" addr del "$address/32" dev eth0 2>/dev/null || true
    grep -q "$address" "$WORK/addr$n.mon"
}
monitors_ready() {
    wait_until 5 monitor_sees 1 192.0.2.251 || die "address monitor 1 is not listening"
    wait_until 5 monitor_sees 2 192.0.2.252 || die "address monitor 2 is not listening"
}

# VIP-held spans per namespace from `ip -ts monitor address` logs.
start_addr_monitor() {
    local n=$1
    ip netns exec "$(ns_of "$n")" ip -ts monitor address > "$WORK/addr$n.mon" 2>&1 &
    PIDS+=("$!")
}

# The start of every awk program over the two address monitors: a timestamp parser (ms of the
# day), `node` = 1 or 2 for the file being read, and only the VIP's lines kept.
monitor_awk_prelude() {
    cat <<EOT
function ts(s,   t) { t = substr(s, 13, 15); split(t, p, ":"); return (p[1] * 3600 + p[2] * 60 + p[3]) * 1000 }
FNR == 1 { node++ }
index(\$0, " $VIP/") == 0 { next }
EOT
}

# Milliseconds during which both namespaces held the VIP, from the two address monitors.
vip_overlap_ms() {
    awk '
'"$(monitor_awk_prelude)"'
        { t = ts($1) }
        /Deleted/ { if (held[node]) { spans[node] = spans[node] " " start[node] ":" t; held[node] = 0 } next }
        { if (!held[node]) { start[node] = t; held[node] = 1 } }
        END {
            for (n = 1; n <= 2; n++) if (held[n]) spans[n] = spans[n] " " start[n] ":" 1e12
            n1 = split(spans[1], a, " "); n2 = split(spans[2], b, " "); total = 0
            for (i = 1; i <= n1; i++) for (j = 1; j <= n2; j++) {
                split(a[i], x, ":"); split(b[j], y, ":")
                lo = x[1] > y[1] ? x[1] : y[1]; hi = x[2] < y[2] ? x[2] : y[2]
                if (hi > lo) total += hi - lo
            }
            printf "%.1f\n", total
        }' "$WORK/addr1.mon" "$WORK/addr2.mon"
}

# start_ucarp N [extra ucarp args...]: Debian's ucarp in node N's namespace, with scripts that
# add and remove the VIP like Debian's examples; line-buffered log in ucarpN.log.
declare -A UCARP_PID
start_ucarp() {
    local n=$1
    shift
    cat > "$WORK/vip-up" <<EOT
#!/bin/sh
exec ip addr add $VIP/24 dev "\$1" label "\$1:ucarp"
EOT
    cat > "$WORK/vip-down" <<EOT
#!/bin/sh
ip addr del $VIP/24 dev "\$1" 2>/dev/null || true
EOT
    chmod +x "$WORK/vip-up" "$WORK/vip-down"
    ip netns exec "$(ns_of "$n")" stdbuf -oL -eL ucarp -i eth0 -s "192.0.2.1$n" -v 1 -p some_password -a "$VIP" \
        -k "${UCARP_SKEW:-1}" -b "${UCARP_BASE:-1}" -u "$WORK/vip-up" -d "$WORK/vip-down" -z -f none "$@" >> "$WORK/ucarp$n.log" 2>&1 &
    UCARP_PID[$n]=$!
    PIDS+=("$!")
}

# Milliseconds from the VIP's last removal on node 1 to its last arrival on node 2, from the
# address monitors; "none" when they did not see both. (Earlier moves are ignored.) Negative means
# node 2's line is stamped first: `ip monitor` stamps a line when it reads the event, so on a
# loaded machine the two monitors can be a few ms out of order even when the removal came first.
vip_less_window_ms() {
    awk '
'"$(monitor_awk_prelude)"'
        node == 1 && /Deleted/ { gone = ts($1) }
        node == 2 && !/Deleted/ { arrived = ts($1) }
        END { if (gone && arrived) printf "%.1f\n", arrived - gone; else print "none" }' "$WORK/addr1.mon" "$WORK/addr2.mon"
}

# A management network beside the data one, as production pairs often have, so the control channel
# keeps working while a drill takes eth0 down: 192.0.2.128/26, the client .130, node N .13N (the
# /26 is more specific than the data /24, so each address is reached on its own network).
mgmt_topology() {
    ip -n "$C" link add mgmt0 type bridge
    ip -n "$C" link set mgmt0 up
    ip -n "$C" addr add 192.0.2.130/26 dev mgmt0
    ip netns exec "$C" sh -c 'echo 0 > /sys/class/net/mgmt0/bridge/forward_delay' 2>/dev/null || true
    for n in 1 2; do
        ip link add mgmt0 netns "$(ns_of $n)" type veth peer name "mport$n" netns "$C"
        ip -n "$C" link set "mport$n" master mgmt0 up
        ip -n "$(ns_of $n)" link set mgmt0 up
        ip -n "$(ns_of $n)" addr add "192.0.2.13$n/26" dev mgmt0
    done
}

# The control channel's PKI in $WORK/pki: a CA, one agent certificate per node (naming its
# management address), an operator console "admin" and a read-only console "viewer".
control_pki() {
    "$BATONCTL" pki init "$WORK/pki" --name test-ca > /dev/null
    for n in 1 2; do "$BATONCTL" pki issue-agent "$WORK/pki" "node$n" "192.0.2.13$n" > /dev/null; done
    "$BATONCTL" pki issue-console "$WORK/pki" admin --operator > /dev/null
    "$BATONCTL" pki issue-console "$WORK/pki" viewer > /dev/null
}

# group_conf N [LINE...]: node N's batond.conf for vhid 1 on eth0 with the VIP and its own state
# directory, each LINE (e.g. "advskew = 3") added to the group, mode 0600; prints the path.
group_conf() {
    local n=$1 line
    shift
    {
        printf 'state-dir = %s\n[vhid 1]\ninterface = eth0\nsource    = 192.0.2.1%d\n' "$WORK/state$n" "$n"
        printf 'vip       = %s/24\npassword  = some_password\n' "$VIP"
        for line in "$@"; do echo "$line"; done
    } > "$WORK/batond$n.conf"
    chmod 600 "$WORK/batond$n.conf"
    echo "$WORK/batond$n.conf"
}

# control_conf N [advskew]: node N's batond.conf with the listener on its management address and
# its own state directory; prints the path.
control_conf() {
    local n=$1
    local skew=${2:-$n}
    cat > "$WORK/batond$n.conf" <<EOT
state-dir = $WORK/state$n
[control]
listen   = 192.0.2.13$n:7112
tls-ca   = $WORK/pki/ca.crt
tls-cert = $WORK/pki/agents/node$n.crt
tls-key  = $WORK/pki/agents/node$n.key
[vhid 1]
interface = eth0
source    = 192.0.2.1$n
vip       = $VIP/24
password  = some_password
advbase   = 1
advskew   = $skew
EOT
    echo "$WORK/batond$n.conf"
}

# ctl N ARGS...: batonctl from the client namespace against node N's agent, as console "admin"
# (CONSOLE=viewer for the read-only one).
ctl() {
    local n=$1
    shift
    ip netns exec "$C" "$BATONCTL" --agent "192.0.2.13$n" --pki "$WORK/pki" --console "${CONSOLE:-admin}" "$@"
}

# The window's cluster definition for this pair (agents on the management network); prints the path.
control_cluster_json() {
    cat > "$WORK/cluster.json" <<EOT
{
  "name": "demo pair",
  "vip": "$VIP/24",
  "vhid": 1,
  "password": "some_password",
  "advbase": 1,
  "preempt": false,
  "deadratio": 3,
  "pkiDir": "$WORK/pki",
  "console": "admin",
  "nodes": [
    {"name": "node1", "address": "192.0.2.11", "agentAddress": "192.0.2.131", "agentPort": 7112,
     "interface": "eth0", "advskew": 1},
    {"name": "node2", "address": "192.0.2.12", "agentAddress": "192.0.2.132", "agentPort": 7112,
     "interface": "eth0", "advskew": 2}
  ]
}
EOT
    echo "$WORK/cluster.json"
}

# The demo pair with its control channel, as the window sees it: both topologies, the PKI, the
# client namespace allowed unprivileged ICMP sockets, node 1 MASTER and node 2 BACKUP.
start_control_pair() {
    topology
    mgmt_topology
    control_pki
    ip netns exec "$C" sysctl -qw net.ipv4.ping_group_range="0 2147483647"
    start_batond 1 --config "$(control_conf 1)"
    wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
    start_batond 2 --config "$(control_conf 2)"
}

# drill ARGS...: `batonctl drill` from the client namespace (the admin desktop); reports in $WORK/reports.
drill() {
    ip netns exec "$C" env XDG_RUNTIME_DIR="$WORK" HOME="$WORK" "$BATONCTL" drill --report "$WORK/reports" "$@"
}

# drill_bg ARGS...: the same in the background; DRILL_PID is batonctl's own PID (exec all the way
# down), so signals reach the drill and not a subshell.
drill_bg() {
    (exec ip netns exec "$C" env XDG_RUNTIME_DIR="$WORK" HOME="$WORK" "$BATONCTL" drill --report "$WORK/reports" "$@") &
    DRILL_PID=$!
    PIDS+=("$DRILL_PID")
}

# Capture of the echoes to and from the VIP on the client's bridge, the drill's ground truth.
start_vip_capture() {
    ip netns exec "$C" tcpdump -Z root -i br0 -n -U -w "$WORK/vip.pcap" "icmp and host $VIP" > "$WORK/tcpdump.log" 2>&1 &
    PIDS+=("$!")
    CAPTURE_PID=$!
    wait_until 5 grep -q 'listening on' "$WORK/tcpdump.log" || die "tcpdump did not start: $(cat "$WORK/tcpdump.log")"
}
stop_vip_capture() {
    sleep 0.2
    kill -INT "$CAPTURE_PID" 2>/dev/null || true
    wait "$CAPTURE_PID" 2>/dev/null || true
}

# The VIP's outages on the wire, one line each: "START_MS END_MS LOST REPLY_GAP_MS", measured as the
# drill does (from the send time of the first unanswered echo request to that of the next answered
# one), but from the capture's kernel timestamps and the replies actually seen on the client's
# bridge; REPLY_GAP_MS is the silence between the replies around the outage (one interval longer).
wire_outages() {
    tcpdump -r "$WORK/vip.pcap" -n -tt 2>/dev/null | awk -v vip="$VIP" '
        / ICMP echo request, / { split($0, f, /id |, seq |, length/); key = f[2] "/" f[3]
                                 if ($5 == vip ":") { n++; t[n] = $1 * 1000; k[n] = key } next }
        / ICMP echo reply, /   { split($0, f, /id |, seq |, length/); reply[f[2] "/" f[3]] = $1 * 1000 }
        END { for (i = 1; i <= n; i++) {
                  if (!(k[i] in reply)) { if (!start) start = t[i]; lost++; continue }
                  if (start) { printf "%.1f %.1f %d %.1f\n", start, t[i], lost, reply[k[i]] - last; start = 0; lost = 0 }
                  last = reply[k[i]]
              } }'
}

# drill_json FILE PYTHON-EXPRESSION: evaluates the expression with the report as `r`; prints it.
drill_json() {
    /usr/bin/python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}
