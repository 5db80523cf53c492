package org.cryoetgan.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cryoetgan.engine.MemoryStats;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.layers.Linear;
import org.junit.jupiter.api.Test;

class OptimizerBehaviourTest {

    private static Tensor param(float... v) {
        return Scope.unscoped(() -> Tensor.of(v, v.length)).requiresGrad(true);
    }

    private static void setGrad(Tensor p, float... g) {
        p.zeroGrad();
        try (Scope s = Scope.open()) {
            p.accumulateGrad(Tensor.of(g, g.length));
        }
    }

    @Test
    void linearDecayFollowsCycleGan() {
        LinearDecay s = LinearDecay.cycleGan(2e-4, 100, 100);
        assertEquals(2e-4, s.rate(0));
        assertEquals(2e-4, s.rate(99));
        assertEquals(2e-4 * (1 - 1.0 / 101), s.rate(100), 1e-15);
        assertEquals(2e-4 / 101, s.rate(199), 1e-15);
        assertEquals(0, s.rate(200));
        LinearDecay plain = new LinearDecay(1, 10, 20);
        assertEquals(0.5, plain.rate(15), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new LinearDecay(1, 5, 5));
    }

    @Test
    void scheduleDrivesTheStepSize() {
        try (Tensor p = param(0f); Sgd sgd = new Sgd(List.of(p), new LinearDecay(1, 0, 4), 0, 0, false, 0)) {
            float[] expected = {-1f, -1.75f, -2.25f, -2.5f, -2.5f};
            for (float e : expected) {
                setGrad(p, 1f);
                sgd.step();
                assertEquals(e, p.toArray()[0], 1e-6f);
            }
        }
    }

    @Test
    void parametersWithoutGradientAreLeftAlone() {
        try (Tensor a = param(1f, 2f); Tensor b = param(3f); Adam adam = new Adam(List.of(a, b), 0.1)) {
            setGrad(a, 1f, -1f);
            adam.step();
            assertArrayEquals(new float[] {3f}, b.toArray());
            assertEquals(0.9f, a.toArray()[0], 1e-6f);
            assertEquals(2.1f, a.toArray()[1], 1e-6f);
            OptimizerState st = adam.exportState();
            assertEquals(Map.of("steps", 1L, "0.step", 1L), st.counters());
            assertEquals(2, st.tensors().size());
        }
    }

    @Test
    void loadingMisShapedStateNamesTheEntry() {
        try (Tensor a = param(1f, 2f); Tensor b = param(1f, 2f, 3f); Adam src = new Adam(List.of(a), 0.1);
             Adam dst = new Adam(List.of(b), 0.1)) {
            setGrad(a, 1f, 1f);
            src.step();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> dst.loadState(src.exportState()));
            assertTrue(e.getMessage().contains("0.exp_avg"), e.getMessage());
        }
    }

    @Test
    void weightClippingAndGradientNorms() {
        try (Linear l = new Linear(3, 2, true, new RandomGenerator(1))) {
            org.cryoetgan.nn.init.Init.normal(l.weight(), 0, 1, new RandomGenerator(2));
            WeightClipping.clip(l, 0.05);
            for (Tensor p : l.parameters()) {
                for (float v : p.toArray()) {
                    assertTrue(Math.abs(v) <= 0.05f);
                }
            }
            assertEquals(0, GradientNorms.total(l.parameters()));
            try (Scope s = Scope.open()) {
                l.forward(Tensor.of(new float[] {3, 0, 4}, 1, 3)).sum().backward();
            }
            // d/dW of sum(Wx + b) = [x; x], d/db = [1, 1]: norm sqrt(2·25 + 2)
            assertEquals(Math.sqrt(52), GradientNorms.total(l.parameters()), 1e-5);
            assertEquals(Math.sqrt(50), GradientNorms.perParameter(l).get("weight"), 1e-5);
        }
    }

    @Test
    void stepsDoNotLeakTensors() {
        try (Linear l = new Linear(4, 4, true, new RandomGenerator(1));
             RmsProp opt = new RmsProp(l.parameters(), LearningRateSchedule.constant(1e-3),
                     RmsProp.Options.tensorflow().withMomentum(0.9).withCentered(true))) {
            Runnable step = () -> {
                try (Scope s = Scope.open()) {
                    l.forward(Tensor.ones(2, 4)).pow(2).sum().backward();
                    opt.step();
                    opt.zeroGrad();
                }
            };
            step.run();
            long open = MemoryStats.openTensors();
            for (int i = 0; i < 3; i++) {
                step.run();
            }
            assertEquals(open, MemoryStats.openTensors());
        }
    }
}
