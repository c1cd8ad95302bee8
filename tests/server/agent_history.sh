#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The agent's history (STATE-DIR/events.jsonl, the `history` verb) on two booted Debian 12 servers
# running the packaged batond from /etc/baton/batond.conf with its control channel, asked for with
# the packaged batonctl from the other server:
# - it survives `systemctl restart batond` and a reboot of the server, in order, with the agent's
#   stop and start in it;
# - with a full journal (a day of older events in front of the real ones, the file just under
#   the size at which it is rewritten) and 100 more commands (a read-only console's refused
#   link-up, which changes nothing on the pair) it holds the newest 2000 events, the oldest gone,
#   and its file is rewritten to that; also across another restart;
# - a read-only console gets exactly what an operator gets.
source "$(dirname "$0")/lib.sh"
version=${BATON_VERSION:?set BATON_VERSION to the version in CMakeLists.txt}
boot_servers
for n in 1 2; do install_agent "$n"; done

# The control channel's PKI, made on node 1 with the packaged batonctl; node 1 is the console.
node 1 batonctl pki init /root/pki --name history-ca > /dev/null || die "pki init failed"
for n in 1 2; do node 1 batonctl pki issue-agent /root/pki "node$n" "192.0.2.1$n" > /dev/null || die "issue-agent node$n failed"; done
node 1 batonctl pki issue-console /root/pki admin --operator > /dev/null || die "issue-console admin failed"
node 1 batonctl pki issue-console /root/pki viewer > /dev/null || die "issue-console viewer failed"
pki=$(node_file 1 /root/pki)
for n in 1 2; do
    etc=$(node_file "$n" /etc/baton)
    install -d -m 0700 "$etc/pki"
    install -m 0644 "$pki/ca.crt" "$etc/pki/ca.crt"
    install -m 0644 "$pki/agents/node$n.crt" "$etc/pki/agent.crt"
    install -m 0600 "$pki/agents/node$n.key" "$etc/pki/agent.key"
    cat > "$etc/batond.conf" <<EOT
[control]
listen   = 192.0.2.1$n:7112
tls-ca   = /etc/baton/pki/ca.crt
tls-cert = /etc/baton/pki/agent.crt
tls-key  = /etc/baton/pki/agent.key
[vhid 1]
interface = eth0
source    = 192.0.2.1$n
vip       = $VIP/24
password  = some_password
advbase   = 1
advskew   = $n
EOT
done
node 1 systemctl restart batond
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
node 2 systemctl restart batond
wait_until 5 agent_active 2 || die "batond on node 2 is not active"

# hctl CONSOLE ARGS...: batonctl on node 1 against node 2's agent.
hctl() {
    local console=$1
    shift
    node 1 batonctl --agent 192.0.2.12 --pki /root/pki --console "$console" "$@"
}
# history CONSOLE FILE: node 2's whole history, one line per event.
history() {
    hctl "$1" history --lines 2000 > "$2" || die "history refused for $1: $(cat "$2")"
}
# in_order FILE TEXT...: each TEXT on a line after the previous one's.
in_order() {
    local file=$1 line=0 want found
    shift
    for want in "$@"; do
        found=$(awk -v from="$line" -v want="$want" 'NR > from && index($0, want) { print NR; exit }' "$file")
        [[ -n $found ]] || die "node 2's history lacks '$want' after line $line: $(tail -n 20 "$file")"
        line=$found
    done
}
wait_until 8 hctl admin status > /dev/null 2>&1 || die "node 2's control channel does not answer"

# A restart: the command before it, the stop and the new start after it.
hctl admin link-up eth0 > /dev/null || die "link-up refused"
node 2 systemctl restart batond
wait_until 8 hctl admin status > /dev/null 2>&1 || die "node 2's control channel did not come back after the restart"
history admin "$WORK/restart.txt"
in_order "$WORK/restart.txt" "batond $version started" "INIT → BACKUP" "admin asked for link-up eth0" \
    "batond stopping (signal 15)" "batond $version started" "INIT → BACKUP"
pass "history across systemctl restart batond ($(wc -l < "$WORK/restart.txt") events)"

# A reboot of the server.
t0=$(now_ms)
node 2 systemctl reboot || true # the reply may be cut off by the shutdown it started
booted_again() { [[ $(grep -c "=== rebooting" "$WORK/node2/console.log") == 1 ]] && node_running 2; }
wait_until 90 booted_again || die "node 2 did not boot again within 90 s"
wait_until 15 hctl admin status > /dev/null 2>&1 || die "node 2's control channel did not come back after the reboot"
note "node 2 rebooted (the container restarted by its own reboot) and answered again after $(($(now_ms) - t0)) ms"
history admin "$WORK/reboot.txt"
in_order "$WORK/reboot.txt" "batond $version started" "admin asked for link-up eth0" "batond stopping (signal 15)" \
    "batond $version started" "batond stopping (signal 15)" "batond $version started" "INIT → BACKUP"
pass "history across a reboot of the server ($(wc -l < "$WORK/reboot.txt") events)"

