#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Deployment figures on two booted Debian 12 servers (systemd-nspawn, tests/server/lib.sh), each trial
# on fresh servers, from the server tests' own runs (tests/server/deploy.sh and deploy_takeover.sh):
# bare servers to both agents answering over mutual TLS with `batonctl deploy` (root by key through
# ssh-agent) and from the window (Deploy cluster…, every question answered: two host keys, a key
# passphrase, sudo with a password, the plan) until both node cards are live; the rolling upgrade's
# and the ucarp takeover's echoes lost at 10 ms and longest gap between replies; the undo's outage.
#   sudo bench/deploy.sh [trials]      (BUILD=build by default; its debs/ from scripts/package.sh)
set -euo pipefail
trials=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
export BATON_DEBS=${BATON_DEBS:-$build/debs} BATON_SERVER_IMAGE=${BATON_SERVER_IMAGE:-$build/server-image}
export BATOND=$build/agent/batond BATON_DEPLOY_HELPER=$build/deploy/baton-deploy GUI_DEPLOY=$build/tests/gui_deploy
BATON_VERSION=$(awk '/^project.baton VERSION/ { print $3 }' "$root/CMakeLists.txt")
export BATON_VERSION
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# field TEXT REGEX: the first number group of the line matching REGEX (sed -E, one group).
field() { sed -nE "s/.*$2.*/\1/p" <<< "$1" | head -n 1; }
declare -a cli gui up_lost up_gap take_lost take_gap undo_gap
for i in $(seq "$trials"); do
    bash "$root/tests/server/deploy.sh" > "$out" 2>&1 || { tail -n 30 "$out" >&2; echo "trial $i: deploy.sh failed" >&2; exit 1; }
    text=$(cat "$out")
    cli+=("$(field "$text" 'fresh pair through ssh-agent in ([0-9]+) ms')")
    gui+=("$(field "$text" 'live agents in the window in ([0-9]+) ms')")
    up_lost+=("$(field "$text" 'rolling upgrade to [^:]*: ([0-9]+) echoes')")
    up_gap+=("$(field "$text" 'rolling upgrade to .*longest gap between replies ([0-9]+) ms')")
    bash "$root/tests/server/deploy_takeover.sh" > "$out" 2>&1 || { tail -n 30 "$out" >&2; echo "trial $i: deploy_takeover.sh failed" >&2; exit 1; }
    text=$(cat "$out")
    take_lost+=("$(field "$text" '# takeover: ([0-9]+) echoes')")
    take_gap+=("$(field "$text" '# takeover: .*longest gap ([0-9]+) ms')")
    undo_gap+=("$(field "$text" '# undo: .*longest gap ([0-9]+) ms')")
    echo "trial $i: cli ${cli[-1]} ms, window ${gui[-1]} ms, upgrade ${up_lost[-1]} lost/${up_gap[-1]} ms, takeover ${take_lost[-1]} lost/${take_gap[-1]} ms, undo ${undo_gap[-1]} ms" >&2
done
stats() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "%s / %s / %s", v[1], v[int((NR + 1) / 2)], v[NR] }'; }
echo "| $trials trials on fresh servers | min / median / max |"
echo "|---|---|"
echo "| bare servers to both agents answering, \`batonctl deploy\` (ms) | $(stats "${cli[@]}") |"
echo "| bare servers to both node cards live, from the window (ms) | $(stats "${gui[@]}") |"
echo "| rolling upgrade: echoes to the VIP lost at 10 ms | $(stats "${up_lost[@]}") |"
echo "| rolling upgrade: longest gap between replies (ms) | $(stats "${up_gap[@]}") |"
echo "| ucarp takeover: echoes to the VIP lost at 10 ms | $(stats "${take_lost[@]}") |"
echo "| ucarp takeover: longest gap between replies (ms) | $(stats "${take_gap[@]}") |"
echo "| undoing the takeover: longest gap between replies (ms) | $(stats "${undo_gap[@]}") |"
