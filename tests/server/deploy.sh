#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `batonctl deploy` onto two bare booted Debian 12 servers, one pair shared by every case:
#   refusals that change nothing on either server: an unknown host key declined, an OS other than
#   Debian 12, a wrong login password, a wrong sudo password, a server behind ProxyJump, a changed
#   host key;
#   a fresh pair as root through a running ssh-agent (hashed known_hosts that OpenSSH reads, both
#   agents answering over mutual TLS, no agent private key on the desktop), then "nothing to
#   change"; a new revocation list as a non-root user with sudo and a password, node 1 logging in
#   by keyboard-interactive (a reload: the VIP stays); a new control port (a restart); a rolling upgrade while a client pings the VIP every
#   10 ms (the server without the VIP first, then a graceful hand-over: at most 50 ms of outage); an
#   upgrade whose agent does not start, rolled back to the previous packages exactly;
#   then, from bare servers again, failures mid-way rolled back exactly on both servers: a full
#   disk on the second server (node 2), and the SSH connection cut during its upload; and last the
#   window's Deploy cluster… end to end (tests/system/GuiDeploy.cpp) onto the bare pair.
source "$(dirname "$0")/deploy_lib.bash"
boot_servers
desk_setup
for n in 1 2; do
    node "$n" sh -c 'useradd -m -s /bin/sh -G sudo admin && echo admin:admin-login | chpasswd'
done
save_state bare
FP1=$(fingerprint 1)
FP2=$(fingerprint 2)

# --- refusals ---------------------------------------------------------------------------------
deploy --yes <<< "no"
expect_rc 3 "host key declined"
said "was not trusted; nothing was changed" || die "the declined host key is not reported"
said "ssh-keygen -l -E sha256 -f /etc/ssh/ssh_host_ed25519_key.pub" || die "the server-side command is not shown"
said "$FP1" || die "the fingerprint $FP1 is not shown"
[[ ! -s $DESK/.ssh/known_hosts ]] || die "a declined key was written to known_hosts"
same_state bare "host key declined"
pass "an unknown host key declined: nothing changed, the fingerprint and the command to compare shown"

# /etc/os-release is a symbolic link: kept as one, replaced by a file, then put back.
cp -a "$(node_file 2 /etc/os-release)" "$WORK/os-release"
sed -i -e 's/^VERSION_ID=.*/VERSION_ID="11"/' -e 's/^PRETTY_NAME=.*/PRETTY_NAME="Debian GNU\/Linux 11 (bullseye)"/' \
    "$(node_file 2 /etc/os-release)"
save_state os
deploy --yes <<< $'yes\nyes'
expect_rc 3 "Debian 11"
said "Debian GNU/Linux 11 (bullseye) (ID=debian, VERSION_ID=11); only Debian 12 is supported" || die "the OS refusal does not say what it found"
same_state os "another OS"
rm "$(node_file 2 /etc/os-release)"
cp -a "$WORK/os-release" "$(node_file 2 /etc/os-release)"
[[ $(grep -c '^|1|' "$DESK/.ssh/known_hosts") == 2 ]] || die "known_hosts does not hold two hashed entries"
pass "an OS other than Debian 12 refused with what was found; both host keys now trusted, hashed"

NO_AGENT=1 SERVERS="admin@node1 admin@node2" deploy --yes <<< $'wrong\nwrong\nwrong'
expect_rc 3 "wrong password"
said "refused every way to log in as admin@192.0.2.11 (tried: password)" || die "the wrong password is not reported"
same_state bare "wrong password"
NO_AGENT=1 SERVERS="admin@node1 admin@node2" deploy --yes <<< $'admin-login\nnot-the-password'
expect_rc 3 "wrong sudo password"
said "sudo on node1 refused the password for admin" || die "the wrong sudo password is not reported"
same_state bare "wrong sudo password"
grep -rq "admin-login\|not-the-password" "$DESK" && die "a password was written on the desktop"
pass "a wrong login password and a wrong sudo password refused, nothing changed"

# libssh has no ProxyJump: a server behind a jump host is refused by name before anything changes.
cat >> "$DESK/.ssh/config" << EOT
Host jumped
    HostName 192.0.2.12
    ProxyJump node1
