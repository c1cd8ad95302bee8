#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is needed, builds, and opens the Baton window.
# (The demo pair of agents in network namespaces arrives with the agent and window issues.)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "demo: no display; starting the window under Xvfb with a screenshot instead" >&2
    exec xvfb-run -a "$root/build/gui/baton" --screenshot "$root/build/main-window.png"
fi
exec "$root/build/gui/baton"
