package org.cryoetgan.gan.data;

import org.cryoetgan.gan.train.Normalization;

/**
 * The serialisable description of a {@link VolumeScaler} ({@code {"mode": ..., "mean": ..., "std": ...}}), as
 * stored in classifier folders.
 */
public record ScalerSpec(Normalization mode, double mean, double std) {

    public static ScalerSpec of(VolumeScaler s) {
        return new ScalerSpec(s.mode(), s.mean(), s.std());
    }

    /** The scaler this describes. */
    public VolumeScaler toScaler() {
        return mode == Normalization.GLOBAL_ZSCORE ? VolumeScaler.global(mean, std) : VolumeScaler.perVolume(mode);
    }
}
