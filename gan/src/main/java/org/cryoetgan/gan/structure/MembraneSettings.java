package org.cryoetgan.gan.structure;

/**
 * A lipid bilayer patch for the membrane class (the paper's fourth Se1 class).
 *
 * @param voxel          voxel size in Å
 * @param box            box edge in voxels
 * @param thickness      distance between the two head-group layers in Å (about 40 Å for a cell membrane)
 * @param headWidth      standard deviation of each head-group layer's profile in Å (before resolution blur)
 * @param coreDensity    density of the hydrocarbon core relative to a head-group peak (0–1)
 * @param resolution     resolution in Å: the profile is blurred like an atom in {@link DensityStyle#EMAN2}
 * @param curvatureRadius radius in Å of a spherical vesicle the patch is cut from; 0 for a flat slab
 */
public record MembraneSettings(double voxel, int box, double thickness, double headWidth, double coreDensity,
                               double resolution, double curvatureRadius) {

    public MembraneSettings {
        if (!(voxel > 0) || box < 1 || !(thickness > 0) || !(headWidth > 0) || coreDensity < 0
                || !(resolution > 0) || curvatureRadius < 0) {
            throw new IllegalArgumentException("invalid membrane settings");
        }
    }

    /** A flat 40 Å bilayer with 5 Å head-group layers and a core at 40% density. */
    public static MembraneSettings flat(double voxel, int box, double resolution) {
        return new MembraneSettings(voxel, box, 40, 5, 0.4, resolution, 0);
    }

    public MembraneSettings withThickness(double t) {
        return new MembraneSettings(voxel, box, t, headWidth, coreDensity, resolution, curvatureRadius);
    }

    public MembraneSettings withCurvatureRadius(double r) {
        return new MembraneSettings(voxel, box, thickness, headWidth, coreDensity, resolution, r);
    }
}
