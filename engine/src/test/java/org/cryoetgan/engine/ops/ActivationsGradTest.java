package org.cryoetgan.engine.ops;

import static org.cryoetgan.engine.testing.GradCheck.awayFrom;
import static org.cryoetgan.engine.testing.GradCheck.randn;

import org.cryoetgan.engine.testing.GradCheck;
import org.junit.jupiter.api.Test;

/** Finite-difference checks of relu, leakyRelu, tanh, sigmoid and softplus. */
class ActivationsGradTest {
    private static final int[] VOL = {2, 2, 3, 3, 2};

    @Test
    void relu() {
        GradCheck.of(in -> in[0].relu()).check(awayFrom(randn(1, VOL), 0.05f, 0f));
    }

    @Test
    void leakyRelu() {
        GradCheck.of(in -> in[0].leakyRelu(0.2f)).check(awayFrom(randn(2, VOL), 0.05f, 0f));
    }

    @Test
    void tanh() {
        GradCheck.of(in -> in[0].tanh()).eps(3e-3).check(randn(3, VOL));
    }

    @Test
    void sigmoid() {
        GradCheck.of(in -> in[0].sigmoid()).eps(3e-3).check(randn(4, VOL));
    }

    @Test
    void softplusIncludingLargeMagnitudes() {
        GradCheck.of(in -> Activations.softplus(in[0])).eps(3e-3).check(randn(5, VOL));
        GradCheck.of(in -> Activations.softplus(in[0])).eps(3e-3)
                .check(GradCheck.input(new float[] {-30f, -8f, 8f, 30f}, 4));
    }
}
