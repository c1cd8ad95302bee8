#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Hooks run with ucarp's arguments without blocking the protocol (a hung hook is killed at its
# timeout while adverts keep going); SIGHUP with a broken file is refused and the running
# configuration stays; SIGHUP with a hook-only change causes no failover; SIGTERM runs the down hook.
source "$(dirname "$0")/lib.sh"
topology
cat > "$WORK/up" <<EOT
#!/bin/sh
echo "up \$*" >> "$WORK/hooks.out"
sleep 100   # a hung hook: must be killed at hook-timeout, without stopping the adverts
EOT
cat > "$WORK/down" <<EOT
#!/bin/sh
echo "down \$*" >> "$WORK/hooks.out"
EOT
chmod +x "$WORK/up" "$WORK/down"
write_conf() { # write_conf TIMEOUT [EXTRA-LINE]
    cat > "$WORK/batond1.conf" <<EOT
[vhid 1]
interface = eth0
source = 192.0.2.11
vip = $VIP/24
password = some_password
advbase = 1
advskew = 1
up-hook = $WORK/up
down-hook = $WORK/down
hook-xparam = extra
hook-timeout = $1
${2:-}

[vhid 2]
interface = eth0
source = 192.0.2.11
vip = 192.0.2.20/24
password = other_password
advbase = 1
advskew = ${3:-10}
EOT
}
write_conf 2
start_batond 1 --config "$WORK/batond1.conf"
wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
start_batond 2 --interfaces "$(seed_interfaces 2)"
wait_until 3 grep -q "^up eth0 $VIP extra$" "$WORK/hooks.out" || die "up hook not called as SCRIPT IFACE VIP XPARAM"
sleep 4 # the hung up hook is killed after 2 s; the adverts never stopped, so node 2 stays BACKUP
grep -q "timed out after 2 s" "$WORK/batond1.log" || die "the hung hook was not killed at its timeout"
has_vip 2 && die "node 2 took over while node 1's hook hung: the hook blocked the adverts"

write_conf 2 "advskew = banana"
kill -HUP "${BATOND_PID[1]}"
wait_until 3 grep -q "reload refused" "$WORK/batond1.log" || die "a broken reload was not refused"
grep -q "key 'advskew'" "$WORK/batond1.log" || die "the refused reload did not name the bad key"
kill -0 "${BATOND_PID[1]}" || die "batond died on a broken reload"
write_conf 5 "" 20 # vhid 1: hooks only (kept running); vhid 2: new advskew (replaced)
kill -HUP "${BATOND_PID[1]}"
wait_until 3 grep -q "configuration reloaded" "$WORK/batond1.log" || die "a good reload was not applied"
kill -0 "${BATOND_PID[1]}" || die "batond died on a reload that kept one group and replaced another"
wait_until 6 bash -c "ip -n $N1 -4 addr show dev eth0 | grep -q ' 192.0.2.20/'" ||
    die "the replaced group did not come back with its VIP"
sleep 2
has_vip 1 && ! has_vip 2 || die "a hook-only reload caused a failover"
(($(grep -c "BACKUP -> MASTER" "$WORK/batond2.log" || true) == 0)) || die "node 2 became MASTER during reloads"

: > "$WORK/hooks.out" # the down hook also ran at start-up: look only at what SIGTERM does
kill -TERM "${BATOND_PID[1]}"
wait "${BATOND_PID[1]}" || die "batond exited non-zero on SIGTERM"
grep -q "^down eth0 $VIP extra$" "$WORK/hooks.out" || die "down hook not run on SIGTERM"
pass "hooks non-blocking with timeout, reload refused/applied without failover, down hook on exit"
