package org.cryoetgan.engine.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Pooling;
import org.junit.jupiter.api.Test;

/** Autograd.grad and backward(createGraph): returned gradients, gradients of gradients, and their limits. */
class HigherOrderAutogradTest {
    @Test
    void gradReturnsGradientsWithoutTouchingTheLeaves() {
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.of(new float[] {1, 2, 3}, 3).requiresGrad(true);
            Tensor y = Tensor.of(new float[] {4, 5, 6}, 3).requiresGrad(true);
            Tensor unused = Tensor.of(new float[] {7}, 1).requiresGrad(true);
            Tensor mid = x.mul(y);
            Tensor[] g = Autograd.grad(new Tensor[] {mid.sum()}, new Tensor[] {x, mid, unused}, null, false);
            assertArrayEquals(new float[] {4, 5, 6}, g[0].toArray());
            assertArrayEquals(new float[] {1, 1, 1}, g[1].toArray(), "an intermediate tensor's gradient");
            assertArrayEquals(new float[] {0}, g[2].toArray(), "an input the output does not depend on");
            assertNull(x.grad());
            assertNull(y.grad());
            assertFalse(g[0].requiresGrad(), "without createGraph the gradient is a plain tensor");
        }
    }

    @Test
    void gradWithCreateGraphCanBeDifferentiatedAgain() {
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.of(new float[] {1, -2, 0.5f}, 3).requiresGrad(true);
            Tensor y = x.pow(3f).sum();
            Tensor dx = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, null, true)[0];
            assertArrayEquals(new float[] {3, 12, 0.75f}, dx.toArray(), 1e-6f);
            assertTrue(dx.requiresGrad());
            Tensor ddx = Autograd.grad(new Tensor[] {dx.sum()}, new Tensor[] {x}, null, true)[0];
            assertArrayEquals(new float[] {6, -12, 3}, ddx.toArray(), 1e-6f);
            Tensor dddx = Autograd.grad(new Tensor[] {ddx.sum()}, new Tensor[] {x}, null, false)[0];
            assertArrayEquals(new float[] {6, 6, 6}, dddx.toArray(), 1e-6f);
        }
    }

    @Test
    void backwardWithCreateGraphLeavesADifferentiableGradient() {
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.of(new float[] {2, 3}, 2).requiresGrad(true);
            x.mul(x).mul(x).sum().backward(true);
            Tensor g = x.grad();
            assertArrayEquals(new float[] {12, 27}, g.toArray(), 1e-6f);
            Tensor second = Autograd.grad(new Tensor[] {g.sum()}, new Tensor[] {x}, null, false)[0];
            assertArrayEquals(new float[] {12, 18}, second.toArray(), 1e-6f);
            x.zeroGrad();
        }
    }

    @Test
    void maxPoolingRefusesARecordedBackwardClearly() {
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.of(new float[] {1, 5, 2, 4, 3, 8, 7, 6}, 1, 1, 2, 2, 2).requiresGrad(true);
            Tensor y = Pooling.maxPool3d(x, 2, 2).sum();
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, null, true));
            assertTrue(e.getMessage().contains("maxPool3d"), e.getMessage());
        }
    }

    @Test
    void gradRejectsAnInputThatDoesNotRequireGrad() {
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.of(new float[] {1}, 1).requiresGrad(true);
            Tensor c = Tensor.of(new float[] {1}, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Autograd.grad(new Tensor[] {x.mul(c).sum()}, new Tensor[] {c}, null, false));
            assertTrue(e.getMessage().contains("does not require grad"), e.getMessage());
        }
    }
}
