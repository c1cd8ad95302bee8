#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A pair whose bound is wrong: node 2's agent runs advbase 2 while the cluster definition (which the
# bound is computed from) says 1, so it takes over 5 to 6 s after node 1's link goes down (master-down
# 3 x 2 s after the last advert heard) where 3227 ms are allowed. (A larger advskew alone adds at most
# 1 s, which the up-to-1 s since node 1's last advert can hide.) The drill must fail (exit status 1)
# on the first step's bound, say so, and warn about the mismatch.
source "$(dirname "$0")/lib.sh"
topology
mgmt_topology
control_pki
ip netns exec "$C" sysctl -qw net.ipv4.ping_group_range="0 2147483647"
start_batond 1 --config "$(control_conf 1)"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
conf2=$(control_conf 2)
sed -i 's/^advbase   = 1$/advbase   = 2/' "$conf2"
grep -q '^advbase   = 2$' "$conf2" || die "could not slow node 2 down"
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
