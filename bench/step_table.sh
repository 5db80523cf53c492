#!/usr/bin/env bash
# The training-step table: for each configuration, `cryoetgan-cli time-step` and its PyTorch twin
# (bench/compare_pytorch.py --step) one after the other, ROUNDS times, then the markdown table (bench/step_table.py).
#
# Usage: bench/step_table.sh [OUT_DIR]      (needs cli/target/cryoetgan-cli.jar and /usr/bin/python3 with torch)
# Environment: THREADS (2), WARMUP (2), STEPS (5), ROUNDS (1), PEAK_GFLOPS (see step_table.py), QUICK=1 for a
# two-config smoke run, FROM=i to resume at configuration i (0-based), appending to OUT_DIR's results. PyTorch runs with OMP_WAIT_POLICY=PASSIVE: on a machine shared with other jobs its
# OpenMP threads otherwise spin against them and a step takes several times longer.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="${1:-$root/bench/target/step-table}"
threads="${THREADS:-2}"
warmup="${WARMUP:-2}"
steps="${STEPS:-5}"
rounds="${ROUNDS:-1}"
jar="$root/cli/target/cryoetgan-cli.jar"
mkdir -p "$out"
from="${FROM:-0}"
if [[ "$from" == 0 ]]; then
  rm -f "$out/ours.jsonl" "$out/torch.jsonl"
fi

# each entry: warm-up steps, measured steps (- for WARMUP, STEPS), then the options of both tools
configs=(
  "- - --box 28 --width 16 --critic-width 32 --critic-stride 2 --batch 1"
  "- - --box 28 --width 16 --critic-width 32 --critic-stride 2 --batch 4"
  "- - --box 28 --width 32 --critic-width 64 --critic-stride 2 --batch 1"
  "- - --box 28 --width 32 --critic-width 64 --critic-stride 2 --batch 4"
  "- - --box 28 --width 16 --critic-width 32 --critic-stride 1 --batch 1"
  "- - --box 28 --width 32 --critic-width 64 --critic-stride 1 --batch 1"
  "- - --box 40 --width 32 --critic-width 64 --critic-stride 2 --batch 1"
  "1 3 --box 40 --width 32 --critic-width 64 --critic-stride 1 --batch 1"
  "1 2 --cb3d --box 28 --volumes 64"
)
if [[ "${QUICK:-0}" == 1 ]]; then
  configs=("- - --box 16 --width 4 --critic-width 8 --critic-stride 2 --batch 1" "- - --cb3d --box 12 --volumes 8")
fi

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/log.txt"
for ((i = from; i < ${#configs[@]}; i++)); do
  read -r w s cfg <<< "${configs[$i]}"
  [[ "$w" == - ]] && w="$warmup"
  [[ "$s" == - ]] && s="$steps"
  for ((r = 0; r < rounds; r++)); do
    java -Xmx12g -XX:+UseParallelGC -Dcryoetgan.threads="$threads" -jar "$jar" time-step --device cpu \
        --warmup "$w" --steps "$s" $cfg --json "$out/ours.jsonl" | tee -a "$out/log.txt"
    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 "$here/compare_pytorch.py" --step --threads "$threads" \
        --warmup "$w" --steps "$s" $cfg --json "$out/torch.jsonl" | tee -a "$out/log.txt"
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/log.txt"
/usr/bin/python3 "$here/step_table.py" "$out/ours.jsonl" "$out/torch.jsonl" | tee "$out/table.md"
