#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Pages of memory an agent touches per 100 ms, by mapping: one pair alone (batond at 11.7 ms or
# keepalived at 10 ms), the referenced bits cleared (/proc/PID/clear_refs) and read back from
# /proc/PID/smaps 100 ms later, median of 30 windows, for the master and the backup. A wake-up of
# a cold CPU pays for every page it touches (under a hypervisor, a two-level page walk each):
#   sudo BATOND=build/agent/batond bench/page-census.sh batond|keepalived [realtime]
# The counter table's huge page counts as 512 pages of [anon]: one translation, not 512.
set -euo pipefail
AGENT=${1:?usage: $0 batond|keepalived [realtime]}
POLICY=${2:-normal}
[[ $AGENT == batond || $AGENT == keepalived ]] || { echo "usage: $0 batond|keepalived [realtime]" >&2; exit 2; }
BATONCTL=${BATONCTL:-/bin/true}
source "$(dirname "$0")/../tests/netns/lib.sh"
source "$(dirname "$0")/pair-conf.sh"
require_root
topology

declare -A PID_OF
for n in 1 2; do
    if [[ $AGENT == batond ]]; then
        wrap=()
        [[ $POLICY == realtime ]] || wrap=(setpriv --inh-caps=-sys_nice --bounding-set=-sys_nice)
        ip netns exec "$(ns_of "$n")" "${wrap[@]}" "$BATOND" --config "$(batond_conf "$n" 1 0 3)" \
            >> "$WORK/agent$n.log" 2>&1 &
        PIDS+=("$!")
        PID_OF[$n]=$!
    else
        ip netns exec "$(ns_of "$n")" keepalived --dont-fork --log-console --vrrp \
            --use-file "$(keepalived_conf "$n" "$POLICY")" --pid "$WORK/k$n.pid" --vrrp_pid "$WORK/k$n-vrrp.pid" \
            >> "$WORK/agent$n.log" 2>&1 &
        PIDS+=("$!")
    fi
    ((n == 1)) && { wait_until 10 has_vip 1 || die "node 1 did not take the VIP: $(tail -n 5 "$WORK/agent1.log")"; }
done
sleep 4
{ has_vip 1 && ! has_vip 2; } || die "the pair did not settle with node 1 MASTER"

for n in 1 2; do
    pid=${PID_OF[$n]:-}
    [[ $AGENT == keepalived ]] && pid=$(cat "$WORK/k$n-vrrp.pid") # the VRRP process
    role=master
    ((n == 2)) && role=backup
    echo "$AGENT, $POLICY scheduling, $role: pages touched per 100 ms (median of 30)"
    /usr/bin/python3 - "$pid" << 'EOT'
import collections, re, statistics, sys, time
pid, rounds = sys.argv[1], 30
def referenced():
    pages, name = collections.Counter(), None
    with open(f"/proc/{pid}/smaps") as smaps:
        for line in smaps:
            if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                f = line.split()
                path = f[5] if len(f) > 5 else "[anon]"
                name = ("code " if "x" in f[1] else "data ") + path.split("/")[-1]
            elif line.startswith("Referenced:"):
                pages[name] += int(line.split()[1]) // 4
    return pages
windows = []
for _ in range(rounds):
    with open(f"/proc/{pid}/clear_refs", "w") as f:
        f.write("1")
    time.sleep(0.1)
    windows.append(referenced())
names = set().union(*windows)
medians = {n: statistics.median(w.get(n, 0) for w in windows) for n in names}
for n in sorted(names, key=lambda n: (-medians[n], n)):
    if medians[n]:
        print(f"  {n:40s} {medians[n]:6.1f}")
code = sum(m for n, m in medians.items() if n.startswith("code"))
print(f"  code {code:.1f}, data {sum(medians.values()) - code:.1f}")
EOT
done
