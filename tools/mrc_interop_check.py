#!/usr/bin/python3
"""Check that Python's mrcfile reads the MRC files the Java writer produced (tools/WriteMrcSamples.java).

    java -cp gan/target/classes tools/WriteMrcSamples.java /tmp/mrc-samples
    /usr/bin/python3 tools/mrc_interop_check.py /tmp/mrc-samples

For every file: mrcfile.validate() must pass (it checks the header fields, the machine stamp, the map word, the
statistics against the data, and the file size), and the data must equal sin(x) + 0.5 y - 0.25 z (to float16
precision in mode 12), voxel size (9.4, 9.5, 9.6) and origin (-5, 6, 7.5). Prints one line per file, exits 1 on
any failure.
"""
import glob
import io
import os
import sys
from contextlib import redirect_stdout

import mrcfile
import numpy as np


def expected():
    z, y, x = np.meshgrid(np.arange(5), np.arange(6), np.arange(7), indexing="ij")
    return (np.sin(x) + 0.5 * y - 0.25 * z).astype(np.float32)


def main():
    folder = sys.argv[1]
    failures = 0
    want = expected()
    for path in sorted(glob.glob(os.path.join(folder, "*.mrc*"))):
        log = io.StringIO()
        with redirect_stdout(log):
            valid = mrcfile.validate(path)
        with mrcfile.open(path) as m:
            tol = 1e-3 if m.data.dtype.kind == "f" and m.data.dtype.itemsize == 2 else 1e-6
            data_ok = m.data.shape == want.shape and np.allclose(m.data.astype(np.float32), want, atol=tol * 4)
            vs = m.voxel_size
            vox_ok = np.allclose([vs.x, vs.y, vs.z], [9.4, 9.5, 9.6], atol=1e-4)
            org_ok = np.allclose([m.header.origin.x, m.header.origin.y, m.header.origin.z], [-5, 6, 7.5])
            h = m.header
            d = m.data.astype(np.float64)
            stats_ok = np.allclose([h.dmin, h.dmax, h.dmean, h.rms], [d.min(), d.max(), d.mean(), d.std()], rtol=1e-5, atol=1e-6)
            info = "mode %d %s stamp %s ispg %d" % (h.mode, m.data.dtype.byteorder, bytes(h.machst).hex(), h.ispg)
        ok = valid and data_ok and vox_ok and org_ok and stats_ok
        failures += not ok
        print("%-26s %s  validate=%s data=%s voxel=%s origin=%s stats=%s  %s" % (
            os.path.basename(path), "OK  " if ok else "FAIL", valid, data_ok, vox_ok, org_ok, stats_ok, info))
        if not valid:
            print("    " + log.getvalue().replace("\n", "\n    "))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
