#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# isolated-net.sh PROGRAM ARGS...: runs a test in a network namespace of its own (and a user
# namespace, so that no privilege is needed) holding only the loopback interface. The window's
# tests open clusters whose VIP and nodes are in 192.0.2.0/24 and probe them: in here those echoes
# cannot leave the machine, and the fake agents on 127.0.0.1 still answer.
set -euo pipefail
exec unshare --user --map-root-user --net -- bash -c 'ip link set lo up && exec "$@"' isolated-net "$@"
