#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian package that building, running and testing Baton needs.
# Idempotent; needs root. Used by scripts/demo.sh, scripts/test.sh and .ci/run.
set -euo pipefail

PACKAGES=(
    # build
    cmake ninja-build g++ pkg-config clang clang-format libclang-rt-14-dev
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev libxkbcommon-dev
    libssl-dev libssh-dev libnl-route-3-dev libsystemd-dev librsvg2-bin
    # the Debian packages and their checks
    debhelper dpkg-dev lintian desktop-file-utils appstream file
    # run and test: namespaces, a real ucarp to interoperate with, captures, a display for screenshots
    iproute2 iputils-ping nftables ucarp tcpdump xvfb xauth fonts-dejavu-core
    # a stepped wall clock (libfaketime) for the restore deadline and expired certificates
    faketime
    # the server tests: Debian 12 containers booted with systemd-nspawn, reached over SSH
    systemd systemd-container debootstrap openssh-client
    # desktop notifications: a private bus for their tests, a real notification daemon for one run
    dbus-daemon dunst
    # drill reports: the JSON checked against its schema, the PDF rendered to check and show it
    python3 python3-jsonschema poppler-utils
)

missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)) && [[ -z "${BATON_FORCE_INSTALL:-}" ]]; then
    exit 0
fi
if ((EUID != 0)); then
    echo "install-deps: need root to install: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${PACKAGES[@]}"
