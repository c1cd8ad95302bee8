# SPDX-License-Identifier: GPL-3.0-or-later
# The benchmarks' pair configurations, sourced after tests/netns/lib.sh (WORK, VIP): batond's file
# for node N and keepalived's, at the intervals bench/advert-cost.sh compares.

# batond_conf N VHIDS BASE SKEW: vhid 1 the VIP, vhid i > 1 192.0.2.(139+i); node N's advskew is
# SKEW + N - 1, so node 1 is preferred.
batond_conf() {
    local n=$1 vhids=$2 base=$3 skew=$4 i vip
    {
        echo "state-dir = $WORK/state$n"
        for ((i = 1; i <= vhids; i++)); do
            vip=$VIP
            ((i > 1)) && vip=192.0.2.$((139 + i))
            printf '[vhid %d]\ninterface = eth0\nsource = 192.0.2.1%d\nvip = %s/24\npassword = some_password\n' \
                "$i" "$n" "$vip"
            printf 'advbase = %d\nadvskew = %d\n' "$base" "$((skew + n - 1))"
        done
    } > "$WORK/batond$n.conf"
    chmod 600 "$WORK/batond$n.conf"
    echo "$WORK/batond$n.conf"
}

# keepalived_conf N [realtime]: with `realtime`, the VRRP process on SCHED_RR at batond's priority
# (10) with its memory locked.
keepalived_conf() {
    local n=$1 realtime=
    [[ ${2:-} == realtime ]] && realtime=$'    vrrp_rt_priority 10\n    vrrp_no_swap\n'
    cat > "$WORK/keepalived$n.conf" << EOT
global_defs {
    vrrp_version 3
    max_auto_priority -1
$realtime}
vrrp_instance bench {
    state BACKUP
    interface eth0
    virtual_router_id 1
    priority $((200 - n * 50))
    advert_int 0.01
    virtual_ipaddress {
        $VIP/24 dev eth0
    }
}
EOT
    echo "$WORK/keepalived$n.conf"
}
