#!/usr/bin/python3
"""Write the small MRC fixtures that the Java MRC tests read, with Python's mrcfile (Debian python3-mrcfile).

Run from the repository root:  /usr/bin/python3 tools/mrc_fixtures.py
Output: gan/src/test/resources/org/cryoetgan/gan/mrc/written-by-mrcfile/ (a few hundred bytes each).

Every grid is NX=5, NY=4, NZ=3 with value v(x, y, z) = a formula per mode (see `values`), voxel size
(1.5, 2.0, 2.5) A and origin (10, -20, 30) A. The Java tests compute the same formulas.
"""
import gzip
import os
import shutil
import warnings

import mrcfile
import numpy as np

OUT = "gan/src/test/resources/org/cryoetgan/gan/mrc/written-by-mrcfile"
NX, NY, NZ = 5, 4, 3
VOXEL = (1.5, 2.0, 2.5)
ORIGIN = (10.0, -20.0, 30.0)


def index_grid():
    z, y, x = np.meshgrid(np.arange(NZ), np.arange(NY), np.arange(NX), indexing="ij")
    return x, y, z


def values(mode):
    """The value of voxel (x, y, z) for each mode; must match MrcFixtures.expected in the Java tests."""
    x, y, z = index_grid()
    k = x + 5 * y + 20 * z  # 0 .. 59
    if mode == 0:
        return (k - 50).astype(np.int8)
    if mode == 1:
        return (k * 300 - 10000).astype(np.int16)
    if mode == 6:
        return (k * 1000).astype(np.uint16)
    f = x + 0.5 * y - 0.25 * z + 0.125
    return f.astype(np.float32 if mode == 2 else np.float16)


def write(name, data, ispg=None, voxel=VOXEL, ext=None):
    path = os.path.join(OUT, name)
    with mrcfile.new(path, overwrite=True) as m:
        m.set_data(data)
        if ispg == 0:
            m.set_image_stack()
        m.voxel_size = voxel
        m.header.origin = ORIGIN
        if ext is not None:
            m.set_extended_header(ext)
            m.header.exttyp = b"SERI"
        m.update_header_stats()
    return path


def patch(path, offset, raw):
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(raw)


def to_big_endian_header(src, dst):
    """Copy an MRC file with its header words byte-swapped and a big-endian stamp (for 1-byte modes, whose
    numpy dtype has no byte order, so mrcfile always writes them little-endian)."""
    raw = bytearray(open(src, "rb").read())
    for off in range(0, 224, 4):
        if off in (104, 208, 212):  # EXTTYP, MAP and MACHST are bytes, not numbers
            continue
        raw[off:off + 4] = raw[off:off + 4][::-1]
    raw[212:216] = bytes([0x11, 0x11, 0, 0])
    open(dst, "wb").write(bytes(raw))


def main():
    os.makedirs(OUT, exist_ok=True)
    warnings.simplefilter("ignore")
    for mode in (0, 1, 2, 6, 12):
        data = values(mode)
        write(f"mode{mode}_le.mrc", data.astype(data.dtype.newbyteorder("<")))
        if mode == 0:
            to_big_endian_header(os.path.join(OUT, "mode0_le.mrc"), os.path.join(OUT, "mode0_be.mrc"))
        else:
            write(f"mode{mode}_be.mrc", data.astype(data.dtype.newbyteorder(">")))

    # Image stack (ISPG 0): 3 images of 5x4; volume stack (ISPG 401): 2 volumes of 5x4x3.
    write("image_stack.mrc", values(2), ispg=0)
    vols = np.stack([values(2), values(2) + 100]).astype(np.float32)
    write("volume_stack.mrc", vols)  # 4-D data: mrcfile makes a volume stack, ISPG 401

    # Extended header: 80 bytes 0..79, type SERI.
    write("extended_header.mrc", values(2), ext=np.arange(80, dtype=np.uint8).view("V80"))

    # Axis order MAPC/MAPR/MAPS = 3,1,2 (columns along z, rows along x, sections along y), as EMD-3001 has.
    v = values(2)  # v[z][y][x]
    f = np.ascontiguousarray(v.transpose(1, 2, 0))  # f[s=y][r=x][c=z]
    path = write("axes_312.mrc", f)
    with mrcfile.open(path, mode="r+", permissive=True) as m:
        m.header.mapc, m.header.mapr, m.header.maps = 3, 1, 2
        m.header.mx, m.header.my, m.header.mz = NX, NY, NZ
        m.header.cella = (NX * VOXEL[0], NY * VOXEL[1], NZ * VOXEL[2])

    # Wrong machine stamps: little-endian data stamped big-endian, and a zero stamp.
    shutil.copy(os.path.join(OUT, "mode1_le.mrc"), os.path.join(OUT, "mode1_le_stamped_be.mrc"))
    patch(os.path.join(OUT, "mode1_le_stamped_be.mrc"), 212, bytes([0x11, 0x11, 0, 0]))
    shutil.copy(os.path.join(OUT, "mode2_be.mrc"), os.path.join(OUT, "mode2_be_stamp_zero.mrc"))
    patch(os.path.join(OUT, "mode2_be_stamp_zero.mrc"), 212, bytes(4))

    # gzip: the same float32 file compressed.
    with open(os.path.join(OUT, "mode2_le.mrc"), "rb") as src, gzip.open(os.path.join(OUT, "mode2_le.mrc.gz"), "wb") as dst:
        shutil.copyfileobj(src, dst)


if __name__ == "__main__":
    main()
