#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The window, offscreen in the client namespace, against two real agents: click *Take interface
# down* on the MASTER's card (tests/system/GuiDrill.cpp); the VIP row stays up apart from an outage
# within the protocol bound, the other card turns MASTER, and the downed node's row goes down and
# comes back by the agent's restore deadline.
source "$(dirname "$0")/lib.sh"
GUI_DRILL=${GUI_DRILL:?set GUI_DRILL to the gui_drill binary}
start_control_pair
cluster=$(control_cluster_json)
# As an unprivileged user, as the window normally runs: it must probe with the ICMP socket.
chmod 755 "$WORK"
chown -R nobody "$WORK/pki"
set +e
ip netns exec "$C" runuser -u nobody -- env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$WORK" HOME="$WORK" \
    "$GUI_DRILL" "$cluster" 8 > "$WORK/drill.txt" 2> "$WORK/drill.log"
rc=$?
set -e
cat "$WORK/drill.txt"
((rc == 0)) || die "the drill through the window failed (rc $rc)"
ip -n "$N1" link show eth0 | matches 'state UP' && ip -n "$N2" link show eth0 | matches 'state UP' ||
    die "a link is still down after the drill"
pass "$(grep -c '^#' "$WORK/drill.txt") observations through the window; the drill restored itself"
