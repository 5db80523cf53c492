package org.cryoetgan.gan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The collapse check on outputs built to be input-driven, noise-driven, or constant. */
class ModeCollapseTest {
    private static final int VOXELS = 500;

    /** y[m][k] = mapWeight · pattern_m + noiseWeight · noise_mk. */
    private static List<List<float[]>> outputs(int maps, int draws, double mapWeight, double noiseWeight) {
        Random r = new Random(11);
        List<List<float[]>> out = new ArrayList<>();
        for (int m = 0; m < maps; m++) {
            float[] pattern = gaussian(r);
            List<float[]> drawsOfMap = new ArrayList<>();
            for (int k = 0; k < draws; k++) {
                float[] noise = gaussian(r);
                float[] y = new float[VOXELS];
                for (int i = 0; i < VOXELS; i++) {
                    y[i] = (float) (mapWeight * pattern[i] + noiseWeight * noise[i]);
                }
                drawsOfMap.add(y);
            }
            out.add(drawsOfMap);
        }
        return out;
    }

    private static float[] gaussian(Random r) {
        float[] v = new float[VOXELS];
        for (int i = 0; i < VOXELS; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    @Test
    void inputDrivenOutputsHaveALargeRatio() {
        ModeCollapse.Result r = ModeCollapse.compute(outputs(5, 4, 1, 0.2));
        // map part variance 1, noise 0.04: draws of one map correlate at 1/1.04, different maps at ~0
        assertEquals(1 - 1 / 1.04, r.acrossNoise(), 0.02);
        assertEquals(1, r.acrossMaps(), 0.1);
        assertTrue(r.ratio() > 10, r.toString());
        assertEquals(Math.sqrt(2 * 1.04), r.rmsAcrossMaps(), 0.1);
        assertEquals(Math.sqrt(2 * 0.04), r.rmsAcrossNoise(), 0.03);
        assertEquals(5, r.maps());
        assertEquals(4, r.draws());
    }

    @Test
    void outputsThatIgnoreTheMapHaveARatioNearOne() {
        ModeCollapse.Result r = ModeCollapse.compute(outputs(5, 4, 0, 1));
        assertEquals(1, r.ratio(), 0.15, r.toString());
    }

    @Test
    void identicalOutputsHaveZeroDistancesAndIdenticalDrawsAnInfiniteRatio() {
        ModeCollapse.Result same = ModeCollapse.compute(constant(3, 2));
        assertEquals(0, same.acrossMaps(), 1e-12);
        assertEquals(0, same.rmsAcrossMaps(), 1e-12);
        ModeCollapse.Result deterministic = ModeCollapse.compute(outputs(3, 2, 1, 0));
        assertEquals(Double.POSITIVE_INFINITY, deterministic.ratio());
    }

    @Test
    void meanCorrelationDistanceAndBadInput() {
        float[] a = {1, 2, 3, 4};
        float[] b = {2, 4, 6, 8};
        float[] c = {4, 3, 2, 1};
        assertEquals((0 + 2 + 2) / 3.0, ModeCollapse.meanCorrelationDistance(List.of(a, b, c)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ModeCollapse.compute(outputs(1, 3, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> ModeCollapse.compute(outputs(3, 1, 1, 1)));
    }

    private static List<List<float[]>> constant(int maps, int draws) {
        Random r = new Random(2);
        float[] pattern = gaussian(r);
        List<List<float[]>> out = new ArrayList<>();
        for (int m = 0; m < maps; m++) {
            List<float[]> d = new ArrayList<>();
            for (int k = 0; k < draws; k++) {
                d.add(pattern.clone());
            }
            out.add(d);
        }
        return out;
    }
}
