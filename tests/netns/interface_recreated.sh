#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The master's interface is deleted and created again (a VLAN or veth re-made by ifdown/ifup):
# batond drops to BACKUP, keeps running, reopens its socket on the new interface and rejoins;
# when the peer then leaves, it takes over through the new interface.
source "$(dirname "$0")/lib.sh"
topology
start_seed_pair
sleep 1
ip -n "$N1" link del eth0
wait_until 6 has_vip 2 || die "node 2 did not take over when node 1's interface vanished"
kill -0 "${BATOND_PID[1]}" || die "batond exited when its interface was deleted"
ip link add eth0 netns "$N1" type veth peer name port1 netns "$C"
ip -n "$C" link set port1 master br0 up
ip -n "$N1" link set eth0 up
ip -n "$N1" addr add 192.0.2.11/24 dev eth0
sleep 4
has_vip 1 && die "node 1 took the VIP back from a running master"
[[ $(vip_holders) == 1 ]] || die "wrong number of VIP holders after the interface came back"
kill -TERM "${BATOND_PID[2]}"
wait_until 2 has_vip 1 || die "node 1 did not take over through its re-created interface"
ip netns exec "$C" ping -c 2 -i 0.2 -W 1 "$VIP" > /dev/null || die "the VIP does not answer from node 1"
pass "interface deleted and re-created: agent survived, rejoined, and serves through the new one"
