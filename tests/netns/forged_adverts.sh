#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# An attacker on the LAN replays one captured advert of the pair, edited in the fields CARP's HMAC
# leaves open: (a) as a more preferred master (advbase 0, advskew 1) from the backup's address,
# once a second for 15 s; (b) as the master's bow-out, 50 a second for 15 s; (c) with demote 200,
# once a second for 15 s; (d) the bow-out 300 times back to back. None changes a state or costs
# the client probing the VIP every 10 ms an outage; each is reported once in the log and counted
# in the status (the burst's every packet, unless the kernel dropped it), and `batonctl adverts`
# shows the verdicts.
source "$(dirname "$0")/lib.sh"
FORGER=${FORGER:?set FORGER to the carp_forger binary}
command -v tcpdump > /dev/null || die "tcpdump is not installed"
start_control_pair
wait_until 5 ctl 2 status > /dev/null 2>&1 || die "node 2's control channel did not answer"
sleep 2

# One real advert of the master, as the attacker captures it.
ip netns exec "$C" timeout 5 tcpdump -i br0 -n -w "$WORK/capture.pcap" -c 2 'ip proto 112 and src host 192.0.2.11' \
    > "$WORK/tcpdump.log" 2>&1 || die "no advert captured: $(cat "$WORK/tcpdump.log")"
forge() { ip netns exec "$C" "$FORGER" --pcap "$WORK/capture.pcap" --from 192.0.2.11 --interface br0 "$@"; }

start_probe "$VIP" "$WORK/probe.log"
sleep 1
t0=$(now_ms)
forge --source 192.0.2.12 --advbase 0 --advskew 1 --count 15 --interval-ms 1000 > "$WORK/a.out" &
A=$!
forge --source 192.0.2.11 --advbase 255 --advskew 255 --count 750 --interval-ms 20 > "$WORK/b.out" &
B=$!
forge --source 192.0.2.66 --demote 200 --count 15 --interval-ms 1000 > "$WORK/c.out" &
C_PID=$!
wait "$A" || die "forger (a): $(cat "$WORK/a.out")"
wait "$B" || die "forger (b): $(cat "$WORK/b.out")"
wait "$C_PID" || die "forger (c): $(cat "$WORK/c.out")"
sleep 1
stop_probe
gap=$(longest_gap_ms "$WORK/probe.log" "$t0")
lost=$(awk '/packets transmitted/ { print $1 - $4 }' "$WORK/probe.log")
note "client: $lost echoes lost, longest gap between replies $gap ms (a busy machine delays some)"

has_vip 1 || die "node 1 lost the VIP"
has_vip 2 && die "node 2 took the VIP"
grep -q -- 'MASTER -> BACKUP' "$WORK/batond1.log" && die "node 1 left MASTER"
if grep -- 'BACKUP -> MASTER' "$WORK/batond2.log" | matches .; then die "node 2 became MASTER"; fi
# An outage loses echoes; the one in flight when the probe stops may count as lost.
((lost <= 1)) || die "the client lost $lost echoes of the VIP during the attacks"
pass "no state change, no outage ($lost echoes lost at a 10 ms probe, longest gap $gap ms)"

# One report for each attack, where it arrived.
reports() { grep -c "suspected forgery from $2 (replayed-counter)" "$WORK/batond$1.log" || true; }
(($(reports 1 192.0.2.12) == 1)) || die "node 1 reported (a) $(reports 1 192.0.2.12) times"
(($(reports 2 192.0.2.11) == 1)) || die "node 2 reported (b) $(reports 2 192.0.2.11) times"
(($(reports 2 192.0.2.66) == 1)) || die "node 2 reported (c) $(reports 2 192.0.2.66) times"
(($(reports 1 192.0.2.66) == 1)) || die "node 1 reported (c) $(reports 1 192.0.2.66) times"
pass "each attack reported once in the log"

ctl 2 status --json > "$WORK/status2.json"
count=$(grep -o '"replayed-counter":[0-9]*' "$WORK/status2.json" | cut -d: -f2)
note "node 2 ignored ${count:-0} replayed adverts"
((${count:-0} >= 760)) || die "node 2's status counts ${count:-0} replayed adverts (expected 765)"
ctl 1 adverts --seconds 30 > "$WORK/adverts1.txt"
grep -q 'ignored-replayed-counter' "$WORK/adverts1.txt" || die "batonctl adverts shows no ignored advert"
grep 'recv' "$WORK/adverts1.txt" | matches 'advbase 0 advskew 1 .*ignored-replayed-counter' ||
    die "the edited advert is not listed with its verdict"
pass "status counts $count replayed adverts; batonctl adverts lists them as ignored-replayed-counter"

# (d) A burst: the same replay 300 times back to back, as fast as the attacker can send. The
# agent reads what has queued in batches; every one is counted, unless the kernel dropped it at the
# socket's queue (counted there: /proc/net/raw's last column).
raw_drops() { ip netns exec "$N2" awk '$2 ~ /:0070$/ { d += $NF } END { print d + 0 }' /proc/net/raw; }
drops0=$(raw_drops)
forge --source 192.0.2.11 --advbase 255 --advskew 255 --count 300 --interval-ms 0 > "$WORK/d.out" ||
    die "forger (d): $(cat "$WORK/d.out")"
sleep 1
ctl 2 status --json > "$WORK/status2.json"
after=$(grep -o '"replayed-counter":[0-9]*' "$WORK/status2.json" | cut -d: -f2)
dropped=$(($(raw_drops) - drops0))
note "node 2 counted $((after - count)) of a burst of 300, the kernel dropped $dropped"
((after - count + dropped == 300)) ||
    die "node 2 counted $((after - count)) of the burst and the kernel dropped $dropped: $((300 - after + count - dropped)) unaccounted for"
if ! has_vip 1 || has_vip 2; then die "the burst moved the VIP"; fi
pass "a burst of 300 replays: every one counted or dropped by the kernel ($dropped), the VIP where it was"
