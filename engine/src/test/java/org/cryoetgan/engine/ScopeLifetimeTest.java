package org.cryoetgan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.ops.Convolution;
import org.cryoetgan.engine.ops.Elementwise;
import org.cryoetgan.engine.ops.Losses;
import org.cryoetgan.engine.ops.Normalization;
import org.cryoetgan.engine.ops.Padding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Training steps of a small conv net inside scopes, parameters outside: after every step the open tensors, live
 * buffers and live bytes are back at their baseline, and the loss goes down.
 */
class ScopeLifetimeTest {
    private static final int STEPS = 50;
    private Tensor w1;
    private Tensor b1;
    private Tensor gamma;
    private Tensor beta;
    private Tensor w2;
    private Tensor[] params;
    private Tensor x;
    private Tensor target;

    @BeforeEach
    void createParameters() {
        RandomGenerator rng = new RandomGenerator(42);
        Scope.unscoped(() -> {
            w1 = Tensor.normal(rng, 0f, 0.2f, 4, 2, 3, 3, 3).requiresGrad(true);
            b1 = Tensor.zeros(4).requiresGrad(true);
            gamma = Tensor.ones(4).requiresGrad(true);
            beta = Tensor.zeros(4).requiresGrad(true);
            w2 = Tensor.normal(rng, 0f, 0.2f, 1, 4, 3, 3, 3).requiresGrad(true);
            x = Tensor.randn(rng, 1, 2, 6, 6, 6);
            return null;
        });
        try (Scope s = Scope.open()) {
            target = Tensor.randn(rng, 1, 1, 6, 6, 6).mul(0.5f).tanh().escape();
        }
        params = new Tensor[] {w1, b1, gamma, beta, w2};
    }

    @AfterEach
    void closeParameters() {
        for (Tensor p : params) {
            p.close();
        }
        x.close();
        target.close();
    }

    private Tensor forward() {
        Tensor h = Convolution.conv3d(Padding.pad3d(x, PadMode.REFLECT, 1), w1, b1, 1, 0);
        h = Normalization.instanceNorm3d(h, gamma, beta, 1e-5f).relu();
        Tensor y = Convolution.conv3d(h, w2, null, 1, 1);
        return Losses.mse(y, target);
    }

    @Test
    void fiftyStepsReturnToTheBaselineEveryStep() {
        long tensors = MemoryStats.openTensors();
        long buffers = MemoryStats.liveBuffers();
        long bytes = MemoryStats.liveBytes();
        long leaked = MemoryStats.leakedBuffers();
        float first = Float.NaN;
        float last = Float.NaN;
        for (int step = 0; step < STEPS; step++) {
            try (Scope s = Scope.open()) {
                Tensor loss = forward();
                loss.backward();
                last = loss.item();
                if (step == 0) {
                    first = last;
                }
                try (GradMode g = GradMode.disable()) {
                    for (Tensor p : params) {
                        Elementwise.axpyInPlace(-0.05f, p.grad(), p);
                    }
                }
                assertTrue(MemoryStats.openTensors() > tensors, "the step allocated inside its scope");
            }
            for (Tensor p : params) {
                p.zeroGrad();
            }
            assertEquals(tensors, MemoryStats.openTensors(), "open tensors after step " + step);
            assertEquals(buffers, MemoryStats.liveBuffers(), "live buffers after step " + step);
            assertEquals(bytes, MemoryStats.liveBytes(), "live bytes after step " + step);
        }
        assertEquals(leaked, MemoryStats.leakedBuffers(), "nothing was left to the garbage collector");
        assertTrue(last < 0.8f * first, "loss went from " + first + " to " + last);
    }

    @Test
    void keptGradientsAndForwardOnlyStepsAreStableToo() {
        try (Scope s = Scope.open()) {
            forward().backward();
        }
        long tensors = MemoryStats.openTensors();
        long bytes = MemoryStats.liveBytes();
        for (int step = 0; step < 5; step++) {
            try (Scope s = Scope.open()) {
                forward().backward(); // accumulates into the existing gradients in place
            }
            try (Scope s = Scope.open()) {
                forward(); // a graph that is never walked is freed with its scope
            }
            assertEquals(tensors, MemoryStats.openTensors());
            assertEquals(bytes, MemoryStats.liveBytes());
        }
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }
}
