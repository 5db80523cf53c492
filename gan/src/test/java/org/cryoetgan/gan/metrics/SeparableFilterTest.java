package org.cryoetgan.gan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The smoothing behind SSIM: SciPy's 'reflect' border and agreement of the box and general paths. */
class SeparableFilterTest {

    @Test
    void reflectRepeatsTheEdgeVoxelAndKeepsReflectingBeyondTheLine() {
        // Extension of [a b c] in SciPy's 'reflect' mode: a b c | c b a | a b c | c b a | a
        int[] expected = {0, 1, 2, 2, 1, 0, 0, 1, 2, 2, 1, 0, 0}; // checked with scipy.ndimage.correlate1d
        for (int i = -6; i <= 6; i++) {
            assertEquals(expected[i + 6], SeparableFilter.reflect(i, 3), "index " + i);
        }
    }

    @Test
    void runningSumsAgreeWithTheGeneralConvolution() {
        VolumeShape shape = new VolumeShape(9, 7, 8);
        double[] box = new double[shape.size()];
        for (int i = 0; i < box.length; i++) {
            box[i] = Math.sin(0.37 * i) + (i % 5);
        }
        double[] general = box.clone();
        double[] k = SsimWindow.uniform(5).kernel();
        SeparableFilter.apply(box, shape, k, true);
        SeparableFilter.apply(general, shape, k, false);
        for (int i = 0; i < box.length; i++) {
            assertEquals(general[i], box[i], 1e-12, "voxel " + i);
        }
    }

    @Test
    void smoothingPreservesAConstantAndTheGaussianWindowIsNormalised() {
        VolumeShape shape = VolumeShape.cube(12);
        double[] c = new double[shape.size()];
        java.util.Arrays.fill(c, 2.5);
        SsimWindow.gaussian(1.5).smooth(c, shape);
        for (double v : c) {
            assertEquals(2.5, v, 1e-12);
        }
        double[] w = SsimWindow.gaussian(1.5).kernel();
        assertEquals(11, w.length);
        assertEquals(w[0], w[10], 0.0);
        assertEquals(Math.exp(-0.5 * 25 / 2.25) / Math.exp(0), w[0] / w[5], 1e-12);
    }
}
