#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Two real Debian 12 servers for the server tests: one systemd-nspawn container per node, booted
# with systemd as PID 1, sshd, journald and ifupdown, inside the netns tests' topology (each
# node's eth0 on the client's bridge, the client at .100). Built on tests/netns/lib.sh: the same
# prefix, addresses, probes, address monitors, time limit and EXIT-trap cleanup, which here also
# stops the containers and unmounts their roots.
#
# The image (debootstrap --variant=minbase, bookworm) is built once into $BATON_SERVER_IMAGE and
# reused while its package list is unchanged; each node boots an overlay of it, so a test leaves
# the image as it found it. It holds the agent package's runtime dependencies (read from the built
# .deb), so that `apt install ./batond_*.deb` needs no mirror inside the test network, plus sshd,
# net-tools (a literal ifconfig), ifupdown, ping, sudo and ucarp.
#
#   node N CMD...       run CMD on node N as on its console (nsenter into the container)
#   node_ssh N CMD...   run CMD on node N over SSH from the client, as root
#   boot_servers        build or reuse the image, boot both nodes, wait until they run
#   install_agent N     apt install the built batond and batonctl packages on node N
#   seed_servers        all of the above, then the seed's ucarp-* stanzas with batond from them
#                       under systemd: node 1 MASTER, node 2 BACKUP
NETNS_TEST_TIMEOUT=${NETNS_TEST_TIMEOUT:-400}
# tests/netns/lib.sh wants the agent binary; the servers run the packaged one.
BATOND=${BATOND:-/usr/sbin/batond}
source "$(dirname "${BASH_SOURCE[0]}")/../netns/lib.sh"

DEBS=${BATON_DEBS:-}
IMAGE=${BATON_SERVER_IMAGE:-}
MIRROR=${BATON_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SSH_KEY="$WORK/id_ed25519"
# Inside the containers: a clean environment, as on a console.
NODE_ENV=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb)
IMAGE_PACKAGES=(systemd systemd-sysv dbus openssh-server iproute2 iputils-ping net-tools ifupdown sudo ucarp)
# The client probes these three, as in the seed's manual test.
ADDRESSES=("$VIP" 192.0.2.11 192.0.2.12)

