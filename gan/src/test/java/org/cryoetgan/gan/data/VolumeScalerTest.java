package org.cryoetgan.gan.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeScalerTest {
    /** Nine zeros and one 10: mean 1, std 3, so the 10 sits at +3σ and the zeros at −σ/3. */
    private static final float[] SPIKE = {0, 0, 0, 0, 0, 0, 0, 0, 0, 10};

    @Test
    void theZscoreClipSetsHowManyStandardDeviationsMapOntoOne() {
        float[] at3 = VolumeScaler.perVolume(Normalization.ZSCORE).apply(SPIKE);
        assertEquals(1f, at3[9], 1e-6f);
        assertEquals(-1 / 9f, at3[0], 1e-6f);
        float[] at6 = VolumeScaler.perVolume(Normalization.ZSCORE, 6).apply(SPIKE);
        assertEquals(0.5f, at6[9], 1e-6f);
        assertEquals(-1 / 18f, at6[0], 1e-6f);
        float[] clipped = VolumeScaler.perVolume(Normalization.ZSCORE, 1.5).apply(SPIKE);
        assertEquals(1f, clipped[9], 0f);
        VolumeScaler global = VolumeScaler.fit(Normalization.GLOBAL_ZSCORE, 6, List.of(SPIKE));
        assertEquals(6, global.clip(), 0);
        assertEquals(0.5f, global.apply(SPIKE)[9], 1e-6f);
        assertEquals(3, VolumeScaler.fit(Normalization.ZSCORE, List.of(SPIKE)).clip(), 0);
    }

    @Test
    void aClipThatIsNotPositiveAndFiniteIsRefused() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> VolumeScaler.perVolume(Normalization.ZSCORE, bad));
        }
    }
}
