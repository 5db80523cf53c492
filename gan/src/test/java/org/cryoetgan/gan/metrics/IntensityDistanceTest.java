package org.cryoetgan.gan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Wasserstein-1 between intensity samples: SciPy reference, identity, shift and a hand-worked case. */
class IntensityDistanceTest {

    @Test
    void matchesScipyForSamplesOfDifferentSizes() {
        float[] u = toFloat(Fixtures.matrix("w1_u_300.txt")[0]);
        float[] v = toFloat(Fixtures.matrix("w1_v_211.txt")[0]);
        assertEquals(Fixtures.expected("w1.uv"), IntensityDistance.wasserstein1(u, v), 1e-12);
        assertEquals(IntensityDistance.wasserstein1(u, v), IntensityDistance.wasserstein1(v, u), 1e-12);
    }

    @Test
    void identicalSamplesAreAtZeroAndShiftedOnesAtTheShift() {
        Random rng = new Random(3);
        float[] x = new float[5000];
        float[] shifted = new float[x.length];
        float[] permuted = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.round(rng.nextGaussian() * 64) / 64f; // multiples of 1/64: the shift below is exact
            shifted[i] = x[i] + 0.75f;
        }
        for (int i = 0; i < x.length; i++) {
            permuted[i] = x[(i * 7919) % x.length];
        }
        assertEquals(0.0, IntensityDistance.wasserstein1(x, permuted), 0.0);
        assertEquals(0.75, IntensityDistance.wasserstein1(x, shifted), 1e-12);
        assertEquals(0.75, IntensityDistance.wasserstein1(shifted, x), 1e-12);
    }

    @Test
    void handWorkedCase() {
        // {0, 1} vs {0, 0, 3}: CDFs differ by 1/6 on [0, 1) and by 1/3 on [1, 3): 1/6 + 2/3 = 5/6.
        assertEquals(5.0 / 6, IntensityDistance.wasserstein1(new float[] {0, 1}, new float[] {0, 0, 3}), 1e-15);
    }

    @Test
    void rejectsEmptyAndNonFiniteSamples() {
        assertThrows(IllegalArgumentException.class, () -> IntensityDistance.wasserstein1(new float[0], new float[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> IntensityDistance.wasserstein1(new float[] {Float.NaN}, new float[] {1}));
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
