package org.cryoetgan.gan.data;

import com.fasterxml.jackson.databind.JsonNode;
import org.cryoetgan.gan.train.Normalization;

/**
 * The serialisable description of a {@link VolumeScaler} ({@code {"mode": ..., "mean": ..., "std": ...}}), as
 * stored in checkpoints and classifier folders.
 */
public record ScalerSpec(Normalization mode, double mean, double std) {

    public static ScalerSpec of(VolumeScaler s) {
        return new ScalerSpec(s.mode(), s.mean(), s.std());
    }

    /** Reads the JSON object written for a scaler; a missing or unknown mode is an error. */
    public static ScalerSpec fromJson(JsonNode node, String where) {
        if (node == null || !node.isObject() || !node.hasNonNull("mode")) {
            throw new IllegalArgumentException(where + ": no normalisation recorded (expected {\"mode\": ...})");
        }
        try {
            return new ScalerSpec(Normalization.valueOf(node.get("mode").asText()), node.path("mean").asDouble(0),
                    node.path("std").asDouble(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown normalisation '" + node.get("mode").asText() + "'");
        }
    }

    /** The scaler this describes. */
    public VolumeScaler toScaler() {
        return mode == Normalization.GLOBAL_ZSCORE ? VolumeScaler.global(mean, std) : VolumeScaler.perVolume(mode);
    }
}
