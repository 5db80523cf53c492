package org.cryoetgan.gan.structure;

import java.util.Objects;

/**
 * Parameters of a density map made from atoms.
 *
 * @param voxel      voxel size in Å (the paper uses 9.4 Å = 0.94 nm)
 * @param resolution resolution in Å, which sets the Gaussian width (see {@link DensityStyle#sigma})
 * @param box        edge of the cubic box in voxels
 * @param style      electron (EMAN2) or mass (Situs) weighting and kernel
 * @param cutoff     each Gaussian is truncated at this many standard deviations (3 keeps 97% of its mass in 3D)
 */
public record DensitySettings(double voxel, double resolution, int box, DensityStyle style, double cutoff) {

    public DensitySettings {
        Objects.requireNonNull(style, "style");
        if (!(voxel > 0) || !(resolution > 0) || box < 1 || !(cutoff > 0)) {
            throw new IllegalArgumentException("voxel, resolution, box and cutoff must be positive: " + voxel + ", "
                    + resolution + ", " + box + ", " + cutoff);
        }
    }

    /** EMAN2 style with a 3σ cutoff. */
    public static DensitySettings of(double voxel, double resolution, int box) {
        return new DensitySettings(voxel, resolution, box, DensityStyle.EMAN2, 3.0);
    }

    public DensitySettings withStyle(DensityStyle s) {
        return new DensitySettings(voxel, resolution, box, s, cutoff);
    }
}