server_cleanup() {
    local status=$? n pid
    # Every step runs, whatever fails (errexit would end the handler at the first failure).
    set +e
    for n in 1 2; do
        [[ -f $WORK/node$n/wrapper.pid ]] || continue
        touch "$WORK/node$n/stop"
        pid=$(cat "$WORK/node$n/nspawn.pid" 2>/dev/null || true)
        # SIGTERM asks nspawn to shut the container down cleanly; whatever is left is killed.
        [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null
    done
    for n in 1 2; do
        pid=$(cat "$WORK/node$n/wrapper.pid" 2>/dev/null || true)
        [[ -n $pid ]] || continue
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    done
    for n in 1 2; do
        for pid in $(ip netns pids "$(ns_of $n)" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
    done
    for n in 1 2; do
        if ((status != 0)) || ((FAILED)); then
            [[ -f $WORK/node$n/console.log ]] && { echo "----- node $n console (last 30 lines)"; tail -n 30 "$WORK/node$n/console.log"; }
        fi
        for h in $(cgroup_trees); do
            [[ -d $h/$PREFIX-n$n ]] && find "$h/$PREFIX-n$n" -depth -type d -exec rmdir {} + 2>/dev/null
        done
        if mountpoint -q "$WORK/node$n/root" 2>/dev/null; then
            umount "$WORK/node$n/root" 2>/dev/null || umount -l "$WORK/node$n/root" || true
        fi
    done
    # tests/netns/lib.sh's cleanup: our other processes, the namespaces, the logs, $WORK.
    (exit $status)
    cleanup
}
trap server_cleanup EXIT

server_require() {
    require_root
    local tool
    for tool in systemd-nspawn debootstrap nsenter flock ssh ssh-keygen dpkg-deb; do
        command -v "$tool" >/dev/null || die "$tool is missing (scripts/install-deps.sh installs it)"
    done
    [[ -n $DEBS ]] || die "set BATON_DEBS to the folder with the built .debs (scripts/package.sh)"
    [[ -n $IMAGE ]] || die "set BATON_SERVER_IMAGE to where the server image is kept"
    deb batond >/dev/null
    deb batonctl >/dev/null
    # nspawn keeps per-machine mounts under this folder, which must be a tmpfs; hosts without
    # systemd (CI, this machine) have no /run/systemd at all.
    mkdir -p /run/systemd/nspawn
    mountpoint -q /run/systemd/nspawn || mount -t tmpfs tmpfs /run/systemd/nspawn
    # The containers' systemd tracks processes in a name=systemd hierarchy, which a host without
    # systemd may not have mounted yet (on a unified-only host nspawn needs none).
    if [[ $(stat -fc %T /sys/fs/cgroup) == tmpfs ]] && ! mountpoint -q /sys/fs/cgroup/systemd; then
        mkdir -p /sys/fs/cgroup/systemd
        mount -t cgroup -o none,name=systemd cgroup /sys/fs/cgroup/systemd
    fi
}

# deb NAME: the path of the built package NAME (exactly one).
deb() {
    local found=("$DEBS/$1"_*.deb)
    [[ -e ${found[0]} ]] || die "no $1 package in $DEBS (build them with scripts/package.sh)"
    ((${#found[@]} == 1)) || die "more than one $1 package in $DEBS"
    echo "${found[0]}"
}

# The packages the image needs: the fixed list plus the Depends of the agent's packages.
image_packages() {
    local depends
    depends=$(for p in batond batonctl; do dpkg-deb -f "$(deb $p)" Depends; echo; done)
    {
        printf '%s\n' "${IMAGE_PACKAGES[@]}"
        # "libc6 (>= 2.34), libqt6core6 (>= 6.4.0) | foo" -> libc6, libqt6core6 (first choices)
        tr ',' '\n' <<<"$depends" | sed -e 's/|.*//' -e 's/(.*)//' -e 's/[[:space:]]//g' | grep -v -e '^$' -e '^batonctl$'
    } | sort -u
}

build_image() {
    local packages key
    packages=$(image_packages | paste -sd, -)
    # Bump the recipe number when the steps below change, so that cached images are rebuilt.
    key="recipe 1: bookworm minbase $packages"
    exec {lock}> "$IMAGE.lock"
    flock "$lock"
    if [[ -f $IMAGE/.baton-image && $(cat "$IMAGE/.baton-image") == "$key" ]]; then
        note "server image: reusing $IMAGE"
        flock -u "$lock"
        return
    fi
    note "server image: debootstrap bookworm into $IMAGE ($packages)"
    local t0
    t0=$(now_ms)
    rm -rf "$IMAGE.new" "$IMAGE"
    debootstrap --variant=minbase --include="$packages" bookworm "$IMAGE.new" "$MIRROR" \
        > "$WORK/debootstrap.log" 2>&1 || { tail -n 20 "$WORK/debootstrap.log"; die "debootstrap failed"; }
    # Nothing in the background of the tests: no timers that run apt, no getty waiting for logins;
    # and no udev to wait for in a container (ifupdown-pre only runs `udevadm settle`).
    chroot "$IMAGE.new" systemctl mask apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer \
        console-getty.service ifupdown-pre.service > /dev/null 2>&1
    # The image's apt must not try a mirror it cannot reach: packages come as files.
    rm -f "$IMAGE.new"/etc/apt/sources.list
    echo "$key" > "$IMAGE.new/.baton-image"
    mv "$IMAGE.new" "$IMAGE"
    note "server image: built in $((($(now_ms) - t0) / 1000)) s, $(du -sh "$IMAGE" | cut -f1)"
    flock -u "$lock"
}

# The netns topology with eth0 left to each server's ifupdown, as on a real machine.
server_topology() {
    topology
    local n
    for n in 1 2; do
        ip -n "$(ns_of $n)" addr flush dev eth0
        ip -n "$(ns_of $n)" link set eth0 down
    done
}

# node_interfaces N: node N's /etc/network/interfaces before Baton: eth0 with its own address.
node_interfaces() {
    cat <<EOT
auto lo
iface lo inet loopback

auto eth0
iface eth0 inet static
  address 192.0.2.1$1/24
EOT
}

# start_node N: boots node N on an overlay of the image. A container that reboots is started
# again, as a hypervisor would; stop it by creating $WORK/nodeN/stop first.
start_node() {
    local n=$1 dir="$WORK/node$1"
    mkdir -p "$dir"/{upper,work,root}
    mount -t overlay overlay -o "lowerdir=$IMAGE,upperdir=$dir/upper,workdir=$dir/work" "$dir/root"
    local root="$dir/root"
    echo "node$n" > "$root/etc/hostname"
    # A machine ID of its own, kept across reboots, and a persistent journal, as on a real server.
    echo "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" > "$root/etc/machine-id"
    mkdir -p "$root/var/log/journal"
    printf '127.0.0.1 localhost\n127.0.1.1 node%s\n' "$n" > "$root/etc/hosts"
    node_interfaces "$n" > "$root/etc/network/interfaces"
    install -d -m 0700 "$root/root/.ssh"
    install -m 0600 "$SSH_KEY.pub" "$root/root/.ssh/authorized_keys"
    (
        trap - EXIT INT TERM
        # A cgroup of its own for each container in the hierarchies systemd tracks processes by:
        # on a host without systemd nspawn otherwise leaves both containers' systemd in the root
        # cgroup, where they trip over each other's units (status 219/CGROUP, kill failing with EIO).
        for h in $(cgroup_trees); do
            mkdir -p "$h/$PREFIX-n$n"
            echo "$BASHPID" > "$h/$PREFIX-n$n/cgroup.procs"
        done
        while :; do
            rc=0
            systemd-nspawn -D "$root" -b -M "$PREFIX-n$n" --register=no --keep-unit \
                --network-namespace-path="/run/netns/$(ns_of "$n")" --capability=CAP_NET_ADMIN \
                < /dev/null >> "$dir/console.log" 2>&1 &
            echo $! > "$dir/nspawn.pid"
            wait $! || rc=$?
            # 133: the container asked for a reboot.
            [[ $rc == 133 && ! -e $dir/stop ]] || break
            echo "=== rebooting" >> "$dir/console.log"
        done
    ) &
    echo $! > "$dir/wrapper.pid"
}

# The host's cgroup hierarchies that systemd uses to track processes (cgroup v1 name=systemd, and
# the unified one of a hybrid setup).
cgroup_trees() {
    local h
    for h in /sys/fs/cgroup/systemd /sys/fs/cgroup/unified; do mountpoint -q "$h" && echo "$h"; done
    return 0
}

# The host PID of node N's init (systemd), or nothing while it is (re)starting.
node_init_pid() {
    local nspawn
    nspawn=$(cat "$WORK/node$1/nspawn.pid" 2>/dev/null) || return 1
    pgrep -P "$nspawn" -x systemd | head -n 1
}

node() {
    local n=$1 pid
    shift
    pid=$(node_init_pid "$n") || true
    [[ -n $pid ]] || { echo "node $n is not running" >&2; return 255; }
    nsenter -t "$pid" -a "${NODE_ENV[@]}" "$@"
}

node_ssh() {
    local n=$1
    shift
    ip netns exec "$C" ssh -i "$SSH_KEY" -o BatchMode=yes -o StrictHostKeyChecking=no \
        -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=5 "root@192.0.2.1$n" "$@"
}

# "running" once booted; "degraded" (a failed unit) is a failure, listed.
node_running() {
    local state
    state=$(node "$1" systemctl is-system-running 2>/dev/null) || true
    [[ $state == running ]] && return 0
    if [[ $state == degraded ]]; then
        node "$1" systemctl --failed --no-legend >&2 || true
        node "$1" sh -c 'for u in $(systemctl --failed --plain --no-legend | cut -d" " -f1); do journalctl -b -u "$u" --no-pager | tail -n 8; done' >&2 || true
        die "node $1 booted degraded"
    fi
    return 1
}

boot_servers() {
    server_require
    build_image
    ssh-keygen -q -t ed25519 -N '' -C "$PREFIX" -f "$SSH_KEY"
    server_topology
    local t0 n
    t0=$(now_ms)
    start_node 1
    start_node 2
    for n in 1 2; do wait_until 90 node_running "$n" || die "node $n did not reach 'running' within 90 s"; done
    note "both servers booted in $((($(now_ms) - t0) / 1000)) s"
}

# install_agent N [DEB...]: apt install the agent's packages (default: the built batond and
# batonctl) on node N, from files as an administrator would.
install_agent() {
    local n=$1 f
    shift
    local files=("$@")
    ((${#files[@]})) || files=("$(deb batond)" "$(deb batonctl)")
    mkdir -p "$WORK/node$n/root/root/debs"
    local args=()
    for f in "${files[@]}"; do
        cp "$f" "$WORK/node$n/root/root/debs/"
        args+=("/root/debs/$(basename "$f")")
    done
    node "$n" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${args[@]}" \
        > "$WORK/apt$n.log" 2>&1 || { tail -n 20 "$WORK/apt$n.log"; die "apt install failed on node $n"; }
}

# node_file N PATH: node N's file PATH, seen from the host (for writing configuration).
node_file() { echo "$WORK/node$1/root$2"; }

# The seed's stanzas (tests/netns/lib.sh) as node N's /etc/network/interfaces, lo included, and
# batond told to run from them.
seed_stanzas() {
    local n=$1
    {
        printf 'auto lo\niface lo inet loopback\n\n'
        cat "$(seed_interfaces "$n")"
    } > "$(node_file "$n" /etc/network/interfaces)"
    echo 'BATOND_OPTS="--interfaces /etc/network/interfaces"' > "$(node_file "$n" /etc/default/batond)"
}

agent_active() { [[ $(node "$1" systemctl is-active batond 2>/dev/null) == active ]]; }
agent_pid() { node "$1" systemctl show -P MainPID batond; }
journal() { node "$1" journalctl -u batond --no-pager -o cat "${@:2}"; }

# Both servers booted with the agent installed and running from the seed's stanzas: node 1 is
# MASTER, node 2 BACKUP. Debian's ucarp is removed first, as batond.conf(5) asks: its ifupdown
# hook would start a ucarp beside batond at the next ifup.
seed_servers() {
    boot_servers
    local n
    for n in 1 2; do
        install_agent "$n"
        node "$n" dpkg -r ucarp > /dev/null
        seed_stanzas "$n"
    done
    node 1 systemctl restart batond
    wait_until 8 has_vip 1 || die "node 1 did not take the VIP"
    node 2 systemctl restart batond
    wait_until 5 agent_active 2 || die "batond on node 2 is not active"
    sleep 1
    has_vip 2 && die "node 2 took the VIP too"
    agent_active 1 || die "batond on node 1 is not active"
}

# Client probes of the VIP and both servers (10 ms echoes): $WORK/probe-ADDRESS.log.
declare -A PROBE_PIDS
start_probes() {
    local a
    for a in "${ADDRESSES[@]}"; do
        ip netns exec "$C" ping -D -n -i 0.01 -W 1 "$a" > "$WORK/probe-$a.log" 2>&1 &
        PROBE_PIDS[$a]=$!
        PIDS+=("$!")
    done
}
stop_probes() {
    PROBE_END=$(now_ms)
    local a
    for a in "${ADDRESSES[@]}"; do kill -INT "${PROBE_PIDS[$a]}" 2>/dev/null || true; done
    for a in "${ADDRESSES[@]}"; do wait "${PROBE_PIDS[$a]}" 2>/dev/null || true; done
}
# gap ADDRESS FROM_MS [END_MS]: the longest stretch without echo replies from ADDRESS.
gap() { longest_gap_ms "$WORK/probe-$1.log" "$2" "${3:-$PROBE_END}"; }
# lost ADDRESS FROM_MS: echo requests to ADDRESS sent from FROM_MS on that were never answered
# (gaps in icmp_seq; a probe delayed by a busy machine loses none).
lost() {
    awk -v from="$2" '/bytes from/ { t = substr($1, 2, length($1) - 2) * 1000; if (t < from) next
        split($0, f, "icmp_seq="); seq = f[2] + 0; n++; if (!first) first = seq; last = seq }
        END { printf "%d\n", n ? last - first + 1 - n : 0 }' "$WORK/probe-$1.log"
}
