#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The layering rules of docs/architecture.md, checked on the sources: every Qt header sits on one
# include path, so a target that does not link Qt Widgets would still compile an #include of it.
#   shared/ and console/: no Qt Gui or Widgets, no libssh
#   agent/ (batond, batonctl): no Qt Gui or Widgets, no libssh
#   report/: no Qt Widgets, no libssh
#   deploy/ (the deployment, the only home of libssh): no Qt Gui or Widgets
#   gui/: no libssh header (the window uses deploy/'s classes)
#   batond and batonctl (agent/), which servers install, never link the deployment library or
#   libssh: batonctl deploy runs baton-deploy (deploy/cli) from the desktop package
set -euo pipefail
cd "$(dirname "$0")/.."
gui='#include <(QtGui/|QtWidgets/|QtPrintSupport/)?(QWidget|QApplication|QGuiApplication|QPainter|QImage|QPixmap|QColor|QFont|QPdfWriter|QTextDocument|QDialog|QLabel|QPushButton|QMainWindow|QIcon|QScreen)>'
widgets='#include <(QtWidgets/)?(QWidget|QApplication|QDialog|QLabel|QPushButton|QMainWindow|QLayout|QBoxLayout)>'
ssh='#include <libssh/'
status=0
check() { # check PATTERN WHAT FOLDER...
    local pattern=$1 what=$2
    shift 2
    local hits
    hits=$(grep -rnE "$pattern" "$@" --include='*.cpp' --include='*.h' 2> /dev/null || true)
    if [[ -n $hits ]]; then
        echo "check-layering: $what in $*:" >&2
        echo "$hits" >&2
        status=1
    fi
}
check "$gui" "Qt Gui or Widgets" shared console agent
check "$widgets" "Qt Widgets" report
check "$ssh" "libssh" shared console agent report gui
check "$gui" "Qt Gui or Widgets" deploy
if grep -nE '^[^#]*(baton_deploy|Baton::deploy|LIBSSH|[^_A-Za-z]ssh[^_A-Za-z])' agent/CMakeLists.txt agent/batonctl/CMakeLists.txt >&2; then
    echo "check-layering: batond or batonctl (agent/) links the deployment or libssh" >&2
    status=1
fi
((status == 0)) && echo "check-layering: shared/, console/, agent/, report/, deploy/ and gui/ keep to their layers"
exit $status
