#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The seed's manual test, literally, on two booted servers: /etc/network/interfaces holds the seed's
# stanzas (iface eth0 inet static with its address and the ucarp-* lines, iface eth0:ucarp with the
# VIP) and batond runs from them under systemd (BATOND_OPTS in /etc/default/batond). The client
# pings .10, .11 and .12 while `ifconfig eth0 down`, then `ifconfig eth0 up`, is typed on the MASTER,
# then the same on the other server. Each time: the VIP answers again within the protocol bound
# (3 x advbase + advskew/256 = 3.004 s, plus 300 ms for the 10 ms probe, scheduling and ARP), the
# downed server's own address stops answering and comes back, its agent stays active, and the VIP
# is never held by both (address monitors). The unit runs the agent's advert thread real-time
# (systemd sets it; the sandbox keeps RestrictRealtime=yes), reset on fork.
source "$(dirname "$0")/lib.sh"
seed_servers
for n in 1 2; do
    policy=$(node "$n" sh -c 'chrt -p "$(pgrep -x batond)"')
    matches "SCHED_FIFO|SCHED_RESET_ON_FORK" <<<"$policy" || die "node $n: batond does not run real-time: $policy"
    matches "priority: 10" <<<"$policy" || die "node $n: batond's real-time priority is not 10: $policy"
    journal "$n" | matches "adverts on real-time scheduling (SCHED_FIFO, priority 10, set before start, reset on fork)" ||
        die "node $n: batond did not report its real-time scheduling"
done
pass "batond's advert thread runs SCHED_FIFO 10, reset on fork, under systemd"
start_addr_monitor 1
start_addr_monitor 2
monitors_ready
start_probes
sleep 1
down_up() { # down_up N OTHER: the master N's eth0 down and up again; OTHER takes over.
    local n=$1 other=$2 t0 t1 vip_gap own_gap
    has_vip "$n" || die "node $n is not MASTER before its ifconfig eth0 down"
    t0=$(now_ms)
    node "$n" ifconfig eth0 down
    wait_until 6 has_vip "$other" || die "node $other did not take the VIP within 6 s"
    has_vip "$n" && die "node $n kept the VIP with its link down"
    sleep 2
    agent_active "$n" || die "batond on node $n is not active after ifconfig eth0 down"
    t1=$(now_ms)
    node "$n" ifconfig eth0 up
    wait_until 5 sh -c "ip netns exec $C ping -c 1 -W 1 192.0.2.1$n > /dev/null" || die "node $n's own address did not come back"
    sleep 4 # a full master-down interval: the returning node must stay BACKUP (no preempt)
    agent_active "$n" || die "batond on node $n is not active after ifconfig eth0 up"
    has_vip "$other" || die "node $n took the VIP back without preemption"
    stop_probes
    vip_gap=$(gap "$VIP" $((t0 - 500)))
    own_gap=$(gap "192.0.2.1$n" $((t0 - 500)))
    note "ifconfig eth0 down on node $n: VIP outage $vip_gap ms; node $n's own address silent $own_gap ms (link down for $((t1 - t0)) ms)"
    ((vip_gap > 0 && vip_gap <= 3304)) || die "VIP outage $vip_gap ms is outside (0, 3304] ms"
    ((own_gap >= t1 - t0 - 100)) || die "node $n's own address answered while its link was down"
    local peer_gap
    peer_gap=$(gap "192.0.2.1$other" $((t0 - 500)))
    ((peer_gap <= 300)) || die "node $other's own address was silent for $peer_gap ms"
    start_probes
    sleep 1
}
down_up 1 2
down_up 2 1
stop_probes
overlap=$(vip_overlap_ms)
note "VIP held by both nodes for $overlap ms in total"
[[ $overlap == 0.0 ]] || die "the VIP was held by both nodes for $overlap ms"
for n in 1 2; do
    journal "$n" | matches "from /etc/network/interfaces" || die "node $n's batond did not run from /etc/network/interfaces"
done
pass "ifconfig eth0 down/up on each server in turn: the VIP moved within the bound, never held twice"
