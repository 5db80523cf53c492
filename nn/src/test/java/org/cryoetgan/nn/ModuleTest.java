package org.cryoetgan.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryoetgan.engine.MemoryStats;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.layers.Conv3d;
import org.cryoetgan.nn.layers.InstanceNorm3d;
import org.cryoetgan.nn.layers.Linear;
import org.cryoetgan.nn.layers.ReLU;
import org.cryoetgan.nn.layers.ResidualBlock;
import org.cryoetgan.nn.layers.Sequential;
import org.junit.jupiter.api.Test;

class ModuleTest {

    private static Sequential net(long seed) {
        RandomGenerator rng = new RandomGenerator(seed);
        return new Sequential(new Conv3d(1, 2, 3, 1, 1, true, rng), new InstanceNorm3d(2, 1e-5f, true), new ReLU(),
                new Sequential(new ResidualBlock(2, 0f, rng)));
    }

    @Test
    void stateNamesAreDottedAndOrdered() {
        try (Sequential m = net(1)) {
            assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "3.0.conv_block.1.weight",
                    "3.0.conv_block.1.bias", "3.0.conv_block.5.weight", "3.0.conv_block.5.bias"),
                    List.copyOf(m.namedParameters().keySet()));
            assertEquals(m.namedParameters().keySet(), m.stateDict().keySet());
            assertEquals(8, m.parameters().size());
            assertEquals(2 * 27 + 2 + 2 + 2 + 2 * (2 * 2 * 27 + 2), m.parameterCount());
            assertTrue(m.parameters().stream().allMatch(Tensor::requiresGrad));
        }
    }

    @Test
    void trainAndEvalPropagateToDescendants() {
        try (Sequential m = net(2)) {
            assertTrue(m.modules().stream().allMatch(Module::isTraining));
            m.eval();
            assertTrue(m.modules().stream().noneMatch(Module::isTraining));
            m.train();
            assertTrue(m.get(3).isTraining());
        }
    }

    @Test
    void zeroGradFreesGradients() {
        try (Sequential m = net(3)) {
            try (Scope s = Scope.open()) {
                m.forward(Tensor.randn(new RandomGenerator(9), 1, 1, 4, 4, 4)).sum().backward();
            }
            assertTrue(m.parameters().stream().allMatch(p -> p.grad() != null));
            m.zeroGrad();
            assertTrue(m.parameters().stream().allMatch(p -> p.grad() == null));
        }
    }

    @Test
    void stateDictRoundTripCopiesValues() {
        try (Sequential a = net(4); Sequential b = net(5)) {
            assertFalse(java.util.Arrays.equals(a.stateDict().get("0.weight").toArray(),
                    b.stateDict().get("0.weight").toArray()));
            LoadReport r = b.loadStateDict(a.stateDict(), true);
            assertTrue(r.isClean());
            a.stateDict().forEach((k, t) -> assertArrayEquals(t.toArray(), b.stateDict().get(k).toArray(), 0f, k));
            // values were copied, not shared
            Tensor aw = a.stateDict().get("0.weight");
            org.cryoetgan.nn.init.Init.zeros(aw);
            assertNotEquals0(b.stateDict().get("0.weight").toArray());
        }
    }

    private static void assertNotEquals0(float[] v) {
        float s = 0;
        for (float f : v) {
            s += Math.abs(f);
        }
        assertTrue(s > 0);
    }

    @Test
    void strictLoadReportsMissingUnexpectedAndMisShapedByName() {
        try (Sequential m = net(6); Scope s = Scope.open()) {
            Map<String, Tensor> state = new LinkedHashMap<>(m.stateDict());
            float[] before = m.stateDict().get("0.bias").toArray();
            state.remove("1.weight");
            state.put("extra.weight", Tensor.zeros(3));
            state.put("0.bias", Tensor.ones(5));
            StateDictException e = assertThrows(StateDictException.class, () -> m.loadStateDict(state, true));
            assertEquals(List.of("1.weight"), e.report().missing());
            assertEquals(List.of("extra.weight"), e.report().unexpected());
            assertEquals(1, e.report().mismatched().size());
            assertTrue(e.getMessage().contains("0.bias: expected [2], got [5]"), e.getMessage());
            assertTrue(e.getMessage().contains("extra.weight") && e.getMessage().contains("1.weight"));
            assertArrayEquals(before, m.stateDict().get("0.bias").toArray(), "strict failure changes nothing");

            state.put("0.weight", Tensor.zeros(2, 1, 3, 3, 3));
            LoadReport r = m.loadStateDict(state, false);
            assertFalse(r.isClean());
            assertArrayEquals(new float[54], m.stateDict().get("0.weight").toArray(), "non-strict loads matches");
        }
    }

    @Test
    void closeFreesParameterMemory() {
        long open = MemoryStats.openTensors();
        Sequential m = net(7);
        assertTrue(MemoryStats.openTensors() > open);
        m.close();
        m.close();
        assertEquals(open, MemoryStats.openTensors());
    }

    @Test
    void registrationRejectsDuplicatesAndDottedNames() {
        class Bad extends Module {
            Bad(String a, String b) {
                registerModule(a, new ReLU());
                registerModule(b, new ReLU());
            }

            @Override
            public Tensor forward(Tensor input) {
                return input;
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new Bad("x", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Bad("x", "y.z"));
    }

    @Test
    void gradientReachesLinearParameters() {
        try (Linear l = new Linear(3, 2, true, new RandomGenerator(8)); Scope s = Scope.open()) {
            l.forward(Tensor.of(new float[] {1, 2, 3}, 1, 3)).sum().backward();
            assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, l.weight().grad().toArray(), 1e-6f);
            assertArrayEquals(new float[] {1, 1}, l.bias().grad().toArray(), 1e-6f);
        }
    }
}
