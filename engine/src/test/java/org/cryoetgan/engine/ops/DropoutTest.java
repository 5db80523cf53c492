package org.cryoetgan.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.testing.GradCheck;
import org.junit.jupiter.api.Test;

/** Inverted dropout: mask statistics and scaling, determinism by seed, and its gradient with a fixed mask. */
class DropoutTest {
    @Test
    void gradientWithTheMaskFixedBySeed() {
        GradCheck.of(in -> Dropout.dropout(in[0], 0.3f, new RandomGenerator(7), true)).check(
                GradCheck.randn(1, 2, 2, 3, 3, 3));
    }

    @Test
    void keepsAboutOneMinusPAndScalesSurvivors() {
        try (Scope s = Scope.open()) {
            float p = 0.25f;
            float[] y = Dropout.dropout(Tensor.ones(20000), p, new RandomGenerator(3), true).toArray();
            int kept = 0;
            for (float v : y) {
                if (v != 0f) {
                    assertEquals(1f / (1f - p), v, 1e-6f);
                    kept++;
                }
            }
            // binomial: sd = sqrt(n p (1-p)) ≈ 61
            assertEquals(15000, kept, 300);
        }
    }

    @Test
    void sameSeedSameMaskDifferentSeedOtherMask() {
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.ones(1000);
            float[] a = Dropout.dropout(x, 0.5f, new RandomGenerator(11), true).toArray();
            float[] b = Dropout.dropout(x, 0.5f, new RandomGenerator(11), true).toArray();
            float[] c = Dropout.dropout(x, 0.5f, new RandomGenerator(12), true).toArray();
            assertArrayEquals(a, b);
            assertFalse(java.util.Arrays.equals(a, c));
            RandomGenerator rng = new RandomGenerator(11);
            float[] first = Dropout.dropout(x, 0.5f, rng, true).toArray();
            float[] second = Dropout.dropout(x, 0.5f, rng, true).toArray();
            assertArrayEquals(a, first);
            assertFalse(java.util.Arrays.equals(first, second), "a generator advances between draws");
        }
    }

    @Test
    void inactiveOrZeroProbabilityIsIdentity() {
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.ones(10);
            assertSame(x, Dropout.dropout(x, 0.5f, new RandomGenerator(1), false));
            assertSame(x, Dropout.dropout(x, 0f, new RandomGenerator(1), true));
            assertThrows(IllegalArgumentException.class, () -> Dropout.dropout(x, 1f, new RandomGenerator(1), true));
        }
    }
}
