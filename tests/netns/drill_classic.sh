#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The seed's test run by `batonctl drill --type classic` against two real agents: each server's eth0
# down (the MASTER first) and up again, every step passed, exit status 0, the three reports written
# and the JSON valid against its schema. Ground truth: tcpdump on the client; each failover's VIP
# outage in the report must agree with the capture within ±30 ms.
source "$(dirname "$0")/lib.sh"
start_control_pair
cluster=$(control_cluster_json)
wait_until 5 ctl 2 status > /dev/null 2>&1 || die "node 2's control channel did not answer"
start_vip_capture
set +e
drill --cluster "$cluster" --type classic > "$WORK/drill.txt" 2> "$WORK/drill.log"
rc=$?
set -e
stop_vip_capture
cat "$WORK/drill.txt"
((rc == 0)) || die "the drill's exit status is $rc, not 0 (passed)"
json=$(ls "$WORK"/reports/*-classic.json)
[[ -f ${json%.json}.html && -s ${json%.json}.pdf ]] || die "the HTML or PDF report is missing: $(ls "$WORK/reports")"
/usr/bin/jsonschema -i "$json" "$(dirname "$0")/../../docs/drill-report.schema.json" ||
    die "the JSON report does not match docs/drill-report.schema.json"
[[ $(drill_json "$json" 'r["verdict"]') == passed ]] || die "verdict in the report is not 'passed'"
[[ $(drill_json "$json" '[s["result"] for s in r["steps"]]') == "['passed', 'passed', 'passed', 'passed']" ]] ||
    die "not every step passed: $(drill_json "$json" '[s["result"] for s in r["steps"]]')"
pass "classic drill passed, 4 steps, reports written, JSON matches its schema"

wire_outages > "$WORK/wire.txt"
note "outages on the wire (start end lost reply-gap): $(tr '\n' ';' < "$WORK/wire.txt")"
checked=0
for step in 0 2; do
    started=$(drill_json "$json" "r['steps'][$step]['started_ms']")
    ended=$(drill_json "$json" "r['steps'][$step]['ended_ms']")
    measured=$(drill_json "$json" "r['steps'][$step]['measured']['vip_outage_ms']")
    # The longest wire outage overlapping the step, as the drill takes the longest.
    truth=$(awk -v a="$started" -v b="$ended" '$2 > a - 100 && $1 < b { d = $2 - $1; if (d > best) best = d }
        END { printf "%.0f\n", best }' "$WORK/wire.txt")
    gap=$(awk -v a="$started" -v b="$ended" '$2 > a - 100 && $1 < b { d = $2 - $1; if (d > best) { best = d; g = $4 } }
        END { printf "%.0f\n", g }' "$WORK/wire.txt")
    diff=$((measured - truth))
    note "step $((step + 1)): drill VIP outage $measured ms, tcpdump $truth ms (difference $diff ms; silence between replies $gap ms)"
    ((truth > 0)) || die "no outage on the wire during step $((step + 1))"
    ((diff >= -30 && diff <= 30)) || die "step $((step + 1)): the drill's outage is $diff ms off the capture"
    checked=$((checked + 1))
done
pass "both failovers' VIP outages agree with the capture within ±30 ms"
