#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# ftrace text (bench/trace-soak.sh) -> for batond's real-time threads: wake-ups that waited > LIMIT ms
# for a CPU (and who held it), stretches on the CPU > LIMIT ms, sleeps in D state with their stack,
# syscalls and softirqs in their context longer than LIMIT ms. Optional FROM TO (trace seconds).
import re, sys
LIMIT = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
FROM = float(sys.argv[2]) if len(sys.argv) > 2 else 0
TO = float(sys.argv[3]) if len(sys.argv) > 3 else 1e12
head = re.compile(r'^\s*(.+?)-(\d+)\s+\[(\d+)\]\s+\S+\s+([\d.]+):\s+(.*)$')
sysenter = re.compile(r'^sys_(\w+)\(')
sysexit = re.compile(r'^sys_(\w+) -> ')
evname = re.compile(r'^(\w+):\s*(.*)$')
def kv(trace): return dict(re.findall(r'(\w+)=(\S+)', trace))
woken, oncpu, offstate, insys, insoft = {}, {}, {}, {}, {}
last = None
def out(t, text):
    if FROM <= t <= TO: print(f"{t:.6f} {text}")
for line in sys.stdin:
    if line.startswith(' => '):
        if last is not None: last.append(line[4:].strip())
        continue
    m = head.match(line)
    if not m: continue
    comm, pid, cpu, t, rest = m[1], int(m[2]), int(m[3]), float(m[4]), m[5]
    last = None
    if (x := sysenter.match(rest)):
        ev, trace = 'sys_enter_' + x[1], rest
    elif (x := sysexit.match(rest)):
        ev, trace = 'sys_exit_' + x[1], rest
    elif (x := evname.match(rest)):
        ev, trace = x[1], x[2]
    else:
        continue
    if ev == 'sched_wakeup':
        k = kv(trace)
        if k.get('comm') == 'batond':
            tid = int(k['pid']); woken[tid] = (t, k.get('target_cpu'))
            if tid in offstate:
                t0, st, stack = offstate.pop(tid)
                if (t - t0) * 1000 > LIMIT and st not in ('S',):
                    out(t, f"tid {tid}: asleep in state {st} for {(t-t0)*1000:.1f} ms: " + ' < '.join(stack[:12]))
    elif ev == 'sched_switch':
        k = kv(trace)
        if k.get('next_comm') == 'batond':
            tid = int(k['next_pid'])
            if tid in woken:
                tw, tc = woken.pop(tid)
                if (t - tw) * 1000 > LIMIT:
                    out(t, f"tid {tid}: runnable since {tw:.6f} (CPU {tc}), ran {(t-tw)*1000:.1f} ms later on CPU {cpu} after {k.get('prev_comm')}/{k.get('prev_pid')} ({k.get('prev_state')})")
            oncpu[tid] = (t, cpu)
        if k.get('prev_comm') == 'batond':
            tid = int(k['prev_pid'])
            if tid in oncpu:
                t0, c = oncpu.pop(tid)
                if (t - t0) * 1000 > LIMIT:
                    out(t, f"tid {tid}: on CPU {c} for {(t-t0)*1000:.1f} ms, then {k.get('prev_state')} -> {k.get('next_comm')}")
            stack = []; last = stack
            offstate[tid] = (t, k.get('prev_state'), stack)
            if k.get('prev_state', 'S').startswith('R'): woken[tid] = (t, cpu)
    elif ev.startswith('sys_enter_'):
        insys[(pid, ev[10:])] = t
    elif ev.startswith('sys_exit_'):
        t0 = insys.pop((pid, ev[9:]), None)
        if t0 is not None and (t - t0) * 1000 > LIMIT and ev[9:] != 'poll':
            out(t, f"tid {pid}: {ev[9:]} took {(t-t0)*1000:.1f} ms (CPU {cpu})")
    elif ev == 'softirq_entry':
        insoft[(pid, cpu)] = (t, trace)
    elif ev == 'softirq_exit':
        s = insoft.pop((pid, cpu), None)
        if s and (t - s[0]) * 1000 > LIMIT / 3:
            out(t, f"tid {pid}: softirq {s[1]} took {(t-s[0])*1000:.2f} ms on CPU {cpu}")
