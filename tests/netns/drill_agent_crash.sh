#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The agent-crash drill through `batonctl drill --type agent-crash`: the MASTER's agent is told to
# crash (SIGKILL, no bow-out, its VIP left on eth0) and restarted a second later, as systemd's
# Restart=on-failure with RestartSec=1s would; the peer must take over within the bound and the
# restarted agent must remove the VIP it left. Checked from the drill's report and the namespaces.
source "$(dirname "$0")/lib.sh"
topology
mgmt_topology
control_pki
ip netns exec "$C" sysctl -qw net.ipv4.ping_group_range="0 2147483647"
conf1=$(control_conf 1)
# node 1's agent under a restart loop, the service manager of this test
(
    set +e # batond's exit status is the loop's business, not a failure of the test
    trap 'kill $child 2>/dev/null; exit 0' TERM
    while true; do
        ip netns exec "$N1" "$BATOND" --config "$conf1" >> "$WORK/batond1.log" 2>&1 &
        child=$!
        wait $child
        status=$?
        echo "$(date +%T.%3N) supervisor: batond exited ($status), restarting in 1 s" >> "$WORK/batond1.log"
        sleep 1
    done
) &
PIDS+=("$!")
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --config "$(control_conf 2)"
cluster=$(control_cluster_json)
wait_until 5 ctl 2 status > /dev/null 2>&1 || die "node 2's control channel did not answer"
set +e
drill --cluster "$cluster" --type agent-crash > "$WORK/drill.txt" 2> "$WORK/drill.log"
rc=$?
set -e
cat "$WORK/drill.txt"
((rc == 0)) || die "the agent-crash drill's exit status is $rc, not 0 (passed)"
grep -q 'crash requested by admin' "$WORK/batond1.log" || die "node 1's agent was not asked to crash"
grep -q 'supervisor: batond exited (137)' "$WORK/batond1.log" || die "node 1's agent did not die by SIGKILL"
json=$(ls "$WORK"/reports/*-agent-crash.json)
/usr/bin/jsonschema -i "$json" "$(dirname "$0")/../../docs/drill-report.schema.json" || die "the report does not match its schema"
takeover=$(drill_json "$json" "r['steps'][0]['measured']['fault_to_takeover_ms']")
back=$(drill_json "$json" "r['steps'][0]['measured']['recovery_ms']")
stale=$(drill_json "$json" "r['steps'][0]['measured']['two_holders_agents_ms']")
note "crash command -> node 2 MASTER: $takeover ms (bound $(drill_json "$json" "r['steps'][0]['bound']['total_ms']") ms); node 1's agent back after $back ms; both holding: $stale ms"
has_vip 1 && die "node 1 still holds the VIP its crashed agent left"
has_vip 2 || die "node 2 does not hold the VIP"
pass "agent crash: node 2 took over, node 1's restarted agent removed its stale VIP"
