#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The peer link on booted Debian 12 servers, set up by a deployment: each server has a management
# network (mgmt0, 192.0.2.128/26, brought up by its ifupdown) beside the data network, and the
# cluster reaches each agent there (agentAddress .131/.132, the VIP's subnet the /25 below them).
# `batonctl deploy` says in its plan that the pair gets the fast path and writes each agent's peer
# link into batond.conf; both agents connect to each other over mutual TLS. Then the seed's test
# with the client pinging the VIP every 10 ms: `ifconfig eth0 down` on the MASTER, and later
# `ip link set eth0 down` on the new MASTER, each cost at most 50 ms of VIP outage (echoes never
# answered x 10 ms), the partner taking over on its word (partner-link-lost), never both holding
# the VIP. A cluster reached on its data network is shown the reason it gets no peer link.
source "$(dirname "$0")/deploy_lib.bash"
MGMT_CLUSTER="$DESK/managed.json"

# Each server's interfaces file also brings up its management network, as an installer would.
eval "lib_$(declare -f node_interfaces)"
node_interfaces() {
    lib_node_interfaces "$1"
    printf '\nauto mgmt0\niface mgmt0 inet static\n  address 192.0.2.13%d/26\n' "$1"
}
# The management network's cables, its addresses left to the servers' ifupdown.
eval "lib_$(declare -f server_topology)"
server_topology() {
    lib_server_topology
    mgmt_topology
    local n
    for n in 1 2; do
        ip -n "$(ns_of $n)" addr flush dev mgmt0
        ip -n "$(ns_of $n)" link set mgmt0 down
    done
}

boot_servers
for n in 1 2; do
    node "$n" ip -4 addr show dev mgmt0 | matches "inet 192.0.2.13$n/26" || die "node $n's ifupdown did not bring up mgmt0"
done
desk_setup
# The desktop reaches the servers over SSH on the management network, too.
sed -i 's/HostName 192.0.2.1\([12]\)/HostName 192.0.2.13\1/' "$DESK/.ssh/config"
managed_json() { # managed_json PREFIX AGENT1 AGENT2
    cat <<EOT
{"name": "managed pair", "vip": "$VIP/$1", "vhid": 1, "password": "peer_password", "advbase": 1,
 "preempt": false, "deadratio": 3, "pkiDir": "$PKI", "console": "desk",
 "nodes": [{"name": "node1", "address": "192.0.2.11", "agentAddress": "$2", "interface": "eth0", "advskew": 0},
           {"name": "node2", "address": "192.0.2.12", "agentAddress": "$3", "interface": "eth0", "advskew": 100}]}
EOT
}

# Agents reached on the data network: no peer link, and the plan says why.
managed_json 24 192.0.2.11 192.0.2.12 > "$CLUSTER"
deploy --plan <<< $'yes\nyes'
expect_rc 0 "plan on the data network"
said "Fast failover (the peer link): off: node1's agent address 192.0.2.11 is on the data network 192.0.2.0/24" ||
    die "the plan does not say why a pair reached on its data network gets no peer link"
pass "agents reached on the data network: the plan says there is no peer link, and why"

managed_json 25 192.0.2.131 192.0.2.132 > "$CLUSTER"
SHOW_LINES=40 deploy --yes <<< $'yes\nyes'
expect_rc 0 "deployment with the management network"
said "Fast failover (the peer link): on: the agents talk over the management network (node1 at 192.0.2.131:7113, node2 at 192.0.2.132:7113)" ||
    die "the plan does not announce the peer link"
for n in 1 2; do
    other=$((3 - n))
    conf=$(node "$n" cat /etc/baton/batond.conf)
    matches -E "^peer += +192\.0\.2\.13$other:7113$" <<< "$conf" || die "node $n's batond.conf names no partner: $conf"
    matches -E "^listen += +192\.0\.2\.13$n:7112$" <<< "$conf" || die "node $n's agent does not listen on its management address"
done
wait_until 8 has_vip 1 || die "node 1 does not hold the VIP"
link_ready() { # link_ready N: node N's agent reports the peer link up both ways
    ip netns exec "$C" "$BATONCTL" --agent "192.0.2.13$1" --pki "$PKI" --console desk status 2> /dev/null |
        matches "peer link with 192.0.2.13$((3 - $1)):7113: to the partner up, from the partner up"
}
for n in 1 2; do wait_until 15 link_ready "$n" || die "node $n's peer link did not come up both ways"; done
pass "deployed with the peer link: each batond.conf names the partner on the management network, the link is up both ways"

start_addr_monitor 1
start_addr_monitor 2
monitors_ready
# seed_down N OTHER COMMAND...: COMMAND takes the MASTER N's eth0 down; OTHER takes over on its
# partner's word within 50 ms of lost echoes.
seed_down() {
    local n=$1 other=$2 t0 lost_echoes vip_gap
    shift 2
    has_vip "$n" || die "node $n is not MASTER before '$*'"
    local before
    before=$(journal "$other" | grep -c 'MASTER (partner-link-lost)' || true)
    start_probes
    sleep 1
    t0=$(now_ms)
    node "$n" "$@"
    wait_until 6 has_vip "$other" || die "node $other did not take the VIP within 6 s of '$*' on node $n"
    sleep 1
    stop_probes
    has_vip "$n" && die "node $n kept the VIP with its link down"
    lost_echoes=$(lost "$VIP" $((t0 - 500)))
    vip_gap=$(gap "$VIP" $((t0 - 500)))
    note "'$*' on node $n: $lost_echoes echoes to the VIP lost ($((lost_echoes * 10)) ms of outage), longest gap $vip_gap ms"
    ((vip_gap > 0)) || die "the VIP never stopped answering: was the link down?"
    ((lost_echoes * 10 <= 50)) || die "'$*' on node $n cost $((lost_echoes * 10)) ms of VIP outage (more than 50 ms)"
    (($(journal "$other" | grep -c 'MASTER (partner-link-lost)') > before)) ||
        die "node $other took over, but not on its partner's word: $(journal "$other" | grep -- '-> MASTER' | tail -n 1)"
    journal "$n" | matches "told the partner at once that this node lost its link" || die "node $n did not tell its partner"
}
seed_down 1 2 ifconfig eth0 down
pass "ifconfig eth0 down on the MASTER: node 2 took over on its partner's word"
node 1 ifconfig eth0 up
for n in 1 2; do wait_until 15 link_ready "$n" || die "node $n's peer link did not come back after node 1's link returned"; done
sleep 4 # a full master-down interval: the returning node stays BACKUP (no preempt)
has_vip 2 || die "node 1 took the VIP back without preemption"
seed_down 2 1 ip link set eth0 down
pass "ip link set eth0 down on the new MASTER: node 1 took over on its partner's word"
node 2 ip link set eth0 up
overlap=$(vip_overlap_ms)
note "VIP held by both nodes for $overlap ms in total"
[[ $overlap == 0.0 ]] || die "the VIP was held by both nodes for $overlap ms"
pass "the fast path on booted servers: at most 50 ms of outage each way, never two holders"
