#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What the deployment tests share, on top of lib.sh: the administrator's desktop (a HOME of its own
# with ~/.ssh/config aliases that hash known_hosts, an ssh-agent holding the key the servers
# trust, the cluster's PKI and definition), `batonctl deploy` run from the client namespace, and a
# snapshot of each server (package list, files under /etc and the deployment's folders with their
# checksums, enabled units) to prove that a refusal or a rollback left it exactly as it was.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DESK="$WORK/desk"
PKI="$DESK/pki"
CLUSTER="$DESK/cluster.json"
AGENT_SOCK="$WORK/ssh-agent.sock"

desk_setup() {
    install -d -m 0700 "$DESK" "$DESK/.ssh"
    cat > "$DESK/.ssh/config" <<EOT
Host node1
    HostName 192.0.2.11
Host node2
    HostName 192.0.2.12
Host node*
    User root
    HashKnownHosts yes
EOT
    "$BATONCTL" pki init "$PKI" --name "deploy test CA" > /dev/null
    "$BATONCTL" pki issue-console "$PKI" desk --operator > /dev/null
    cluster_json 7112 > "$CLUSTER"
    # The key the servers trust, only in the agent: no identity file in the desktop's ~/.ssh.
    ssh-agent -a "$AGENT_SOCK" > "$WORK/ssh-agent.env"
    PIDS+=("$(sed -n 's/^SSH_AGENT_PID=\([0-9]*\);.*/\1/p' "$WORK/ssh-agent.env")")
    SSH_AUTH_SOCK="$AGENT_SOCK" ssh-add -q "$SSH_KEY" 2> /dev/null
}

# cluster_json PORT: the pair's definition with the agents' control port (node 2 the intended BACKUP).
cluster_json() {
    cat <<EOT
{"name": "deployed pair", "vip": "$VIP/24", "vhid": 1, "password": "deploy_password", "advbase": 1,
 "preempt": false, "deadratio": 3, "pkiDir": "$PKI", "console": "desk",
 "nodes": [{"name": "node1", "address": "192.0.2.11", "agentPort": $1, "interface": "eth0", "advskew": 0},
           {"name": "node2", "address": "192.0.2.12", "agentPort": $1, "interface": "eth0", "advskew": 100}]}
EOT
}

# deploy [ARGS...]: batonctl deploy from the desktop to SERVERS (default "node1 node2") with the
# packages in PACKAGES (default: the built ones); stdin
# answers the questions. Output in
# $WORK/deploy.out, exit status in DEPLOY_RC.
deploy() {
    local agent=() rc=0 servers
    read -r -a servers <<< "${SERVERS:-node1 node2}"
    [[ -n ${NO_AGENT:-} ]] || agent=(SSH_AUTH_SOCK="$AGENT_SOCK")
    ip netns exec "$C" env -i PATH="$PATH" HOME="$DESK" USER=desk LANG=C.UTF-8 "${agent[@]}" \
        ${BATON_DEPLOY_HELPER:+BATON_DEPLOY_HELPER="$BATON_DEPLOY_HELPER"} \
        "$BATONCTL" deploy "$CLUSTER" "${servers[@]}" --packages "${PACKAGES:-$DEBS}" "$@" \
        > "$WORK/deploy.out" 2>&1 || rc=$?
    DEPLOY_RC=$rc
    sed 's/^/#   /' "$WORK/deploy.out" | tail -n "${SHOW_LINES:-6}"
}

# The fingerprint node N's sshd shows first (libssh prefers ed25519).
fingerprint() { ssh-keygen -l -E sha256 -f "$(node_file "$1" /etc/ssh/ssh_host_ed25519_key.pub)" | cut -d' ' -f2; }

# snapshot N: node N's state as the tests compare it. What a running agent writes by itself (its
# counter memory, event journal and state, whenever it likes) is left out, and so is the private
# /var/tmp folder systemd makes anew for each start of a unit.
snapshot() {
    node "$1" sh -c '
        dpkg-query -W -f "\${Package} \${Version} \${db:Status-Abbrev}\n" | sort
        set -f # the patterns below are for find
        own="-path /var/lib/baton/counters* -o -path /var/lib/baton/events.jsonl* -o -path /var/lib/baton/state.json*"
        find /etc /var/lib/baton /var/cache/baton-deploy /var/backups/baton-deploy /var/tmp -xdev \
            \( -name "*-" -o -name .pwd.lock -o -path /etc/ld.so.cache -o -name "systemd-private-*" -o $own \) -prune -o -printf "%p %m %u:%g\n" 2>/dev/null | sort
        find /etc /var/lib/baton -xdev -type f ! -name "*-" ! -name .pwd.lock ! \( $own \) -exec sha256sum {} + 2>/dev/null | sort
        systemctl list-unit-files --state=enabled --no-legend | sort'
}
save_state() { snapshot 1 > "$WORK/state1.$1"; snapshot 2 > "$WORK/state2.$1"; }
# same_state NAME WHAT: both servers are as in save_state NAME.
same_state() {
    local n
    for n in 1 2; do
        snapshot "$n" > "$WORK/state$n.now"
        diff "$WORK/state$n.$1" "$WORK/state$n.now" > "$WORK/state$n.diff" || {
            head -n 20 "$WORK/state$n.diff" >&2
            die "$2: node $n is not as it was"
        }
    done
}
expect_rc() { # expect_rc RC WHAT
    [[ $DEPLOY_RC == "$1" ]] || { cat "$WORK/deploy.out" >&2; die "$2: batonctl deploy exited $DEPLOY_RC, expected $1"; }
}
said() { matches "$@" < "$WORK/deploy.out"; }

# newer_packages DIR [SUFFIX [BROKEN]]: the built packages repacked as version VERSION+SUFFIX
# (default upgrade1) into DIR; with BROKEN, a batond that refuses to start (as a bad build would).
newer_packages() {
    local dir=$1 suffix=${2:-upgrade1} broken=${3:-} p version
    version=$(dpkg-deb -f "$(deb batond)" Version)
    mkdir -p "$dir"
    for p in batond batonctl; do
        rm -rf "$WORK/repack"
        dpkg-deb -R "$(deb $p)" "$WORK/repack"
        sed -i "s/^Version: .*/Version: $version+$suffix/" "$WORK/repack/DEBIAN/control"
        if [[ -n $broken && $p == batond ]]; then
            printf '#!/bin/sh\necho "batond: this build is broken" >&2\nexit 1\n' > "$WORK/repack/usr/sbin/batond"
            (cd "$WORK/repack" && find usr -type f -exec md5sum {} + > DEBIAN/md5sums)
        fi
        dpkg-deb -b -Zgzip "$WORK/repack" "$dir/${p}_$version+${suffix}_$(dpkg-deb -f "$(deb $p)" Architecture).deb" > /dev/null
    done
    echo "$version+$suffix"
}
