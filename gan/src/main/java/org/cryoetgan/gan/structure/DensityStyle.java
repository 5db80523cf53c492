package org.cryoetgan.gan.structure;

/**
 * The two classical recipes for a density map from atoms: one Gaussian per atom, weighted and sized as follows.
 * Both kernels are Gaussians exp(−r²/(2s²)); they differ in how the resolution R gives s.
 */
public enum DensityStyle {
    /**
     * EMAN2's e2pdb2mrc: weight = electron count (H 1, C 6, N 7, O 8, P 15, S 16), kernel exp(−(π r / R)²),
     * so s = R / (π √2).
     */
    EMAN2(Weighting.ELECTRONS),
    /** Situs' pdb2vol: weight = atomic mass, kernel exp(−1.5 r² / σ²) with σ = R / 2, so s = R / (2 √3). */
    SITUS(Weighting.MASS);

    private final Weighting weighting;

    DensityStyle(Weighting weighting) {
        this.weighting = weighting;
    }

    public Weighting weighting() {
        return weighting;
    }

    /** The Gaussian's standard deviation s (Å) for a resolution R (Å). */
    public double sigma(double resolution) {
        return this == EMAN2 ? resolution / (Math.PI * Math.sqrt(2)) : resolution / (2 * Math.sqrt(3));
    }
}
