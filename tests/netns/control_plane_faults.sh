#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Whatever is wrong with the control channel, failover runs: batond starts with an expired agent
# certificate, with its key file missing, and with a listen address not (yet) on the host. Each
# time a link-down whose restore was saved before a kill -9 is carried out at its deadline after
# the restart; the stale VIP a killed MASTER left is removed; `batond --check` only warns; and the
# listener comes up by itself once its address appears. A hand-over to a node that has just started
# moves the VIP in well under master-down.
source "$(dirname "$0")/lib.sh"
command -v faketime > /dev/null || die "faketime is not installed"
topology
mgmt_topology
# The CA is made as if two years ago (valid for ten), so one agent certificate can be issued that
# expired long ago without the CA itself being out of date.
faketime -f '-730d' "$BATONCTL" pki init "$WORK/pki" --name test-ca > /dev/null
for n in 1 2; do "$BATONCTL" pki issue-agent "$WORK/pki" "node$n" "192.0.2.13$n" > /dev/null; done
"$BATONCTL" pki issue-console "$WORK/pki" admin --operator > /dev/null
cp -r "$WORK/pki" "$WORK/expired"
faketime -f '-700d' "$BATONCTL" pki issue-agent "$WORK/expired" node1 192.0.2.131 --days 1 --replace > /dev/null
cp "$WORK/pki/agents/node1.crt" "$WORK/pki/agents/node1.key" "$WORK/"
conf1=$(control_conf 1)
start_batond 1 --config "$conf1"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --config "$(control_conf 2)"
wait_until 5 ctl 1 status > /dev/null 2>&1 || die "node 1's control channel did not answer"
sleep 1

link_up() { ip -n "$N1" link show eth0 | matches 'state UP'; }
link_down() { ! link_up; }
vip_gone_from_1() { ! has_vip 1; }
# down_then_crash: link-down eth0 for 8 s on node 1, then kill -9 it; prints when it was asked.
down_then_crash() {
    local t0
    t0=$(now_ms)
    ctl 1 link-down eth0 --restore-after 8 > /dev/null || die "link-down refused"
    wait_until 2 link_down || die "eth0 did not go down"
    kill -KILL "${BATOND_PID[1]}"
    wait "${BATOND_PID[1]}" 2> /dev/null || true
    wait_until 5 has_vip 2 || die "node 2 did not take over"
    echo "$t0"
}
# restarted_restores T0 WHAT: batond 1 runs CARP again and brings eth0 back at T0 + 8 s.
restarted_restores() {
    local t0=$1 what=$2 up
    start_batond 1 --config "$conf1"
    wait_until 3 grep -q "control channel down" "$WORK/batond1.log" || die "$what: no word about the control channel"
    wait_until 3 grep -q "INIT -> BACKUP" "$WORK/batond1.log" || die "$what: batond did not start CARP"
    wait_until 12 link_up || die "$what: eth0 was not restored"
    up=$(($(now_ms) - t0))
    note "$what: eth0 back up $up ms after the link-down (deadline 8000 ms)"
    ((up >= 7800 && up <= 9500)) || die "$what: restored at $up ms, not at the 8 s deadline"
    kill -0 "${BATOND_PID[1]}" || die "$what: batond exited"
}
stop_node1() {
    kill -TERM "${BATOND_PID[1]}"
    wait "${BATOND_PID[1]}" || die "batond 1 did not stop cleanly"
    : > "$WORK/batond1.log"
}

# 1. An expired agent certificate.
t0=$(down_then_crash)
cp "$WORK/expired/agents/node1.crt" "$WORK/pki/agents/node1.crt"
cp "$WORK/expired/agents/node1.key" "$WORK/pki/agents/node1.key"
ip netns exec "$N1" "$BATOND" --check --config "$conf1" > "$WORK/check.out" 2>&1 || die "--check failed on an expired certificate: $(cat "$WORK/check.out")"
grep -q "expired" "$WORK/check.out" || die "--check did not warn about the expired certificate: $(cat "$WORK/check.out")"
restarted_restores "$t0" "expired certificate"
grep -q "expired" "$WORK/batond1.log" || die "the log does not say the certificate expired"
pass "expired certificate: CARP runs, the saved restore is carried out, --check warns (exit 0)"
stop_node1

