#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The window's drill dialog (offscreen, unprivileged, in the client namespace) runs a classic drill
# against two real agents: it must pass, write its three reports in the cluster's folder under the
# user's application data, list the drill in its history, and leave both links up
# (tests/system/GuiDrillDialog.cpp). SCREENSHOT_DIR=DIR keeps its screenshots.
source "$(dirname "$0")/lib.sh"
GUI_DRILL_DIALOG=${GUI_DRILL_DIALOG:?set GUI_DRILL_DIALOG to the gui_drill_dialog binary}
start_control_pair
cluster=$(control_cluster_json)
wait_until 5 ctl 2 status > /dev/null 2>&1 || die "node 2's control channel did not answer"
chmod 755 "$WORK"
chown -R nobody "$WORK/pki"
mkdir -p "$WORK/home" "$WORK/shots"
if [[ -n ${SCREENSHOT_DIR:-} ]]; then
    # Earlier drills by batonctl in the same folder, so the history has something to show.
    history="$WORK/home/.local/share/gui_drill_dialog/drills/demo-pair"
    for type in classic handover; do
        ip netns exec "$C" env HOME="$WORK" XDG_RUNTIME_DIR="$WORK" "$BATONCTL" drill --cluster "$cluster" --type $type \
            --report "$history" > /dev/null 2>&1 || true
        sleep 2
    done
fi
chown -R nobody "$WORK/home" "$WORK/shots"
set +e
ip netns exec "$C" runuser -u nobody -- env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$WORK/home" HOME="$WORK/home" \
    "$GUI_DRILL_DIALOG" "$cluster" "$WORK/shots" > "$WORK/dialog.txt" 2> "$WORK/dialog.log"
rc=$?
set -e
cat "$WORK/dialog.txt"
((rc == 0)) || die "the drill through the dialog failed (rc $rc)"
pdf=$(grep '^report .*\.pdf$' "$WORK/dialog.txt" | cut -d' ' -f2)
[[ $pdf == "$WORK/home/.local/share/"*/drills/demo-pair/*-classic.pdf ]] || die "the reports are not in the cluster's folder: $pdf"
ip -n "$N1" link show eth0 | matches 'state UP' && ip -n "$N2" link show eth0 | matches 'state UP' ||
    die "a link is still down after the drill"
if [[ -n ${SCREENSHOT_DIR:-} ]]; then
    cp "$WORK"/shots/*.png "$SCREENSHOT_DIR"/
    pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$pdf" "$SCREENSHOT_DIR/drill-report"
    note "screenshots in $SCREENSHOT_DIR"
fi
pass "classic drill from the window's dialog passed, reports in $(dirname "$pdf")"
