package org.cryoetgan.gan.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.junit.jupiter.api.Test;

class Cb3dTest {

    @Test
    void poolsOnlyWhileTheVolumeAllowsAndComputesTheFlattenedSize() {
        assertEquals(1, Cb3dArchitecture.paper(28, 7).finalSize(), "28 → 14 → 7 → 3 → 1, then no pool");
        assertEquals(List.of(true, true, true, true, false),
                Cb3dArchitecture.paper(28, 7).stages().stream().map(Cb3dArchitecture.Stage::pooled).toList());
        assertEquals(512, Cb3dArchitecture.paper(28, 7).flattenedFeatures());
        assertEquals(1, Cb3dArchitecture.paper(40, 4).finalSize(), "40 → 20 → 10 → 5 → 2 → 1");
        assertEquals(List.of(64, 128, 256, 512, 512),
                Cb3dArchitecture.paper(40, 4).stages().stream().map(Cb3dArchitecture.Stage::channels).toList());
        Cb3dArchitecture odd = new Cb3dArchitecture(24, 3, 2, 8, 0.5, false);
        assertEquals(1, odd.finalSize(), "24 → 12 → 6 → 3 → 1");
        Cb3dArchitecture big = new Cb3dArchitecture(64, 3, 2, 8, 0.5, false);
        assertEquals(2, big.finalSize());
        assertEquals(16 * 8, big.flattenedFeatures());
    }

    @Test
    void featureAndScoreShapesFollowTheArchitecture() {
        Cb3dArchitecture a = new Cb3dArchitecture(16, 3, 2, 24, 0.5, false);
        try (Cb3d net = Scope.unscoped(() -> new Cb3d(a, new RandomGenerator(4)));
             Scope s = Scope.open()) {
            net.eval();
            Tensor x = Tensor.randn(new RandomGenerator(5), 2, 1, 16, 16, 16);
            Cb3d.Pass p = Tensor.noGrad(() -> net.pass(x));
            assertArrayEquals(new int[] {2, 24}, p.fc6().shape());
            assertArrayEquals(new int[] {2, 3}, p.logits().shape());
            for (float v : p.fc6().toArray()) {
                assertTrue(v >= 0, "fc6 features are taken after the ReLU");
            }
            assertArrayEquals(p.logits().toArray(), Tensor.noGrad(() -> net.forward(x)).toArray(), 0f,
                    "in evaluation mode dropout is off and passes repeat exactly");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> net.forward(Tensor.zeros(1, 1, 12, 12, 12)));
            assertTrue(e.getMessage().contains("16"), e.getMessage());
        }
    }

    @Test
    void theSignalReachesTheClassScoresEvenWhenLateStagesSeeOneVoxel() {
        // 12³ leaves stages 4 and 5 at 1³; with fan-in counted over all 27 taps the scores would be ~1e-4.
        Cb3dArchitecture a = new Cb3dArchitecture(12, 2, 4, 32, 0, false);
        try (Cb3d net = Scope.unscoped(() -> new Cb3d(a, new RandomGenerator(1)));
             Scope s = Scope.open()) {
            Tensor x = Tensor.randn(new RandomGenerator(2), 4, 1, 12, 12, 12).mul(0.3f);
            float[] logits = Tensor.noGrad(() -> net.forward(x)).toArray();
            double rms = 0;
            for (float v : logits) {
                rms += v * v;
            }
            rms = Math.sqrt(rms / logits.length);
            assertTrue(rms > 0.05 && rms < 20, "class scores of sensible size at initialisation, rms " + rms);
        }
    }
}
