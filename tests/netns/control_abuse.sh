#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The control channel under abuse (tests/tools/ControlAbuser.cpp runs every case:
# plain TCP, no client certificate, another CA, an expired certificate, a read-only link-down,
# garbage, an oversized length, a frame held half-sent, 200 connections at once, an unknown verb,
# out-of-range and unmanaged link-downs, protocol order, a request flood, every read-only slot
# taken by viewers asking for a full advert history) against the MASTER,
# while a legitimate console stays connected. Failover must not notice: the master's adverts are
# captured on the bridge and every interval must stay within the allowed jitter, the backup must
# not change state, and the agent must end with the file descriptors it started with.
source "$(dirname "$0")/lib.sh"
ABUSER=${ABUSER:-$(dirname "$BATOND")/../tests/control_abuser}
FORGER=${FORGER:?set FORGER to the carp_forger binary}
JITTER_MS=${JITTER_MS:-50} # allowed deviation of one advert interval from advbase + advskew/256
topology
mgmt_topology
control_pki
start_batond 1 --config "$(control_conf 1)"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --config "$(control_conf 2)"
wait_until 5 ctl 1 status > /dev/null 2>&1 || die "node 1's control channel did not answer"
sleep 2
pid1=$(pgrep -f "batond --config $WORK/batond1.conf" | head -1)
[[ -n $pid1 ]] || die "cannot find node 1's batond"
fds_before=$(ls /proc/"$pid1"/fd | wc -l)
rss_before=$(awk '/VmRSS/ {print $2}' /proc/"$pid1"/status)

# A full advert history for the viewers to ask for: one captured advert replayed 2500 times (each
# is recorded, as ignored), so every `adverts` reply carries the 2048 records the history holds.
ip netns exec "$C" timeout 5 tcpdump -i br0 -n -w "$WORK/capture.pcap" -c 1 'ip proto 112 and src host 192.0.2.11' \
    > /dev/null 2>&1 || die "no advert captured"
ip netns exec "$C" "$FORGER" --pcap "$WORK/capture.pcap" --from 192.0.2.11 --interface br0 --source 192.0.2.66 \
    --count 2500 --interval-ms 1 > /dev/null || die "the forger failed"
ip netns exec "$C" tcpdump -Z root -i br0 -n -tt -l 'ip proto 112 and src host 192.0.2.11' \
    > "$WORK/adverts.txt" 2> "$WORK/tcpdump.log" &
TCPDUMP=$!
sleep 1.5
t0=$(now_ms)
set +e
ip netns exec "$C" "$ABUSER" 192.0.2.131 7112 "$WORK/pki" > "$WORK/abuse.txt" 2> "$WORK/abuser.log"
rc=$?
set -e
t1=$(now_ms)
sleep 2
kill "$TCPDUMP"
wait "$TCPDUMP" 2> /dev/null || true
cat "$WORK/abuse.txt"
((rc == 0)) || die "the abuse tool reported failures (rc $rc)"
kill -0 "$pid1" 2> /dev/null || die "node 1's batond died"
has_vip 1 && ! has_vip 2 || die "the VIP moved during the abuse"
grep -q 'BACKUP -> MASTER\|MASTER -> BACKUP' "$WORK/batond2.log" && die "node 2 changed state during the abuse"
pass "$(grep -c '^case .*: ok' "$WORK/abuse.txt") abuse cases answered with a typed error or a close; $(grep '^legit' "$WORK/abuse.txt")"

# Advert intervals over the abuse, from the capture's timestamps.
read -r count worst max min < <(awk -v from="$t0" -v to="$t1" -v want=1003.90625 '
    { t = $1 * 1000; if (t < from - 1500 || t > to + 1500) next
      if (prev) { d = t - prev; dev = d - want; if (dev < 0) dev = -dev
                  n++; if (dev > worst) worst = dev; if (d > max) max = d; if (!min || d < min) min = d }
      prev = t }
    END { printf "%d %.1f %.1f %.1f\n", n, worst, max, min }' "$WORK/adverts.txt")
note "advert intervals during $(((t1 - t0) / 1000)) s of abuse: $count, min $min ms, max $max ms, worst deviation $worst ms (allowed $JITTER_MS)"
((count >= (t1 - t0) / 1000)) || die "only $count advert intervals in $(((t1 - t0) / 1000)) s"
awk -v w="$worst" -v j="$JITTER_MS" 'BEGIN { exit !(w <= j) }' || die "advert jitter $worst ms exceeds $JITTER_MS ms"
pass "adverts on time throughout: worst deviation $worst ms"

sleep 7 # closed sessions are released, and their memory trimmed 5 s after the last close
fds_after=$(ls /proc/"$pid1"/fd | wc -l)
rss_after=$(awk '/VmRSS/ {print $2}' /proc/"$pid1"/status)
note "batond file descriptors $fds_before -> $fds_after, RSS $rss_before -> $rss_after kB"
((fds_after <= fds_before)) || die "file descriptors leaked: $fds_before -> $fds_after"
# Without the trim the flood's TLS buffers stayed in the control thread's arena (21 -> 37 MB).
((rss_after <= rss_before + 8192)) || die "batond kept $(((rss_after - rss_before) / 1024)) MB after the abuse (allowed 8)"
ctl 1 status > /dev/null || die "a fresh console cannot connect after the abuse"
pass "nothing leaked; the agent still serves consoles"
