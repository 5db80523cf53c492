package org.cryoetgan.gan.benchmark;

import org.cryoetgan.gan.metrics.ModeCollapse;

/**
 * The benchmark's mode-collapse check of G_ds.
 *
 * @param outputs            distances between generated volumes across maps and across noise draws
 *                           ({@link ModeCollapse})
 * @param ratio              across-maps / across-noise correlation distance; null when the draws are identical
 * @param inputAcrossMaps    mean correlation distance between the same density maps themselves, for reference
 * @param inDomainAccuracy   accuracy of the invariant-feature classifier trained on the generated volumes of half
 *                           the maps and tested on those of the other half (how separable the generated classes
 *                           are among themselves); null when a half lacks two classes
 * @param inDomainTrain      volumes in the training half
 * @param inDomainTest       volumes in the test half
 */
public record CollapseScore(ModeCollapse.Result outputs, Double ratio, double inputAcrossMaps, Double inDomainAccuracy,
                            int inDomainTrain, int inDomainTest) {
}
