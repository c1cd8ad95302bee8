#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is needed, builds, starts a demo pair of batond in network namespaces and opens
# the Baton window on it; closing the window tears the pair down.
#   sudo scripts/demo.sh                   the window on your display (Xvfb + a picture without one)
#   sudo scripts/demo.sh --screenshot F    under Xvfb: node 1's link is taken down 8 s in, and the
#                                          window is saved to F 10 s later (docs/screenshots/)
#   sudo scripts/demo.sh --servers         two bare Debian 12 servers booted (systemd-nspawn) and the
#                                          window ready to deploy onto them (Cluster → Deploy cluster…)
#   sudo scripts/demo.sh --servers --screenshot-dir D   the same deployed offscreen, pictures in D
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
((EUID == 0)) || { echo "demo: needs root for the network namespaces: sudo $0 $*" >&2; exit 1; }
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
build=${BATON_BUILD_DIR:-$root/build}
gui=$build/gui/baton
if [[ ${1:-} == --servers ]]; then
    shift
    # The servers install the packages: built into their own tree, as scripts/test.sh does.
    BATON_BUILD_DIR=$build-deb DEB_BUILD_OPTIONS="nocheck terse" "$root/scripts/package.sh" > /dev/null
    if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && ${1:-} != --screenshot-dir ]]; then
        echo "demo: no display; deploying offscreen and saving the pictures in $build/deploy-screenshots" >&2
        set -- --screenshot-dir "$build/deploy-screenshots"
    fi
    exec "$root/scripts/demo-servers.sh" "$build" "$build-deb/debs" "$@"
fi
shot=
if [[ ${1:-} == --screenshot ]]; then
    shot=$(realpath -m "${2:?--screenshot needs a file}")
elif [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    shot=$build/main-window.png
    echo "demo: no display; rendering under Xvfb and saving $shot instead" >&2
fi
if [[ -z $shot ]]; then
    exec "$root/scripts/demo-cluster.sh" "$build" "$gui" --cluster @CLUSTER@
fi
# A picture of a drill in progress: the master's link goes down 8 s after the window opens (so
# the timeline has history), and the window is saved while the agent's restore counts down.
DEMO_LINK_DOWN_AFTER=8 SUDO_USER='' xvfb-run -a -s "-screen 0 1280x860x24" \
    "$root/scripts/demo-cluster.sh" "$build" "$gui" --cluster @CLUSTER@ --screenshot "$shot" --screenshot-after 18000
echo "demo: saved $shot"
