#!/usr/bin/env bash
# The one prepared check of the CUDA backend on a GPU machine, run from the repository root with the kit that
# tools/gpu/pack.sh built (gpu-kit/). Needs no JDK and no Maven: the kit's Java runtime, an NVIDIA driver, and for
# the library paths and the PyTorch comparison python3 with PyTorch (whose pip wheels bring cuDNN 9 and cuBLAS 13).
# Finishes within 8 minutes (steps that would start after CHECK_BUDGET_S, default 450 s, are skipped and listed).
# Writes to $OUT (default gpu-check-out/): check.log (everything), steps/ (one log per step), check.json (steps,
# libraries found, probe, selftest, parity suite, timings) and timings.md (the GPU table with the ratio to PyTorch).
#
# Steps: the machine (nvidia-smi, glibc, python, torch); which CUDA / cuDNN / cuBLAS / NVRTC libraries are found
# (ldconfig -p and the pip wheels' nvidia/*/lib folders, which go on LD_LIBRARY_PATH); info; selftest --device cuda
# with cuDNN/cuBLAS and with the own kernels only; the GPU parity suite (CudaGpuTest, CudaGpuOwnKernelsTest) and
# the second-order finite-difference suite on the GPU (CudaGpuGradGradTest);
# timings of generator, critics and one training step at 28^3 and 40^3, batch 1 and 8, with cuDNN and with the own
# kernels, and the same networks in PyTorch on the same GPU.
#
# --dry: on a machine without a GPU, do everything but the GPU calls and say what would run: the library search,
# the kit's runtime, info (with the real libraries, then with the kit's CUDA 13 stubs so the cuDNN 9 binding loads),
# the bindings computing against the stubs, selftest on the CPU, the parity suite (skipped, which checks its
# packaging), tiny CPU timings in the engine and PyTorch, and the report.
# Usage: tools/gpu/check.sh [--dry] [--kit DIR]
set -uo pipefail

DRY=0
KIT=gpu-kit
while [ $# -gt 0 ]; do
  case "$1" in
    --dry) DRY=1; shift ;;
    --kit) KIT="$2"; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "check.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -f tools/gpu/check.sh ] || { echo "check.sh: run it from the repository root" >&2; exit 2; }
[ -f "$KIT/cryoetgan-cli.jar" ] || { echo "check.sh: no kit at $KIT (build it with tools/gpu/pack.sh)" >&2; exit 2; }
KIT=$(cd "$KIT" && pwd)
OUT=${OUT:-$PWD/gpu-check-out}
mkdir -p "$OUT/steps"
OUT=$(cd "$OUT" && pwd)
LOG="$OUT/check.log"
: > "$LOG"
START=$(date +%s)
BUDGET=${CHECK_BUDGET_S:-450}
# python: $PYTHON, else the first python3 that imports torch, else any python3 (library search and report only)
PY=""
for p in ${PYTHON:-} python3 /usr/bin/python3 python; do
  if command -v "$p" >/dev/null && "$p" -c 'import torch' 2>/dev/null; then PY=$(command -v "$p"); break; fi
done
[ -n "$PY" ] || PY=$(command -v python3 || true)
export PY
export CRYOETGAN_NO_RELAUNCH=1
N=0

say() { echo "$*" | tee -a "$LOG"; }

# step NAME LIMIT_S COMMAND...: runs within the time left, logs to steps/NN-NAME.log, records rc and seconds
step() {
  local name=$1 limit=$2; shift 2
  N=$((N + 1))
  local base
  base="$OUT/steps/$(printf %02d "$N")-$name"
  local left=$((BUDGET - ($(date +%s) - START)))
  printf '%s\n' "$*" > "$base.cmd"
  if [ "$left" -lt 15 ]; then
    say "== [$N] $name: skipped (time budget of ${BUDGET}s spent)"
    echo skipped > "$base.rc"; echo 0 > "$base.secs"
    return
  fi
  [ "$limit" -gt "$left" ] && limit=$left
  say "== [$N] $name (limit ${limit}s): $*"
  local t0
  t0=$(date +%s)
  if declare -F "$1" >/dev/null; then   # a function of this script: run it in a child bash
    timeout --kill-after=5 "$limit" bash -c '"$@"' _ "$@" > "$base.log" 2>&1
  else
    timeout --kill-after=5 "$limit" "$@" > "$base.log" 2>&1
  fi
  local rc=$?
  echo "$rc" > "$base.rc"
  echo $(( $(date +%s) - t0 )) > "$base.secs"
  tee -a "$LOG" < "$base.log" | tail -n 40
  say "-- [$N] $name: exit $rc after $(cat "$base.secs")s"
}

