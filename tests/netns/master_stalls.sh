#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A master whose CPU stalls (a VM's vCPU descheduled, here SIGSTOP for 150 ms) at fast adverts
# (advbase 0 advskew 3, master-down about 40 ms): the backup takes over on its timer each time and
# must step down again as soon as the master speaks, however often it happens. Six stalls in a few
# seconds, more than the four advert-decided transitions a minute the flap damping allows: the
# backup still yields every time, so the pair never stays with two masters (the VIP on both).
source "$(dirname "$0")/lib.sh"
require_root
topology

start_batond 1 --config "$(group_conf 1 "advbase = 0" "advskew = 3")"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --config "$(group_conf 2 "advbase = 0" "advskew = 4")"
sleep 1
has_vip 2 && die "node 2 holds the VIP before any stall"

stalls=6
for ((i = 1; i <= stalls; i++)); do
    kill -STOP "${BATOND_PID[1]}"
    sleep 0.15
    kill -CONT "${BATOND_PID[1]}"
    # Node 2 stepped down at node 1's next advert (11.7 ms); a second is far more than enough.
    wait_until 1 bash -c "! ip -n $N2 -4 addr show dev eth0 | grep -q ' $VIP/'" ||
        die "stall $i: node 2 still holds the VIP a second after node 1 came back (two masters): $(grep -- '->\|forgery' "$WORK/batond2.log" | tail -n 3)"
    sleep 0.3
done
takeovers() { grep -c 'BACKUP -> MASTER (master-down)' "$WORK/batond2.log"; }
yields() { grep -c 'MASTER -> BACKUP (preferred-master)' "$WORK/batond2.log"; }
stepped_down() { [[ $(takeovers) == $(yields) ]]; }
# A stall of the host's own may add a takeover of its own: it too must end in a step down.
wait_until 2 stepped_down || die "node 2 took over $(takeovers) times but stepped down $(yields) times"
takeovers=$(takeovers)
((takeovers >= stalls)) || die "node 2 took over $takeovers times for $stalls stalls: the stalls did not test anything"
has_vip 1 || die "node 1 no longer holds the VIP"
pass "$stalls stalls of the master: node 2 took over $takeovers times and stepped down every time"
