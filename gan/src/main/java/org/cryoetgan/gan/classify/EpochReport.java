package org.cryoetgan.gan.classify;

/**
 * What one classifier training epoch achieved.
 *
 * @param epoch             1-based
 * @param loss              mean cross-entropy over the epoch's training batches
 * @param trainAccuracy     fraction of training volumes classified correctly during the epoch (dropout active)
 * @param heldOutAccuracy   accuracy on the held-out volumes after the epoch, or null when none were held out
 */
public record EpochReport(int epoch, double loss, double trainAccuracy, Double heldOutAccuracy) {
}
