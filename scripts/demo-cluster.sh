#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A demo pair in network namespaces, the seed's layout (tests/netns/lib.sh): two batond with the
# seed's settings (vhid 1, VIP 192.0.2.10, nodes .11 and .12), their control channel on a
# management network (.131, .132), and a client namespace the window probes from. Runs COMMAND
# inside the client namespace (as sudo's caller when there is one), with every argument
# "@CLUSTER@" replaced by the cluster file's path, and tears everything down when COMMAND ends
# (or on Ctrl+C).
#   scripts/demo-cluster.sh BUILD-DIR COMMAND [ARGS...]
set -euo pipefail
build=$(cd "$1" && pwd)
shift
export BATOND=$build/agent/batond BATONCTL=$build/agent/batonctl/batonctl
export NETNS_TEST_TIMEOUT=$((7 * 24 * 3600)) # a demo runs as long as its window
source "$(dirname "$0")/../tests/netns/lib.sh"
start_control_pair
control_cluster_json > /dev/null
# The desktop user (sudo's caller) runs the window and must read the console's key.
if [[ -n ${SUDO_USER:-} && ${SUDO_USER} != root ]]; then
    chown -R "$SUDO_USER" "$WORK"
    chmod 755 "$WORK"
fi
args=()
for a in "$@"; do [[ $a == @CLUSTER@ ]] && args+=("$WORK/cluster.json") || args+=("$a"); done
as_user=()
if [[ -n ${SUDO_USER:-} && ${SUDO_USER} != root ]]; then
    as_user=(runuser -u "$SUDO_USER" -- env "DISPLAY=${DISPLAY:-}" "XAUTHORITY=${XAUTHORITY:-}"
        "WAYLAND_DISPLAY=${WAYLAND_DISPLAY:-}" "XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-}")
fi
# For pictures: take the master's link down after DEMO_LINK_DOWN_AFTER seconds, as a click would.
if [[ -n ${DEMO_LINK_DOWN_AFTER:-} ]]; then
    (
        sleep "$DEMO_LINK_DOWN_AFTER"
        master=1
        has_vip 2 && master=2
        ctl "$master" link-down eth0 --restore-after 20 > /dev/null
    ) &
fi
note "demo pair up: VIP $VIP, node1 192.0.2.11 (agent 192.0.2.131), node2 192.0.2.12 (agent 192.0.2.132)"
set +e
ip netns exec "$C" "${as_user[@]}" "${args[@]}"
status=$?
set -e
note "tearing the demo pair down"
exit $status
