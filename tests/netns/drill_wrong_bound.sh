#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A pair whose bound is wrong: both agents run advbase 2 while the cluster definition (which the
# bounds are computed from) says 1, so node 2 takes over 4 to 6 s after node 1's link goes down
# (master-down 3 x 2 s after the last advert, sent at most 2 s before) where 3227 ms are allowed.
# (A larger advskew on the peer alone no longer slows a takeover: batond's master-down is also
# capped by the master's advertised timing.) The drill must fail (exit status 1) on the first step's
# bound, say so, and warn about the mismatch.
source "$(dirname "$0")/lib.sh"
topology
mgmt_topology
control_pki
ip netns exec "$C" sysctl -qw net.ipv4.ping_group_range="0 2147483647"
slow() { sed -i 's/^advbase   = 1$/advbase   = 2/' "$1" && grep -q '^advbase   = 2$' "$1" || die "could not slow $1 down"; }
conf1=$(control_conf 1)
slow "$conf1"
start_batond 1 --config "$conf1"
wait_until 12 has_vip 1 || die "node 1 did not take the VIP"
conf2=$(control_conf 2)
slow "$conf2"
start_batond 2 --config "$conf2"
cluster=$(control_cluster_json)
wait_until 5 ctl 2 status > /dev/null 2>&1 || die "node 2's control channel did not answer"
set +e
drill --cluster "$cluster" > "$WORK/drill.txt" 2> "$WORK/drill.log"
rc=$?
set -e
cat "$WORK/drill.txt"
((rc == 1)) || die "exit status $rc, not 1 (failed)"
json=$(ls "$WORK"/reports/*-classic.json)
[[ $(drill_json "$json" '[s["result"] for s in r["steps"]]') == "['failed', 'passed', 'skipped', 'skipped']" ]] ||
    die "steps: $(drill_json "$json" '[s["result"] for s in r["steps"]]')"
drill_json "$json" 'r["steps"][0]["reasons"][0]' | matches 'VIP outage of [0-9]* ms exceeds the bound of 3227 ms' ||
    die "wrong reason: $(drill_json "$json" 'r["steps"][0]["reasons"]')"
drill_json "$json" 'r["warnings"]' | matches 'advbase 2 advskew 2' || die "no warning about node 2's advbase"
ip -n "$N1" link show eth0 | matches 'state UP' || die "node 1's eth0 was left down"
pass "wrong bound: failed on step 1 ($(drill_json "$json" 'r["steps"][0]["measured"]["vip_outage_ms"]') ms > 3227 ms), link restored"
