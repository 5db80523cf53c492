package org.cryoetgan.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.junit.jupiter.api.Test;

class Upsample3dTest {
    @Test
    void everyVoxelBecomesATwoCubedBlockAndTheGradientSumsEachBlock() {
        try (Scope s = Scope.open()) {
            int n = 2, c = 3, d = 2, h = 3, w = 4;
            Tensor x = Tensor.randn(new RandomGenerator(5), n, c, d, h, w).requiresGrad(true);
            Tensor y = new Upsample3d().forward(x);
            assertArrayEquals(new int[] {n, c, 2 * d, 2 * h, 2 * w}, y.shape());
            float[] xs = x.toArray();
            float[] ys = y.toArray();
            for (int i = 0; i < ys.length; i++) {
                int xx = i % (2 * w), yy = i / (2 * w) % (2 * h), zz = i / (4 * w * h) % (2 * d);
                int nc = i / (8 * w * h * d);
                assertEquals(xs[((nc * d + zz / 2) * h + yy / 2) * w + xx / 2], ys[i], 0f, "voxel " + i);
            }
            Tensor r = Tensor.randn(new RandomGenerator(6), y.shape());
            y.mul(r).sum().backward();
            float[] rs = r.toArray();
            float[] g = x.grad().toArray();
            for (int i = 0; i < ys.length; i++) {
                int xx = i % (2 * w), yy = i / (2 * w) % (2 * h), zz = i / (4 * w * h) % (2 * d);
                int nc = i / (8 * w * h * d);
                g[((nc * d + zz / 2) * h + yy / 2) * w + xx / 2] -= rs[i];
            }
            for (float v : g) {
                assertEquals(0f, v, 1e-5f);
            }
        }
    }
}
