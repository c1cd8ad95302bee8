#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `batonctl deploy --takeover` of the seed's running ucarp pair (Debian's ucarp started by ifupdown
# from the ucarp-* stanzas, node 1 MASTER) while the client pings the VIP every 10 ms: the cluster
# is filled in from the stanzas, batond replaces ucarp one server at a time on the same settings,
# and at most 2 echoes to the VIP are lost over the whole takeover. The stanzas end commented out
# with a note. Then `--undo-takeover`: batond gone, ucarp running again exactly as it ran, every
# package, file and enabled unit as before the takeover. The undo's outage is ucarp's own: it sees
# the last batond's bow-out through a packet capture that delivers up to 1 s late, so at most 1.5 s
# (a bow-out missed would cost ucarp's 3 s master-down).
source "$(dirname "$0")/deploy_lib.bash"
boot_servers
desk_setup
ucarp_from_stanzas() { # the seed's stanzas as node N's interfaces; ifupdown's hook starts ucarp
    local n=$1
    { printf 'auto lo\niface lo inet loopback\n\n'; cat "$(seed_interfaces "$n")"; } > "$(node_file "$n" /etc/network/interfaces)"
    node "$n" ifdown eth0 > /dev/null 2>&1 || true
    node "$n" ifup eth0 > "$WORK/ifup$n.log" 2>&1 || { cat "$WORK/ifup$n.log"; die "ifup eth0 failed on node $n"; }
}
ucarp_command() { node "$1" sh -c 'for p in $(pidof ucarp); do tr "\0" " " < /proc/$p/cmdline; echo; done'; }
ucarp_from_stanzas 1
wait_until 8 has_vip 1 || die "ucarp on node 1 did not take the VIP"
ucarp_from_stanzas 2
sleep 4 # a full master-down interval: node 2 stays BACKUP
has_vip 1 && ! has_vip 2 || die "the ucarp pair did not settle with node 1 MASTER"
for n in 1 2; do ucarp_command "$n" > "$WORK/ucarp$n.before"; done
[[ -s $WORK/ucarp1.before && -s $WORK/ucarp2.before ]] || die "ucarp does not run on both servers"
save_state ucarp
pass "the seed's ucarp pair runs from its stanzas: node 1 MASTER"

start_probes
sleep 1
t0=$(now_ms)
SHOW_LINES=40 deploy --takeover --yes --trust-host-key "$(fingerprint 1)" --trust-host-key "$(fingerprint 2)" < /dev/null
sleep 1
stop_probes
expect_rc 0 "takeover"
lost=$(lost "$VIP" "$t0")
outage=$(gap "$VIP" "$t0")
note "takeover: $lost echoes to the VIP lost at 10 ms, longest gap $outage ms, $(($(now_ms) - t0)) ms in all"
for n in 1 2; do
    agent_active "$n" || die "batond is not active on node $n"
    node "$n" pidof ucarp > /dev/null && die "ucarp still runs on node $n"
    [[ $(node "$n" grep -c '^[[:space:]]*# ucarp-' /etc/network/interfaces) == 6 ]] || die "node $n: the ucarp-* lines are not commented out"
    node "$n" grep -q "batond runs this address now" /etc/network/interfaces || die "node $n: no note above the commented lines"
    node "$n" test -f /var/backups/baton-takeover/ucarp.command || die "node $n: ucarp's command was not kept for an undo"
done
has_vip 1 && ! has_vip 2 || die "node 1 does not hold the VIP alone after the takeover"
grep -q '"password": "some_password"' "$CLUSTER" || die "the cluster file was not filled in from the stanzas"
ip netns exec "$C" "$BATONCTL" --agent 192.0.2.12 --pki "$PKI" --console desk status > /dev/null || die "node 2's agent does not answer"
for n in 1 2; do # settled: both on the stanzas' settings, the brief ones gone
    node "$n" grep -Eq '^advskew *= *1$' /etc/baton/batond.conf || die "node $n does not run the stanzas' advskew 1"
    node "$n" grep -Eq '^preempt *= *(no|false)$' /etc/baton/batond.conf || die "node $n does not run without preemption"
done
((lost <= 2)) || die "$lost echoes to the VIP lost during the takeover (at most 2)"
pass "ucarp pair taken over: $lost echoes lost at 10 ms (at most 2), stanzas commented out, node 1 still MASTER"

start_probes
sleep 1
t0=$(now_ms)
SHOW_LINES=12 deploy --undo-takeover --yes < /dev/null
sleep 4 # a whole master-down interval: a bow-out that ucarp missed would show as an outage
stop_probes
expect_rc 0 "undo"
lost=$(lost "$VIP" "$t0")
outage=$(gap "$VIP" "$t0")
note "undo: $lost echoes to the VIP lost at 10 ms, longest gap $outage ms"
same_state ucarp "undo"
for n in 1 2; do
    ucarp_command "$n" > "$WORK/ucarp$n.after"
    cmp -s "$WORK/ucarp$n.before" "$WORK/ucarp$n.after" || die "node $n: ucarp does not run as it did: $(cat "$WORK/ucarp$n.after")"
done
[[ $(vip_holders) == 1 ]] || die "the VIP is held by $(vip_holders) servers after the undo"
((outage <= 1500)) || die "the VIP was silent for $outage ms during the undo (at most 1500: ucarp missed the bow-out)"
pass "takeover undone: ucarp runs as it did, packages, files and enabled units as before ($outage ms outage)"
