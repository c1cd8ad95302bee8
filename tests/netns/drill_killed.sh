#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A drill that does not finish: killed -9 with node 1's eth0 down, the agent's own deadline brings
# the link back and the report left behind reads as aborted (interrupted); stopped with SIGTERM, it
# restores at once, writes an aborted report and exits 4.
source "$(dirname "$0")/lib.sh"
start_control_pair
cluster=$(control_cluster_json)
wait_until 5 ctl 2 status > /dev/null 2>&1 || die "node 2's control channel did not answer"
link_down() { ip -n "$N1" link show eth0 | matches 'state DOWN'; }
link_up() { ip -n "$N1" link show eth0 | matches 'state UP'; }

drill_bg --cluster "$cluster" > "$WORK/drill1.txt" 2>&1
wait_until 15 link_down || die "the drill did not take node 1's eth0 down: $(cat "$WORK/drill1.txt")"
down_at=$(now_ms)
sleep 1
kill -KILL "$DRILL_PID"
wait "$DRILL_PID" 2> /dev/null || true
json=$(ls "$WORK"/reports/*-classic.json) || die "no report left behind"
[[ $(drill_json "$json" 'r["verdict"], r["interrupted"]') == "('aborted', True)" ]] ||
    die "the report left by the killed drill is not marked aborted: $(drill_json "$json" 'r["verdict"], r["interrupted"]')"
/usr/bin/jsonschema -i "$json" "$(dirname "$0")/../../docs/drill-report.schema.json" || die "the aborted report does not match its schema"
restore=$(grep -o 'restores it after [0-9]* s' "$WORK/drill1.txt" | grep -o '[0-9]*')
link_down || die "eth0 came up before the agent's deadline"
wait_until $((restore + 3)) link_up || die "the agent did not restore eth0 within its ${restore} s deadline"
up=$(($(now_ms) - down_at))
note "drill killed -9: eth0 back $up ms after it went down (restore deadline ${restore} s from the request)"
((up >= (restore - 1) * 1000)) || die "eth0 came back after $up ms: not by the agent's ${restore} s deadline"
pass "killed drill: the agent restored the link, the report remains marked aborted"
rm -f "$WORK"/reports/*

wait_until 20 bash -c "$(declare -f ctl matches); C=$C BATONCTL=$BATONCTL WORK=$WORK ctl 1 status | matches 'BACKUP\|MASTER'"
sleep 4 # the pair settles: node 2 MASTER, node 1 BACKUP
drill_bg --cluster "$cluster" > "$WORK/drill2.txt" 2>&1
wait_until 15 bash -c "ip -n $N1 link show eth0 | grep -q 'state DOWN' || ip -n $N2 link show eth0 | grep -q 'state DOWN'" ||
    die "the second drill took no link down: $(cat "$WORK/drill2.txt")"
sleep 0.5
t0=$(now_ms)
kill -TERM "$DRILL_PID"
set +e
wait "$DRILL_PID"
rc=$?
set -e
both_up() { ip -n "$N1" link show eth0 | matches 'state UP' && ip -n "$N2" link show eth0 | matches 'state UP'; }
wait_until 3 both_up || die "SIGTERM did not restore the links"
note "SIGTERM: links up $(($(now_ms) - t0)) ms after the signal; exit status $rc"
((rc == 4)) || die "exit status $rc after SIGTERM, not 4 (aborted): $(tail -5 "$WORK/drill2.txt")"
json=$(ls "$WORK"/reports/*-classic.json)
[[ $(drill_json "$json" 'r["verdict"], r["interrupted"]') == "('aborted', False)" ]] || die "SIGTERM report not aborted"
grep -q 'terminated (SIGTERM)' "$json" || die "the report does not say why it was aborted"
[[ -s ${json%.json}.pdf ]] || die "no PDF for the aborted drill"
pass "SIGTERM: restored at once, aborted report, exit status 4"
