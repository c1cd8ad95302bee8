#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The man pages are complete: every option the programs' --help lists, every batonctl verb, and
# every configuration key the parsers know (batond.conf and the ucarp-* stanzas) is in its page.
# Usage: man_pages.sh BATOND BATONCTL [BATON]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
man="$root/packaging/man"
status=0
# roff writes a hyphen as \-: look for "--config" as "\-\-config".
covers() { # covers PAGE WORD...
    local page=$1 word
    shift
    for word in "$@"; do
        if ! grep -qF -- "${word//-/\\-}" "$man/$page"; then
            echo "FAIL: $page does not mention '$word'" >&2
            status=1
        fi
    done
}
options() { grep -o -- '--[a-z][a-z-]*' | sort -u; }
# Keys from the list a parser checks against: QStringLiteral("key") inside FUNCTION.
keys() { awk "/$2/,/return/" "$root/shared/config/$1" | grep -o 'QStringLiteral("[a-z-]*")' | sed 's/.*("\(.*\)")/\1/'; }

mapfile -t o < <("$1" --help | options)
covers batond.8 "${o[@]}"
help=$("$2" --help)
mapfile -t o < <({ echo "$help"; "$2" pki --help; "$2" adverts --help; "$2" deploy --help
    "$2" drill --help | grep -v -- --help-all; } | options)
covers batonctl.1 "${o[@]}"
mapfile -t verbs < <({
    grep -E '^  [a-z]' <<<"$help" | awk '{ print $1 }'
    grep -E '^  pki ' <<<"$help" | awk '{ print $2 }'
    grep -E '^      ' <<<"$help" | tr '|' '\n' | awk '{ print $1 }'
} | grep -E '^[a-z][a-z-]+$' | sort -u)
((${#verbs[@]} >= 15)) || { echo "FAIL: found only ${#verbs[@]} batonctl verbs in its --help" >&2; status=1; }
covers batonctl.1 "${verbs[@]}"
if (($# >= 3)); then
    mapfile -t o < <(QT_QPA_PLATFORM=offscreen "$3" --help | options)
    covers baton.1 "${o[@]}"
fi

mapfile -t k < <(keys GroupSection.cpp '::keys\(\)'; keys AgentConfigParser.cpp '::controlKeys\(\)'; echo state-dir)
((${#k[@]} >= 20)) || { echo "FAIL: found only ${#k[@]} batond.conf keys in the parser" >&2; status=1; }
covers batond.conf.5 "${k[@]}"
mapfile -t u < <(keys UcarpStanzaMapper.cpp '::knownKeys\(\)')
((${#u[@]} >= 12)) || { echo "FAIL: found only ${#u[@]} ucarp keys in the parser" >&2; status=1; }
covers batond.conf.5 "${u[@]}"
((status == 0)) && echo "ok: the man pages cover ${#k[@]} batond.conf keys, ${#u[@]} ucarp keys, ${#verbs[@]} batonctl verbs and every --help option"
exit $status
