package org.cryoetgan.engine.ops;

import static org.cryoetgan.engine.testing.GradCheck.awayFrom;
import static org.cryoetgan.engine.testing.GradCheck.randn;
import static org.cryoetgan.engine.testing.GradCheck.uniform;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.testing.GradCheck;
import org.cryoetgan.engine.testing.GradCheck.Input;
import org.cryoetgan.engine.testing.TensorAsserts;
import org.junit.jupiter.api.Test;

/** Finite-difference checks of the arithmetic and elementwise-math ops, with broadcasting. */
class ElementwiseGradTest {
    private static final int[] VOL = {2, 3, 3, 2, 2};
    private static final int[] PER_CHANNEL = {1, 3, 1, 1, 1};
    private static final int[] SCALAR = {1};

    @Test
    void addSameShapeScalarAndPerChannel() {
        GradCheck add = GradCheck.of(in -> in[0].add(in[1]));
        add.check(randn(1, VOL), randn(2, VOL));
        add.check(randn(3, VOL), randn(4, SCALAR));
        add.check(randn(5, PER_CHANNEL), randn(6, VOL));
        add.check(randn(7, VOL), randn(8, 3, 1, 1, 1));
    }

    @Test
    void subSameShapeScalarAndPerChannel() {
        GradCheck sub = GradCheck.of(in -> in[0].sub(in[1]));
        sub.check(randn(1, VOL), randn(2, VOL));
        sub.check(randn(3, SCALAR), randn(4, VOL));
        sub.check(randn(5, VOL), randn(6, PER_CHANNEL));
    }

    @Test
    void mulSameShapeScalarAndPerChannel() {
        GradCheck mul = GradCheck.of(in -> in[0].mul(in[1]));
        mul.check(randn(1, VOL), randn(2, VOL));
        mul.check(randn(3, VOL), randn(4, SCALAR));
        mul.check(randn(5, PER_CHANNEL), randn(6, VOL));
        mul.check(randn(7, VOL), randn(8, VOL).constant());
    }

    @Test
    void mulOfATensorWithItself() {
        GradCheck.of(in -> in[0].mul(in[0])).check(randn(9, VOL));
    }

    @Test
    void divSameShapeScalarAndPerChannel() {
        GradCheck div = GradCheck.of(in -> in[0].div(in[1]));
        div.check(randn(1, VOL), uniform(2, 0.5f, 2f, VOL));
        div.check(randn(3, VOL), uniform(4, 0.5f, 2f, SCALAR));
        div.check(randn(5, VOL), uniform(6, -2f, -0.5f, PER_CHANNEL));
        div.check(randn(7, PER_CHANNEL), uniform(8, 0.5f, 2f, VOL));
    }

    @Test
    void scalarArithmetic() {
        GradCheck.of(in -> in[0].add(0.5f).mul(3f).sub(1f).div(4f)).check(randn(1, VOL));
    }

    @Test
    void neg() {
        GradCheck.of(in -> in[0].neg()).check(randn(1, VOL));
    }

    @Test
    void exp() {
        GradCheck.of(in -> in[0].exp()).eps(3e-3).check(randn(1, VOL));
    }

    @Test
    void log() {
        GradCheck.of(in -> in[0].log()).eps(3e-3).check(uniform(1, 0.5f, 3f, VOL));
    }

    @Test
    void sqrt() {
        GradCheck.of(in -> in[0].sqrt()).eps(3e-3).check(uniform(1, 0.5f, 3f, VOL));
    }

    @Test
    void powWithIntegerFractionalAndNegativeExponents() {
        Input positive = uniform(1, 0.5f, 2f, VOL);
        GradCheck.of(in -> in[0].pow(2f)).check(randn(2, VOL));
        GradCheck.of(in -> in[0].pow(3f)).eps(3e-3).check(randn(3, VOL));
        GradCheck.of(in -> in[0].pow(1.5f)).eps(3e-3).check(positive);
        GradCheck.of(in -> in[0].pow(-0.5f)).eps(3e-3).check(positive);
        GradCheck.of(in -> in[0].pow(1f)).check(randn(4, VOL));
    }

    @Test
    void powZeroHasAZeroGradientEvenAtZero() {
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.of(new float[] {0, 1, -2}, 3).requiresGrad(true);
            Tensor y = x.pow(0f);
            TensorAsserts.assertClose(new float[] {1, 1, 1}, y, new int[] {3}, 0);
            y.sum().backward();
            TensorAsserts.assertClose(new float[] {0, 0, 0}, x.grad(), new int[] {3}, 0);
        }
    }

    @Test
    void abs() {
        GradCheck.of(in -> in[0].abs()).check(awayFrom(randn(1, VOL), 0.05f, 0f));
    }

    @Test
    void clamp() {
        GradCheck.of(in -> in[0].clamp(-0.5f, 0.7f)).check(awayFrom(randn(1, VOL), 0.05f, -0.5f, 0.7f));
    }
}
