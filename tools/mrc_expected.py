#!/usr/bin/python3
"""Record what Python's mrcfile reads from the real MRC files the Java tests use, as a TSV the tests compare with.

Run from the repository root:  /usr/bin/python3 tools/mrc_expected.py
Reads gan/src/test/resources/org/cryoetgan/gan/mrc/real/*.gz, writes expected.tsv there. Each row: the file,
dimensions along x, y, z (after applying MAPC/MAPR/MAPS), mode, voxel size, origin (ORIGIN, or NXSTART.. times the
voxel size when ORIGIN is zero, as ChimeraX does), min, max, mean, rms (population std) and five voxel values
v(x,y,z) at (0,0,0), (nx-1,0,0), (0,ny-1,0), (0,0,nz-1) and (nx//2, ny//3, nz//4). Files mrcfile cannot read in
full (the truncated one) are skipped.
"""
import glob
import os
import warnings

import mrcfile
import numpy as np

DIR = "gan/src/test/resources/org/cryoetgan/gan/mrc/real"


def xyz_array(m):
    h = m.header
    maps = [int(h.maps), int(h.mapr), int(h.mapc)]  # volume axis (1-based) of numpy axes 0, 1, 2
    if maps == [0, 0, 0]:
        maps = [3, 2, 1]
    perm = [maps.index(3 - j) for j in range(3)]  # numpy axis that becomes z, y, x
    return np.ascontiguousarray(np.asarray(m.data).transpose(perm)).astype(np.float64)


def main():
    warnings.simplefilter("ignore")
    rows = []
    for path in sorted(glob.glob(os.path.join(DIR, "*.gz"))):
        with mrcfile.open(path, permissive=True) as m:
            if m.data is None:
                continue
            h = m.header
            v = xyz_array(m)
            nz, ny, nx = v.shape
            vox = [float(m.voxel_size.x), float(m.voxel_size.y), float(m.voxel_size.z)]
            origin = [float(h.origin.x), float(h.origin.y), float(h.origin.z)]
            if origin == [0.0, 0.0, 0.0]:
                starts = {int(h.mapc): int(h.nxstart), int(h.mapr): int(h.nystart), int(h.maps): int(h.nzstart)}
                origin = [starts.get(a, 0) * vox[a - 1] for a in (1, 2, 3)]
            samples = [v[0, 0, 0], v[0, 0, nx - 1], v[0, ny - 1, 0], v[nz - 1, 0, 0], v[nz // 4, ny // 3, nx // 2]]
            fields = [os.path.basename(path), nx, ny, nz, int(h.mode)] + vox + origin
            fields += [v.min(), v.max(), v.mean(), v.std()] + samples
            rows.append("\t".join(repr(float(f)) if isinstance(f, (float, np.floating)) else str(f) for f in fields))
    with open(os.path.join(DIR, "expected.tsv"), "w") as out:
        out.write("# written by tools/mrc_expected.py with mrcfile " + mrcfile.__version__ + "\n")
        out.write("# file nx ny nz mode vx vy vz ox oy oz min max mean rms v000 vX00 v0Y0 v00Z vmid\n")
        out.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
