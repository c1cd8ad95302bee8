#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The dead-man switch behind link-down: the console vanishes and the agent is killed -9 right
# after taking eth0 down; the restarted agent still brings the link back at the deadline, or at
# once at start-up when the deadline passed while it was dead; an agent stopped (SIGTERM, as
# `systemctl stop`) brings the link up before it leaves, since nothing would later.
source "$(dirname "$0")/lib.sh"
topology
mgmt_topology
control_pki
conf1=$(control_conf 1)
start_batond 1 --config "$conf1"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --config "$(control_conf 2)"
wait_until 5 ctl 1 status > /dev/null 2>&1 || die "node 1's control channel did not answer"
link_up() { ip -n "$N1" link show eth0 | matches 'state UP'; }
link_down() { ip -n "$N1" link show eth0 | matches 'state DOWN'; }

ctl 1 watch > "$WORK/watch.txt" 2>&1 &
WATCH=$!
sleep 0.5
t0=$(now_ms)
ctl 1 link-down eth0 --restore-after 5 > /dev/null || die "link-down refused"
kill -KILL "$WATCH"
wait_until 2 link_down || die "eth0 did not go down"
kill -KILL "${BATOND_PID[1]}"
wait "${BATOND_PID[1]}" 2> /dev/null || true
sleep 1
start_batond 1 --config "$conf1"
sleep 1
link_up && die "the restarted agent brought eth0 up before its deadline: $(ip -n "$N1" link show eth0)"
wait_until 6 link_up || die "eth0 not restored after the agent's restart"
up=$(($(now_ms) - t0))
note "console killed, agent killed -9 and restarted: eth0 back $up ms after the request (deadline 5000 ms)"
((up >= 4800 && up <= 5800)) || die "restored at $up ms, not at the deadline"
pass "dead-man: restored at the deadline by the restarted agent ($up ms)"

wait_until 5 ctl 1 status > /dev/null 2>&1 || die "node 1's control channel did not come back"
ctl 1 link-down eth0 --restore-after 2 > /dev/null || die "second link-down refused"
wait_until 2 link_down || die "eth0 did not go down"
kill -KILL "${BATOND_PID[1]}"
wait "${BATOND_PID[1]}" 2> /dev/null || true
sleep 4
link_up && die "eth0 came up with no agent running"
t1=$(now_ms)
start_batond 1 --config "$conf1"
wait_until 3 link_up || die "eth0 not restored at start-up after its deadline had passed"
note "deadline passed while the agent was dead: eth0 up $(($(now_ms) - t1)) ms after the restart"
grep -q 'pending restore of eth0 from an earlier run' "$WORK/batond1.log" || die "the restart did not report the restore"
pass "dead-man: a restore whose deadline passed during the outage is done at start-up"

wait_until 5 ctl 1 status > /dev/null 2>&1 || die "node 1's control channel did not come back"
ctl 1 link-down eth0 --restore-after 600 > /dev/null || die "third link-down refused"
wait_until 2 link_down || die "eth0 did not go down"
t2=$(now_ms)
kill -TERM "${BATOND_PID[1]}"
wait "${BATOND_PID[1]}" 2> /dev/null || true
# The operational state follows the admin flag a moment later.
wait_until 2 link_up || die "batond stopped and left eth0 down (its restore was 600 s away): $(ip -n "$N1" link show eth0)"
grep -q 'link eth0 restored early by batond stopping' "$WORK/batond1.log" || die "the stop did not log the restore"
note "SIGTERM during a 600 s link-down: eth0 up when batond had left, $(($(now_ms) - t2)) ms after the signal"
lines=$(wc -l < "$WORK/batond1.log")
start_batond 1 --config "$conf1"
wait_until 5 ctl 1 status > /dev/null 2>&1 || die "node 1's control channel did not come back after the stop"
tail -n +$((lines + 1)) "$WORK/batond1.log" | grep -q 'pending restore of eth0' &&
    die "the next start still found the restore pending"
pass "stopped during a link-down: the link comes up before batond leaves, nothing left pending"
