#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `systemctl reboot` on the MASTER server: the container shuts down (batond's SIGTERM bows out, so
# the peer takes over at once; the bound is still the protocol's, 3.004 s + 300 ms) and boots again.
# The rebooted server brings eth0 up through ifupdown, batond starts at boot from its stanzas, and
# the node comes back as BACKUP (no preempt) while the peer keeps the VIP.
source "$(dirname "$0")/lib.sh"
seed_servers
start_probes
sleep 1
t0=$(now_ms)
node 1 systemctl reboot || true # the reply may be cut off by the shutdown it started
wait_until 6 has_vip 2 || die "node 2 did not take over during node 1's reboot"
takeover=$(($(now_ms) - t0))
sleep 1
booted_again() { [[ $(grep -c "=== rebooting" "$WORK/node1/console.log") == 1 ]] && node_running 1; }
wait_until 90 booted_again || die "node 1 did not boot again within 90 s"
boot=$(($(now_ms) - t0))
wait_until 10 agent_active 1 || die "batond did not start at boot"
sleep 4 # a full master-down interval: the returning node must stay BACKUP
stop_probes
outage=$(gap "$VIP" $((t0 - 500)))
note "systemctl reboot of the MASTER: node 2 MASTER after $takeover ms, client outage $outage ms; node 1 running again after $boot ms"
((outage <= 3304)) || die "client outage $outage ms exceeds 3304 ms"
has_vip 2 || die "the rebooted node 1 took the VIP back without preemption"
has_vip 1 && die "node 1 holds the VIP too"
[[ $(node 1 systemctl show -P StatusText batond) == *BACKUP* ]] || die "node 1's agent is not BACKUP: $(node 1 systemctl show -P StatusText batond)"
journal 1 -b | matches "started from /etc/network/interfaces" || die "batond did not start from the stanzas at boot"
[[ $(node 1 journalctl --list-boots --no-pager | grep -c .) -ge 2 ]] || die "the journal does not show two boots"
pass "reboot of the MASTER: peer took over in $takeover ms (outage $outage ms), node 1 back as BACKUP with batond started at boot"
