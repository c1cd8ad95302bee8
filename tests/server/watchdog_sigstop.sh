#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A hung agent: SIGSTOP on the MASTER's batond. Its adverts stop, so the peer takes over within the
# protocol bound (3.004 s + 300 ms at the client); the frozen agent stops pinging systemd's watchdog
# (WatchdogSec=10s), so systemd kills it and starts it again; the new agent removes the VIP the
# frozen one still had and comes back as BACKUP. The VIP is never answered by two nodes for long:
# the frozen holder's VIP is counted, but the client only ever reaches the one ARP points to.
source "$(dirname "$0")/lib.sh"
seed_servers
pid=$(agent_pid 1)
start_probes
sleep 1
t0=$(now_ms)
node 1 kill -STOP "$pid"
wait_until 6 has_vip 2 || die "node 2 did not take over from the frozen agent within 6 s"
takeover=$(($(now_ms) - t0))
restarted() { local p; p=$(agent_pid 1) && [[ $p != 0 && $p != "$pid" ]] && agent_active 1; }
wait_until 25 restarted || die "systemd's watchdog did not restart the frozen agent within 25 s"
restart=$(($(now_ms) - t0))
wait_until 5 sh -c "! ip -n $(ns_of 1) -4 addr show dev eth0 | grep -q ' $VIP/'" || die "the restarted agent left the stale VIP"
sleep 4
stop_probes
outage=$(gap "$VIP" $((t0 - 500)))
note "SIGSTOP on the MASTER: node 2 MASTER after $takeover ms, client outage $outage ms; watchdog restart after $restart ms"
((outage > 0 && outage <= 3304)) || die "client outage $outage ms is outside (0, 3304] ms"
has_vip 2 || die "node 2 does not hold the VIP after node 1's restart"
journal 1 | matches -i "watchdog timeout" || die "the journal does not show the watchdog timeout"
[[ $(node 1 systemctl show -P NRestarts batond) -ge 1 ]] || die "systemd did not count a restart"
pass "SIGSTOP: peer took over in $takeover ms (client outage $outage ms), watchdog restarted the agent after $restart ms"
