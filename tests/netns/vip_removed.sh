#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Someone removes the VIP from the master's interface (`ip addr flush`, a network restart):
# ucarp never notices (ucarp issue #26). batond puts it back at once and re-announces it.
source "$(dirname "$0")/lib.sh"
topology
start_seed_pair
sleep 1
ip -n "$N1" addr del "$VIP/24" dev eth0
wait_until 2 has_vip 1 || die "the VIP removed behind batond's back was not put back within 2 s"
grep -q "was removed from the interface while MASTER: adding it back" "$WORK/batond1.log" ||
    die "the re-add was not logged"
ip netns exec "$C" ping -c 2 -i 0.2 -W 1 "$VIP" > /dev/null || die "the re-added VIP does not answer"
has_vip 2 && die "node 2 took the VIP"
pass "a VIP flushed by someone else is put back and answers"
