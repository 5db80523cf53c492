package org.cryoetgan.engine.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.Node;
import org.cryoetgan.engine.ops.Elementwise;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The checker itself must reject a wrong gradient. */
class GradCheckTest {
    /** 2·x whose recorded backward wrongly returns 2.1·g. */
    private static Tensor wrongDouble(Tensor x) {
        Tensor out = Tensor.noGrad(() -> Elementwise.affine(x, 2f, 0f));
        return Node.record(out, "wrong", g -> new Tensor[] {Tensor.noGrad(() -> Elementwise.affine(g, 2.1f, 0f))}, x);
    }

    @Test
    void rejectsAGradientThatIsFivePercentOff() {
        assertThrows(AssertionFailedError.class,
                () -> GradCheck.of(in -> wrongDouble(in[0])).check(GradCheck.randn(1, 3, 4)));
    }

    @Test
    void rejectsAMissingGradient() {
        assertThrows(AssertionFailedError.class,
                () -> GradCheck.of(in -> in[0].detach().mul(in[1])).check(GradCheck.randn(1, 5), GradCheck.randn(2, 5)));
    }

    @Test
    void acceptsACorrectGradient() {
        GradCheck.of(in -> Elementwise.affine(in[0], 2f, 1f)).check(GradCheck.randn(1, 3, 4));
    }
}
