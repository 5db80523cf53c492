package org.cryoetgan.gan.sim;

import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/**
 * Parallel-beam projection of a volume tilted about the y axis, ray-driven with bilinear interpolation in the xz
 * plane. At tilt θ the detector coordinate of a point is u = (x − c) cos θ + (z − c) sin θ (c = n/2, in voxels), so
 * at 0° a projection is exactly the sum along z. Each projection is an nx × ny image (nz = 1).
 */
public final class Projector {

    private Projector() {
    }

    /** The projection at {@code degrees} of tilt. */
    public static Volume project(Volume v, double degrees) {
        int nx = v.nx();
        int ny = v.ny();
        int nz = v.nz();
        double cx = nx / 2;
        double cz = nz / 2;
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        float[] src = v.data();
        float[] out = new float[nx * ny];
        int samples = (int) Math.ceil(Math.sqrt((double) nx * nx + (double) nz * nz)) + 1;
        double t0 = -(samples / 2);
        for (int u = 0; u < nx; u++) {
            double du = u - cx;
            for (int s = 0; s < samples; s++) {
                double t = t0 + s;
                double x = cx + du * cos - t * sin;
                double z = cz + du * sin + t * cos;
                int x0 = (int) Math.floor(x);
                int z0 = (int) Math.floor(z);
                if (x0 < -1 || z0 < -1 || x0 >= nx || z0 >= nz) {
                    continue;
                }
                double fx = x - x0;
                double fz = z - z0;
                for (int y = 0; y < ny; y++) {
                    double acc = 0;
                    acc += weight(src, nx, ny, nz, x0, y, z0) * (1 - fx) * (1 - fz);
                    acc += weight(src, nx, ny, nz, x0 + 1, y, z0) * fx * (1 - fz);
                    acc += weight(src, nx, ny, nz, x0, y, z0 + 1) * (1 - fx) * fz;
                    acc += weight(src, nx, ny, nz, x0 + 1, y, z0 + 1) * fx * fz;
                    out[y * nx + u] += (float) acc;
                }
            }
        }
        return new Volume(nx, ny, 1, out, v.voxelSize(), new Vec3(v.origin().x(), v.origin().y(), 0));
    }

    private static float weight(float[] src, int nx, int ny, int nz, int x, int y, int z) {
        return x < 0 || z < 0 || x >= nx || z >= nz ? 0f : src[(z * ny + y) * nx + x];
    }
}
