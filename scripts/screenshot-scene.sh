#!/usr/bin/env bash
# Runs one test-side screenshot scene (a class in app.screenshots that writes "scene-ready" into
# its home when the scene is set) under Xvfb at 1024x600 and captures the screen:
#   scripts/screenshot-scene.sh SCENARIO_CLASS OUT.png LANG SCENE [ZOOM]
# The per-area scripts (screenshots-updates.sh, -catalog.sh, -zoom.sh) name their class and call
# this. Build first (classes and the test classpath, in one reactor run):
#   ./mvnw -q -B -o -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
#       -Dmdep.outputFile="$PWD/app/target/test-classpath.txt"
# Needs xvfb, x11-utils, imagemagick. SCREENSHOT_WAIT (seconds, default 4) waits after the scene is
# ready; KEEP_LOG=FILE keeps the app's output.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scenario="$1"; out="$2"; lang="$3"; scene="$4"; zoom="${5:-}"
cp_file="$ROOT/app/target/test-classpath.txt"
if [ ! -s "$cp_file" ]; then echo "build first (see the top of this script)" >&2; exit 1; fi
classpath="$ROOT/app/target/test-classes:$ROOT/app/target/classes:$(cat "$cp_file")"
n=90
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
display=":$n"
home="$(mktemp -d)"
Xvfb "$display" -screen 0 1024x600x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
trap 'kill $app $xvfb 2>/dev/null || true; [ -n "${KEEP_LOG:-}" ] && cp "$home/app.out" "$KEEP_LOG"; rm -rf "$home"' EXIT
sleep 1
DISPLAY="$display" java -cp "$classpath" "$scenario" "$home" "$lang" "$scene" $zoom >"$home/app.out" 2>&1 &
app=$!
for _ in $(seq 1 240); do
    [ -e "$home/scene-ready" ] && break
    if ! kill -0 "$app" 2>/dev/null; then cat "$home/app.out" >&2; exit 1; fi
    sleep 0.5
done
sleep "${SCREENSHOT_WAIT:-4}"
DISPLAY="$display" import -window root "$out"
echo "$out"
