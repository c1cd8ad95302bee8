#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The peer link's soak of bench/steady-under-load.sh (11.7 ms adverts, both cores hogged, 600 s,
# one link-down trial) with the kernel's view of the agents' real-time advert threads recorded by
# ftrace: every switch and wake-up of a real-time thread with the task it displaced, a kernel stack
# whenever an advert thread leaves the CPU, and the two agents' sendto, recvmmsg, poll, interrupts
# and softirqs. Meant to run beside other work (a CI run, a build) to see what delays the adverts.
#   sudo BATOND=build/agent/batond BATONCTL=build/agent/batonctl/batonctl bench/trace-soak.sh OUTDIR
# then: python3 bench/trace-latency.py 3 < OUTDIR/trace.txt   (waits and stalls over 3 ms)
# SOAK_SECONDS (default 600) shortens the soak. OUTDIR gets trace.txt (about 150 MB for 600 s),
# soak.md and soak.err (the bench's table and takeovers), and vm.txt (every 0.1 s: time, kdamond's
# CPU ticks, file refaults, pages read, major faults, load average).
set -u
OUT=${1:?usage: trace-soak.sh OUTDIR}
T=/sys/kernel/tracing
[[ $EUID -eq 0 ]] || { echo "trace-soak.sh: needs root (ftrace, namespaces)" >&2; exit 1; }
[[ -d $T/events/sched ]] || mount -t tracefs nodev "$T" ||
    { echo "trace-soak.sh: no tracefs at $T" >&2; exit 1; }
mkdir -p "$OUT"
HERE=$(cd "$(dirname "$0")" && pwd)
EVENTS=(syscalls/sys_enter_sendto syscalls/sys_exit_sendto syscalls/sys_enter_recvmmsg syscalls/sys_exit_recvmmsg
    syscalls/sys_enter_poll syscalls/sys_exit_poll irq/softirq_entry irq/softirq_exit irq/irq_handler_entry
    irq/irq_handler_exit)
cleanup() {
    echo 0 > $T/tracing_on
    echo 0 > $T/events/enable
    echo '!stacktrace if prev_comm == "batond"' > $T/events/sched/sched_switch/trigger 2> /dev/null
    for e in sched/sched_switch sched/sched_wakeup "${EVENTS[@]}"; do echo 0 > "$T/events/$e/filter"; done
    [[ -n ${CAT:-} ]] && kill "$CAT" 2> /dev/null
    [[ -n ${SOAK:-} ]] && kill "$SOAK" 2> /dev/null
}
trap cleanup EXIT
KEEP_WORK=1 BENCH_KINDS=peer "$HERE/steady-under-load.sh" "${SOAK_SECONDS:-600}" 1 > "$OUT/soak.md" 2> "$OUT/soak.err" &
SOAK=$!
for _ in $(seq 1 120); do
    P1=$(pgrep -f "batond.*batond1.conf" | head -1)
    P2=$(pgrep -f "batond.*batond2.conf" | head -1)
    [[ -n $P1 && -n $P2 ]] && break
    sleep 1
done
[[ -n $P1 && -n $P2 ]] || { echo "trace-soak.sh: the agents did not start" >&2; exit 1; }
echo "node1 $P1 node2 $P2" > "$OUT/pids"
echo 0 > $T/tracing_on
echo > $T/trace
echo mono > $T/trace_clock
echo 8192 > $T/buffer_size_kb
echo 'prev_prio < 100 || next_prio < 100' > $T/events/sched/sched_switch/filter
echo 'prio < 100' > $T/events/sched/sched_wakeup/filter
echo 'stacktrace if prev_comm == "batond"' > $T/events/sched/sched_switch/trigger
for e in "${EVENTS[@]}"; do
    echo "common_pid == $P1 || common_pid == $P2" > "$T/events/$e/filter"
    echo 1 > "$T/events/$e/enable"
done
echo 1 > $T/events/sched/sched_switch/enable
echo 1 > $T/events/sched/sched_wakeup/enable
{ cat /proc/uptime; date +%s.%N; } > "$OUT/clock"
echo 1 > $T/tracing_on
cat $T/trace_pipe > "$OUT/trace.txt" &
CAT=$!
while kill -0 "$SOAK" 2> /dev/null; do
    echo "$(date +%s.%N) $(awk '{ print $14 + $15 }' "/proc/$(pgrep -x kdamond.0 || echo self)/stat")" \
        "$(grep -E '^(workingset_refault_file|pgpgin|pgmajfault) ' /proc/vmstat | awk '{ printf "%s ", $2 }')" \
        "$(cut -d' ' -f1 /proc/loadavg)"
    sleep 0.1
done > "$OUT/vm.txt"
wait "$SOAK"
grep takeover "$OUT/soak.err"
tail -n 3 "$OUT/soak.md"
