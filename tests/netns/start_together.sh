#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Two batond started at the same moment with the seed's settings settle to exactly one master,
# with no moment where both hold the VIP; the VIP answers from the client.
source "$(dirname "$0")/lib.sh"
topology
start_addr_monitor 1
start_addr_monitor 2
monitors_ready
i1=$(seed_interfaces 1)
i2=$(seed_interfaces 2)
start_batond 1 --interfaces "$i1"
start_batond 2 --interfaces "$i2"
wait_until 8 has_vip 1 || wait_until 1 has_vip 2 || die "no node took the VIP within 8 s"
sleep 2.5 # a few more adverts: a late second master would show by now
holders=$(vip_holders)
[[ $holders == 1 ]] || die "$holders nodes hold the VIP after start-up"
grep -q " $VIP/24" "$WORK/addr$(has_vip 1 && echo 1 || echo 2).mon" ||
    die "the master's VIP never showed in its address monitor: the overlap figure would mean nothing"
overlap=$(vip_overlap_ms)
note "VIP held by both nodes for $overlap ms at start-up (ucarp: ~971 ms)"
awk -v o="$overlap" 'BEGIN { exit !(o <= 5) }' || die "two VIP holders for $overlap ms (allowed: 5 ms)"
master=1
has_vip 2 && master=2
ip -n "$(ns_of $master)" -4 addr show dev eth0 | matches "$VIP/24 .*eth0:ucarp" ||
    die "the VIP lacks the prefix /24 or the label eth0:ucarp from the ifupdown stanza"
ip netns exec "$C" ping -c 3 -i 0.2 -W 1 "$VIP" > "$WORK/ping.log" || die "the VIP does not answer from the client"
kill -0 "${BATOND_PID[1]}" && kill -0 "${BATOND_PID[2]}" || die "an agent exited"
pass "one master, overlap $overlap ms, VIP answers"