EOT
SERVERS="node1 jumped" deploy --yes < /dev/null
expect_rc 3 "ProxyJump"
said "jumped is reached through 'node1' in ~/.ssh/config, and jump hosts are not supported" ||
    die "the ProxyJump refusal does not name the jump host"
same_state bare "ProxyJump"
pass "a server behind ProxyJump refused by name, nothing changed"

# --- a fresh pair by key through ssh-agent --------------------------------------------------------
t0=$(now_ms)
SHOW_LINES=30 deploy --yes < /dev/null
expect_rc 0 "fresh pair"
elapsed=$(($(now_ms) - t0))
said "install batond" || die "the plan did not say it installs"
grep -n "node2: install\|node1: install" "$WORK/deploy.out" | head -n 2 | sed 's/^/#   /'
first=$(grep -m1 -o "^node[12]: install" "$WORK/deploy.out")
[[ $first == "node1: install" ]] || die "the intended MASTER (node 1) was not deployed first: $first"
for n in 1 2; do
    agent_active "$n" || die "batond is not active on node $n"
    [[ $(node "$n" stat -c '%a %U' /etc/baton/pki/agent.key) == "600 root" ]] || die "node $n: agent.key is not 0600 root"
    [[ $(node "$n" stat -c '%a' /etc/baton/batond.conf) == 600 ]] || die "node $n: batond.conf is not 0600"
done
wait_until 8 has_vip 1 || die "node 1 does not hold the VIP"
ip netns exec "$C" "$BATONCTL" --agent 192.0.2.12 --pki "$PKI" --console desk status > "$WORK/status2" || die "node 2's agent does not answer"
matches BACKUP < "$WORK/status2" || die "node 2 is not BACKUP"
# OpenSSH itself reads the hashed entries the deployment wrote.
ip netns exec "$C" env HOME="$DESK" SSH_AUTH_SOCK="$AGENT_SOCK" ssh -F "$DESK/.ssh/config" \
    -o UserKnownHostsFile="$DESK/.ssh/known_hosts" -o StrictHostKeyChecking=yes -o BatchMode=yes node1 true \
    || die "OpenSSH does not accept the known_hosts entry written by the deployment"
keys=$(grep -rl "PRIVATE KEY" "$DESK" | sort | tr '\n' ' ')
[[ $keys == "$PKI/ca.key $PKI/consoles/desk.key " ]] || die "private keys on the desktop: $keys"
[[ -f $PKI/agents/node1.crt && -f $PKI/agents/node2.crt ]] || die "the agents' certificates are not kept in the PKI"
pass "fresh pair through ssh-agent in $elapsed ms: both agents answer over mutual TLS, no agent key on the desktop"

save_state deployed
deploy --yes < /dev/null
expect_rc 0 "re-run"
said "nothing to change" || die "a re-run does not say 'nothing to change'"
same_state deployed "re-run"
pass "a re-run changes nothing and says so"

# --- the changed host key ---------------------------------------------------------------------------
cp "$DESK/.ssh/known_hosts" "$WORK/known_hosts"
ssh-keygen -q -t ed25519 -N '' -f "$WORK/other"
ssh-keygen -R 192.0.2.11 -f "$DESK/.ssh/known_hosts" > /dev/null 2>&1
echo "192.0.2.11 $(cut -d' ' -f1,2 "$WORK/other.pub")" >> "$DESK/.ssh/known_hosts"
deploy --yes < /dev/null
expect_rc 3 "changed host key"
said "host key of node1 has CHANGED" || die "the changed key is not reported as such"
same_state deployed "changed host key"
cp "$WORK/known_hosts" "$DESK/.ssh/known_hosts"
pass "a changed host key is a hard stop"

