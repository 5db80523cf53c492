package org.cryoetgan.gan.metrics;

/**
 * The extent of a volume stored as a flat {@code float[]} in MRC order: x fastest, then y, then z, so that
 * voxel (x, y, z) lives at {@code (z * ny + y) * nx + x}. A NumPy array of shape {@code (nz, ny, nx)} in C
 * order has the same layout.
 *
 * @param nx number of voxels along x (the fastest axis)
 * @param ny number of voxels along y
 * @param nz number of voxels along z (the slowest axis)
 */
public record VolumeShape(int nx, int ny, int nz) {

    /** Checks that every extent is positive and the voxel count fits an array. */
    public VolumeShape {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("volume extents must be positive: " + nx + "x" + ny + "x" + nz);
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("volume too large for one array: " + nx + "x" + ny + "x" + nz);
        }
    }

    /** A cube of side {@code n}. */
    public static VolumeShape cube(int n) {
        return new VolumeShape(n, n, n);
    }

    /** Number of voxels. */
    public int size() {
        return nx * ny * nz;
    }

    /** Extent along an axis: 0 = x, 1 = y, 2 = z. */
    public int extent(int axis) {
        switch (axis) {
            case 0: return nx;
            case 1: return ny;
            case 2: return nz;
            default: throw new IllegalArgumentException("axis must be 0 (x), 1 (y) or 2 (z): " + axis);
        }
    }

    /** Distance in the flat array between neighbours along an axis: 0 = x, 1 = y, 2 = z. */
    public int stride(int axis) {
        switch (axis) {
            case 0: return 1;
            case 1: return nx;
            case 2: return nx * ny;
            default: throw new IllegalArgumentException("axis must be 0 (x), 1 (y) or 2 (z): " + axis);
        }
    }

    /** Throws unless {@code length} is this shape's voxel count. */
    public void requireLength(int length, String what) {
        if (length != size()) {
            throw new IllegalArgumentException(what + " has " + length + " voxels, expected " + nx + "x" + ny + "x" + nz
                    + " = " + size());
        }
    }

    @Override
    public String toString() {
        return nx + "x" + ny + "x" + nz;
    }
}
