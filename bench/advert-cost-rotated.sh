#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CPU per advert of several batond builds against each other and against keepalived, side by side,
# with the builds rotated over the start order from round to round:
#   sudo bench/advert-cost-rotated.sh ROUNDS SECONDS BATOND...   (LEAN_AGENT: as advert-cost.sh's)
# Each round runs, at the same time and each in namespaces of its own, every build as a real-time
# pair and as a normal-scheduling pair (11.7 ms adverts), plus keepalived's two pairs (normal and
# real-time, 10 ms); round r gives build i the start place (i + r) mod N, so what comes with a
# place falls on every build alike. One build alone makes the light mix (four pairs), three the
# busy one (eight). Prints each round's figures (µs of CPU per advert sent / received), then per
# build and policy the medians and the change against the first build, round by round.
set -euo pipefail
(($# >= 3)) || {
    echo "usage: $0 ROUNDS SECONDS BATOND..." >&2
    exit 2
}
ROUNDS=$1
SECONDS_PER_CASE=$2
shift 2
BUILDS=("$@")
BENCH=$(dirname "$0")/advert-cost.sh
export LEAN_AGENT=${LEAN_AGENT:-$(dirname "$1")/../tests/lean_agent}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
n=${#BUILDS[@]}
results=""
for ((r = 0; r < ROUNDS; r++)); do
    start=$(($(date +%s) + 15))
    pids=()
    names=()
    for ((i = 0; i < n; i++)); do
        build=${BUILDS[$(((i + r) % n))]}
        for role in batond batond_normal; do
            BATOND=$build ADVERT_COST_ROLE=$role ADVERT_COST_START=$start \
                bash "$BENCH" "$SECONDS_PER_CASE" > "$OUT/$r-$i-$role" 2> "$OUT/$r-$i-$role.err" &
            pids+=("$!")
            names+=("$build $role $OUT/$r-$i-$role")
        done
    done
    for role in keepalived keepalived_rt; do
        BATOND=${BUILDS[0]} ADVERT_COST_ROLE=$role ADVERT_COST_START=$start \
            bash "$BENCH" "$SECONDS_PER_CASE" > "$OUT/$r-k-$role" 2> "$OUT/$r-k-$role.err" &
        pids+=("$!")
        names+=("keepalived $role $OUT/$r-k-$role")
    done
    for i in "${!pids[@]}"; do
        read -r who role file <<< "${names[$i]}"
        wait "${pids[$i]}" || {
            echo "round $r: $who ($role) failed: $(tail -n 5 "$file.err")" >&2
            exit 1
        }
    done
    for entry in "${names[@]}"; do
        read -r who role file <<< "$entry"
        read -r m b tx rx disturbed < <(tail -n 1 "$file")
        if ((disturbed)); then
            # A role changed during the measurement (advert-cost.sh's measure): not steady state.
            echo "round $r: $who $role left out: a role changed during the measurement" >&2
            continue
        fi
        line=$(awk -v r="$r" -v w="$who" -v p="$role" -v m="$m" -v b="$b" -v t="$tx" -v x="$rx" \
            'BEGIN { printf "%d %s %s %.2f %.2f", r, w, p, m / t, b / x }')
        echo "$line"
        results+="$line"$'\n'
    done
done
echo
# Medians per build and policy; the change against the first build's same policy, per round.
awk -v first="${BUILDS[0]}" '
function median(list,   v, k, t, i, j) {
    k = split(list, v, " ")
    for (i = 2; i <= k; i++) { t = v[i]; for (j = i - 1; j > 0 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
}
NF == 5 {
    key = $2 " " $3; sent[key] = sent[key] " " $4; recv[key] = recv[key] " " $5; keys[key] = 1
    m[$1, key] = $4; b[$1, key] = $5; rounds[$1] = 1
}
END {
    for (key in keys) {
        split(key, kp, " "); ref = first " " (kp[1] == "keepalived" ? (kp[2] == "keepalived" ? "batond_normal" : "batond") : kp[2])
        line = sprintf("%-60s master %6.1f backup %6.1f", key, median(sent[key]), median(recv[key]))
        if (key != ref && (ref in keys)) {
            dm = ""; db = ""; lm = 0; lb = 0; c = 0
            for (r in rounds) if (((r, key) in m) && ((r, ref) in m)) {
                dm = dm " " (m[r, key] / m[r, ref] - 1) * 100; db = db " " (b[r, key] / b[r, ref] - 1) * 100
                lm += m[r, key] < m[r, ref]; lb += b[r, key] < b[r, ref]; c++
            }
            line = line sprintf("   against %s: master %+5.1f %% (%d/%d lower), backup %+5.1f %% (%d/%d lower)", ref, median(dm), lm, c, median(db), lb, c)
        }
        print line
    }
}' <<< "$results" | sort
