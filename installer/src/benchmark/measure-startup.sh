#!/usr/bin/env bash
# Startup of the packaged app against a bare JavaFX window, on the same runtime and JavaFX jars.
# Benchmark only (not CI); needs xvfb and xdotool. After ./mvnw -pl installer -am package:
#
#   installer/src/benchmark/measure-startup.sh [runs]
#
# Two figures per run, both from process start:
#   mapped  - the real launcher (bin/iepmp) until X11 reports a visible window (xdotool);
#   painted - StartupProbe around the same main class on the image's runtime: window showing,
#             then two frames drawn, i.e. painted and taking input.
# The app runs as installed: with the class data archive that postinst makes (made here in the
# image first) and the launcher's JVM options. The bare window runs twice: without class data
# sharing (as the jlink runtime is) and with the JDK's default archive (as on a stock JDK) - the
# stricter baseline; the ratio is given against both.
# The first round is a warm-up (JavaFX unpacks its natives into ~/.openjfx/cache once) and is
# not counted. Prints every run and the medians with the app/bare ratio (target <= 1.5).
set -euo pipefail

RUNS=${1:-7}
HERE=$(cd "$(dirname "$0")" && pwd)
IMAGE=${IMAGE:-$HERE/../../target/jpackage/app-image/iepmp}
OUT=$HERE/../../target/benchmark
mkdir -p "$OUT"
JAVA="$IMAGE/lib/runtime/bin/java"
FX_CP=$(ls "$IMAGE"/lib/app/lib/javafx-*-linux.jar | paste -sd: -)

javac -d "$OUT/classes" -cp "$FX_CP" "$HERE/BareWindow.java" "$HERE/StartupProbe.java"
jar cf "$OUT/probe.jar" -C "$OUT/classes" .
PROBE="$OUT/probe.jar"

# As installed: the archive for this image's class path, and the launcher's own class path and
# options (the archive is only valid for exactly that class path; the probe goes after it).
"$IMAGE/lib/app/startup-archive" create
APP_DIR=$(cd "$IMAGE/lib/app" && pwd -P)
LAUNCHER_CP=$(sed -n 's/^app\.classpath=//p' "$IMAGE/lib/app/iepmp.cfg" | sed "s|\\\$APPDIR|$APP_DIR|g" | paste -sd: -)
mapfile -t LAUNCHER_OPTIONS < <(sed -n 's/^java-options=//p' "$IMAGE/lib/app/iepmp.cfg" | sed "s|\\\$APPDIR|$APP_DIR|g")
"$JAVA" -Xshare:dump -XX:SharedArchiveFile="$OUT/jdk-default.jsa" -Xlog:disable >/dev/null

APP_HOME_DIR=$(mktemp -d)
XVFB_PID=""
cleanup() {
  rm -rf "$APP_HOME_DIR"
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID"; fi
}
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:97
  Xvfb "$DISPLAY" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  sleep 1
fi

# Prints milliseconds from start until a visible window titled $1 exists; runs the rest as command.
mapped_ms() {
  local title=$1; shift
  local start end pid
  start=$(date +%s%N)
  "$@" >"$OUT/last-run.log" 2>&1 &
  pid=$!
  if ! timeout 60 xdotool search --sync --onlyvisible --name "$title" >/dev/null; then
    kill "$pid" 2>/dev/null || true
    echo "no window '$title' within 60 s; log:" >&2
    cat "$OUT/last-run.log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo $(((end - start) / 1000000))
}

# Prints the probe's painted and CPU milliseconds ("painted cpu") for the main class and arguments.
painted_ms() {
  local cp=$1; shift
  local pid line=""
  "$JAVA" "${JVM_OPTIONS[@]}" -cp "$cp:$PROBE" StartupProbe "$@" >"$OUT/probe.log" 2>&1 &
  pid=$!
  for _ in $(seq 600); do
    line=$(grep -o 'painted=[0-9]* cpu=[0-9]*' "$OUT/probe.log" || true)
    [ -n "$line" ] && break
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -z "$line" ]; then
    echo "no painted window within 60 s; log:" >&2
    cat "$OUT/probe.log" >&2
    exit 1
  fi
  line=${line#painted=}
  echo "${line/ cpu=/ }"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

app_mapped=(); bare_mapped=(); app_painted=(); bare_painted=(); app_cpu=(); bare_cpu=()
cds_mapped=(); cds_painted=(); cds_cpu=()
for i in $(seq 0 "$RUNS"); do
  am=$(mapped_ms "^IEPMP" "$IMAGE/bin/iepmp" --home "$APP_HOME_DIR" --lang zh-TW)
  bm=$(mapped_ms "Bare JavaFX window" "$JAVA" -cp "$FX_CP:$PROBE" BareWindow)
  cm=$(mapped_ms "Bare JavaFX window" "$JAVA" -XX:SharedArchiveFile="$OUT/jdk-default.jsa" -cp "$FX_CP:$PROBE" BareWindow)
  JVM_OPTIONS=("${LAUNCHER_OPTIONS[@]}")
  read -r ap ac < <(painted_ms "$LAUNCHER_CP" org.iepmp.app.Main --home "$APP_HOME_DIR" --lang zh-TW)
  JVM_OPTIONS=(-Dfile.encoding=UTF-8)
  read -r bp bc < <(painted_ms "$FX_CP" BareWindow)
  JVM_OPTIONS=(-Dfile.encoding=UTF-8 -XX:SharedArchiveFile="$OUT/jdk-default.jsa")
  read -r cp_ cc < <(painted_ms "$FX_CP" BareWindow)
  if [ -z "${ac:-}" ] || [ -z "${bc:-}" ] || [ -z "${cc:-}" ]; then
    echo "the startup probe gave no figure (see $OUT/probe.log)" >&2
    exit 1
  fi
  if [ "$i" -gt 0 ]; then
    app_mapped+=("$am"); bare_mapped+=("$bm"); app_painted+=("$ap"); bare_painted+=("$bp")
    app_cpu+=("$ac"); bare_cpu+=("$bc"); cds_mapped+=("$cm"); cds_painted+=("$cp_"); cds_cpu+=("$cc")
    echo "run $i: mapped app ${am} / bare ${bm} / bare+CDS ${cm} ms; painted app ${ap} / bare ${bp} / bare+CDS ${cp_} ms;" \
      "CPU to painted app ${ac} / bare ${bc} / bare+CDS ${cc} ms"
  fi
done
report() {
  local what=$1 app bare cds
  app=$(printf '%s\n' "${@:2:$RUNS}" | median)
  bare=$(printf '%s\n' "${@:$((RUNS + 2)):$RUNS}" | median)
  cds=$(printf '%s\n' "${@:$((2 * RUNS + 2)):$RUNS}" | median)
  echo "median $what: app ${app} ms; bare JavaFX ${bare} ms (ratio $(awk "BEGIN {printf \"%.2f\", $app / $bare}")), " \
    "bare JavaFX with the JDK's default CDS ${cds} ms (ratio $(awk "BEGIN {printf \"%.2f\", $app / $cds}")); target <= 1.5"
}
report "to mapped window" "${app_mapped[@]}" "${bare_mapped[@]}" "${cds_mapped[@]}"
report "to painted window" "${app_painted[@]}" "${bare_painted[@]}" "${cds_painted[@]}"
report "CPU time to painted window" "${app_cpu[@]}" "${bare_cpu[@]}" "${cds_cpu[@]}"
echo "load average during the runs: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
