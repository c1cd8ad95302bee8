#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A master whose adverts cannot leave (here a firewall rejects them) must not stay MASTER beside
# the peer that stopped hearing it: after three failed sends it demotes itself, yields to the
# peer's adverts, and the pair settles on one master. When sends work again the demotion lifts.
source "$(dirname "$0")/lib.sh"
command -v nft >/dev/null || die "nft (nftables) is not installed"
topology
start_seed_pair
sleep 1
ip netns exec "$N1" nft add table inet bt
ip netns exec "$N1" nft add chain inet bt out '{ type filter hook output priority 0; }'
ip netns exec "$N1" nft add rule inet bt out ip protocol 112 reject
wait_until 8 has_vip 2 || die "node 2 did not take over from a master whose adverts stopped"
wait_until 6 grep -q "adverts keep failing" "$WORK/batond1.log" || die "node 1 did not demote itself"
wait_until 4 bash -c "! ip -n $N1 -4 addr show dev eth0 | grep -q ' $VIP/'" ||
    die "node 1 kept the VIP: two masters (ucarp would demote here too)"
grep -q "MASTER -> BACKUP (preferred-master)" "$WORK/batond1.log" || die "node 1 did not yield to the peer"
[[ $(vip_holders) == 1 ]] || die "two VIP holders"
ip netns exec "$N1" nft delete table inet bt
kill -TERM "${BATOND_PID[2]}"
wait_until 3 has_vip 1 || die "node 1 did not take over once its adverts could leave again"
wait_until 6 grep -q "demotion lifted" "$WORK/batond1.log" || die "the demotion was not lifted after sends succeeded"
pass "send failures demote the master; the pair settles; the demotion lifts when sends work"
