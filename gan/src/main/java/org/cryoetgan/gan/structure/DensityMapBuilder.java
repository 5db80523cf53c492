package org.cryoetgan.gan.structure;

import java.util.stream.IntStream;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/**
 * Sums one Gaussian per atom into a cubic box: the model's centre of mass goes to the box centre (voxel n/2 on each
 * axis), then it is rotated about it and shifted. Each Gaussian is evaluated separably (three 1D tables per atom)
 * on the voxels within {@link DensitySettings#cutoff()} standard deviations along each axis, and normalised over
 * those samples, so that every atom adds exactly its weight (electrons or daltons) and voxel values are weight per
 * voxel. Atoms are split over threads, each with its own box, when the model is large.
 */
public final class DensityMapBuilder {

    private final DensitySettings settings;

    public DensityMapBuilder(DensitySettings settings) {
        this.settings = settings;
    }

    public DensitySettings settings() {
        return settings;
    }

    /** The largest distance in Å of an atom from the model's centre of mass (where maps are centred). */
    public static double radius(AtomModel model) {
        double[] com = model.centre(Weighting.MASS);
        double max = 0;
        for (int i = 0; i < model.size(); i++) {
            double dx = model.x(i) - com[0];
            double dy = model.y(i) - com[1];
            double dz = model.z(i) - com[2];
            max = Math.max(max, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return max;
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
                splat(box, n, px, py, pz, w.weight(model.element(i)), s, reach, gx, gy, gz);
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

    /**
     * Add one atom: a Gaussian sampled on the voxels within {@code reach} of its nearest voxel along each axis,
     * divided by the sum of its samples so that it adds exactly {@code weight} (less what falls outside the box).
     */
    private static void splat(float[] box, int n, double px, double py, double pz, double weight, double s, int reach,
                              double[] gx, double[] gy, double[] gz) {
        int cx = (int) Math.round(px);
        int cy = (int) Math.round(py);
        int cz = (int) Math.round(pz);
        if (cx + reach < 0 || cy + reach < 0 || cz + reach < 0 || cx - reach >= n || cy - reach >= n || cz - reach >= n) {
            return;
        }
        double inv = 1.0 / (2 * s * s);
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (int d = -reach; d <= reach; d++) {
            sx += gx[d + reach] = Math.exp(-sq(cx + d - px) * inv);
            sy += gy[d + reach] = Math.exp(-sq(cy + d - py) * inv);
            sz += gz[d + reach] = Math.exp(-sq(cz + d - pz) * inv);
        }
        double scale = weight / (sx * sy * sz);
        int x0 = Math.max(-reach, -cx);
        int x1 = Math.min(reach, n - 1 - cx);
        for (int dz = Math.max(-reach, -cz); dz <= Math.min(reach, n - 1 - cz); dz++) {
            double wz = scale * gz[dz + reach];
            for (int dy = Math.max(-reach, -cy); dy <= Math.min(reach, n - 1 - cy); dy++) {
                double wyz = wz * gy[dy + reach];
                int row = ((cz + dz) * n + cy + dy) * n + cx;
                for (int dx = x0; dx <= x1; dx++) {
                    box[row + dx] += (float) (wyz * gx[dx + reach]);
                }
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
