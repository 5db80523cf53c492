package org.cryoetgan.gan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** PRDC against a NumPy transcription of Naeem et al.'s formulas ({@code tools/metrics_fixtures.py}). */
class PrdcTest {

    private static final double TOL = 1e-12;

    @Test
    void matchesTheReferenceOnFeatures() {
        double[][] real = Fixtures.matrix("prdc_real_60x8.txt");
        double[][] fake = Fixtures.matrix("prdc_fake_50x8.txt");
        for (int k : new int[] {5, 3}) {
            assertResult("prdc.k" + k, Prdc.compute(real, fake, k));
        }
    }

    @Test
    void matchesTheReferenceOnRawVoxels() {
        float[][] real = Fixtures.floatRows("prdc_voxels_real_30x216.f32", 216);
        float[][] fake = Fixtures.floatRows("prdc_voxels_fake_25x216.f32", 216);
        assertEquals(30, real.length);
        assertResult("prdc.voxels.k5", Prdc.compute(real, fake, Prdc.DEFAULT_K));
        Prdc.Result viaDouble = Prdc.compute(Features.toDouble(real), Features.toDouble(fake), Prdc.DEFAULT_K);
        assertEquals(Prdc.compute(real, fake, Prdc.DEFAULT_K), viaDouble);
    }

    @Test
    void radiusCountsThePointItself() {
        // Points on a line at 0, 1, 3, 6, 10: for k = 1 the radius is the nearest *other* point.
        double[][] pts = {{0}, {1}, {3}, {6}, {10}};
        double[] r1 = Prdc.kthNeighbourRadii(PairwiseDistances.within(pts), 1);
        assertArrayEquals(new double[] {1, 1, 2, 3, 4}, r1, 0.0);
        double[] r2 = Prdc.kthNeighbourRadii(PairwiseDistances.within(pts), 2);
        assertArrayEquals(new double[] {3, 2, 3, 4, 7}, r2, 0.0);
    }

    @Test
    void usesStrictInequality() {
        // Real points 0 and 2 have radius 2 (k = 1); a fake exactly at distance 2 from both is outside.
        double[][] real = {{0}, {2}};
        double[][] onBoundary = {{4}, {-2}};
        Prdc.Result r = Prdc.compute(real, onBoundary, 1);
        assertEquals(0.0, r.precision());
        assertEquals(0.0, r.density());
        assertEquals(0.0, r.coverage());
    }

    @Test
    void identicalGaussiansInLowDimensionScoreNearOne() {
        // n = 2000 per side, d = 2, k = 5. Over NumPy reruns: P, R 0.997 +- 0.002, D 1.00 +- 0.015,
        // C 0.970 +- 0.003 (expectation 1 - 2^-5 = 0.96875).
        Prdc.Result r = Prdc.compute(gaussian(2000, 2, 0, 1), gaussian(2000, 2, 0, 2), 5);
        assertTrue(r.precision() > 0.99, r.toString());
        assertTrue(r.recall() > 0.99, r.toString());
        assertEquals(1.0, r.density(), 0.06, r.toString());
        assertEquals(1 - Math.pow(0.5, 5), r.coverage(), 0.015, r.toString());
    }

    @Test
    void identicalGaussiansInHighDimensionKeepDensityAndCoverage() {
        // d = 64: density (1.00 +- 0.07) and coverage (0.970 +- 0.004) keep their expectations while precision
        // and recall drop to about 0.7 -- the paper's argument for density and coverage.
        Prdc.Result r = Prdc.compute(gaussian(1500, 64, 0, 3), gaussian(1500, 64, 0, 4), 5);
        assertEquals(1.0, r.density(), 0.25, r.toString());
        assertEquals(1 - Math.pow(0.5, 5), r.coverage(), 0.03, r.toString());
        assertTrue(r.precision() < 0.85 && r.recall() < 0.85, r.toString());
    }

    @Test
    void aShiftedFakeLosesFidelityAndCoverage() {
        // Fakes 5.7 sd away: density, coverage and recall collapse. Precision stays at ~0.4 because the large
        // k-NN balls of outlying reals reach the fakes -- the outlier sensitivity that density was designed to fix.
        Prdc.Result r = Prdc.compute(gaussian(500, 2, 0, 5), gaussian(500, 2, 4, 6), 5);
        assertTrue(r.density() < 0.15 && r.coverage() < 0.05 && r.recall() < 0.05, r.toString());
        assertTrue(r.precision() < 0.5 && r.precision() > r.density(), r.toString());
    }

    @Test
    void rejectsTooFewSamples() {
        double[][] five = gaussian(5, 2, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> Prdc.compute(five, five, 5));
        assertThrows(IllegalArgumentException.class, () -> Prdc.compute(five, gaussian(6, 3, 0, 1), 2));
    }

    private static void assertResult(String key, Prdc.Result r) {
        assertEquals(Fixtures.expected(key + ".precision"), r.precision(), TOL, key);
        assertEquals(Fixtures.expected(key + ".recall"), r.recall(), TOL, key);
        assertEquals(Fixtures.expected(key + ".density"), r.density(), TOL, key);
        assertEquals(Fixtures.expected(key + ".coverage"), r.coverage(), TOL, key);
    }

    static double[][] gaussian(int n, int d, double mean, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = mean + rng.nextGaussian();
            }
        }
        return x;
    }
}
