package org.cryoetgan.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.layers.Conv3d;
import org.cryoetgan.nn.layers.ConvTranspose3d;
import org.cryoetgan.nn.layers.Sequential;
import org.cryoetgan.nn.layers.SpectralNorm;
import org.junit.jupiter.api.Test;

class InitTest {

    private static double[] meanStd(float[] v) {
        double m = 0;
        for (float f : v) {
            m += f;
        }
        m /= v.length;
        double s = 0;
        for (float f : v) {
            s += (f - m) * (f - m);
        }
        return new double[] {m, Math.sqrt(s / (v.length - 1))};
    }

    @Test
    void fansFollowPyTorch() {
        assertEquals(new Fans(8 * 27, 16 * 27), Fans.of(new int[] {16, 8, 3, 3, 3}));
        assertEquals(new Fans(5, 3), Fans.of(new int[] {3, 5}));
    }

    @Test
    void distributionsHaveTheirFormulaStatistics() {
        try (Scope s = Scope.open()) {
            Tensor t = Tensor.zeros(64, 32, 3, 3, 3);
            long fanIn = 32 * 27;
            long fanOut = 64 * 27;
            Init.kaimingNormal(t, 0, FanMode.FAN_IN, Nonlinearity.RELU, new RandomGenerator(1));
            assertEquals(Math.sqrt(2.0 / fanIn), meanStd(t.toArray())[1], 0.02 * Math.sqrt(2.0 / fanIn));
            Init.kaimingUniform(t, 0, FanMode.FAN_OUT, Nonlinearity.RELU, new RandomGenerator(1));
            double bound = Math.sqrt(2.0) * Math.sqrt(3.0 / fanOut);
            assertEquals(bound / Math.sqrt(3), meanStd(t.toArray())[1], 0.02 * bound);
            for (float f : t.toArray()) {
                assertTrue(Math.abs(f) <= bound);
            }
            Init.xavierNormal(t, 1, new RandomGenerator(1));
            assertEquals(Math.sqrt(2.0 / (fanIn + fanOut)), meanStd(t.toArray())[1], 0.02 * Math.sqrt(2.0 / (fanIn + fanOut)));
            Init.xavierUniform(t, 5.0 / 3, new RandomGenerator(1));
            double xb = 5.0 / 3 * Math.sqrt(6.0 / (fanIn + fanOut));
            assertEquals(xb / Math.sqrt(3), meanStd(t.toArray())[1], 0.02 * xb);
            Init.normal(t, 0, 0.02, new RandomGenerator(1));
            double[] ms = meanStd(t.toArray());
            assertEquals(0, ms[0], 1e-3);
            assertEquals(0.02, ms[1], 5e-4);
        }
    }

    @Test
    void moduleInitIsSeededAndReachesWrappedLayers() {
        RandomGenerator rng = new RandomGenerator(3);
        try (Sequential a = new Sequential(new SpectralNorm(new Conv3d(2, 4, 3, rng), rng),
                new ConvTranspose3d(4, 2, 3, 2, 1, 1, true, rng));
             Sequential b = new Sequential(new SpectralNorm(new Conv3d(2, 4, 3, rng), rng),
                     new ConvTranspose3d(4, 2, 3, 2, 1, 1, true, rng))) {
            assertEquals(2, ModuleInit.normal(a, 0.02, new RandomGenerator(9)));
            ModuleInit.normal(b, 0.02, new RandomGenerator(9));
            a.stateDict().forEach((k, t) -> {
                if (!k.endsWith("_u") && !k.endsWith("_v")) {
                    assertArrayEquals(t.toArray(), b.stateDict().get(k).toArray(), k);
                }
            });
            assertArrayEquals(new float[4], a.stateDict().get("0.bias").toArray());
            assertEquals(0.02, meanStd(a.stateDict().get("0.weight_orig").toArray())[1], 0.005);
        }
    }
}
