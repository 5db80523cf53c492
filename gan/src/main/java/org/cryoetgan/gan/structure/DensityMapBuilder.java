package org.cryoetgan.gan.structure;

import java.util.stream.IntStream;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/**
 * Sums one Gaussian per atom into a cubic box: the model's centre of mass goes to the box centre (voxel n/2 on each
 * axis), then it is rotated about it and shifted. Each Gaussian is normalised so that a voxel holds the atom's
 * weight per voxel (electrons or daltons), truncated at {@link DensitySettings#cutoff()} standard deviations and
 * evaluated separably (three 1D tables per atom). Atoms are split over threads, each with its own box.
 */
public final class DensityMapBuilder {

    private final DensitySettings settings;

    public DensityMapBuilder(DensitySettings settings) {
        this.settings = settings;
    }

    public DensitySettings settings() {
        return settings;
    }

    /** The map of the model as it is, centred. */
    public Volume build(AtomModel model) {
        return build(model, Rotation.identity(), Vec3.ZERO);
    }

    /**
     * The map of the model centred on its centre of mass, rotated by {@code rotation} about it, then shifted by
     * {@code shift} Å. Atoms falling outside the box are clipped.
     */
    public Volume build(AtomModel model, Rotation rotation, Vec3 shift) {
        int n = settings.box();
        double voxel = settings.voxel();
        double s = settings.style().sigma(settings.resolution()) / voxel; // in voxels
        int reach = (int) Math.ceil(settings.cutoff() * s);
        double norm = 1.0 / Math.pow(2 * Math.PI * s * s, 1.5);
        double[] com = model.centre(Weighting.MASS);
        double[] r = rotation.matrix();
        Weighting w = settings.style().weighting();
        int atoms = model.size();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), atoms / 20000 + 1));
        float[][] partial = new float[threads][];
        IntStream.range(0, threads).parallel().forEach(t -> {
            float[] box = new float[n * n * n];
            double[] gx = new double[2 * reach + 1];
            double[] gy = new double[2 * reach + 1];
            double[] gz = new double[2 * reach + 1];
            for (int i = t; i < atoms; i += threads) {
                double x = model.x(i) - com[0];
                double y = model.y(i) - com[1];
                double z = model.z(i) - com[2];
                double px = (r[0] * x + r[1] * y + r[2] * z + shift.x()) / voxel + n / 2;
                double py = (r[3] * x + r[4] * y + r[5] * z + shift.y()) / voxel + n / 2;
                double pz = (r[6] * x + r[7] * y + r[8] * z + shift.z()) / voxel + n / 2;
                splat(box, n, px, py, pz, w.weight(model.element(i)) * norm, s, reach, gx, gy, gz);
            }
            partial[t] = box;
        });
        float[] out = partial[0];
        for (int t = 1; t < threads; t++) {
            for (int k = 0; k < out.length; k++) {
                out[k] += partial[t][k];
            }
        }
        return new Volume(n, n, n, out, Vec3.of(voxel), Vec3.ZERO);
    }

    private static void splat(float[] box, int n, double px, double py, double pz, double weight, double s, int reach,
                              double[] gx, double[] gy, double[] gz) {
        int cx = (int) Math.round(px);
        int cy = (int) Math.round(py);
        int cz = (int) Math.round(pz);
        if (cx + reach < 0 || cy + reach < 0 || cz + reach < 0 || cx - reach >= n || cy - reach >= n || cz - reach >= n) {
            return;
        }
        double inv = 1.0 / (2 * s * s);
        double cut2 = (double) reach * reach;
        for (int d = -reach; d <= reach; d++) {
            gx[d + reach] = Math.exp(-sq(cx + d - px) * inv);
            gy[d + reach] = Math.exp(-sq(cy + d - py) * inv);
            gz[d + reach] = weight * Math.exp(-sq(cz + d - pz) * inv);
        }
        for (int dz = -reach; dz <= reach; dz++) {
            int z = cz + dz;
            if (z < 0 || z >= n) {
                continue;
            }
            for (int dy = -reach; dy <= reach; dy++) {
                int y = cy + dy;
                if (y < 0 || y >= n || dz * dz + dy * dy > cut2) {
                    continue;
                }
                double wyz = gz[dz + reach] * gy[dy + reach];
                int row = (z * n + y) * n;
                for (int dx = -reach; dx <= reach; dx++) {
                    int x = cx + dx;
                    if (x >= 0 && x < n && dz * dz + dy * dy + dx * dx <= cut2) {
                        box[row + x] += (float) (wyz * gx[dx + reach]);
                    }
                }
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
