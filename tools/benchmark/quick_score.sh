#!/usr/bin/env bash
# The quick loop behind the README's benchmark table: train on DATA/D + DATA/S-train, generate 3 per map from
# DATA/D, score the generated set on DATA/S-test with the independent invariant-feature yardstick.
#
#   tools/benchmark/quick_score.sh [--presimulate] NAME DATA_DIR [train options, e.g. --preset cpu]
#
# --presimulate: train on DATA/D simulated once (seed 11) instead of DATA/D, and generate one per volume of DATA/D
# simulated 3 per map (seed 12). Writes runs/quick/NAME/{run,gen} and appends one line to runs/quick/summary.txt.
set -euo pipefail
PRESIM=0
if [ "${1:-}" = "--presimulate" ]; then
    PRESIM=1
    shift
fi
if [ $# -lt 2 ]; then
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
NAME=$1
DATA=$2
shift 2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/cli/target/cryoetgan-cli.jar}
OUT=runs/quick/$NAME
mkdir -p "$OUT"
TRAIN_MAPS=$DATA/D
GEN_MAPS=$DATA/D
PER_MAP=3
if [ $PRESIM = 1 ]; then
    for spec in "sim-train 1 11" "sim-generate 3 12"; do
        set -- $spec "$@"
        java -jar "$JAR" simulate --map "$DATA/D" -n "$2" --snr 0.5 --defocus=-5:-3 --seed "$3" --out "$OUT/$1" \
            >> "$OUT/simulate.log" 2>&1
        shift 3
    done
    TRAIN_MAPS=$OUT/sim-train
    GEN_MAPS=$OUT/sim-generate
    PER_MAP=1
fi
start=$(date +%s)
java -jar "$JAR" train --density "$TRAIN_MAPS" --subtomograms "$DATA/S-train" --out "$OUT/run" "$@" > "$OUT/train.log" 2>&1
trained=$(date +%s)
java -jar "$JAR" generate --run "$OUT/run" --maps "$GEN_MAPS" --per-map $PER_MAP --out "$OUT/gen" > "$OUT/generate.log" 2>&1
/usr/bin/python3 "$ROOT/tools/benchmark/ri_score.py" --train "$OUT/gen" --test "$DATA/S-test" > "$OUT/score.txt"
echo "$NAME train $((trained - start)) s; $(head -1 "$OUT/score.txt")" | tee -a runs/quick/summary.txt
