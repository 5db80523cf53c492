package org.cryoetgan.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.junit.jupiter.api.Test;

class SpectralNormTest {

    private static SpectralNorm sn() {
        RandomGenerator rng = new RandomGenerator(4);
        return new SpectralNorm(new Conv3d(2, 3, 2, 1, 0, true, rng), rng);
    }

    @Test
    void aPendingBackwardUsesTheVectorsOfItsOwnForward() {
        Tensor x = Scope.unscoped(() -> Tensor.randn(new RandomGenerator(5), 1, 2, 3, 3, 3));
        try (x; SpectralNorm a = sn(); SpectralNorm b = sn(); Scope s = Scope.open()) {
            Tensor first = a.forward(x);
            float[] u1 = a.u().toArray();
            a.forward(x); // a second training forward updates u and v before the first output's backward
            assertFalse(java.util.Arrays.equals(u1, a.u().toArray()));
            first.sum().backward();
            b.forward(x).sum().backward();
            assertArrayEquals(b.layer().weight().grad().toArray(), a.layer().weight().grad().toArray(), 1e-6f);
        }
    }

    @Test
    void sigmaConvergesToTheLargestSingularValue() {
        try (Linear l = new Linear(2, 2, false, new RandomGenerator(1)); Scope s = Scope.open()) {
            // W = diag(3, 1) has spectral norm 3
            org.cryoetgan.engine.ops.Elementwise.copyInto(l.weight(), Tensor.of(new float[] {3, 0, 0, 1}, 2, 2));
            SpectralNorm sn = new SpectralNorm(l, new RandomGenerator(2));
            for (int i = 0; i < 30; i++) {
                sn.normalizedWeight();
            }
            assertEquals(3f, sn.currentSigma(), 1e-4f);
            assertThrows(IllegalStateException.class, () -> l.forward(Tensor.ones(1, 2)), "wrapped layer");
            sn.close();
        }
    }
}
