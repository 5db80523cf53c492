package org.cryoetgan.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.backend.UnaryOp;
import org.cryoetgan.engine.ops.Elementwise;
import org.cryoetgan.nn.Module;
import org.cryoetgan.nn.layers.BatchNorm3d;
import org.cryoetgan.nn.layers.Linear;
import org.cryoetgan.nn.layers.Sequential;
import org.junit.jupiter.api.Test;

class WeightAverageTest {

    private static Module net(long seed) {
        return Scope.unscoped(() -> new Sequential(new Linear(3, 2, true, new RandomGenerator(seed)),
                new BatchNorm3d(2)));
    }

    /** Moves every parameter and buffer of {@code m} by {@code delta} in place. */
    private static void shift(Module m, float delta) {
        try (GradMode g = GradMode.disable()) {
            m.stateDict().values().forEach(t -> Elementwise.unaryInPlace(UnaryOp.AFFINE, 1f, delta, t));
        }
    }

    @Test
    void followsTheWarmedUpRecurrenceAndCopiesBuffers() {
        try (Module source = net(1); Module average = net(2)) {
            WeightAverage ema = new WeightAverage(source, average, 0.9);
            String w = "0.weight";
            float[] expected = source.namedParameters().get(w).toArray();
            assertArrayEquals(expected, average.namedParameters().get(w).toArray(), "starts at the source");
            List<Double> decays = new ArrayList<>();
            for (int t = 1; t <= 100; t++) {
                shift(source, 0.5f);
                ema.update();
                double d = Math.min(0.9, (1.0 + t) / (10.0 + t));
                decays.add(ema.decayAt(t));
                float[] now = source.namedParameters().get(w).toArray();
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = (float) (d * expected[i] + (1 - d) * now[i]);
                }
                assertArrayEquals(expected, average.namedParameters().get(w).toArray(), 1e-4f, "update " + t);
            }
            assertEquals(2.0 / 11, decays.get(0), 1e-12, "the first update mostly takes the source");
            assertEquals(0.9, decays.get(99), 1e-12, "the decay saturates");
            assertEquals(100, ema.updates());
            for (String b : source.namedBuffers().keySet()) {
                assertArrayEquals(source.namedBuffers().get(b).toArray(), average.namedBuffers().get(b).toArray(),
                        "buffer " + b + " is copied, not averaged");
            }
        }
    }

    @Test
    void theSourceIsNotChanged() {
        try (Module source = net(1); Module average = net(2)) {
            float[] before = source.namedParameters().get("0.bias").toArray();
            WeightAverage ema = new WeightAverage(source, average, 0.99);
            shift(average, 3f);
            ema.update();
            assertArrayEquals(before, source.namedParameters().get("0.bias").toArray());
        }
    }

    @Test
    void rejectsADecayOutsideTheUnitInterval() {
        try (Module source = net(1); Module average = net(2)) {
            assertThrows(IllegalArgumentException.class, () -> new WeightAverage(source, average, 1.0));
            assertThrows(IllegalArgumentException.class, () -> new WeightAverage(source, average, -0.1));
            assertThrows(IllegalArgumentException.class, () -> new WeightAverage(source, average, 0.5).setUpdates(-1));
        }
    }

    @Test
    void aDifferentArchitectureIsRefused() {
        try (Module source = net(1); Module other = Scope.unscoped(() -> new Linear(3, 4, true, new RandomGenerator(3)))) {
            assertThrows(RuntimeException.class, () -> new WeightAverage(source, other, 0.9));
        }
    }
}
