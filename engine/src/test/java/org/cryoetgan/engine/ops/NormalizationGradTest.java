package org.cryoetgan.engine.ops;

import static org.cryoetgan.engine.testing.GradCheck.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.testing.GradCheck;
import org.junit.jupiter.api.Test;

/** instanceNorm3d with and without the affine transform. */
class NormalizationGradTest {
    @Test
    void instanceNormWithoutAffine() {
        GradCheck.of(in -> Normalization.instanceNorm3d(in[0], null, null, 1e-5f)).eps(3e-3).tol(3e-3)
                .check(randn(1, 2, 3, 3, 2, 3));
    }

    @Test
    void instanceNormAffine() {
        GradCheck.of(in -> Normalization.instanceNorm3d(in[0], in[1], in[2], 1e-5f)).eps(3e-3).tol(3e-3)
                .check(randn(2, 2, 3, 3, 3, 2), randn(3, 3), randn(4, 3));
    }

    @Test
    void instanceNormOfAShiftedScaledInput() {
        GradCheck.of(in -> Normalization.instanceNorm3d(in[0].mul(3f).add(5f), null, null, 1e-5f)).eps(1e-3)
                .tol(5e-3).check(randn(5, 1, 2, 2, 3, 2));
    }

    @Test
    void outputHasZeroMeanAndUnitVariancePerPlane() {
        try (Scope s = Scope.open()) {
            float[] y = Normalization.instanceNorm3d(Tensor.of(GradCheck.normal(1, 2 * 2 * 64, 4, 3), 2, 2, 4, 4, 4),
                    null, null, 1e-5f).toArray();
            for (int p = 0; p < 4; p++) {
                double sum = 0;
                double sq = 0;
                for (int i = 0; i < 64; i++) {
                    sum += y[p * 64 + i];
                    sq += y[p * 64 + i] * y[p * 64 + i];
                }
                assertEquals(0, sum / 64, 1e-5);
                assertEquals(1, sq / 64, 1e-4);
            }
        }
    }
}