# would NAME COMMAND...: the dry mode's record of a GPU step
would() {
  local name=$1; shift
  N=$((N + 1))
  local base
  base="$OUT/steps/$(printf %02d "$N")-$name"
  printf '%s\n' "$*" > "$base.cmd"
  echo dry > "$base.rc"; echo 0 > "$base.secs"
  say "== [$N] $name: would run: $*"
}

# the pip wheels' library folders (nvidia/cu13/lib, nvidia/cudnn/lib, ...) of every site-packages python knows
wheel_dirs() {
  [ -n "$PY" ] || return 0
  "$PY" - <<'PYEOF' 2>/dev/null
import glob, os, site, sys
roots = set(site.getsitepackages() + [site.getusersitepackages()] + [p for p in sys.path if p.endswith("-packages")])
for r in sorted(roots):
    for d in sorted(glob.glob(os.path.join(r, "nvidia", "*", "lib"))):
        print(d)
PYEOF
}

libraries() {
  local dirs
  dirs=$(wheel_dirs)
  echo "wheel library folders: ${dirs:-none}"
  for so in libcuda.so.1 libcudart.so.13 libcublas.so.13 libcublasLt.so.13 libcudnn.so.9 libcudnn_graph.so.9 \
            libcudnn_ops.so.9 libcudnn_cnn.so.9 libcudnn_adv.so.9 libnvrtc.so.13 libcudart.so.12 libcublas.so.12 \
            libcudnn.so.8 libnvrtc.so.12; do
    local where
    where=$( (ldconfig -p 2>/dev/null | awk -v s="$so" '$1 == s {print $NF}'; \
              for d in $dirs; do [ -e "$d/$so" ] && echo "$d/$so"; done) | sort -u | tr '\n' ' ')
    echo "library $so: ${where:-not found}"
  done
}

machine() {
  uname -srm
  ldd --version 2>&1 | head -1
  if command -v nvidia-smi >/dev/null; then nvidia-smi; else echo "nvidia-smi: not found"; fi
  if [ -n "$PY" ]; then
    "$PY" -c 'import sys, torch; print("python", sys.version.split()[0], "torch", torch.__version__, "cuda",
torch.version.cuda, "cudnn", torch.backends.cudnn.version() if torch.cuda.is_available() else None,
"gpu", torch.cuda.get_device_name(0) if torch.cuda.is_available() else None)' 2>&1 | tail -1
  else
    echo "python3: not found"
  fi
}

export -f wheel_dirs libraries machine
say "cryoetgan GPU check$( [ "$DRY" = 1 ] && echo ' (dry run: no GPU calls)') in $PWD, kit $KIT, output $OUT"
cat "$KIT/kit.txt" >> "$LOG" 2>/dev/null
WHEELS=$(wheel_dirs | tr '\n' ':')
export LD_LIBRARY_PATH="${WHEELS}${LD_LIBRARY_PATH:-}"
say "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"

JAVA="$KIT/runtime/bin/java"
if ! "$JAVA" -version > /dev/null 2>&1; then
  say "the kit's Java runtime does not start here ($("$JAVA" -version 2>&1 | head -1)); trying java on the PATH"
  JAVA=$(command -v java || echo "$JAVA")
fi
J=("$JAVA" --add-modules jdk.incubator.vector -XX:+UseParallelGC -Xmx24g
   -Dorg.bytedeco.javacpp.cachedir="${TMPDIR:-/tmp}/cryoetgan-javacpp")
