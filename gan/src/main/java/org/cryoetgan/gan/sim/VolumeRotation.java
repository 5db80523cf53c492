package org.cryoetgan.gan.sim;

import org.cryoetgan.gan.structure.Rotation;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/**
 * Rotates (and shifts) a density map about its centre voxel (n/2 on each axis) with trilinear interpolation; voxels
 * whose source lies outside the box become 0. The output at p holds the input at R⁻¹(p − c − shift) + c, so the
 * content is rotated by R and then moved by {@code shift} Å, the same convention as
 * {@link org.cryoetgan.gan.structure.DensityMapBuilder}.
 */
public final class VolumeRotation {

    private VolumeRotation() {
    }

    public static Volume rotate(Volume v, Rotation rotation, Vec3 shift) {
        int nx = v.nx();
        int ny = v.ny();
        int nz = v.nz();
        double[] m = rotation.inverse().matrix();
        Vec3 vox = v.voxelSize();
        double sx = shift.x() / vox.x();
        double sy = shift.y() / vox.y();
        double sz = shift.z() / vox.z();
        double cx = nx / 2;
        double cy = ny / 2;
        double cz = nz / 2;
        float[] src = v.data();
        float[] out = new float[src.length];
        java.util.stream.IntStream.range(0, nz).parallel().forEach(z -> {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double px = x - cx - sx;
                    double py = y - cy - sy;
                    double pz = z - cz - sz;
                    double qx = m[0] * px + m[1] * py + m[2] * pz + cx;
                    double qy = m[3] * px + m[4] * py + m[5] * pz + cy;
                    double qz = m[6] * px + m[7] * py + m[8] * pz + cz;
                    out[(z * ny + y) * nx + x] = (float) trilinear(src, nx, ny, nz, qx, qy, qz);
                }
            }
        });
        return new Volume(nx, ny, nz, out, vox, v.origin());
    }

    static double trilinear(float[] s, int nx, int ny, int nz, double x, double y, double z) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        int z0 = (int) Math.floor(z);
        if (x0 < -1 || y0 < -1 || z0 < -1 || x0 >= nx || y0 >= ny || z0 >= nz) {
            return 0;
        }
        double fx = x - x0;
        double fy = y - y0;
        double fz = z - z0;
        double acc = 0;
        for (int dz = 0; dz < 2; dz++) {
            int zz = z0 + dz;
            if (zz < 0 || zz >= nz) {
                continue;
            }
            double wz = dz == 0 ? 1 - fz : fz;
            for (int dy = 0; dy < 2; dy++) {
                int yy = y0 + dy;
                if (yy < 0 || yy >= ny) {
                    continue;
                }
                double wy = wz * (dy == 0 ? 1 - fy : fy);
                for (int dx = 0; dx < 2; dx++) {
                    int xx = x0 + dx;
                    if (xx < 0 || xx >= nx) {
                        continue;
                    }
                    acc += wy * (dx == 0 ? 1 - fx : fx) * s[(zz * ny + yy) * nx + xx];
                }
            }
        }
        return acc;
    }
}
