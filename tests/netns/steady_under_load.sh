#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Adverts on a busy machine: the pair at advbase 0 advskew 13 (50.8 ms, master-down 152 ms) with
# two busy loops per core for 30 s must not change hands once. Beside it, what the agent asks of the
# system: the advert thread runs SCHED_FIFO, the control channel's thread and a hook do not.
# A bound that cannot flake: a real-time thread is never held back 100 ms by ordinary busy loops.
NETNS_TEST_TIMEOUT=150
source "$(dirname "$0")/lib.sh"
require_root
topology
mgmt_topology
control_pki

# policy_of PID/TID: the scheduling policy from /proc (field 41 of stat: 0 normal, 1 FIFO, 2 RR).
policy_of() { awk '{ sub(/^.*\) /, ""); print $39 }' "/proc/$1/stat"; }

conf() { # conf N: the control pair's file at 50.8 ms adverts, with an up-hook that notes its policy
    local n=$1 file
    file=$(control_conf "$n" "$((12 + n))")
    sed -i 's/^advbase   = 1$/advbase   = 0/' "$file"
    cat >> "$file" << EOT
up-hook   = $WORK/up-hook
EOT
    echo "$file"
}
cat > "$WORK/up-hook" << 'EOT'
#!/bin/sh
awk '{ sub(/^.*\) /, ""); print $39 }' /proc/$$/stat > "$(dirname "$0")/hook-policy.$1"
EOT
chmod 755 "$WORK/up-hook"
# The hook names its file after its first argument (the interface) and runs on node 1's MASTER.
start_batond 1 --config "$(conf 1)"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --config "$(conf 2)"
wait_until 5 grep -q "control channel on" "$WORK/batond2.log" || die "node 2's control channel did not start"
sleep 1
has_vip 2 && die "both nodes hold the VIP before the load"
wait_until 5 test -s "$WORK/hook-policy.eth0" || die "the up-hook did not run"

for n in 1 2; do
    pid=${BATOND_PID[$n]}
    grep -q "adverts on real-time scheduling (SCHED_FIFO" "$WORK/batond$n.log" ||
        die "node $n: no real-time scheduling: $(grep -m1 'scheduling' "$WORK/batond$n.log")"
    [[ $(policy_of "$pid") == 1 ]] || die "node $n: the advert thread's policy is $(policy_of "$pid"), not SCHED_FIFO"
    others=0
    for task in /proc/"$pid"/task/*; do
        tid=${task##*/}
        [[ $tid == "$pid" ]] && continue
        others=$((others + 1))
        # The disk writer runs SCHED_BATCH (3), never preempting the advert thread; the rest
        # SCHED_OTHER (0).
        want=0
        [[ $(cat "$task/comm") == disk ]] && want=3
        [[ $(policy_of "$pid/task/$tid") == "$want" ]] ||
            die "node $n: thread $tid ($(cat "$task/comm")) has policy $(policy_of "$pid/task/$tid"), not $want"
    done
    ((others > 0)) || die "node $n: no other thread (the control channel's) to check"
done
pass "advert threads SCHED_FIFO, the disk writers SCHED_BATCH, the control channels' threads normal"
[[ $(cat "$WORK/hook-policy.eth0") == 0 ]] || die "the up-hook ran with policy $(cat "$WORK/hook-policy.eth0")"
pass "the up-hook ran with normal scheduling"

HOGS=()
for ((i = 0; i < 2 * $(nproc); i++)); do
    ip netns exec "$C" sh -c 'while :; do :; done' &
    HOGS+=("$!")
done
start_probe "$VIP" "$WORK/probe.log"
sleep 30
stop_probe
for pid in "${HOGS[@]}"; do kill -KILL "$pid" 2> /dev/null || true; done
wait "${HOGS[@]}" 2> /dev/null || true
kill -0 "${BATOND_PID[1]}" && kill -0 "${BATOND_PID[2]}" || die "an agent died under load"
grep -q -- "-> MASTER" "$WORK/batond2.log" && die "node 2 took over under load: $(grep -- '-> MASTER' "$WORK/batond2.log")"
grep -q -- "MASTER -> " "$WORK/batond1.log" && die "node 1 left MASTER under load: $(grep -- 'MASTER -> ' "$WORK/batond1.log")"
has_vip 1 || die "node 1 lost the VIP under load"
has_vip 2 && die "node 2 holds the VIP after the load"
pass "no takeover in 30 s of 50.8 ms adverts with $((2 * $(nproc))) busy loops (longest echo gap $(longest_gap_ms "$WORK/probe.log") ms)"
