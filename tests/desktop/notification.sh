#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A real desktop notification: Xvfb, a private session bus (dbus-run-session) and dunst, the window
# watching two fake agents that fail over twice (gui_notify). Checks with dunstctl that the daemon
# shows exactly one Baton notification (the second failover replaced the first) that says it
# happened twice, and keeps the screenshot ($BATON_NOTIFY_SHOT, default in a temporary folder).
set -euo pipefail
: "${GUI_NOTIFY:?set GUI_NOTIFY to the gui_notify program}"
work=$(mktemp -d /tmp/baton-notify.XXXXXX)
shot=${BATON_NOTIFY_SHOT:-$work/notification.png}
xvfb_pid=
cleanup() {
    [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

for cmd in Xvfb dbus-run-session dunst dunstctl; do
    command -v "$cmd" > /dev/null || { echo "FAIL: $cmd is missing (scripts/install-deps.sh)"; exit 1; }
done
# A display nobody else uses.
for n in $(seq 90 120); do
    [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { display=:$n; break; }
done
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done

cat > "$work/dunstrc" << 'RC'
[global]
    width = 460
    origin = top-right
    offset = 12x12
    font = DejaVu Sans 10
    frame_width = 2
    frame_color = "#8a8a8a"
    markup = full
    format = "<b>%s</b>\n%b"
[baton]
    appname = Baton
    script = SCRIPT
[urgency_normal]
    background = "#2b2b2b"
    foreground = "#ffffff"
    timeout = 0
[urgency_critical]
    background = "#8e1b1b"
    foreground = "#ffffff"
    frame_color = "#ff5252"
    timeout = 0
RC

# dunst runs this for every notification it shows: what the daemon got, line by line.
cat > "$work/record.sh" << RECORD
#!/bin/bash
printf '%s|%s|%s\n' "\$1" "\$2" "\${3//\$'\n'/ }" >> "$work/shown.txt"
RECORD
chmod +x "$work/record.sh"
sed -i "s|SCRIPT|$work/record.sh|" "$work/dunstrc"

export DISPLAY=$display QT_QPA_PLATFORM=xcb LANG=C.UTF-8 HOME=$work XDG_RUNTIME_DIR=$work
dbus-run-session -- bash -c '
    dunst -config "$1" > "$2/dunst.log" 2>&1 &
    # Asked without activating: dunstctl would start a second dunst through the bus.
    owned() {
        dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2> /dev/null | grep -q true
    }
    for _ in $(seq 100); do owned && break; sleep 0.1; done
    owned || { echo "FAIL: dunst did not take the notification service"; exit 1; }
    "$GUI_NOTIFY" "$3" || exit 1
    displayed=$(dunstctl count displayed)
    history=$(dunstctl count history)
    echo "dunst: displayed $displayed, history $history; it was given (app|summary|body):"
    cat "$2/shown.txt"
    # One notification on screen for the two failovers: replaced, not stacked.
    [[ "$displayed" == 1 ]] || { echo "FAIL: expected 1 notification on screen, dunst shows $displayed"; exit 1; }
    kill %1
' notify "$work/dunstrc" "$work" "$shot" || { echo "--- dunst log"; cat "$work/dunst.log" 2>/dev/null; exit 1; }
[[ -s "$shot" ]] || { echo "FAIL: no screenshot"; exit 1; }
# What the daemon was given last: the second failover, counted.
last=$(grep '^Baton|Failover in web-pair|' "$work/shown.txt" | tail -1)
[[ "$last" == *"node1 took over"* && "$last" == *"2× since"* ]] ||
    { echo "FAIL: the last failover notification does not say node1 took over, twice"; exit 1; }
echo "PASS: one grouped notification shown by dunst; screenshot $shot"
