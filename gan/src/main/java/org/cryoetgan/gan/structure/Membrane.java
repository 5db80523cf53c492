package org.cryoetgan.gan.structure;

import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/**
 * A lipid-bilayer density: along the membrane normal, two Gaussian head-group layers {@code thickness} apart and a
 * lower-density hydrocarbon core between them (ending two head-group widths inside the head-group centres, so that
 * the density peaks stay {@code thickness} apart), blurred to the requested resolution. The bilayer's mid-plane passes
 * through the box centre shifted by {@code offset} Å along the normal; with a curvature radius it is a spherical shell.
 */
public final class Membrane {

    private final MembraneSettings settings;

    public Membrane(MembraneSettings settings) {
        this.settings = settings;
    }

    /** A bilayer whose normal is the rotated z axis ({@code rotation} applied to (0, 0, 1)), offset along it. */
    public Volume build(Rotation rotation, double offset) {
        double[] normal = rotation.apply(0, 0, 1);
        int n = settings.box();
        double voxel = settings.voxel();
        double blur = DensityStyle.EMAN2.sigma(settings.resolution());
        double width = Math.sqrt(settings.headWidth() * settings.headWidth() + blur * blur);
        double half = settings.thickness() / 2;
        double radius = settings.curvatureRadius();
        float[] data = new float[n * n * n];
        int i = 0;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double px = (x - n / 2) * voxel;
                    double py = (y - n / 2) * voxel;
                    double pz = (z - n / 2) * voxel;
                    double d = radius > 0
                            ? radius - distance(px, py, pz, normal, radius + offset)
                            : px * normal[0] + py * normal[1] + pz * normal[2] - offset;
                    data[i++] = (float) profile(d, half, width, blur);
                }
            }
        }
        return new Volume(n, n, n, data, Vec3.of(voxel), Vec3.ZERO);
    }

    /** Distance from (x, y, z) to the centre of a sphere placed {@code c} Å below the box centre along the normal. */
    private static double distance(double x, double y, double z, double[] normal, double c) {
        double dx = x + normal[0] * c;
        double dy = y + normal[1] * c;
        double dz = z + normal[2] * c;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Density at signed distance d (Å) from the mid-plane. */
    double profile(double d, double half, double width, double blur) {
        double heads = Math.exp(-sq(d - half) / (2 * width * width)) + Math.exp(-sq(d + half) / (2 * width * width));
        double s = Math.max(blur, 1e-6) * Math.sqrt(2);
        double edge = half - 2 * settings.headWidth(); // the core ends where the head-group layers begin
        double core = 0.5 * (Erf.erf((edge - d) / s) + Erf.erf((edge + d) / s));
        return heads + settings.coreDensity() * core;
    }

    private static double sq(double v) {
        return v * v;
    }
}
