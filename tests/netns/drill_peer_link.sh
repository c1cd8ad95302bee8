#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `batonctl drill --type classic` against a pair with the peer link (each agent naming the other's
# management address): every step passes, each failover is the partner's takeover on the downed
# MASTER's word, and the report says so next to the short outage (at most 1 s: a bound that cannot
# flake on a busy machine, a third of CARP's; the figure is bench/peer-fast-path.sh's). The
# expectation of each failover step mentions the ready link.
source "$(dirname "$0")/lib.sh"
topology
mgmt_topology
control_pki
ip netns exec "$C" sysctl -qw net.ipv4.ping_group_range="0 2147483647"
peer_conf() { # peer_conf N: control_conf with the other node as its partner
    control_conf "$1" > /dev/null
    sed -i "/^tls-key/a peer     = 192.0.2.13$((3 - $1))" "$WORK/batond$1.conf"
    echo "$WORK/batond$1.conf"
}
start_batond 1 --config "$(peer_conf 1)"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --config "$(peer_conf 2)"
link_ready() { ctl "$1" status 2> /dev/null | matches "to the partner up, from the partner up"; }
for n in 1 2; do wait_until 10 link_ready "$n" || die "node $n's peer link did not come up both ways"; done
cluster=$(control_cluster_json)
set +e
drill --cluster "$cluster" --type classic > "$WORK/drill.txt" 2> "$WORK/drill.log"
rc=$?
set -e
cat "$WORK/drill.txt"
((rc == 0)) || die "the drill's exit status is $rc, not 0 (passed): $(tail -n 5 "$WORK/drill.log")"
json=$(ls "$WORK"/reports/*-classic.json)
[[ $(drill_json "$json" '[s["result"] for s in r["steps"]]') == "['passed', 'passed', 'passed', 'passed']" ]] ||
    die "not every step passed: $(drill_json "$json" '[s["result"] for s in r["steps"]]')"
for step in 0 2; do
    down=node$((step / 2 + 1))
    up=node$((2 - step / 2))
    outage=$(drill_json "$json" "r['steps'][$step]['measured'].get('vip_outage_ms') or 0")
    note "step $((step + 1)) ($down's eth0 down): VIP outage $outage ms"
    ((outage <= 1000)) || die "step $((step + 1)): VIP outage $outage ms with the peer link (bound 1000 ms)"
    drill_json "$json" "'\n'.join(r['steps'][$step]['seen'])" |
        matches "$up took over on $down's word over the peer link (the fast path)" ||
        die "step $((step + 1)): the report does not say that $up took over on $down's word"
    drill_json "$json" "r['steps'][$step]['expected']" | matches "with the peer link ready" ||
        die "step $((step + 1)): the expectation does not mention the ready peer link"
done
matches "took over on node1's word over the peer link" < "$(ls "$WORK"/reports/*-classic.html)" ||
    die "the HTML report does not say that node2 took over on node1's word"
grep -q 'MASTER (partner-link-lost)' "$WORK/batond2.log" || die "node 2's log has no partner-link-lost takeover"
grep -q 'MASTER (partner-link-lost)' "$WORK/batond1.log" || die "node 1's log has no partner-link-lost takeover"
pass "classic drill with the peer link: both failovers on the partner's word, said in the report, outages within 1 s"
