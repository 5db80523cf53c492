package org.cryoetgan.gan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** SSIM against scikit-image 0.19.3 ({@code tools/metrics_fixtures.py}). */
class SsimTest {

    private static final double TOL = 1e-12;
    private static final VolumeShape AB = new VolumeShape(16, 14, 12);
    private static final VolumeShape CD = VolumeShape.cube(16);

    private final float[] a = Fixtures.floats("ssim_a_12x14x16.f32");
    private final float[] b = Fixtures.floats("ssim_b_12x14x16.f32");
    private final float[] c = Fixtures.floats("ssim_c_16.f32");
    private final float[] d = Fixtures.floats("ssim_d_16.f32");

    @Test
    void defaultMatchesScikitImageOnANonCubicVolume() {
        assertEquals(Fixtures.expected("ssim.uniform7.range4"), Ssim.scikitImageDefault().mean(a, b, AB, 4.0), TOL);
        assertEquals(Fixtures.expected("ssim.uniform7.range6.cd"), Ssim.scikitImageDefault().mean(c, d, CD, 6.0), TOL);
    }

    @Test
    void jointDataRangeMatchesScikitImage() {
        double range = Ssim.jointDataRange(a, b);
        assertEquals(Fixtures.expected("ssim.uniform7.range_joint"), Ssim.scikitImageDefault().mean(a, b, AB, range), TOL);
    }

    @Test
    void otherWindowSizeAndPopulationCovarianceMatchScikitImage() {
        Ssim five = new Ssim(SsimWindow.uniform(5), Ssim.DEFAULT_K1, Ssim.DEFAULT_K2, true);
        assertEquals(Fixtures.expected("ssim.uniform5.range4"), five.mean(a, b, AB, 4.0), TOL);
        assertEquals(Fixtures.expected("ssim.uniform7.population.range4"),
                Ssim.scikitImageDefault().withSampleCovariance(false).mean(a, b, AB, 4.0), TOL);
    }

    @Test
    void gaussianWindowMatchesScikitImage() {
        assertEquals(11, Ssim.gaussian().window().size());
        assertEquals(Fixtures.expected("ssim.gaussian.sample.range6"), Ssim.gaussian().mean(c, d, CD, 6.0), TOL);
        assertEquals(Fixtures.expected("ssim.gaussian.population.range6"), Ssim.wang2004().mean(c, d, CD, 6.0), TOL);
    }

    @Test
    void fullMapMatchesScikitImageIncludingTheBorder() {
        float[] expected = Fixtures.floats("ssim_map_uniform7_range4_12x14x16.f32");
        double[] map = Ssim.scikitImageDefault().map(a, b, AB, 4.0);
        assertEquals(expected.length, map.length);
        for (int i = 0; i < map.length; i++) {
            assertEquals(expected[i], map[i], 1e-6, "voxel " + i); // the reference map is stored as float32
        }
        assertEquals(Ssim.scikitImageDefault().mean(a, b, AB, 4.0), Ssim.croppedMean(map, AB, 3), 0.0);
    }

    @Test
    void identicalVolumesScoreOneAndTheScoreIsSymmetric() {
        assertEquals(1.0, Ssim.scikitImageDefault().mean(a, a, AB, 4.0), 1e-12);
        assertEquals(1.0, Ssim.gaussian().mean(c, c, CD, 4.0), 1e-12);
        assertEquals(Ssim.scikitImageDefault().mean(a, b, AB, 4.0), Ssim.scikitImageDefault().mean(b, a, AB, 4.0), 1e-15);
    }

    @Test
    void independentNoiseScoresNearZero() {
        Random rng = new Random(7);
        VolumeShape s = VolumeShape.cube(34); // above the size where the fields are filtered in parallel
        float[] x = new float[s.size()];
        float[] y = new float[s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
            y[i] = (float) rng.nextGaussian();
        }
        double ssim = Ssim.scikitImageDefault().mean(x, y, s, 8.0);
        assertTrue(Math.abs(ssim) < 0.05, "SSIM of independent noise " + ssim);
    }

    @Test
    void rejectsBadArguments() {
        Ssim ssim = Ssim.scikitImageDefault();
        assertThrows(IllegalArgumentException.class, () -> ssim.mean(a, b, AB, 0.0));
        assertThrows(IllegalArgumentException.class, () -> ssim.mean(a, c, AB, 1.0));
        float[] small = new float[10 * 10 * 10];
        assertThrows(IllegalArgumentException.class, () -> Ssim.gaussian().mean(small, small, VolumeShape.cube(10), 1.0));
        assertThrows(IllegalArgumentException.class, () -> SsimWindow.uniform(4));
    }
}
