#!/usr/bin/env bash
# Builds the trimmed runtime (jdeps + jlink), the app-image and the .deb (jpackage) of IEPMP Console.
# Run by the installer module's exec-maven-plugin during `package`; every input comes from the
# environment that the pom sets (see installer/pom.xml), so the script can also be run by hand.
# Any failing step fails the Maven build (set -e, pipefail).
set -euo pipefail

: "${JAVA_HOME:?JDK home (with jdeps, jlink, jpackage)}"
: "${INPUT_DIR:?directory with the main jar and lib/}"
: "${WORK_DIR:?output directory, e.g. target/jpackage}"
: "${APP_VERSION:?version without -SNAPSHOT}"
: "${MAIN_JAR:?}" "${MAIN_CLASS:?}" "${ICON_DIR:?}" "${RESOURCE_DIR:?}" "${JAR_TRIM:?}"
: "${VENDOR:?}" "${DESCRIPTION:?}" "${MAINTAINER:?}" "${EXTRA_MODULES:?}"
: "${SQLITE_NATIVE:?e.g. Linux/x86_64}" "${JNA_NATIVE:?e.g. linux-x86-64}"
: "${ICON_SIZES:=16 24 32 48 64 128 256 512}"
: "${DEB_COMPRESSION_LEVEL:=6}"
: "${JAVA_OPTIONS:=}"
: "${STARTUP_PROBE:?StartupProbe.java, the training start for the class list}"
: "${STARTUP_ARCHIVE_SCRIPT:?the startup-archive script shipped in lib/app}"

BIN="$JAVA_HOME/bin"
APP_NAME=iepmp
PACKAGE_NAME=iepmp-console
START=$SECONDS

step() { printf '[installer] %s (%ds)\n' "$*" $((SECONDS - START)); }

rm -rf "$WORK_DIR"
mkdir -p "$WORK_DIR"
RUNTIME="$WORK_DIR/runtime"
IMAGE_DEST="$WORK_DIR/app-image"
DEB_DEST="$WORK_DIR/deb"
TEMP="$WORK_DIR/tmp"
mkdir -p "$TEMP"

step "trimming natives of other platforms from sqlite-jdbc and JNA"
for jar in "$INPUT_DIR"/lib/sqlite-jdbc-*.jar; do
  "$BIN/java" "$JAR_TRIM" "$jar" "$jar" 'org/sqlite/native/.+' "org/sqlite/native/${SQLITE_NATIVE}/.*"
done
for jar in "$INPUT_DIR"/lib/jna-jpms-*.jar "$INPUT_DIR"/lib/jna-[0-9]*.jar; do
  [ -e "$jar" ] || continue
  "$BIN/java" "$JAR_TRIM" "$jar" "$jar" 'com/sun/jna/[^/]+/[^/]*\.(so|a|dll|dylib|jnilib)' "com/sun/jna/${JNA_NATIVE}/.*"
done

# The fabric8 model jars are almost all classes. Stored uncompressed, the .deb's xz compresses them as
# one stream (a third of their deflated size in the .deb) but they take three times the disk, so
# the choice trades one budget against the other: stored are the API groups the app reads all the
# time and the four largest of the rest; the small, rarely used groups stay deflated (about 8 MB
# less installed for 3 MB more .deb), which leaves room for the class data archive in 200 MB.
for group in core common apps batch coordination apiextensions admissionregistration resource gatewayapi flowcontrol; do
  for jar in "$INPUT_DIR"/lib/kubernetes-model-"$group"-[0-9]*.jar; do
    [ -e "$jar" ] || continue
    "$BIN/java" "$JAR_TRIM" "$jar" "$jar" '^$' '^$' store
  done
done

step "jdeps: JDK modules the classes reference"
# Every jar is analysed as a target (the JavaFX jars are modular, but the app runs them on the
# class path, so their module descriptors do not matter - only the classes they reference).
if ! "$BIN/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 \
    "$INPUT_DIR/$MAIN_JAR" "$INPUT_DIR"/lib/*.jar >"$TEMP/jdeps.out" 2>"$TEMP/jdeps.err"; then
  cat "$TEMP/jdeps.err" >&2
  exit 1
fi
DETECTED=$(tail -n 1 "$TEMP/jdeps.out")
if ! [[ "$DETECTED" =~ ^[a-z.,]+$ ]]; then
  echo "jdeps gave no module list: $DETECTED" >&2
  exit 1
fi
# Modules loaded by name or service lookup that jdeps cannot see (why each: installer/README.md).
MODULES=$(printf '%s,%s' "$DETECTED" "$EXTRA_MODULES" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)
echo "$MODULES" > "$WORK_DIR/modules.txt"
step "modules: $MODULES"

step "jlink: trimmed runtime"
# --compress=1 (shared constant strings) shrinks the module image by a third (56 -> 39 MB) and the
# .deb's xz still compresses it as well as before; --compress=2 (zip) would hide the classes from
# xz (measured: 18 MB vs 31 MB in the .deb). The classes of a start come from the class data
# archive anyway, not from the module image.
"$BIN/jlink" --add-modules "$MODULES" --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --compress=1 --output "$RUNTIME"
# The symbol tables of the runtime's libraries (4 MB; crash reports of the JVM name fewer frames
# without them, nothing else uses them). The dynamic symbols the libraries link by stay.
find "$RUNTIME" -name '*.so' -exec chmod u+w {} + -exec strip --strip-unneeded {} +

