#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The agent under systemd on two booted servers, from the seed's stanzas:
# - `systemctl stop batond` on the MASTER: the bow-out hands the VIP over; the client loses at most
#   50 ms of echoes (10 ms probe).
# - `systemctl kill -s KILL batond` on the MASTER: systemd starts it again, the new agent removes
#   the VIP the killed one left, and the peer holds the VIP after master-down (3.004 s + 300 ms).
# - `systemctl reload batond` with a broken configuration: refused, the running agent keeps its
#   role and PID, and the journal names the file, the line and the key.
source "$(dirname "$0")/lib.sh"
seed_servers
start_addr_monitor 1
start_addr_monitor 2
monitors_ready

# stop on the MASTER
start_probes
sleep 1
t0=$(now_ms)
node 1 systemctl stop batond
wait_until 2 has_vip 2 || die "node 2 did not take over after systemctl stop on node 1"
has_vip 1 && die "node 1 kept the VIP after systemctl stop"
sleep 1
stop_probes
outage=$(gap "$VIP" $((t0 - 500)))
lost_echoes=$(lost "$VIP" $((t0 - 500)))
note "systemctl stop on the MASTER: $lost_echoes echoes lost at 10 ms, longest gap between replies $outage ms"
# Counted in echoes never answered: a busy machine delays replies by tens of ms without any outage,
# so the longest gap alone would overstate it.
((lost_echoes * 10 <= 50)) || die "systemctl stop lost $lost_echoes echoes at 10 ms: more than 50 ms of VIP outage"
journal 2 | matches "bow-out" || die "node 2 did not log the bow-out"
node 1 systemctl start batond
wait_until 5 agent_active 1 || die "batond on node 1 did not start again"
sleep 4
has_vip 2 || die "node 2 lost the VIP when node 1 came back"
pass "systemctl stop: graceful hand-over, $lost_echoes echoes lost (longest gap $outage ms)"

# kill -9 on the MASTER (now node 2)
pid=$(agent_pid 2)
start_probes
sleep 1
t0=$(now_ms)
node 2 systemctl kill -s KILL batond
wait_until 10 has_vip 1 || die "node 1 did not take over after the kill on node 2"
restarted() { local p; p=$(agent_pid 2) && [[ $p != 0 && $p != "$pid" ]] && agent_active 2; }
wait_until 10 restarted || die "systemd did not start batond on node 2 again"
wait_until 5 sh -c "! ip -n $(ns_of 2) -4 addr show dev eth0 | grep -q ' $VIP/'" || die "the stale VIP stayed on node 2"
sleep 1
stop_probes
outage=$(gap "$VIP" $((t0 - 500)))
note "systemctl kill -s KILL on the MASTER: client outage $outage ms (master-down 3004 ms)"
((outage <= 3304)) || die "client outage $outage ms after the kill exceeds 3304 ms"
has_vip 1 || die "node 1 does not hold the VIP"
pass "kill -9: restarted by systemd, stale VIP removed, node 1 holds the VIP (outage $outage ms)"

# reload with a broken configuration, on the MASTER (now node 1)
pid=$(agent_pid 1)
file=$(node_file 1 /etc/network/interfaces)
cp "$file" "$WORK/interfaces.good"
sed -i 's/^ucarp-advskew .*/ucarp-advskew   300/' "$file"
line=$(grep -n '^ucarp-advskew' "$file" | cut -d: -f1)
since=$(node 1 date '+%Y-%m-%d %H:%M:%S')
node 1 systemctl reload batond 2> "$WORK/reload.err" && die "systemctl reload accepted a broken configuration"
sleep 1
[[ $(agent_pid 1) == "$pid" ]] || die "the refused reload restarted batond"
agent_active 1 || die "batond is not active after the refused reload"
has_vip 1 || die "node 1 lost the VIP on a refused reload"
journal 1 --since "$since" > "$WORK/reload.journal"
expected="/etc/network/interfaces:$line: key 'ucarp-advskew'"
grep -qF "$expected" "$WORK/reload.journal" || die "the journal does not say '$expected': $(cat "$WORK/reload.journal")"
note "journal: $(grep -F "$expected" "$WORK/reload.journal" | head -n 1)"
cp "$WORK/interfaces.good" "$file"
node 1 systemctl reload batond || die "systemctl reload refused the repaired file"
has_vip 1 || die "node 1 lost the VIP on a good reload"
[[ $(vip_holders) == 1 ]] || die "two VIP holders"
overlap=$(vip_overlap_ms)
[[ $overlap == 0.0 ]] || die "the VIP was held by both nodes for $overlap ms"
pass "systemctl reload with a broken file: refused, old configuration kept, journal names file, line and key"
