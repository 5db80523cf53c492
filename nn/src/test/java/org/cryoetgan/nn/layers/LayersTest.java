package org.cryoetgan.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.junit.jupiter.api.Test;

class LayersTest {
    private static final RandomGenerator RNG = new RandomGenerator(11);

    private static Tensor volume(int c, int n) {
        return Tensor.randn(new RandomGenerator(c * 100L + n), 1, c, n, n, n);
    }

    @Test
    void paperBlocksHaveThePaperShapes() {
        try (Scope s = Scope.open(); Sequential c7 = Blocks.c7s1(1, 3, RNG); Sequential d = Blocks.down(3, 4, RNG);
             Sequential u = Blocks.up(4, 2, RNG); Sequential out = Blocks.c7s1Tanh(2, 1, RNG);
             ResidualBlock r = new ResidualBlock(4, 0f, RNG)) {
            Tensor x = c7.forward(volume(1, 6));
            assertArrayEquals(new int[] {1, 3, 6, 6, 6}, x.shape());
            Tensor y = d.forward(x);
            assertArrayEquals(new int[] {1, 4, 3, 3, 3}, y.shape());
            assertArrayEquals(new int[] {1, 4, 3, 3, 3}, r.forward(y).shape());
            Tensor z = u.forward(y);
            assertArrayEquals(new int[] {1, 2, 6, 6, 6}, z.shape());
            float[] o = out.forward(z).toArray();
            assertEquals(216, o.length);
            for (float f : o) {
                assertTrue(f > -1 && f < 1);
            }
            // instance norm + ReLU: each channel of the c7s1 output has about half its voxels at zero, mean > 0
            float[] xv = x.toArray();
            int zeros = 0;
            for (float f : xv) {
                zeros += f == 0f ? 1 : 0;
            }
            assertTrue(zeros > xv.length / 4 && zeros < 3 * xv.length / 4, "zeros " + zeros);
        }
    }

    @Test
    void residualBlockAddsTheSkip() {
        try (Scope s = Scope.open(); ResidualBlock r = new ResidualBlock(2, 0f, RNG)) {
            for (Tensor p : r.parameters()) {
                org.cryoetgan.nn.init.Init.zeros(p);
            }
            // zero convs: F(x) = IN(0) = 0, so the block is the identity
            Tensor x = volume(2, 4);
            assertArrayEquals(x.toArray(), r.forward(x).toArray(), 1e-6f);
        }
    }

    @Test
    void dropoutIsActiveInTrainingAndInMonteCarloEvalOnly() {
        try (Scope s = Scope.open(); Sequential net = new Sequential(new ReLU(), new Dropout(0.5f,
                new RandomGenerator(3)))) {
            Tensor x = Tensor.ones(1, 1, 8, 8, 8);
            float[] train = net.forward(x).toArray();
            int dropped = 0;
            for (float f : train) {
                assertTrue(f == 0f || Math.abs(f - 2f) < 1e-6);
                dropped += f == 0f ? 1 : 0;
            }
            assertTrue(dropped > 200 && dropped < 312, "dropped " + dropped);
            net.eval();
            assertArrayEquals(x.toArray(), net.forward(x).toArray());
            assertEquals(1, Dropout.setMonteCarlo(net, true));
            float[] a = net.forward(x).toArray();
            float[] b = net.forward(x).toArray();
            assertFalse(java.util.Arrays.equals(a, b), "MC samples differ");
            assertFalse(java.util.Arrays.equals(x.toArray(), a));
        }
    }

    @Test
    void residualBlockWithDropoutInsertsItBetweenTheConvs() {
        try (ResidualBlock r = new ResidualBlock(2, 0.5f, RNG)) {
            assertTrue(r.namedParameters().containsKey("conv_block.6.weight"));
            assertTrue(((Sequential) r.children().get("conv_block")).get(4) instanceof Dropout);
        }
    }

    @Test
    void linearFlattenAndPoolingCompose() {
        try (Scope s = Scope.open(); Linear l = new Linear(8, 3, true, RNG);
             Sequential net = new Sequential(new MaxPool3d(2, 2), new Flatten(), l)) {
            Tensor x = volume(1, 4);
            Tensor y = net.forward(x);
            assertArrayEquals(new int[] {1, 3}, y.shape());
            float[] xv = x.toArray();
            float[] pooled = new float[8];
            for (int i = 0; i < 8; i++) {
                int d0 = (i >> 2) * 2;
                int h0 = ((i >> 1) & 1) * 2;
                int w0 = (i & 1) * 2;
                float m = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < 8; j++) {
                    m = Math.max(m, xv[((d0 + (j >> 2)) * 4 + h0 + ((j >> 1) & 1)) * 4 + w0 + (j & 1)]);
                }
                pooled[i] = m;
            }
            float[] w = l.weight().toArray();
            float[] b = l.bias().toArray();
            float[] yv = y.toArray();
            for (int o = 0; o < 3; o++) {
                double acc = b[o];
                for (int i = 0; i < 8; i++) {
                    acc += w[o * 8 + i] * pooled[i];
                }
                assertEquals(acc, yv[o], 1e-5);
            }
        }
    }

    @Test
    void defaultInitIsTorchsUniformRange() {
        try (Conv3d c = new Conv3d(2, 4, 3, RNG)) {
            double bound = 1 / Math.sqrt(2 * 27);
            for (float f : c.weight().toArray()) {
                assertTrue(Math.abs(f) <= bound);
            }
            assertSame(c.weight(), c.namedParameters().get("weight"));
        }
    }

    @Test
    void shapeErrorsAreClear() {
        try (Scope s = Scope.open(); InstanceNorm3d n = new InstanceNorm3d(3)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> n.forward(volume(2, 4)));
            assertTrue(e.getMessage().contains("InstanceNorm3d(3)"));
        }
    }
}
