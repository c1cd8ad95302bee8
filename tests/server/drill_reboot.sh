#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The reboot drill through `batonctl drill --type reboot` (baton-deploy underneath) against two booted
# Debian 12 servers deployed as a desktop would (batonctl deploy, root by key through ssh-agent), with
# the cluster's SSH access in its file. The drill logs in over SSH, runs `systemctl reboot` on the
# MASTER's server: the peer must take over within the bound, the server must really reboot (a second
# boot in its journal), its agent must come back at boot and the pair settle with one MASTER. The
# verdict, the figures and the report (JSON against its schema, HTML, PDF) are checked. Then the
# window's drill dialog runs the reboot drill too (tests/system/GuiDrillDialog.cpp): now node 2's
# server, the MASTER since. SCREENSHOT_DIR=DIR keeps the window's pictures.
source "$(dirname "$0")/deploy_lib.bash"
boot_servers
desk_setup
SHOW_LINES=2 deploy --yes --trust-host-key "$(fingerprint 1)" --trust-host-key "$(fingerprint 2)" < /dev/null
expect_rc 0 "deploy"
wait_until 8 has_vip 1 || die "node 1 does not hold the VIP after the deployment"
# The SSH access the window keeps after a deployment: each node's server as an alias of ~/.ssh/config.
python3 - "$CLUSTER" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
for i, node in enumerate(c["nodes"]):
    node["ssh"] = "node%d" % (i + 1)
json.dump(c, open(sys.argv[1], "w"))
PY
ip netns exec "$C" sysctl -qw net.ipv4.ping_group_range="0 2147483647"
boots_before=$(node 1 journalctl --list-boots --no-pager | grep -c .)
t0=$(now_ms)
set +e
ip netns exec "$C" env -i PATH="$PATH" HOME="$DESK" USER=desk LANG=C.UTF-8 XDG_RUNTIME_DIR="$WORK" \
    SSH_AUTH_SOCK="$AGENT_SOCK" ${BATON_DEPLOY_HELPER:+BATON_DEPLOY_HELPER="$BATON_DEPLOY_HELPER"} \
    ${BATON_REPORT_HELPER:+BATON_REPORT_HELPER="$BATON_REPORT_HELPER"} \
    "$BATONCTL" drill --cluster "$CLUSTER" --type reboot --report "$WORK/reports" < /dev/null \
    > "$WORK/drill.txt" 2> "$WORK/drill.log"
rc=$?
set -e
elapsed=$(($(now_ms) - t0))
sed 's/^/#   /' "$WORK/drill.txt" | tail -n 20
((rc == 0)) || { cat "$WORK/drill.log" >&2; die "the reboot drill's exit status is $rc, not 0 (passed)"; }
grep -q '^ssh node1: root: logged in as root' "$WORK/drill.log" || { cat "$WORK/drill.log" >&2; die "the drill did not log in to node1 as root"; }
[[ $(grep -c "=== rebooting" "$WORK/node1/console.log") == 1 ]] || die "node 1's server did not reboot (once)"
! grep -q "=== rebooting" "$WORK/node2/console.log" || die "node 2's server rebooted too"
wait_until 10 node_running 1 || die "node 1 is not running again"
boots=$(node 1 journalctl --list-boots --no-pager | grep -c .)
((boots == boots_before + 1)) || die "node 1's journal shows $boots boots, expected $((boots_before + 1))"
journal 1 -b | matches "batond .* started from" || die "batond did not start at node 1's boot"
has_vip 2 || die "node 2 does not hold the VIP after the drill"
has_vip 1 && die "node 1 holds the VIP too"

json=$(ls "$WORK"/reports/*-reboot.json)
/usr/bin/jsonschema -i "$json" "$(dirname "$0")/../../docs/drill-report.schema.json" || die "the report does not match its schema"
j() { /usr/bin/python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$json" "$1"; }
[[ $(j "r['verdict']") == passed && $(j "r['steps'][0]['action']") == reboot ]] || die "the report does not say a passed reboot"
[[ $(j "[c['ok'] for c in r['preflight'] if c['name'] == 'ssh']") == "[True]" ]] || die "the report has no SSH check that passed"
python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "${json%.json}.html" || die "the HTML report is not well-formed"
[[ -z ${BATON_REPORT_HELPER:-} || $(head -c 5 "${json%.json}.pdf") == %PDF- ]] || die "no PDF report"
takeover=$(j "r['steps'][0]['measured']['fault_to_takeover_ms']")
outage=$(j "r['steps'][0]['measured']['vip_outage_ms'] or 0") # null: not one echo lost
down=$(j "r['steps'][0]['measured']['node_outage_ms']")
back=$(j "r['steps'][0]['measured']['recovery_ms']")
bound=$(j "r['steps'][0]['bound']['total_ms']")
note "reboot drill: node 2 MASTER $takeover ms after the command (bound $bound ms), VIP outage $outage ms, node 1 silent $down ms, its agent back after $back ms; the drill took $elapsed ms"
pass "reboot drill over SSH: node 1 rebooted, node 2 took over in $takeover ms, node 1's agent back after $back ms, report kept"

# --- the window: Cluster → Failover drills…, Server reboot -------------------------------------------
[[ -x ${GUI_DRILL_DIALOG:-} ]] || die "set GUI_DRILL_DIALOG to the gui_drill_dialog test program (built with the window)"
mkdir -p "$WORK/shots"
ip netns exec "$C" env -i PATH="$PATH" HOME="$DESK" USER=desk LANG=C.UTF-8 XDG_RUNTIME_DIR="$WORK" \
    QT_QPA_PLATFORM=offscreen SSH_AUTH_SOCK="$AGENT_SOCK" "$GUI_DRILL_DIALOG" "$CLUSTER" "$WORK/shots" reboot \
    > "$WORK/gui.txt" 2>&1 || { cat "$WORK/gui.txt" >&2; die "the window's reboot drill failed"; }
grep '^# ' "$WORK/gui.txt" | sed 's/^/#   /'
[[ $(grep -c "=== rebooting" "$WORK/node2/console.log") == 1 ]] || die "node 2's server did not reboot (once) from the window"
wait_until 10 node_running 2 || die "node 2 is not running again"
has_vip 1 && ! has_vip 2 || die "node 1 does not hold the VIP alone after the window's drill"
if [[ -n ${SCREENSHOT_DIR:-} ]]; then
    cp "$WORK"/shots/*.png "$SCREENSHOT_DIR"/
    note "screenshots in $SCREENSHOT_DIR"
fi
pass "reboot drill from the window: node 2 rebooted, node 1 took over, the drill passed"
