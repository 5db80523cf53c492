package org.cryoetgan.gan.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/**
 * Trivially separable synthetic classes, for smoke tests of classifiers and evaluation: "sphere" (a ball of
 * random radius near the centre), "slab" (a layer 2–4 voxels thick across the box along a random axis) and, as a
 * third class, "rod" (a cylinder of radius 1–2 voxels through the box along a random axis), values 1 inside and 0
 * outside plus white noise of the given standard deviation.
 */
public final class ShapeVolumes {
    private ShapeVolumes() {
    }

    /** {@code perClass} volumes of each class, alternating sphere/slab, of edge {@code n}. */
    public static VolumeSet set(int n, int perClass, double noise, long seed) {
        return set(n, perClass, noise, seed, 2);
    }

    /** {@code perClass} volumes of each of the first {@code classes} (2 or 3) of sphere, slab, rod, in turn. */
    public static VolumeSet set(int n, int perClass, double noise, long seed, int classes) {
        if (classes < 2 || classes > 3) {
            throw new IllegalArgumentException("shape volumes come in 2 or 3 classes, not " + classes);
        }
        String[] names = {"sphere", "slab", "rod"};
        Random r = new Random(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < classes * perClass; i++) {
            int c = i % classes;
            Volume v = c == 0 ? sphere(n, r, noise) : c == 1 ? slab(n, r, noise) : rod(n, r, noise);
            out.add(new Sample(v, names[c], names[c] + "-" + i));
        }
        return new VolumeSet("shapes", out);
    }

    /** One noisy ball. */
    public static Volume sphere(int n, Random r, double noise) {
        double c = n / 2.0 - 0.5;
        double cx = c + r.nextGaussian() * 0.7;
        double cy = c + r.nextGaussian() * 0.7;
        double cz = c + r.nextGaussian() * 0.7;
        double rad = n * (0.18 + 0.08 * r.nextDouble());
        return fill(n, r, noise, (x, y, z) -> Math.hypot(Math.hypot(x - cx, y - cy), z - cz) <= rad);
    }

    /** One noisy slab. */
    public static Volume slab(int n, Random r, double noise) {
        int axis = r.nextInt(3);
        double centre = n / 2.0 - 0.5 + r.nextGaussian() * 0.7;
        double half = 1 + r.nextDouble();
        return fill(n, r, noise, (x, y, z) -> Math.abs((axis == 0 ? x : axis == 1 ? y : z) - centre) <= half);
    }

    /** One noisy rod. */
    public static Volume rod(int n, Random r, double noise) {
        int axis = r.nextInt(3);
        double c = n / 2.0 - 0.5;
        double u = c + r.nextGaussian() * 0.7;
        double w = c + r.nextGaussian() * 0.7;
        double rad = 1 + r.nextDouble();
        return fill(n, r, noise, (x, y, z) -> {
            double a = axis == 0 ? y : x;
            double b = axis == 2 ? y : z;
            return Math.hypot(a - u, b - w) <= rad;
        });
    }

    private interface Inside {
        boolean at(int x, int y, int z);
    }

    private static Volume fill(int n, Random r, double noise, Inside inside) {
        float[] d = new float[n * n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    d[(z * n + y) * n + x] = (float) ((inside.at(x, y, z) ? 1 : 0) + noise * r.nextGaussian());
                }
            }
        }
        return new Volume(n, n, n, d, Vec3.of(10), Vec3.ZERO);
    }
}