# --- a change as admin with sudo and a password: a new revocation list is a reload, the VIP stays ---
"$BATONCTL" pki issue-console "$PKI" old-laptop > /dev/null
"$BATONCTL" pki revoke "$PKI" old-laptop > /dev/null
pid1=$(agent_pid 1)
# node 1's sshd takes passwords only through keyboard-interactive (PAM), as many hardened servers do.
node 1 sh -c 'printf "PasswordAuthentication no\nKbdInteractiveAuthentication yes\n" > /etc/ssh/sshd_config.d/kbdint.conf && systemctl reload ssh'
NO_AGENT=1 SERVERS="admin@node1 admin@node2" SHOW_LINES=12 deploy --yes <<< $'admin-login\nadmin-login\nadmin-login\nadmin-login'
node 1 sh -c 'rm /etc/ssh/sshd_config.d/kbdint.conf && systemctl reload ssh'
expect_rc 0 "revocation list"
said "node1: Password (admin@192.0.2.11): " || die "node 1's keyboard-interactive prompt was not shown"
said "node2: Password for admin@192.0.2.12: " || die "node 2's password prompt was not shown"
said "reload (the address stays where it is" || die "the plan does not reload"
said "file keep /etc/baton/batond.conf" || die "the unchanged configuration is not kept"
[[ $(grep -c "sudo password for admin" "$WORK/deploy.out") == 2 ]] || die "the sudo password was not asked exactly once per server"
[[ $(agent_pid 1) == "$pid1" ]] || die "node 1's agent was restarted instead of reloaded"
has_vip 1 || die "the VIP moved"
cmp -s "$PKI/revoked.crl" "$(node_file 1 /var/lib/baton/revoked.crl)" || die "node 1 does not have the new revocation list"
pass "a new revocation list as admin (node 1 by keyboard-interactive, node 2 by password) with sudo: only it written, reloaded, the VIP stayed"

# A changed control port needs a restart (batond takes a new listener when it starts): the BACKUP
# first, then the MASTER hands the VIP over gracefully.
cluster_json 7113 > "$CLUSTER"
deploy --yes < /dev/null
expect_rc 0 "control port"
said "restart (a graceful hand-over" || die "the plan does not restart for a new control port"
ip netns exec "$C" "$BATONCTL" --agent 192.0.2.11:7113 --pki "$PKI" --console desk status > /dev/null || die "node 1 does not answer on 7113"
pass "a new control port: both agents restarted and answering on it"

# --- a rolling upgrade: the server without the VIP first, then the holder hands over gracefully ----
holder=1
has_vip 2 && holder=2
other=$((3 - holder))
newer=$(newer_packages "$WORK/newer")
start_probes
sleep 1
t0=$(now_ms)
PACKAGES="$WORK/newer" SHOW_LINES=3 deploy --yes < /dev/null
sleep 1
stop_probes
expect_rc 0 "rolling upgrade"
OUTAGE=$(gap "$VIP" "$t0")
LOST=$(lost "$VIP" "$t0")
first=$(grep -m1 -o "^node[12]: install" "$WORK/deploy.out")
[[ $first == "node$other: install" ]] || die "the upgrade did not start on the server without the VIP (node $other): $first"
for n in 1 2; do
    [[ $(node "$n" dpkg-query -W -f '${Version}' batond) == "$newer" ]] || die "node $n does not run $newer"
done
has_vip "$other" || die "the VIP did not move to node $other with the holder's graceful hand-over"
note "rolling upgrade to $newer: $LOST echoes to the VIP lost at 10 ms, longest gap between replies $OUTAGE ms"
# The outage is counted in echoes never answered: a busy machine delays replies by tens of ms
# without any outage, so the gap between replies alone would overstate it.
((LOST * 10 <= 50)) || die "the rolling upgrade lost $LOST echoes at 10 ms: more than 50 ms of VIP outage"
pass "rolling upgrade, node $other first then node $holder handing over: $LOST echoes lost at 10 ms (longest gap $OUTAGE ms)"

# --- a failed upgrade: the new batond does not start on the first server; the previous packages go back ---
broken=$(newer_packages "$WORK/broken" upgrade2 broken)
holder=1
has_vip 2 && holder=2
other=$((3 - holder))
save_state upgraded
PACKAGES="$WORK/broken" SHOW_LINES=14 deploy --yes < /dev/null
expect_rc 1 "broken upgrade"
said "failed on node$holder" && die "the broken upgrade went on to the VIP's holder"
said "failed on node$other" || die "the failed step on node $other is not named"
said "node$other was rolled back to where it was" || die "node $other was not rolled back"
said "node$holder was not touched" || die "node $holder is not reported untouched"
same_state upgraded "broken upgrade"
for n in 1 2; do agent_active "$n" || die "batond $newer is not active again on node $n"; done
has_vip "$holder" || die "the VIP left node $holder during the failed upgrade"
pass "an upgrade to $broken whose agent does not start: node $other back on $newer exactly, node $holder untouched"

