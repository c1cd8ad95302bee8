#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A flap storm with slow hooks: 50 state changes in 5 s (a lone node on 4 ms adverts, its link
# flapped every 100 ms) with hooks that take 0.5 s each would queue 25 s of hooks; only the latest
# state per group counts, so a few run, the last one matching the final state. SIGTERM right after
# the storm exits within a second of the hooks that are left (the final down hook).
source "$(dirname "$0")/lib.sh"
topology
for kind in up down; do
    cat > "$WORK/$kind" <<EOT
#!/bin/sh
sleep 0.5
echo "$kind \$(date +%s%3N)" >> "$WORK/hooks.out"
EOT
    chmod +x "$WORK/$kind"
done
cat > "$WORK/batond1.conf" <<EOT
state-dir = $WORK/state1
[vhid 1]
interface = eth0
source = 192.0.2.11
vip = $VIP/24
password = some_password
advbase = 0
advskew = 1
up-hook = $WORK/up
down-hook = $WORK/down
EOT
start_batond 1 --config "$WORK/batond1.conf"
wait_until 5 has_vip 1 || die "node 1 did not take the VIP"
sleep 1.5 # the start's down hook and the first up hook have run
: > "$WORK/hooks.out"
count_changes() { grep -c -- '-> \(MASTER\|BACKUP\)' "$WORK/batond1.log"; }
storm() {
    local before
    before=$(count_changes)
    for i in $(seq 25); do
        ip -n "$N1" link set eth0 down
        sleep 0.1
        ip -n "$N1" link set eth0 up
        sleep 0.1
    done
    wait_until 2 has_vip 1 || die "node 1 is not MASTER after the storm"
    echo $(($(count_changes) - before))
}
hook_list() { cut -d' ' -f1 "$WORK/hooks.out" | tr '\n' ' '; }

# 1. The storm, then the node stays MASTER: a few hooks, the last one "up".
changes=$(storm)
((changes >= 40)) || die "only $changes state changes: the storm was not one"
sleep 3 # the held hooks run once the group has been steady for a second
hooks=$(wc -l < "$WORK/hooks.out")
note "storm 1: $changes state changes, hooks run: $hooks ($(hook_list))"
((hooks <= 4)) || die "$hooks hooks ran for $changes state changes"
[[ $(tail -n 1 "$WORK/hooks.out" | cut -d' ' -f1) == up ]] || die "the last hook was not 'up' for a MASTER: $(hook_list)"
pass "storm 1: $changes state changes ran $hooks hooks, the last 'up'"

# 2. Another storm, and SIGTERM the moment it ends: no waiting for hooks that no longer matter.
: > "$WORK/hooks.out"
changes=$(storm)
t0=$(now_ms)
kill -TERM "${BATOND_PID[1]}"
status=0
wait "${BATOND_PID[1]}" || status=$?
exited=$(now_ms)
((status == 0)) || die "batond exited with $status"
hooks=$(wc -l < "$WORK/hooks.out")
last_hook=$(tail -n 1 "$WORK/hooks.out")
note "storm 2: $changes state changes, then SIGTERM: hooks run $hooks ($(hook_list)), exit after $((exited - t0)) ms"
((hooks <= 3)) || die "$hooks hooks ran"
[[ ${last_hook%% *} == down ]] || die "the stop did not end with the down hook: $(hook_list)"
((exited - ${last_hook##* } <= 1000)) || die "batond exited $((exited - ${last_hook##* })) ms after its last hook"
((exited - t0 <= 1500)) || die "SIGTERM took $((exited - t0)) ms"
pass "storm 2 then SIGTERM: $hooks hooks, the last 'down', exit $((exited - t0)) ms after the signal"
