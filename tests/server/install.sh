#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The built packages on two booted Debian 12 servers: sshd answers, `apt install ./batond_*.deb
# ./batonctl_*.deb` works without a mirror, and the unconfigured agent is idle, not failed: nothing
# started, `systemctl status` says it waits for its configuration, no address or link touched.
# Both programs print the version the packages carry. Remove keeps the configuration and the
# certificates; purge removes them and the state folder.
source "$(dirname "$0")/lib.sh"
boot_servers
for n in 1 2; do
    [[ $(node_ssh "$n" systemctl is-system-running) == running ]] || die "sshd on node $n did not answer"
done
pass "both servers run systemd and answer over SSH"

version=${BATON_VERSION:?set BATON_VERSION to the version in CMakeLists.txt}
eth0() { node "$1" sh -c 'ip -o link show dev eth0 | grep -o "<[^>]*>"; ip -4 -o addr show dev eth0 | cut -d" " -f7'; }
for n in 1 2; do
    before=$(eth0 "$n")
    install_agent "$n"
    [[ $(node "$n" dpkg-query -W -f '${Version}' batond) == "$version" ]] || die "node $n: batond is not version $version"
    state=$(node "$n" systemctl is-active batond) || true
    [[ $state == inactive ]] || die "node $n: the unconfigured agent is '$state', not inactive"
    node "$n" systemctl is-failed --quiet batond && die "node $n: the unconfigured agent failed"
    node "$n" systemctl is-enabled --quiet batond || die "node $n: batond is not enabled"
    status=$(node "$n" systemctl status batond) || true
    matches "not configured yet" <<<"$status" || die "node $n: systemctl status does not say why: $status"
    node "$n" pgrep -x batond > /dev/null && die "node $n: batond runs without a configuration"
    [[ $(eth0 "$n") == "$before" ]] || die "node $n: eth0 changed without a configuration"
    for program in batond batonctl; do
        out=$(node "$n" "$program" --version)
        [[ $out == "$program $version" ]] || die "node $n: '$program --version' says '$out', not '$program $version'"
    done
done
note "systemctl status of an unconfigured agent:"
node 1 systemctl status batond --no-pager | sed 's/^/#   /' || true
pass "installed on both servers, idle and not failed before configuration, version $version"

# Remove, then purge, on node 2: a configuration and its certificates, and the state folder.
node 2 sh -c 'mkdir -p /etc/baton/pki && echo "# mine" > /etc/baton/batond.conf && echo key > /etc/baton/pki/agent.key'
node 2 sh -c 'mkdir -p /var/lib/baton && echo "{}" > /var/lib/baton/state.json'
node 2 apt-get remove -y batond > "$WORK/remove.log" 2>&1 || die "apt remove failed"
node 2 test -e /usr/sbin/batond && die "remove left the program"
node 2 test -f /etc/baton/batond.conf || die "remove deleted the configuration"
node 2 test -f /etc/baton/pki/agent.key || die "remove deleted the certificates"
node 2 test -f /etc/default/batond || die "remove deleted /etc/default/batond"
node 2 apt-get purge -y batond > "$WORK/purge.log" 2>&1 || die "apt purge failed"
for path in /etc/baton /var/lib/baton /etc/default/batond; do
    node 2 test -e "$path" && die "purge left $path"
done
pass "remove keeps the configuration and certificates, purge removes them and the state folder"
