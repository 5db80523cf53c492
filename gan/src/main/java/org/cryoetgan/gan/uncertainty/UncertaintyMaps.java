package org.cryoetgan.gan.uncertainty;

import org.cryoetgan.gan.volume.Volume;

/**
 * Per-voxel statistics of repeated stochastic generations from one density map (the paper's Figure 4).
 *
 * @param mean          mean of the samples, in the generator's output space (normalised subtomogram units)
 * @param std           population standard deviation of the samples per voxel (numpy's default)
 * @param samples       how many generations were drawn
 * @param dropoutLayers dropout layers that were active (0: only the noise channel varied)
 */
public record UncertaintyMaps(Volume mean, Volume std, int samples, int dropoutLayers) {
}
