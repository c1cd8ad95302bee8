#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Node 2 has the wrong password. Both end up holding the VIP (neither can trust the other, as
# with ucarp), but there is no takeover storm: one transition each, the error is reported once
# per agent, and `batonctl adverts` shows BAD for node 2's adverts and ok for node 1's.
source "$(dirname "$0")/lib.sh"
topology
start_batond 1 --interfaces "$(seed_interfaces 1)"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --interfaces "$(seed_interfaces 2 wrong_password)"
printf 'some_password\n' > "$WORK/password"
ip netns exec "$C" tcpdump -Z root -i br0 -U -w "$WORK/adverts.pcap" ip proto 112 > "$WORK/tcpdump.log" 2>&1 &
PIDS+=("$!")
TCPDUMP_PID=$!
ip netns exec "$C" timeout 15 "$BATONCTL" adverts --interface br0 --password-file "$WORK/password" \
    --vip "$VIP" --count 8 > "$WORK/adverts.log" 2>&1 || die "batonctl adverts failed: $(cat "$WORK/adverts.log")"
sleep 4
for n in 1 2; do
    ups=$(grep -c "BACKUP -> MASTER" "$WORK/batond$n.log" || true)
    downs=$(grep -c "MASTER -> BACKUP" "$WORK/batond$n.log" || true)
    reports=$(grep -c "fail authentication" "$WORK/batond$n.log" || true)
    note "node $n: $ups takeovers, $downs yields, $reports bad-hmac reports"
    ((ups == 1 && downs == 0)) || die "node $n flapped: $ups takeovers, $downs yields"
    ((reports == 1)) || die "node $n reported the bad password $reports times (want exactly once)"
done
kill -INT "$TCPDUMP_PID"
wait "$TCPDUMP_PID" 2>/dev/null || true
"$BATONCTL" adverts --pcap "$WORK/adverts.pcap" --password-file "$WORK/password" --vip "$VIP" \
    > "$WORK/pcap-adverts.log" 2>&1 || die "batonctl adverts --pcap failed: $(cat "$WORK/pcap-adverts.log")"
grep -q "192.0.2.11 vhid 1 .* hmac ok" "$WORK/pcap-adverts.log" || die "--pcap: node 1's adverts not shown as ok"
grep -q "192.0.2.12 vhid 1 .* hmac BAD" "$WORK/pcap-adverts.log" || die "--pcap: node 2's adverts not shown as BAD"
note "from the capture: $(grep -c "hmac ok" "$WORK/pcap-adverts.log") ok, $(grep -c "hmac BAD" "$WORK/pcap-adverts.log") BAD"
grep -q "192.0.2.11 vhid 1 .* hmac ok" "$WORK/adverts.log" || die "batonctl did not show node 1's adverts as ok"
grep -q "192.0.2.12 vhid 1 .* hmac BAD" "$WORK/adverts.log" || die "batonctl did not show node 2's adverts as BAD"
cat "$WORK/adverts.log"
pass "wrong password: no storm, reported once, BAD shown by batonctl live and from a capture"
