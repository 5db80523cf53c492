package org.cryoetgan.gan.volume;

import java.util.Arrays;
import java.util.Objects;

/**
 * A 3D scalar volume of float32 voxels, stored x-fastest: the voxel (x, y, z) is at {@code x + nx * (y + ny * z)},
 * which is the numpy order {@code [z][y][x]} used by {@code mrcfile}.
 *
 * <p>The voxel size is in ångström per voxel along each axis, and the origin is the position in ångström of voxel
 * (0, 0, 0). The data array is shared, not copied: {@link #data()} returns the backing array so that numerical code
 * can work on it directly; use {@link #copy()} for an independent volume. A 2D image is a volume with {@code nz = 1}.
 */
public final class Volume {

    private final int nx;
    private final int ny;
    private final int nz;
    private final float[] data;
    private final Vec3 voxelSize;
    private final Vec3 origin;

    /** A zero-filled volume with 1 Å voxels at the origin. */
    public Volume(int nx, int ny, int nz) {
        this(nx, ny, nz, new float[checkedSize(nx, ny, nz)], Vec3.of(1), Vec3.ZERO);
    }

    /** A volume over {@code data} (not copied), whose length must be {@code nx * ny * nz}. */
    public Volume(int nx, int ny, int nz, float[] data, Vec3 voxelSize, Vec3 origin) {
        int n = checkedSize(nx, ny, nz);
        Objects.requireNonNull(data, "data");
        if (data.length != n) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected " + nx + "×" + ny + "×" + nz + " = " + n);
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.data = data;
        this.voxelSize = Objects.requireNonNull(voxelSize, "voxelSize");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** A zero-filled cube of side {@code n} with isotropic voxels of {@code voxel} Å. */
    public static Volume cube(int n, double voxel) {
        return new Volume(n, n, n, new float[checkedSize(n, n, n)], Vec3.of(voxel), Vec3.ZERO);
    }

    private static int checkedSize(int nx, int ny, int nz) {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("volume dimensions must be positive, got " + nx + "×" + ny + "×" + nz);
        }
        long n = (long) nx * ny * nz;
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("volume " + nx + "×" + ny + "×" + nz + " has more voxels than a Java array can hold");
        }
        return (int) n;
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public int nz() {
        return nz;
    }

    /** Number of voxels. */
    public int size() {
        return data.length;
    }

    /** The backing array, x-fastest (not a copy). */
    public float[] data() {
        return data;
    }

    /** Voxel size in Å along x, y and z. */
    public Vec3 voxelSize() {
        return voxelSize;
    }

    /** Position in Å of voxel (0, 0, 0). */
    public Vec3 origin() {
        return origin;
    }

    /** Linear index of voxel (x, y, z). */
    public int index(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }

    public float get(int x, int y, int z) {
        return data[index(x, y, z)];
    }

    public void set(int x, int y, int z, float v) {
        data[index(x, y, z)] = v;
    }

    /** True when the volume is a cube (nx = ny = nz). */
    public boolean isCube() {
        return nx == ny && ny == nz;
    }

    /** The same data with another voxel size. */
    public Volume withVoxelSize(Vec3 voxel) {
        return new Volume(nx, ny, nz, data, voxel, origin);
    }

    /** The same data with another origin. */
    public Volume withOrigin(Vec3 newOrigin) {
        return new Volume(nx, ny, nz, data, voxelSize, newOrigin);
    }

    /** An independent copy. */
    public Volume copy() {
        return new Volume(nx, ny, nz, data.clone(), voxelSize, origin);
    }

    /** A copy of the sections {@code z0 .. z0 + depth - 1}, with the origin moved accordingly. */
    public Volume sections(int z0, int depth) {
        if (z0 < 0 || depth < 1 || z0 + depth > nz) {
            throw new IllegalArgumentException("sections " + z0 + ".." + (z0 + depth - 1) + " are outside 0.." + (nz - 1));
        }
        int plane = nx * ny;
        float[] part = Arrays.copyOfRange(data, z0 * plane, (z0 + depth) * plane);
        Vec3 o = new Vec3(origin.x(), origin.y(), origin.z() + z0 * voxelSize.z());
        return new Volume(nx, ny, depth, part, voxelSize, o);
    }

    /** Minimum, maximum, mean and RMS deviation of the voxel values. */
    public VolumeStats stats() {
        return VolumeStats.of(data);
    }

    @Override
    public String toString() {
        return "Volume[" + nx + "×" + ny + "×" + nz + ", voxel " + voxelSize + " Å]";
    }
}