# --- failures mid-way, rolled back exactly ----------------------------------------------------------
for n in 1 2; do
    node "$n" sh -c 'apt-get purge -y -q batond batonctl >/dev/null 2>&1; rm -rf /var/cache/baton-deploy; userdel baton 2>/dev/null; groupdel baton 2>/dev/null; true'
done
same_state bare "purged for the failure cases"
node 2 mount -t tmpfs -o size=128k tmpfs /var/tmp
save_state full
deploy --yes < /dev/null
expect_rc 1 "full disk"
said "step 'upload' failed on node2" || die "the full disk is not named as the upload step on node2"
said "node1 was rolled back to where it was" || die "node 1 was not rolled back"
same_state full "full disk"
node 2 umount /var/tmp
pass "a full disk on node 2 mid-way: node 2 and the already deployed node 1 rolled back exactly"

# The upload to node 2 slowed to ~1 Mbit/s, and its SSH session killed on the server once the
# package starts arriving.
tc -n "$C" qdisc add dev port2 root tbf rate 1mbit burst 16k latency 500ms
ip netns exec "$C" env -i PATH="$PATH" HOME="$DESK" USER=desk LANG=C.UTF-8 SSH_AUTH_SOCK="$AGENT_SOCK" \
    ${BATON_DEPLOY_HELPER:+BATON_DEPLOY_HELPER="$BATON_DEPLOY_HELPER"} "$BATONCTL" deploy "$CLUSTER" node1 node2 --packages "$DEBS" --yes < /dev/null > "$WORK/deploy.out" 2>&1 &
deploy_pid=$!
PIDS+=("$deploy_pid")
uploading() { node 2 sh -c 'ls /var/tmp/baton-deploy.*/batond_*.deb' > /dev/null 2>&1; }
wait_until 60 uploading || die "the upload to node 2 never started"
node 2 pkill -KILL -f '^sshd: root@' || die "no SSH session to cut on node 2"
tc -n "$C" qdisc del dev port2 root
DEPLOY_RC=0
wait "$deploy_pid" || DEPLOY_RC=$?
sed 's/^/#   /' "$WORK/deploy.out" | tail -n 6
expect_rc 1 "connection cut"
said "step 'upload' failed on node2" || die "the cut is not named as the upload step on node2"
said "was lost" || die "the lost connection is not named"
same_state bare "connection cut"
pass "the SSH connection cut during the upload: reconnected, both servers rolled back exactly"

# --- the window, end to end: Cluster → Deploy cluster… onto the bare pair as admin, logging in with a
# passphrase-protected key, both host keys new again, sudo with a password; then the node cards live.
[[ -x ${GUI_DEPLOY:-} ]] || die "set GUI_DEPLOY to the gui_deploy test program (built with the window)"
rm -f "$DESK/.ssh/known_hosts"
install -m 0600 "$SSH_KEY" "$DESK/.ssh/id_ed25519"
install -m 0644 "$SSH_KEY.pub" "$DESK/.ssh/id_ed25519.pub"
ssh-keygen -q -p -P '' -N desk-passphrase -f "$DESK/.ssh/id_ed25519"
for n in 1 2; do
    node "$n" sh -c 'install -d -m 0700 -o admin -g admin ~admin/.ssh && install -m 0600 -o admin -g admin /root/.ssh/authorized_keys ~admin/.ssh/'
done
t0=$(now_ms)
ip netns exec "$C" env -i PATH="$PATH" HOME="$DESK" USER=desk LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    XDG_RUNTIME_DIR="$WORK" "$GUI_DEPLOY" "$CLUSTER" admin@node1 admin@node2 "$DEBS" "$FP1" "$FP2" \
    desk-passphrase admin-login ${BATON_SCREENSHOTS:+"$BATON_SCREENSHOTS"} > "$WORK/gui.out" 2>&1 || {
    cat "$WORK/gui.out" >&2
    die "the window's deployment failed"
}
grep '^#' "$WORK/gui.out" | grep -v 'propagateSizeHints' | sed 's/^/#   /' | tail -n 8
for n in 1 2; do agent_active "$n" || die "batond is not active on node $n after the window's deployment"; done
pass "from the window, bare servers to live agents in the window in $(($(now_ms) - t0)) ms: fingerprints, passphrase and sudo asked"
