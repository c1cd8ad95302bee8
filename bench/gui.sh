#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The window's figures for docs/BENCHMARKS.md, against a real pair in network namespaces:
#   1. latency from a state change in an agent to the window showing it: TRIALS link-down drills
#      through the window (tests/system/GuiDrill.cpp), the new MASTER's card compared with the
#      transition time its agent reported (same host, same clock);
#   2. the GUI's CPU (share of one core) and memory with 1 and with 20 clusters open, each probing
#      three addresses at 10 Hz (tests/system/GuiLoad.cpp), over SECONDS.
# Usage: sudo BATOND=build/agent/batond bench/gui.sh [TRIALS] [SECONDS]    (root; ~4 min)
set -euo pipefail
TRIALS=${1:-5}
SECONDS_MEASURED=${2:-60}
BATOND=$(realpath "${BATOND:-build/agent/batond}")
BUILD=$(dirname "$(dirname "$BATOND")")
export BATOND BATONCTL=$BUILD/agent/batonctl/batonctl NETNS_TEST_TIMEOUT=1800
source "$(dirname "$0")/../tests/netns/lib.sh"
start_control_pair
cluster=$(control_cluster_json)
chmod 755 "$WORK"
chown -R nobody "$WORK/pki"
as_nobody() {
    ip netns exec "$C" runuser -u nobody -- env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$WORK" HOME="$WORK" "$@"
}
latencies=()
for ((i = 1; i <= TRIALS; i++)); do
    as_nobody "$BUILD/tests/gui_drill" "$cluster" 5 > "$WORK/drill$i.txt" 2> /dev/null || die "drill $i failed: $(cat "$WORK/drill$i.txt")"
    l=$(sed -n 's/.*shows MASTER \([0-9-]*\) ms after its agent.*/\1/p' "$WORK/drill$i.txt")
    latencies+=("$l")
    echo "drill $i: window shows the new MASTER $l ms after the agent's transition"
    sleep 3
done
sorted=$(printf '%s\n' "${latencies[@]}" | sort -n | tr '\n' ' ')
echo "latency (ms), sorted: $sorted"
for n in 1 20; do
    echo "$n cluster(s): $(as_nobody "$BUILD/tests/gui_load" "$cluster" "$n" "$SECONDS_MEASURED" 2> /dev/null)"
done
