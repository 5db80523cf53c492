package org.cryoetgan.gan.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one stored form of a {@link VolumeScaler}: {@code {"mode": ..., "mean": ..., "std": ...}}, plus
 * {@code "clip"} when the z-score clip range is not the default {@value VolumeScaler#ZSCORE_CLIP}. A training
 * run's checkpoints hold it as {@code density_scaler} and {@code subtomogram_scaler} in their metadata, a
 * classifier folder as {@code normalization} in its description; both are written by serialising this record
 * (Jackson) and read back with {@link #fromJson} or by Jackson.
 *
 * @param mode the normalisation
 * @param mean the fitted mean ({@code GLOBAL_ZSCORE}; 0 otherwise)
 * @param std  the fitted standard deviation ({@code GLOBAL_ZSCORE}; 1 otherwise)
 * @param clip standard deviations mapped onto ±1, or null for the default (absent from the JSON)
 */
public record ScalerSpec(Normalization mode, double mean, double std,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double clip) {

    /** The description of {@code s}. */
    public static ScalerSpec of(VolumeScaler s) {
        return new ScalerSpec(s.mode(), s.mean(), s.std(), s.clip() == VolumeScaler.ZSCORE_CLIP ? null : s.clip());
    }

    /**
     * Reads the stored form. Keys that are absent take their defaults: the mode {@code fallbackMode} (checkpoints
     * written before the scaler was stored: the run's configured normalisation), mean and standard deviation 0,
     * the clip {@value VolumeScaler#ZSCORE_CLIP}; a missing node reads as all defaults.
     */
    public static ScalerSpec fromJson(JsonNode node, Normalization fallbackMode) {
        JsonNode clip = node.path("clip");
        return new ScalerSpec(Normalization.valueOf(node.path("mode").asText(fallbackMode.name())),
                node.path("mean").asDouble(), node.path("std").asDouble(),
                clip.isMissingNode() || clip.isNull() ? null : clip.asDouble(VolumeScaler.ZSCORE_CLIP));
    }

    /** The clip range in standard deviations, the default when none is stored. */
    public double clipOrDefault() {
        return clip == null ? VolumeScaler.ZSCORE_CLIP : clip;
    }

    /** The scaler this describes. */
    public VolumeScaler toScaler() {
        return mode == Normalization.GLOBAL_ZSCORE ? VolumeScaler.global(mean, std, clipOrDefault())
                : VolumeScaler.perVolume(mode, clipOrDefault());
    }
}
