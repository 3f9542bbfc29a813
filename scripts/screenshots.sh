#!/usr/bin/env bash
# Takes screenshots of the running app under Xvfb at 1024x600:
#   scripts/screenshots.sh OUT.png [app options…]     e.g. --lang zh-TW --section settings
# Needs xvfb, x11-utils and imagemagick (apt-get install xvfb x11-utils imagemagick).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$1"; shift
n=90
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
display=":$n"
home="$(mktemp -d)"
# SCREENSHOT_HOME: a prepared --home (settings, repositories, history) copied for this run.
if [ -n "${SCREENSHOT_HOME:-}" ]; then cp -a "$SCREENSHOT_HOME/." "$home/"; fi
Xvfb "$display" -screen 0 1024x600x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
DISPLAY="$display" "$ROOT/iepmp" --home "$home" "$@" >"$home/app.out" 2>&1 &
app=$!
# Wait for the main window (up to a minute on a busy machine), then let it settle.
for _ in $(seq 1 120); do
    if DISPLAY="$display" xwininfo -root -tree 2>/dev/null | grep -q "IEPMP"; then break; fi
    if ! kill -0 "$app" 2>/dev/null; then cat "$home/app.out" >&2; exit 1; fi
    sleep 0.5
done
sleep "${SCREENSHOT_WAIT:-3}"
DISPLAY="$display" import -window root "$out"
echo "$out"