# A read-only console sees the same.
history viewer "$WORK/viewer.txt"
cmp -s "$WORK/reboot.txt" "$WORK/viewer.txt" || die "the read-only console's history differs: $(diff "$WORK/reboot.txt" "$WORK/viewer.txt" | head)"
pass "a read-only console gets the same history as an operator"

# Bounded. A node that has run for long has a full journal whose file is close to the size at
# which it is rewritten (twice the 2000 kept): made here with a day of older events in the agent's
# own format in front of the real ones. Then 100 real refused commands from the read-only console
# (each one event) go past the 2000 and past the file's limit.
journal_file=$(node_file 2 /var/lib/baton/events.jsonl)
node 2 systemctl stop batond
template=$(grep -m1 '"verb":"link-up"' "$journal_file") || die "no link-up command in events.jsonl: $(head -n 3 "$journal_file")"
template=${template//\"by\":\"admin\"/\"by\":\"old-console\"}
before=${template%%\"time\":*}\"time\":
after=${template#*\"time\":}
after=${after#"${after%%[!0-9]*}"}
real=$(wc -l < "$journal_file")
fill=$((3950 - real))
day_ago=$(($(now_ms) - 86400000))
{
    for ((i = 0; i < fill; i++)); do printf '%s%d%s\n' "$before" $((day_ago + i * 1000)) "$after"; done
    cat "$journal_file"
} > "$WORK/events.jsonl"
cat "$WORK/events.jsonl" > "$journal_file" # its owner and mode kept
node 2 systemctl start batond
wait_until 8 hctl admin status > /dev/null 2>&1 || die "node 2's control channel did not come back with the full journal"
history admin "$WORK/full.txt"
events=$(wc -l < "$WORK/full.txt")
((events == 2000)) || die "with $((fill + real)) events in its file node 2's history holds $events, not the newest 2000"
in_order "$WORK/full.txt" "old-console asked for link-up eth0" "batond $version started" "admin asked for link-up eth0" \
    "batond stopping (signal 15)" "batond $version started"
full_lines=$(wc -l < "$journal_file")
((full_lines > 3900)) || die "events.jsonl has only $full_lines lines before the flood"

flood=100
t0=$(now_ms)
node 1 sh -c "for i in \$(seq $flood); do batonctl --agent 192.0.2.12 --pki /root/pki --console viewer link-up eth0 > /dev/null 2>&1 || :; done"
took=$(($(now_ms) - t0))
note "$flood commands in $took ms ($((took / flood)) ms each, a TLS connection each)"
history admin "$WORK/flood.txt"
events=$(wc -l < "$WORK/flood.txt")
((events == 2000)) || die "after the flood node 2's history holds $events events, not the newest 2000"
refused=$(grep -c "viewer asked for link-up eth0: refused" "$WORK/flood.txt") || true
((refused == flood)) || die "node 2's history holds $refused of the $flood refused commands"
newest=$(tail -n "$flood" "$WORK/flood.txt" | grep -c "viewer asked for link-up eth0: refused") || true
((newest == flood)) || die "the flood's events are not the newest $flood: $(tail -n "$flood" "$WORK/flood.txt" | grep -v viewer | head -n 3)"
[[ $(head -n 1 "$WORK/flood.txt") == *"old-console asked"* ]] || die "the oldest kept is not an old event: $(head -n 1 "$WORK/flood.txt")"
# The history verb returns at most 2000 whatever the agent holds, so the bound shows in the file:
# the append that would make it 4000 lines rewrites it with what the agent holds, the 2000 newest,
# and the rest of the flood is appended after them. The oldest events are gone from it.
rewritten_at=$((2 * 2000 - full_lines + 1))
lines=$(wc -l < "$journal_file")
((lines == 2000 + flood - rewritten_at)) ||
    die "events.jsonl has $lines lines after the flood, not $((2000 + flood - rewritten_at)): not rewritten with the newest 2000 at the ${rewritten_at}th command (or other events came meanwhile)"
first=$(head -n 1 "$journal_file")
[[ $first == *'"by":"old-console"'* && $first != "$(head -n 1 "$WORK/events.jsonl")" ]] ||
    die "events.jsonl still starts with its oldest event, or not with an old one: $first"
bytes=$(stat -c %s "$journal_file")
note "events.jsonl: $full_lines lines before the flood, $lines lines ($bytes bytes) after it"
pass "bounded: the newest 2000 of $((full_lines + flood)) events kept, the file rewritten from $full_lines to $lines lines"

# Still bounded, and still the newest, after another restart.
node 2 systemctl restart batond
wait_until 8 hctl admin status > /dev/null 2>&1 || die "node 2's control channel did not come back after the last restart"
history admin "$WORK/after.txt"
events=$(wc -l < "$WORK/after.txt")
((events == 2000)) || die "after the restart node 2's history holds $events events, not 2000"
in_order "$WORK/after.txt" "viewer asked for link-up eth0: refused" "batond stopping (signal 15)" "batond $version started"
lines=$(wc -l < "$journal_file")
((lines <= 2000 + flood + 10)) || die "events.jsonl has $lines lines after the restart"
has_vip 1 || die "node 1 lost the VIP during the test"
[[ $(vip_holders) == 1 ]] || die "two VIP holders"
pass "still the newest 2000 after another restart (events.jsonl $lines lines)"