CLI=(-jar "$KIT/cryoetgan-cli.jar")
OWN=(-Dcryoetgan.cudnn=false -Dcryoetgan.cublas=false)
CONSOLE=$(ls "$KIT"/lib/junit-platform-console-standalone-*.jar | head -1)
TESTS_CP="$KIT/cryoetgan-cli.jar:$KIT/lib/engine-gpu-tests.jar:$CONSOLE"
BENCH_CP="$KIT/cryoetgan-cli.jar:$KIT/lib/cryoetgan-bench.jar"
PARITY=("${J[@]}" -Dcryoetgan.poisonRecycled=true -jar "$CONSOLE" execute --disable-banner --disable-ansi-colors --details=tree
        --class-path "$KIT/cryoetgan-cli.jar:$KIT/lib/engine-gpu-tests.jar"
        --select-class org.cryoetgan.engine.cuda.CudaGpuTest --select-class org.cryoetgan.engine.cuda.CudaGpuOwnKernelsTest
        --select-class org.cryoetgan.engine.cuda.CudaGpuGradGradTest)
TIMING=(org.cryoetgan.bench.NetworkTiming --device cuda --json --size 28,40 --batch 1,8 --runs 5 --warm 3)
TORCH=(tools/gpu/torch_timing.py --device cuda --size 28,40 --batch 1,8 --runs 5)

step machine 30 machine
step libraries 20 libraries
step runtime 20 "$JAVA" -version
step info 60 "${J[@]}" "${CLI[@]}" info
if [ "$DRY" = 1 ]; then
  if [ -d "$KIT/stubs" ]; then
    step info-with-cuda13-stubs 60 env LD_LIBRARY_PATH="$KIT/stubs" "${J[@]}" "${CLI[@]}" info
    step bindings-on-stubs 60 env LD_LIBRARY_PATH="$KIT/stubs" "${J[@]}" -cp "$TESTS_CP" \
      org.cryoetgan.engine.cuda.BytedecoStubCheck compute
  else
    say "(the kit has no CUDA library stubs: the binding checks are skipped)"
  fi
  would selftest-cuda "${J[@]}" "${CLI[@]}" selftest --device cuda
  would selftest-cuda-own-kernels "${J[@]}" "${OWN[@]}" "${CLI[@]}" selftest --device cuda
  step selftest-cpu 180 "${J[@]}" "${CLI[@]}" selftest --device cpu
  step parity-suite 120 "${PARITY[@]}"
  would timing-cudnn "${J[@]}" -cp "$BENCH_CP" "${TIMING[@]}"
  would timing-torch "$PY" "${TORCH[@]}"
  would timing-own-kernels "${J[@]}" "${OWN[@]}" -cp "$BENCH_CP" "${TIMING[@]}"
  step timing-cpu-engine 120 "${J[@]}" -Dcryoetgan.threads=2 -cp "$BENCH_CP" org.cryoetgan.bench.NetworkTiming \
    --device cpu --json --size 16 --batch 1 --net critic2,step --runs 1 --warm 0
  if [ -z "$PY" ] || ! "$PY" -c 'import torch' 2>/dev/null; then
    say "(no python3 with PyTorch here: the CPU PyTorch timing is skipped)"
  else
    step timing-cpu-torch 120 "$PY" tools/gpu/torch_timing.py --device cpu --threads 2 --size 16 --batch 1 \
      --nets critic2,step --runs 1
  fi
else
  step selftest-cuda 120 "${J[@]}" "${CLI[@]}" selftest --device cuda
  step selftest-cuda-own-kernels 120 "${J[@]}" "${OWN[@]}" "${CLI[@]}" selftest --device cuda
  step parity-suite 150 "${PARITY[@]}"
  step timing-cudnn 110 "${J[@]}" -cp "$BENCH_CP" "${TIMING[@]}"
  step timing-torch 90 "$PY" "${TORCH[@]}"
  step timing-own-kernels 110 "${J[@]}" "${OWN[@]}" -cp "$BENCH_CP" "${TIMING[@]}"
fi

if [ -n "$PY" ]; then
  "$PY" tools/gpu/report.py "$OUT" --dry "$DRY" --kit "$KIT" --seconds $(( $(date +%s) - START )) 2>&1 | tee -a "$LOG"
else
  say "python3 not found: no check.json (the logs are in $OUT/steps)"
fi
say "check finished after $(( $(date +%s) - START ))s; results in $OUT"
