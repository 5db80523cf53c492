package org.cryoetgan.engine.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.testing.TensorAsserts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backward walk: seeds, accumulation, zeroGrad, detach, grad mode and graph release. */
class AutogradTest {
    private Scope scope;
    private Tensor x;

    @BeforeEach
    void open() {
        scope = Scope.open();
        x = Tensor.of(new float[] {1, -2, 3}, 3).requiresGrad(true);
    }

    @AfterEach
    void close() {
        scope.close();
    }

    @Test
    void backwardFromAScalarSeedsWithOne() {
        x.mul(x).sum().backward();
        TensorAsserts.assertClose(new float[] {2, -4, 6}, x.grad(), new int[] {3}, 0);
    }

    @Test
    void backwardWithAGivenGradient() {
        x.mul(3f).backward(Tensor.of(new float[] {1, 10, 100}, 3));
        TensorAsserts.assertClose(new float[] {3, 30, 300}, x.grad(), new int[] {3}, 0);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroGrad() {
        x.mul(2f).sum().backward();
        x.mul(x).sum().backward();
        TensorAsserts.assertClose(new float[] {4, -2, 8}, x.grad(), new int[] {3}, 0);
        x.zeroGrad();
        assertNull(x.grad());
        x.sum().backward();
        TensorAsserts.assertClose(new float[] {1, 1, 1}, x.grad(), new int[] {3}, 0);
    }

    @Test
    void aSharedSubexpressionGetsTheSumOfItsPaths() {
        Tensor y = x.mul(2f);
        y.mul(y).add(y).sum().backward(); // d/dx (4x² + 2x) = 8x + 2
        TensorAsserts.assertClose(new float[] {10, -14, 26}, x.grad(), new int[] {3}, 0);
    }

    @Test
    void graphIsReleasedAfterBackwardUnlessRetained() {
        Tensor loss = x.exp().sum();
        loss.backward(Tensor.ones(1), true);
        loss.backward(Tensor.ones(1), true);
        float e = (float) Math.E;
        TensorAsserts.assertClose(new float[] {2 * e, (float) (2 * Math.exp(-2)), (float) (2 * Math.exp(3))}, x.grad(),
                new int[] {3}, 1e-6);
        loss.backward();
        IllegalStateException ex = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(ex.getMessage().contains("already released") && ex.getMessage().contains("retainGraph"),
                ex.getMessage());
    }

    @Test
    void detachCutsTheGraphAndSharesStorage() {
        Tensor d = x.detach();
        assertFalse(d.requiresGrad());
        assertNull(d.gradFn());
        x.mul(d).sum().backward(); // d is a constant: gradient is d, not 2x
        TensorAsserts.assertClose(new float[] {1, -2, 3}, x.grad(), new int[] {3}, 0);
        org.cryoetgan.engine.ops.Elementwise.addInPlace(x, Tensor.ones(3));
        TensorAsserts.assertClose(new float[] {2, -1, 4}, d, new int[] {3}, 0);
        Tensor y = x.mul(2f);
        assertNull(y.detach().gradFn());
        assertNotNull(y.gradFn());
    }

    @Test
    void gradModeDisableRecordsNothingAndRestores() {
        assertTrue(GradMode.isEnabled());
        try (GradMode g = GradMode.disable()) {
            assertFalse(GradMode.isEnabled());
            Tensor y = x.mul(x).exp();
            assertFalse(y.requiresGrad());
            assertNull(y.gradFn());
            try (GradMode inner = GradMode.enable()) {
                assertTrue(x.mul(2f).requiresGrad());
            }
            assertFalse(GradMode.isEnabled());
            assertThrows(IllegalStateException.class, () -> y.sum().backward());
        }
        assertTrue(GradMode.isEnabled());
        assertTrue(x.mul(x).requiresGrad());
        assertFalse(Tensor.noGrad(() -> x.mul(x)).requiresGrad());
    }

    @Test
    void onlyLeavesThatRequireGradReceiveOne() {
        Tensor c = Tensor.of(new float[] {5, 6, 7}, 3);
        Tensor y = x.mul(c);
        y.sum().backward();
        assertNull(c.grad());
        assertNull(y.grad(), "non-leaf tensors keep no gradient");
        TensorAsserts.assertClose(new float[] {5, 6, 7}, x.grad(), new int[] {3}, 0);
    }

    @Test
    void clearErrorsForMisuse() {
        Tensor y = x.mul(2f);
        IllegalStateException nonScalar = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(nonScalar.getMessage().contains("one-element"), nonScalar.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> y.backward(Tensor.ones(4)));
        assertTrue(shape.getMessage().contains("does not match"), shape.getMessage());
        IllegalStateException noGrad = assertThrows(IllegalStateException.class,
                () -> Tensor.ones(1).backward());
        assertTrue(noGrad.getMessage().contains("does not require grad"), noGrad.getMessage());
        assertThrows(IllegalStateException.class, () -> y.requiresGrad(false));
    }

    @Test
    void backwardFromALeafAndThroughViews() {
        Tensor s = Tensor.of(new float[] {2}, 1).requiresGrad(true);
        s.backward();
        assertEquals(1f, s.grad().item());
        x.reshape(1, 3).transpose(0, 1).narrow(0, 1, 2).sum().backward();
        TensorAsserts.assertClose(new float[] {0, 1, 1}, x.grad(), new int[] {3}, 0);
    }

    @Test
    void aVeryDeepChainDoesNotOverflowTheStack() {
        Tensor y = x;
        for (int i = 0; i < 20_000; i++) {
            y = y.add(0.001f);
        }
        y.mul(y).sum().backward();
        TensorAsserts.assertClose(new float[] {2 * 21f, 2 * 18f, 2 * 23f}, x.grad(), new int[] {3}, 1e-4);
    }

    @Test
    void gradientsOutliveTheScopeOfTheStep() {
        Tensor p = Scope.unscoped(() -> Tensor.of(new float[] {1, 2}, 2).requiresGrad(true));
        try (Scope step = Scope.open()) {
            p.mul(p).sum().backward();
        }
        TensorAsserts.assertClose(new float[] {2, 4}, p.grad(), new int[] {2}, 0);
        p.close();
        assertTrue(p.isClosed());
        assertNull(p.grad());
        assertSame(null, p.gradFn());
    }
}
