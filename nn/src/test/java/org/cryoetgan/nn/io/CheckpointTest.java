package org.cryoetgan.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.LoadReport;
import org.cryoetgan.nn.StateDictException;
import org.cryoetgan.nn.TorchFixtures;
import org.cryoetgan.nn.layers.LeakyReLU;
import org.cryoetgan.nn.layers.Linear;
import org.cryoetgan.nn.layers.Sequential;
import org.cryoetgan.nn.layers.SpectralNorm;
import org.cryoetgan.nn.optim.Adam;
import org.cryoetgan.nn.optim.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    private static Sequential net(long seed) {
        RandomGenerator rng = new RandomGenerator(seed);
        return new Sequential(new Linear(4, 3, true, rng), new LeakyReLU(0.2f),
                new SpectralNorm(new Linear(3, 2, true, rng), rng));
    }

    private static void trainStep(Sequential m, Optimizer opt, long seed) {
        try (Scope s = Scope.open()) {
            m.forward(Tensor.randn(new RandomGenerator(seed), 5, 4)).pow(2).sum().backward();
            opt.step();
            opt.zeroGrad();
        }
    }

    @Test
    void resumingFromACheckpointIsExact() throws Exception {
        Path f = dir.resolve("ckpt.safetensors");
        try (Sequential a = net(1); Adam optA = new Adam(a.parameters(), 1e-2)) {
            trainStep(a, optA, 10);
            trainStep(a, optA, 11);
            Checkpoint.save(f, Map.of("net", a), Map.of("adam", optA), Map.of("epoch", 2, "note", "test"));
            try (Sequential b = net(99); Adam optB = new Adam(b.parameters(), 1e-2)) {
                Checkpoint c = Checkpoint.open(f);
                assertEquals(List.of("net"), c.moduleNames());
                assertEquals(2, c.metadata().get("epoch").asInt());
                assertTrue(c.restoreModule("net", b, true).isClean());
                c.restoreOptimizer("adam", optB);
                assertEquals(2, optB.stepCount());
                trainStep(a, optA, 12);
                trainStep(b, optB, 12);
                a.stateDict().forEach((k, t) -> assertArrayEquals(t.toArray(), b.stateDict().get(k).toArray(), 0f, k));
            }
        }
    }

    @Test
    void misShapedTensorNamesFileAndTensor() throws Exception {
        Path f = dir.resolve("w.safetensors");
        try (Sequential a = net(1)) {
            WeightsFile.save(f, a, Map.of());
        }
        RandomGenerator rng = new RandomGenerator(3);
        try (Sequential other = new Sequential(new Linear(4, 5, true, rng), new LeakyReLU(0.2f),
                new SpectralNorm(new Linear(5, 2, true, rng), rng))) {
            StateDictException e = assertThrows(StateDictException.class, () -> WeightsFile.load(f, other, true));
            assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("0.weight: expected [5, 4], got [3, 4]"), e.getMessage());
            assertTrue(e.getMessage().contains("2.weight_orig"), e.getMessage());
            LoadReport r = WeightsFile.load(f, other, false);
            assertEquals(4, r.mismatched().size(), r.describe());
        }
    }

    @Test
    void checkpointWrittenByPythonRestores() throws Exception {
        Checkpoint c = Checkpoint.open(TorchFixtures.path("python_checkpoint.safetensors"));
        assertEquals("torch_nn_reference.py", c.metadata().get("written_by").asText());
        RandomGenerator rng = new RandomGenerator(4);
        try (Sequential net = new Sequential(new Linear(4, 3, true, rng), new LeakyReLU(0.2f),
                new Linear(3, 2, true, rng)); Adam adam = new Adam(net.parameters(), 1e-3)) {
            assertTrue(c.restoreModule("net", net, true).isClean());
            assertArrayEquals(c.moduleState("net").get("2.bias").data(), net.stateDict().get("2.bias").toArray());
            c.restoreOptimizer("adam", adam);
            assertEquals(2, adam.stepCount());
            assertArrayEquals(c.moduleState("net").get("0.weight").shape(),
                    adam.exportState().tensors().get("0.exp_avg").shape());
        }
    }

    @Test
    void notACheckpointIsReported() throws Exception {
        Path f = dir.resolve("plain.safetensors");
        try (Sequential a = net(1)) {
            WeightsFile.save(f, a, Map.of());
        }
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> Checkpoint.open(f));
        assertTrue(e.getMessage().contains("not a cryoetgan checkpoint"), e.getMessage());
    }
}
