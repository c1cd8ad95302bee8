#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Chaos soak: the seed pair (vhid 1, advbase 1, advskew 1/2) with a client probing the VIP every
# 10 ms, and for a bounded time one random fault every few seconds on a random node: a link flap,
# kill -9 (restarted a second later), SIGSTOP for 4 s then SIGCONT, a graceful restart, or a burst
# of forged adverts (one captured advert replayed as a preferred master, a bow-out, demote 200).
#   sudo BATOND=build/agent/batond FORGER=build/tests/carp_forger bench/chaos.sh [seconds] [seed]
# Reports (markdown) per fault kind: count, worst client outage and how many exceeded the bound
# for that fault, time with two holders (address monitors), and agent crashes (an agent that died
# without being killed, or exited non-zero on SIGTERM). Bounds: master-down 3.004 s + 0.5 s for
# a lost master, 0.3 s for a graceful restart, no outage at all (0.1 s of probe slack) otherwise.
DURATION=${1:-300}
SEED=${2:-$RANDOM}
NETNS_TEST_TIMEOUT=$((DURATION + 120))
source "$(dirname "$0")/../tests/netns/lib.sh"
FORGER=${FORGER:?set FORGER to the carp_forger binary}
RANDOM=$SEED
topology
start_addr_monitor 1
start_addr_monitor 2
monitors_ready
start_batond 1 --interfaces "$(seed_interfaces 1 some_password 1)"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --interfaces "$(seed_interfaces 2 some_password 2)"
sleep 3
ip netns exec "$C" timeout 5 tcpdump -i br0 -n -w "$WORK/capture.pcap" -c 1 'ip proto 112 and src host 192.0.2.11' > /dev/null 2>&1 ||
    die "no advert captured"
start_probe "$VIP" "$WORK/probe.log"
sleep 1

master() { if has_vip 1; then echo 1; else echo 2; fi; }
declare -A COUNT WORST OVER
CRASHES=0
alive_or_crash() { # alive_or_crash N: a dead agent we did not kill is a crash; restart it
    local n=$1
    if ! kill -0 "${BATOND_PID[$n]}" 2> /dev/null; then
        CRASHES=$((CRASHES + 1))
        wait "${BATOND_PID[$n]}" 2> /dev/null
        note "node $n's batond died on its own (status $?); its last lines:"
        tail -n 5 "$WORK/batond$n.log" | sed 's/^/#   /' 
        start_batond "$n" --interfaces "$WORK/interfaces.$n"
    fi
}
restart() { # restart N SIGNAL: stop node N with SIGNAL (a non-zero exit on TERM is a crash), start it
    local n=$1 signal=$2 status=0
    kill -"$signal" "${BATOND_PID[$n]}"
    wait "${BATOND_PID[$n]}" 2> /dev/null || status=$?
    [[ $signal == TERM ]] && ((status != 0)) && CRASHES=$((CRASHES + 1))
    [[ $signal == KILL ]] && sleep 1
    start_batond "$n" --interfaces "$WORK/interfaces.$n"
}
forge() { ip netns exec "$C" "$FORGER" --pcap "$WORK/capture.pcap" --from 192.0.2.11 --interface br0 "$@" > /dev/null; }

end=$(($(now_ms) + DURATION * 1000))
faults=0
while (($(now_ms) < end)); do
    alive_or_crash 1
    alive_or_crash 2
    kinds=(link-flap kill-9 sigstop graceful forged)
    kind=${kinds[$((RANDOM % 5))]}
    m=$(master)
    n=$((RANDOM % 2 + 1))
    t0=$(now_ms)
    case $kind in
    link-flap)
        ip -n "$(ns_of "$m")" link set eth0 down
        sleep 2
        ip -n "$(ns_of "$m")" link set eth0 up
        bound=3504
        ;;
    kill-9) restart "$m" KILL; bound=3504 ;;
    sigstop)
        kill -STOP "${BATOND_PID[$m]}"
        sleep 4
        kill -CONT "${BATOND_PID[$m]}"
        bound=3504
        ;;
    graceful) restart "$n" TERM; bound=300 ;;
    forged)
        # The capture is node 1's first advert; the forgeries name whoever is master now.
        forge --source 192.0.2.1$((3 - m)) --advbase 0 --advskew 1 --count 5 --interval-ms 200
        forge --source 192.0.2.1$m --advbase 255 --advskew 255 --count 50 --interval-ms 20
        forge --source 192.0.2.66 --demote 200 --count 5 --interval-ms 200
        bound=100
        ;;
    esac
    sleep 5 # let the pair settle before the next fault; the gap is measured over this window
    gap=$(awk -v from="$t0" -v to="$(now_ms)" '
        /bytes from/ { t = substr($1, 2, length($1) - 2) * 1000; if (t < from) { last = t; next }
                       if (t > to) exit
                       if (last > 0 && t - last > gap) gap = t - last; last = t }
        END { printf "%d\n", gap }' "$WORK/probe.log")
    echo "$kind $t0 $(now_ms)" >> "$WORK/windows.txt"
    COUNT[$kind]=$((${COUNT[$kind]:-0} + 1))
    ((gap > ${WORST[$kind]:-0})) && WORST[$kind]=$gap
    ((gap > bound)) && OVER[$kind]=$((${OVER[$kind]:-0} + 1)) && note "$kind: outage $gap ms > bound $bound ms"
    faults=$((faults + 1))
done
alive_or_crash 1
alive_or_crash 2
stop_probe
# Time with two holders per fault kind: the spans both monitors saw the VIP, cut to each window.
awk -v windows="$WORK/windows.txt" '
    BEGIN { while ((getline line < windows) > 0) { split(line, f, " "); kind[++w] = f[1]
                                                     from[w] = f[2] % 86400000; to[w] = f[3] % 86400000 } }
'"$(monitor_awk_prelude)"'
    { t = ts($1) }
    /Deleted/ { if (held[node]) { n[node]++; s[node, n[node]] = start[node]; e[node, n[node]] = t; held[node] = 0 } next }
    { if (!held[node]) { start[node] = t; held[node] = 1 } }
    END {
        for (i = 1; i <= n[1]; i++) for (j = 1; j <= n[2]; j++) {
            lo = s[1, i] > s[2, j] ? s[1, i] : s[2, j]; hi = e[1, i] < e[2, j] ? e[1, i] : e[2, j]
            for (k = 1; k <= w; k++) {
                a = lo > from[k] ? lo : from[k]; b = hi < to[k] ? hi : to[k]
                if (b > a) both[kind[k]] += b - a
            }
        }
        for (k in both) printf "%s %.1f\n", k, both[k]
    }' "$WORK/addr1.mon" "$WORK/addr2.mon" > "$WORK/both.txt"
echo "## Chaos soak: $DURATION s, seed $SEED, $faults faults"
echo
echo "| fault | count | worst client outage | over its bound | two holders, per fault |"
echo "|---|---|---|---|---|"
for kind in link-flap kill-9 sigstop graceful forged; do
    both=$(awk -v k="$kind" '$1 == k { print $2 }' "$WORK/both.txt")
    per=$(awk -v b="${both:-0}" -v c="${COUNT[$kind]:-0}" 'BEGIN { printf "%.1f", c ? b / c : 0 }')
    echo "| $kind | ${COUNT[$kind]:-0} | ${WORST[$kind]:-0} ms | ${OVER[$kind]:-0} | $per ms |"
done
echo
echo "Agent crashes: $CRASHES."
