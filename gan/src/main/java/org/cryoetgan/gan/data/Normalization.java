package org.cryoetgan.gan.data;

/**
 * How volumes are scaled before they enter the networks; generation writes outputs in the same space.
 * {@code MINMAX}: each volume linearly to [−1, 1] (matches the generators' tanh range; the default).
 * {@code ZSCORE}: each volume to zero mean, unit standard deviation, then divided by 3 and clipped to [−1, 1].
 * {@code GLOBAL_ZSCORE}: one mean and standard deviation per domain, measured on the training set (the public
 * reference code's choice), then the same /3 and clipping.
 */
public enum Normalization {
    MINMAX, ZSCORE, GLOBAL_ZSCORE
}
