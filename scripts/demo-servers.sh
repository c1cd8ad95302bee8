#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Two bare Debian 12 servers booted in network namespaces (tests/server: systemd-nspawn, sshd, no
# Baton) and the Baton window ready to deploy onto them: Cluster → Deploy cluster… with the servers
# node1 and node2 (aliases of a demo ~/.ssh/config, root by the key in a demo ssh-agent) and the
# packages from scripts/package.sh. Closing the window powers the servers off and removes them.
#   scripts/demo-servers.sh BUILD-DIR DEBS-DIR [--screenshot-dir DIR]
# With --screenshot-dir the window deploys by itself offscreen (the end-to-end test's program) and
# saves its pictures there.
set -euo pipefail
build=$(cd "$1" && pwd)
debs=$(cd "$2" && pwd)
shift 2
export BATOND=$build/agent/batond BATONCTL=$build/agent/batonctl/batonctl
export BATON_DEBS=$debs BATON_SERVER_IMAGE=$build/server-image
export NETNS_TEST_TIMEOUT=$((7 * 24 * 3600)) # a demo runs as long as its window
source "$(dirname "$0")/../tests/server/deploy_lib.bash"
boot_servers
desk_setup
note "two bare Debian 12 servers: node1 192.0.2.11, node2 192.0.2.12 (VIP $VIP); desktop HOME $DESK"
if [[ ${1:-} == --screenshot-dir ]]; then
    shots=$(realpath -m "${2:?--screenshot-dir needs a folder}")
    mkdir -p "$shots"
    for n in 1 2; do node "$n" sh -c 'useradd -m -s /bin/sh -G sudo admin && echo admin:admin-login | chpasswd'; done
    install -m 0600 "$SSH_KEY" "$DESK/.ssh/id_ed25519"
    install -m 0644 "$SSH_KEY.pub" "$DESK/.ssh/id_ed25519.pub"
    ssh-keygen -q -p -P '' -N desk-passphrase -f "$DESK/.ssh/id_ed25519"
    for n in 1 2; do
        node "$n" sh -c 'install -d -m 0700 -o admin -g admin ~admin/.ssh && install -m 0600 -o admin -g admin /root/.ssh/authorized_keys ~admin/.ssh/'
    done
    ip netns exec "$C" env -i PATH="$PATH" HOME="$DESK" USER=desk LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        XDG_RUNTIME_DIR="$WORK" "$build/tests/gui_deploy" "$CLUSTER" admin@node1 admin@node2 "$debs" \
        "$(fingerprint 1)" "$(fingerprint 2)" desk-passphrase admin-login "$shots"
    exit
fi
as_user=()
if [[ -n ${SUDO_USER:-} && ${SUDO_USER} != root ]]; then
    chown -R "$SUDO_USER" "$WORK"
    chmod 755 "$WORK"
    as_user=(runuser -u "$SUDO_USER" -- env "DISPLAY=${DISPLAY:-}" "XAUTHORITY=${XAUTHORITY:-}"
        "WAYLAND_DISPLAY=${WAYLAND_DISPLAY:-}" "XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-}")
fi
note "in the window: Cluster → Deploy cluster…, servers node1 and node2, Deploy"
set +e
ip netns exec "$C" "${as_user[@]}" env HOME="$DESK" SSH_AUTH_SOCK="$AGENT_SOCK" BATON_PACKAGES="$debs" \
    "$build/gui/baton" --cluster "$CLUSTER"
status=$?
set -e
note "powering the servers off"
exit $status
