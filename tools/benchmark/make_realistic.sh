#!/usr/bin/env bash
# Makes the realistic benchmark data set in DIR (see make_realistic.py for what it holds and how it is made):
#
#   tools/benchmark/make_realistic.sh DIR [make_realistic.py options, e.g. --box 40 --seed 2]
#
# Needs relion (Debian package `relion`), python3-numpy, python3-mrcfile and the built CLI jar. Writes DIR/READY
# when the set is complete.
set -euo pipefail
if [ $# -lt 1 ]; then
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
OUT=$1
shift
/usr/bin/python3 "$(dirname "$0")/make_realistic.py" --out "$OUT" "$@"
touch "$OUT/READY"
