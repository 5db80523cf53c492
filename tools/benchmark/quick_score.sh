#!/usr/bin/env bash
# The quick loop behind the README's benchmark table: train on DATA/D + DATA/S-train, generate 3 per map from
# DATA/D, score the generated set on DATA/S-test with the independent invariant-feature yardstick.
#
#   tools/benchmark/quick_score.sh NAME DATA_DIR [train options, e.g. --preset cpu]
#
# Writes runs/quick/NAME/{run,gen} and appends one line to runs/quick/summary.txt.
set -euo pipefail
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
start=$(date +%s)
java -jar "$JAR" train --density "$DATA/D" --subtomograms "$DATA/S-train" --out "$OUT/run" "$@" > "$OUT/train.log" 2>&1
trained=$(date +%s)
java -jar "$JAR" generate --run "$OUT/run" --maps "$DATA/D" --per-map 3 --out "$OUT/gen" > "$OUT/generate.log" 2>&1
/usr/bin/python3 "$ROOT/tools/benchmark/ri_score.py" --train "$OUT/gen" --test "$DATA/S-test" > "$OUT/score.txt"
echo "$NAME train $((trained - start)) s; $(head -1 "$OUT/score.txt")" | tee -a runs/quick/summary.txt
