#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The window's cost with many clusters (docs/BENCHMARKS.md): for 1, 10 and 50 clusters, one window
# over the cluster list with every cluster watched (two live agent connections each, the VIPs probed
# every 500 ms) and the overview of all of them open, offscreen. The agents are fake agents in a
# process of their own (tests/system/FakeAgentHost.cpp) speaking the real protocol; the VIPs are
# addresses on the loopback of a network namespace made for the run, so every echo is answered.
# Prints the window's CPU (share of one core) and resident memory over SECONDS.
# Usage: sudo bench/overview.sh [BUILD] [SECONDS]     (root, for the namespace; ~3 min)
#        sudo bench/overview.sh --pictures DIR [BUILD]   the overview with 1 and with 50 clusters,
#        some of them not well, saved as DIR/overview-1.png and DIR/overview-50.png
set -euo pipefail
pictures=
if [[ "${1:-}" == --pictures ]]; then
    pictures=$(realpath "$2")
    shift 2
fi
BUILD=$(realpath "${1:-build}")
SECONDS_MEASURED=${2:-60}
ns=baton-bench-overview-$$
work=$(mktemp -d /tmp/baton-overview.XXXXXX)
host_pid=
cleanup() {
    [[ -n "$host_pid" ]] && kill "$host_pid" 2> /dev/null || true
    ip netns del "$ns" 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
((EUID == 0)) || { echo "bench/overview.sh: needs root (a network namespace)" >&2; exit 1; }
ip netns add "$ns"
ip -n "$ns" link set lo up
for i in $(seq 0 49); do
    # In the pictures a few VIPs answer nobody.
    [[ -n "$pictures" ]] && ((i % 13 == 6)) && continue
    ip -n "$ns" addr add "192.0.2.$((100 + i))/32" dev lo
done
run() { ip netns exec "$ns" env QT_QPA_PLATFORM=offscreen HOME="$work" XDG_RUNTIME_DIR="$work" "$@"; }

if [[ -n "$pictures" ]]; then
    for n in 1 50; do
        mkdir -p "$work/pic$n"
        run "$BUILD/tests/fake_agent_host" "$n" "$work/pic$n/clusters.json" mixed > "$work/pic$n.txt" 2>&1 &
        host_pid=$!
        for _ in $(seq 100); do grep -qs ready "$work/pic$n.txt" && break; sleep 0.1; done
        run "$BUILD/tests/gui_load" --overview "$work/pic$n/clusters.json" 3 "$pictures/overview-$n.png"
        kill "$host_pid"
        wait "$host_pid" 2> /dev/null || true
        host_pid=
    done
    exit 0
fi
echo "# $(date -u +%F) $(nproc) cores, $(uname -r); window measured for $SECONDS_MEASURED s after 5 s"
for n in 1 10 50; do
    rm -rf "$work/store$n"
    mkdir -p "$work/store$n"
    run "$BUILD/tests/fake_agent_host" "$n" "$work/store$n/clusters.json" > "$work/host$n.txt" 2>&1 &
    host_pid=$!
    for _ in $(seq 100); do grep -qs ready "$work/host$n.txt" && break; sleep 0.1; done
    grep -q ready "$work/host$n.txt" || { cat "$work/host$n.txt"; exit 1; }
    echo "$n cluster(s): $(run "$BUILD/tests/gui_load" --overview "$work/store$n/clusters.json" "$SECONDS_MEASURED" 2> /dev/null)"
    kill "$host_pid"
    wait "$host_pid" 2> /dev/null || true
    host_pid=
done