step "jpackage: app-image"
ICON_MAIN="$ICON_DIR/iepmp-256.png"
JAVA_OPTION_ARGS=()
for option in $JAVA_OPTIONS; do
  JAVA_OPTION_ARGS+=(--java-options "$option")
done
"$BIN/jpackage" --type app-image --dest "$IMAGE_DEST" \
  --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" --description "$DESCRIPTION" \
  --copyright "Copyright $VENDOR" --icon "$ICON_MAIN" \
  --input "$INPUT_DIR" --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" \
  --runtime-image "$RUNTIME" "${JAVA_OPTION_ARGS[@]}"
IMAGE="$IMAGE_DEST/$APP_NAME"

# Icon theme sizes inside the image; postinst registers them with xdg-icon-resource.
for size in $ICON_SIZES; do
  dir="$IMAGE/lib/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  cp "$ICON_DIR/iepmp-$size.png" "$dir/$APP_NAME.png"
done

step "training start under Xvfb: the classes loaded before the first frame"
# The launcher maps lib/app/startup.jsa, which postinst dumps from this list on the installed
# class path (an archive is only valid there). StartupProbe halts the app two frames after its
# window shows; the probe's own classes are dropped from the list.
install -m 755 "$STARTUP_ARCHIVE_SCRIPT" "$IMAGE/lib/app/startup-archive"
mkdir -p "$TEMP/probe"
"$BIN/javac" -d "$TEMP/probe" -cp "$(ls "$IMAGE"/lib/app/lib/javafx-*-linux.jar | paste -sd: -)" "$STARTUP_PROBE"
TRAINING_HOME=$(mktemp -d)
TRAINING_CP="$IMAGE/lib/app/$MAIN_JAR:$(ls "$IMAGE"/lib/app/lib/*.jar | paste -sd: -):$TEMP/probe"
TRAINING=("$IMAGE/lib/runtime/bin/java" -Dprobe.exit=true -Dfile.encoding=UTF-8
  -XX:DumpLoadedClassList="$TEMP/startup.classlist" -cp "$TRAINING_CP"
  StartupProbe "$MAIN_CLASS" --home "$TRAINING_HOME" --lang zh-TW)
if [ -n "${DISPLAY:-}" ]; then
  timeout 180 "${TRAINING[@]}" >"$TEMP/training.log" 2>&1 || true
elif command -v xvfb-run >/dev/null 2>&1; then
  timeout 180 xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "${TRAINING[@]}" >"$TEMP/training.log" 2>&1 || true
else
  echo "the training start needs a display: install xvfb (xvfb-run) or set DISPLAY" >&2
  exit 1
fi
rm -rf "$TRAINING_HOME"
if ! grep -q 'startup-probe .*painted=' "$TEMP/training.log"; then
  echo "the training start painted no window; its output:" >&2
  cat "$TEMP/training.log" >&2
  exit 1
fi
grep -v 'StartupProbe' "$TEMP/startup.classlist" > "$IMAGE/lib/app/startup.classlist"
step "class list: $(grep -vc '^[#@]' "$IMAGE/lib/app/startup.classlist") classes ($(grep -o 'painted=[0-9]*' "$TEMP/training.log"))"

step "jpackage: .deb (compression level $DEB_COMPRESSION_LEVEL)"
# jpackage adds xdg-utils to Depends itself (for the menu entry) and the shared libraries the
# runtime links against (libc6, libx11-6, ...); the control template lists both.
# jpackage runs `fakeroot dpkg-deb -b` without options; dpkg-deb (>= 1.21.10) reads these.
export DPKG_DEB_COMPRESSOR_TYPE=xz
export DPKG_DEB_COMPRESSOR_LEVEL="$DEB_COMPRESSION_LEVEL"
export DPKG_DEB_THREADS_MAX="${DPKG_DEB_THREADS_MAX:-2}"
"$BIN/jpackage" --type deb --dest "$DEB_DEST" --temp "$TEMP/jpackage-deb" \
  --app-image "$IMAGE" --name "$APP_NAME" --app-version "$APP_VERSION" \
  --vendor "$VENDOR" --description "$DESCRIPTION" --copyright "Copyright $VENDOR" --icon "$ICON_MAIN" \
  --resource-dir "$RESOURCE_DIR" \
  --linux-package-name "$PACKAGE_NAME" --linux-deb-maintainer "$MAINTAINER" \
  --linux-app-category admin --linux-shortcut \
  --linux-package-deps "libgtk-3-0, fonts-noto-cjk"
rm -rf "$TEMP"

DEB=$(ls "$DEB_DEST"/*.deb)
DEB_BYTES=$(stat -c %s "$DEB")
IMAGE_BYTES=$(du -sb "$IMAGE" | cut -f1)
RUNTIME_BYTES=$(du -sb "$IMAGE/lib/runtime" | cut -f1)
{
  echo "deb=$DEB"
  echo "deb.bytes=$DEB_BYTES"
  echo "appImage=$IMAGE"
  echo "appImage.bytes=$IMAGE_BYTES"
  echo "runtime.bytes=$RUNTIME_BYTES"
  echo "modules=$MODULES"
} > "$WORK_DIR/build.properties"
step "done: .deb $((DEB_BYTES / 1048576)) MiB, app-image $((IMAGE_BYTES / 1048576)) MiB (runtime $((RUNTIME_BYTES / 1048576)) MiB)"
