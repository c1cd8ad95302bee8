#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A lost console certificate is revoked: `batonctl pki revoke` signs a new list, `push-revocations`
# hands it to the agent, the revoked console's open session is closed and it is refused at the
# handshake from then on, other consoles carry on, the agent keeps the list across a restart, and
# a list from another CA or an older one is refused. New consoles are read-only unless asked.
source "$(dirname "$0")/lib.sh"
start_control_pair
"$BATONCTL" pki issue-console "$WORK/pki" carol --operator > /dev/null
"$BATONCTL" pki issue-console "$WORK/pki" dave > /dev/null
grep -q . < <(openssl x509 -in "$WORK/pki/consoles/dave.crt" -noout -subject | grep 'OU = read-only') ||
    die "a console issued without --operator is not read-only"
wait_until 5 ctl 1 status > /dev/null 2>&1 || die "node 1's control channel did not answer"
CONSOLE=carol ctl 1 status > /dev/null || die "carol cannot connect before the revocation"
# Carol's tool of choice stays connected: a watch.
CONSOLE=carol ctl 1 watch > "$WORK/carol-watch.txt" 2>&1 &
WATCH=$!
sleep 1
kill -0 "$WATCH" || die "carol's watch did not stay connected"
cp "$WORK/pki/consoles/carol.crt" "$WORK/pki/consoles/carol.key" "$WORK/" # the copy someone stole

"$BATONCTL" pki revoke "$WORK/pki" carol > "$WORK/revoke.txt" || die "revoke failed: $(cat "$WORK/revoke.txt")"
grep -q 'list 1' "$WORK/revoke.txt" || die "revoke: $(cat "$WORK/revoke.txt")"
ctl 1 push-revocations > "$WORK/push.txt" || die "push-revocations refused: $(cat "$WORK/push.txt")"
wait_until 3 bash -c "! kill -0 $WATCH 2> /dev/null" || die "carol's open session was not closed"
wait "$WATCH" 2> /dev/null || true
grep -q 'revoked' "$WORK/carol-watch.txt" || die "carol was not told why: $(tail -3 "$WORK/carol-watch.txt")"
pass "revoked, pushed: carol's open session closed ($(tail -1 "$WORK/carol-watch.txt"))"

# The stolen copy is refused at the handshake; the administrator carries on.
cp "$WORK/carol.crt" "$WORK/carol.key" "$WORK/pki/consoles/"
if CONSOLE=carol ctl 1 status > /dev/null 2> "$WORK/carol.err"; then die "the revoked certificate still gets in"; fi
grep -q 'revoked' "$WORK/carol.err" || die "refusal: $(cat "$WORK/carol.err")"
ctl 1 status > /dev/null || die "admin was refused too"
grep -q 'closing the session of carol' "$WORK/batond1.log" || die "the agent did not log the closed session"
pass "the revoked certificate is refused at the handshake; admin unaffected"

# Kept across a restart of the agent.
kill -TERM "${BATOND_PID[1]}"
wait "${BATOND_PID[1]}" || die "batond 1 did not stop cleanly"
start_batond 1 --config "$WORK/batond1.conf"
wait_until 8 ctl 1 status > /dev/null 2>&1 || die "node 1's control channel did not come back"
if CONSOLE=carol ctl 1 status > /dev/null 2>&1; then die "the revocation was forgotten over a restart"; fi
grep -q 'revocation list 1 in force (1 certificates)' "$WORK/batond1.log" || die "the list was not read at start"
pass "the revocation survives a restart of the agent"

# Lists the agent must refuse: another CA's, and an older one of ours.
"$BATONCTL" pki init "$WORK/other" > /dev/null
"$BATONCTL" pki issue-console "$WORK/other" mallory > /dev/null
"$BATONCTL" pki revoke "$WORK/other" mallory > /dev/null
cp "$WORK/pki/revoked.crl" "$WORK/list1.crl"
cp "$WORK/other/revoked.crl" "$WORK/pki/revoked.crl"
if ctl 1 push-revocations 2> "$WORK/other.err"; then die "a list from another CA was taken"; fi
grep -q 'revocation-refused' "$WORK/other.err" || die "other CA: $(cat "$WORK/other.err")"
cp "$WORK/list1.crl" "$WORK/pki/revoked.crl"
"$BATONCTL" pki revoke "$WORK/pki" dave > /dev/null
ctl 1 push-revocations > /dev/null || die "list 2 refused"
cp "$WORK/list1.crl" "$WORK/pki/revoked.crl"
if ctl 1 push-revocations 2> "$WORK/older.err"; then die "an older list replaced a newer one"; fi
grep -q 'revocation-refused' "$WORK/older.err" || die "older list: $(cat "$WORK/older.err")"
CONSOLE=viewer ctl 1 status > /dev/null || die "viewer refused"
if CONSOLE=viewer ctl 1 push-revocations 2> "$WORK/ro.err"; then die "a read-only console pushed a list"; fi
grep -q 'not-permitted' "$WORK/ro.err" || die "read-only push: $(cat "$WORK/ro.err")"
pass "refused: another CA's list, an older list, a read-only console's push"
