#!/usr/bin/env bash
# Builds the GPU device kit: everything tools/gpu/check.sh needs on a machine without a JDK or Maven, in one folder
# of at most 56 MiB (default gpu-kit/ at the repository root, kept out of git):
#   runtime/                   a jlinked Java runtime (the modules the jars need, jdk.incubator.vector included)
#   cryoetgan-cli.jar          the command line
#   lib/cryoetgan-bench.jar    NetworkTiming (the engine and nn classes come from the cli jar)
#   lib/engine-gpu-tests.jar   the engine's CUDA test classes: the GPU parity suite and the binding checks
#   lib/junit-platform-console-standalone-*.jar   runs those tests without Maven
#   stubs/                     host fakes of the CUDA 13 libraries, for check.sh --dry (when a C compiler exists)
#   kit.txt                    what was packed: commit, JDK, modules, sizes
# Usage: tools/gpu/pack.sh [--out DIR] [--jdk JDK_HOME] [--no-build]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KIT="$ROOT/gpu-kit"
JDK="${JAVA_HOME:-}"
BUILD=1
LIMIT_MIB=56
# jdeps finds these too, but only code the check never runs uses them: PNG previews (java.desktop), annotation
# metadata (java.compiler), Jackson's and Gson's optional java.sql support (java.sql, which also brings java.xml);
# java.logging, which JCuda needs and java.sql brought, is added instead. Saves about 14 MiB.
LEAVE_OUT="java.desktop java.compiler java.sql"
ADD="jdk.incubator.vector java.logging"

while [ $# -gt 0 ]; do
  case "$1" in
    --out) KIT=$(realpath -m "$2"); shift 2 ;;
    --jdk) JDK="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "pack.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$JDK" ]; then
  JDK=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
fi
[ -x "$JDK/bin/jlink" ] || { echo "pack.sh: no jlink in $JDK/bin (give a JDK with --jdk)" >&2; exit 2; }
cd "$ROOT"
t0=$(date +%s)

if [ "$BUILD" = 1 ]; then
  echo "== building the cli and bench jars"
  ./mvnw -B -ntp -q -pl cli,bench -am package -DskipTests
  echo "== compiling the engine's test classes and checking the CUDA 13 library stubs"
  ./mvnw -B -ntp -q -pl engine test -Dtest=BytedecoStubLibrariesTest -Dsurefire.failIfNoSpecifiedTests=false
fi
JUNIT=$(sed -n 's:.*<junit.version>5\.\(.*\)</junit.version>.*:1.\1:p' pom.xml)
CONSOLE=junit-platform-console-standalone-$JUNIT.jar
if [ ! -f "$HOME/.m2/repository/org/junit/platform/junit-platform-console-standalone/$JUNIT/$CONSOLE" ]; then
  ./mvnw -B -ntp -q dependency:get -Dartifact="org.junit.platform:junit-platform-console-standalone:$JUNIT" \
    -Dtransitive=false
fi

echo "== assembling $KIT"
rm -rf "$KIT"
mkdir -p "$KIT/lib"
cp cli/target/cryoetgan-cli.jar "$KIT/"
cp bench/target/cryoetgan-bench-*[0-9T].jar "$KIT/lib/cryoetgan-bench.jar" 2>/dev/null \
  || cp "$(ls bench/target/cryoetgan-bench-*.jar | grep -v sources | head -1)" "$KIT/lib/cryoetgan-bench.jar"
# the CUDA test classes, and the second-order suite that CudaGpuGradGradTest runs with its checks
"$JDK/bin/jar" --create --file "$KIT/lib/engine-gpu-tests.jar" -C engine/target/test-classes org/cryoetgan/engine/cuda \
  -C engine/target/test-classes org/cryoetgan/engine/testing \
  -C engine/target/test-classes org/cryoetgan/engine/ops/GradGradSuite.class
cp "$HOME/.m2/repository/org/junit/platform/junit-platform-console-standalone/$JUNIT/$CONSOLE" "$KIT/lib/"
STUBS=$(ls -td engine/target/cuda-stubs/*/all 2>/dev/null | head -1 || true)
if [ -n "$STUBS" ]; then
  mkdir -p "$KIT/stubs"
  cp "$STUBS"/*.so* "$KIT/stubs/" && rm -f "$KIT"/stubs/*.map
else
  echo "   (no CUDA library stubs: no C compiler here; check.sh --dry will skip the binding checks)"
fi

echo "== linking the Java runtime with $JDK"
FOUND=$("$JDK/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
  "$KIT/cryoetgan-cli.jar" "$KIT/lib/cryoetgan-bench.jar" "$KIT/lib/$CONSOLE" 2>/dev/null | tail -1)
MODULES=${ADD// /,}
for m in ${FOUND//,/ }; do
  case " $LEAVE_OUT $ADD " in *" $m "*) ;; *) MODULES="$MODULES,$m" ;; esac
done
FEATURE=$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
COMPRESS=--compress=2
[ "${FEATURE%%.*}" -ge 21 ] 2>/dev/null && COMPRESS=--compress=zip-6
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages "$COMPRESS" \
  --output "$KIT/runtime" 2>&1 | grep -v "incubator modules" || true
if command -v strip >/dev/null; then
  strip --strip-unneeded "$KIT/runtime/lib/server/libjvm.so"   # the symbol table only; .dynsym stays
fi
GLIBC=$(objdump -T "$KIT"/runtime/lib/server/libjvm.so "$KIT"/runtime/lib/*.so 2>/dev/null \
  | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1 || echo "?")
"$KIT/runtime/bin/java" --add-modules jdk.incubator.vector -jar "$KIT/cryoetgan-cli.jar" --version >/dev/null 2>&1 \
  || { echo "pack.sh: the linked runtime does not start the cli" >&2; exit 1; }

SIZE_KIB=$(du -sk "$KIT" | cut -f1)
{
  echo "cryoetgan GPU kit"
  echo "commit:   $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!gpu-kit' || echo ' (with uncommitted changes)')"
  echo "built:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "jdk:      $JDK ($("$JDK/bin/java" -version 2>&1 | head -1))"
  echo "modules:  $MODULES (left out: ${LEAVE_OUT// /, })"
  echo "needs:    glibc with $GLIBC, x86-64 Linux"
  echo "junit:    $CONSOLE"
  echo "stubs:    $( [ -d "$KIT/stubs" ] && ls "$KIT/stubs" | tr '\n' ' ' || echo none)"
  echo "size:     $((SIZE_KIB / 1024)) MiB ($SIZE_KIB KiB)"
  (cd "$KIT" && du -sk runtime cryoetgan-cli.jar lib/* stubs 2>/dev/null | sed 's/^/  KiB /')
} > "$KIT/kit.txt"
cat "$KIT/kit.txt"
echo "== done in $(( $(date +%s) - t0 )) s"
if [ "$SIZE_KIB" -gt $((LIMIT_MIB * 1024)) ]; then
  echo "pack.sh: the kit is $((SIZE_KIB / 1024)) MiB, over the $LIMIT_MIB MiB limit" >&2
  exit 1
fi
