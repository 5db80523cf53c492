package org.cryoetgan.gan.generate;


import static org.cryoetgan.gan.train.TrainingSettings.DROPOUT;
import static org.cryoetgan.gan.train.TrainingSettings.INPUT_SIMULATION;
import static org.cryoetgan.gan.train.TrainingSettings.LEARNING_RATE;
import static org.cryoetgan.gan.train.TrainingSettings.MATCH_STATISTICS;
import static org.cryoetgan.gan.train.TrainingSettings.NORMALIZATION;
import static org.cryoetgan.gan.train.TrainingSettings.REFINER;
import static org.cryoetgan.gan.train.TrainingSettings.ZSCORE_CLIP;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cryoetgan.engine.CounterHash;
import org.cryoetgan.gan.batch.MapSources.LabelledFile;
import org.cryoetgan.gan.data.LabelTable;
import org.cryoetgan.gan.data.Normalization;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.mrc.MrcWriteOptions;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.sim.InputSimulation;
import org.cryoetgan.gan.train.TinyRun;
import org.cryoetgan.gan.train.TrainingConfig;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run trained on simulated inputs generates by simulating each map first: with a refiner that has not moved from
 * the identity (a learning rate far below float resolution), each written volume is exactly the normalised
 * simulation of its map under that sample's seed.
 */
class SimulatedInputGenerationTest {
    @TempDir
    Path tmp;

    private static Volume blob(int n, double radius) {
        float[] v = new float[n * n * n];
        double c = (n - 1) / 2.0;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double d2 = (x - c) * (x - c) + (y - c) * (y - c) + (z - c) * (z - c);
                    v[(z * n + y) * n + x] = (float) Math.exp(-d2 / (2 * radius * radius));
                }
            }
        }
        return new Volume(n, n, n, v, Vec3.of(10), Vec3.ZERO);
    }

    @Test
    void eachSampleIsItsMapSimulatedWithItsOwnSeedThenRefined() throws Exception {
        generatesTheNormalisedSimulation(false);
    }

    @Test
    void aRunWithAStatisticsMatchAppliesItToEachSimulation() throws Exception {
        generatesTheNormalisedSimulation(true);
    }

    private void generatesTheNormalisedSimulation(boolean match) throws Exception {
        TrainingConfig c = TinyRun.config(8, 1)
                .with(MATCH_STATISTICS, match)
                .with(DROPOUT, 0.0)
                .with(REFINER, true)
                .with(NORMALIZATION, Normalization.ZSCORE)
                .with(ZSCORE_CLIP, 15.0)
                .with(LEARNING_RATE, 1e-30)
                .with(INPUT_SIMULATION, InputSimulation.defaults());
        Path run = tmp.resolve("run");
        TinyRun.train(run, c);
        Path mapFile = tmp.resolve("blob.mrc");
        Volume map = blob(8, 1.5);
        MrcWriter.write(mapFile, map);
        Path out = tmp.resolve("gen");
        try (TrainedModel m = TrainedModel.load(run, null)) {
            assertTrue(m.config().get(INPUT_SIMULATION) != null, "the setting is stored with the run");
            if (match) {
                assertNotNull(m.inputMatch(), "the fitted match is stored with the checkpoint");
            } else {
                assertNull(m.inputMatch());
            }
            LabelTable table = new GenerationJob(m, 2, 5, Shard.ALL, false, MrcWriteOptions.defaults())
                    .run(List.of(new LabelledFile(mapFile, "blob")), out, d -> { });
            List<String> files = table.column("file");
            List<String> seeds = table.column("seed");
            assertEquals(2, files.size());
            float[][] written = new float[2][];
            for (int k = 0; k < 2; k++) {
                long seed = Long.parseUnsignedLong(seeds.get(k));
                Volume simulated = m.config().get(INPUT_SIMULATION).simulate(map,
                        CounterHash.mix(seed, GenerationJob.SIMULATION));
                float[] expected = m.densityScaler().apply(match ? m.inputMatch().apply(simulated.data())
                        : simulated.data());
                written[k] = MrcReader.readVolume(out.resolve(files.get(k))).data();
                assertArrayEquals(expected, written[k], 1e-6f, files.get(k));
            }
            assertFalse(Arrays.equals(written[0], written[1]), "two samples of one map are two simulations");
            assertFalse(Arrays.equals(m.densityScaler().apply(map.data()), written[0]),
                    "the generator's input is not the clean map");
        }
    }
}
