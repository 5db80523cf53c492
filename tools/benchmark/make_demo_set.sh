#!/usr/bin/env bash
# Remakes the demo's bundled RELION subtomograms in gan/src/main/resources/org/cryoetgan/gan/demo/relion/:
#
#   tools/benchmark/make_demo_set.sh
#
# The realistic benchmark's recipe (make_realistic.py: 28³ at 9.4 Å, the seven bundled models) at 10 S-train and
# 7 S-test subtomograms per class, seed 7, stored as float16 MRC (mode 12), gzipped. D is not bundled: the demo
# makes its clean maps at run time. Needs what make_realistic.sh needs (relion, python3-numpy, python3-mrcfile,
# the built CLI jar). Replaces S-train/, S-test/, stats.json and files.txt there; PROVENANCE.md is kept.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DEST=$HERE/../../gan/src/main/resources/org/cryoetgan/gan/demo/relion
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$HERE/make_realistic.sh" "$TMP/set" --train 10 --test 7 --density 1 --seed 7 --float16 --gzip
mkdir -p "$DEST"
rm -rf "$DEST/S-train" "$DEST/S-test"
cp -r "$TMP/set/S-train" "$TMP/set/S-test" "$TMP/set/stats.json" "$DEST/"
(cd "$DEST" && find S-train S-test -type f | LC_ALL=C sort && echo stats.json && echo PROVENANCE.md) > "$DEST/files.txt"
du -sb "$DEST"
