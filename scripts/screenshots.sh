#!/usr/bin/env bash
# Regenerates the README screenshots (screenshots/*.png) from the real program in a real
# terminal: briefing runs in tmux, shown by xterm under Xvfb, captured with ImageMagick.
# Debian/Ubuntu: installs xvfb, xterm, imagemagick, x11-utils and a font when missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xterm >/dev/null || need+=(xterm)
command -v import >/dev/null || need+=(imagemagick)
command -v xwininfo >/dev/null || need+=(x11-utils)
command -v tmux >/dev/null || need+=(tmux)
fc-list 2>/dev/null | grep -q "DejaVu Sans Mono" || need+=(fonts-dejavu-core)
if ((${#need[@]})); then
    apt-get update -qq && apt-get install -y -qq "${need[@]}"
fi

cargo build --release --quiet
bin="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')/release/briefing"
mkdir -p screenshots

display=":$((90 + RANDOM % 100))"
sock="briefing-shots-$$"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp &
xvfb=$!
cleanup() {
    tmux -L "$sock" kill-server 2>/dev/null && sleep 0.5 || true
    kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
sleep 1

cols=120
rows=36

# shot NAME KEYS...: a fresh reader on the seed, keys typed through tmux, the xterm captured.
shot() {
    local name=$1
    shift
    tmux -L "$sock" kill-server 2>/dev/null && sleep 0.5 || true
    tmux -L "$sock" -f /dev/null new-session -d -s shot -x "$cols" -y "$rows" "$bin"
    tmux -L "$sock" set -g status off
    tmux -L "$sock" set -g default-terminal tmux-256color
    DISPLAY=$display xterm -T "briefing-$name" -geometry "${cols}x${rows}+0+0" \
        -fa "DejaVu Sans Mono" -fs 11 -bg "#1d1f21" -fg "#d7d7d7" -b 8 +sb \
        -e tmux -L "$sock" attach -t shot &
    local xterm=$!
    sleep 1.5
    for k in "$@"; do
        tmux -L "$sock" send-keys -t shot "$k"
        sleep 0.3
    done
    sleep 1
    # Repaint the whole xterm from tmux's grid, so no cell is left from an earlier frame.
    for client in $(tmux -L "$sock" list-clients -F '#{client_name}'); do
        tmux -L "$sock" refresh-client -t "$client"
    done
    sleep 0.5
    local id
    id=$(DISPLAY=$display xwininfo -name "briefing-$name" | sed -n 's/.*Window id: \(0x[0-9a-f]*\).*/\1/p')
    DISPLAY=$display import -window "$id" "screenshots/$name.png"
    kill "$xterm" 2>/dev/null || true
    wait "$xterm" 2>/dev/null || true
    echo "screenshots/$name.png"
}

# The seed opened, with a quote of Putin's selected from the quotes pane.
shot seed Tab j j j j Enter
# A fuzzy search typed: speaker and words together.
shot search / p u t i n Space c y b
# A topic switched on: paragraphs without it dimmed, its keywords underlined, only its quotes listed.
shot topics t j Space l Space