# 2. The key file missing.
cp "$WORK/node1.crt" "$WORK/pki/agents/node1.crt"
rm "$WORK/pki/agents/node1.key"
start_batond 1 --config "$conf1"
wait_until 3 grep -q "INIT -> BACKUP" "$WORK/batond1.log" || die "no key: batond did not start CARP"
sleep 4 # listens to the master for its master-down interval, then stays BACKUP
t0=$(now_ms)
cp "$WORK/node1.key" "$WORK/pki/agents/node1.key"
wait_until 8 ctl 1 status > /dev/null 2>&1 || die "the listener did not come up once the key was back"
t0=$(down_then_crash)
rm "$WORK/pki/agents/node1.key"
: > "$WORK/batond1.log"
restarted_restores "$t0" "missing key file"
pass "missing key file: CARP runs, the saved restore is carried out; the listener came up by itself when the key returned"
stop_node1
cp "$WORK/node1.key" "$WORK/pki/agents/node1.key"

# 3. The listen address not on the host yet, after a kill -9 of the MASTER (its VIP left behind).
# Before that, a hand-over to node 1 before it has heard any advert of node 2 (its adverts are kept
# from node 1, all but the bow-out): node 1 cannot tell the bow-out from a replay, so it claims
# (50 ms) and then takes the VIP, instead of waiting out master-down (3 s) with nobody holding it.
ip netns exec "$N1" nft -f - <<'EOT' || die "nft refused the filter"
table ip baton_test {
    chain input {
        type filter hook input priority 0;
        ip saddr 192.0.2.12 ip protocol 112 @th,16,8 != 255 drop
    }
}
EOT
start_batond 1 --config "$conf1"
wait_until 8 ctl 1 status > /dev/null 2>&1 || die "node 1's control channel did not answer"
grep -q "claiming" "$WORK/batond1.log" && die "node 1 claimed before the hand-over (its start took too long)"
ctl 2 handover > /dev/null || die "node 2 did not hand over"
t1=$(now_ms)
wait_until 3 has_vip 1 || die "node 1 did not take the VIP on the hand-over"
took=$(($(now_ms) - t1))
ip netns exec "$N1" nft delete table ip baton_test
note "hand-over to a node that heard no advert yet: VIP there after $took ms"
((took < 1000)) || die "the hand-over to a node that heard no advert took $took ms: its bow-out was not taken"
grep -q "claiming" "$WORK/batond1.log" || die "node 1 did not claim before taking the bow-out's VIP"
grep -q "BACKUP -> MASTER (bow-out" "$WORK/batond1.log" || die "node 1's takeover does not name the bow-out: $(grep MASTER "$WORK/batond1.log")"
(($(vip_holders) == 1)) || die "the VIP is held $(vip_holders) times after the hand-over"
pass "hand-over to a node that heard no advert yet: it claims, then takes the VIP in $took ms"
kill -KILL "${BATOND_PID[1]}"
wait "${BATOND_PID[1]}" 2> /dev/null || true
has_vip 1 || die "the killed master should have left its VIP behind"
wait_until 5 has_vip 2 || die "node 2 did not take over from the killed master"
ip -n "$N1" addr del 192.0.2.131/26 dev mgmt0
: > "$WORK/batond1.log"
start_batond 1 --config "$conf1"
wait_until 3 vip_gone_from_1 || die "the stale VIP was not removed"
wait_until 3 grep -q "control channel down" "$WORK/batond1.log" || die "no word about the missing listen address"
ip -n "$N1" addr add 192.0.2.131/26 dev mgmt0
t1=$(now_ms)
wait_until 10 ctl 1 status > /dev/null 2>&1 || die "the listener did not come up once its address appeared"
note "listener up $(($(now_ms) - t1)) ms after its address appeared"
grep -q "control channel up again" "$WORK/batond1.log" || die "the log does not say the listener came back"
(($(vip_holders) == 1)) || die "the VIP is held $(vip_holders) times"
pass "listen address missing at start: stale VIP removed, CARP runs, the listener came up by itself"
