#!/usr/bin/env bash
# The benchmark protocol end to end: makes the data set if it is missing, then runs `benchmark`.
#
#   tools/benchmark/run_benchmark.sh DATA_DIR OUT_DIR [benchmark and train options...]
#
# DATA_DIR holds D/, S-train/, S-test/ (each with labels.csv) and a READY marker. When READY is missing,
# the data script ($MAKE_DATA, default tools/benchmark/make_realistic.sh, which needs RELION) is run with
# DATA_DIR as its argument. With STANDIN=1 a stand-in data set is made instead with this project's own tools
# (D: density maps of the bundled models at 20 Å; S: our simulator on sharper 10 Å maps, SNR 0.3, defocus
# -3 to -5 µm). The stand-in is for development only: it is not independent of the simulator being compared.
#
# Example (a short GAN run on 2 cores):
#   tools/benchmark/run_benchmark.sh /work/data/realistic28 runs/bench28 --preset reference-code --width 16 \
#       --critic-width 32 --critic-layers 3 --noise-channels 32 --box 28 --steps 300 \
#       --cb3d-width 16 --cb3d-fc 256
set -euo pipefail
if [ $# -lt 2 ]; then
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
DATA=$1
OUT=$2
shift 2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/cli/target/cryoetgan-cli.jar}
CLI=(java -jar "$JAR")
if [ ! -f "$JAR" ]; then
    echo "error: $JAR not found (build it with ./mvnw -B -ntp package -DskipTests)" >&2
    exit 1
fi

if [ ! -f "$DATA/READY" ]; then
    if [ "${STANDIN:-0}" = 1 ]; then
        BOX=${BOX:-28}
        echo "making a stand-in data set in $DATA (our own simulator; development only)"
        "${CLI[@]}" density --demo all --per-model "${D_PER_CLASS:-40}" --box "$BOX" --voxel 9.4 --resolution 20 \
            --seed 11 --out "$DATA/D"
        "${CLI[@]}" density --demo all --per-model "${S_PER_CLASS:-60}" --box "$BOX" --voxel 9.4 --resolution 10 \
            --seed 12 --out "$DATA/sharp"
        "${CLI[@]}" simulate --map "$DATA/sharp" --snr 0.3 --defocus -3:-5 --seed 13 --no-rotation --out "$DATA/S-all"
        mkdir -p "$DATA/S-train" "$DATA/S-test"
        # every third volume of each class to S-test
        awk -F, -v d="$DATA" 'NR == 1 { print > d "/S-train/labels.csv"; print > d "/S-test/labels.csv"; next }
            { n[$2]++; part = (n[$2] % 3 == 0) ? "S-test" : "S-train";
              print > d "/" part "/labels.csv"; system("mv " d "/S-all/" $1 " " d "/" part "/") }' \
            "$DATA/S-all/labels.csv"
        rm -rf "$DATA/S-all" "$DATA/sharp"
        touch "$DATA/READY"
    else
        MAKE_DATA=${MAKE_DATA:-$ROOT/tools/benchmark/make_realistic.sh}
        if [ ! -x "$MAKE_DATA" ]; then
            echo "error: $DATA/READY missing and no data script at $MAKE_DATA (set MAKE_DATA, or STANDIN=1)" >&2
            exit 1
        fi
        "$MAKE_DATA" "$DATA"
    fi
fi

"${CLI[@]}" benchmark --data "$DATA" --out "$OUT" "$@"
