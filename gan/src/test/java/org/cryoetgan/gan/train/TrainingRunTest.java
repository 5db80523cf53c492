package org.cryoetgan.gan.train;

import static org.cryoetgan.gan.train.TrainingSettings.ADVERSARIAL_LOSS;
import static org.cryoetgan.gan.train.TrainingSettings.BOX;
import static org.cryoetgan.gan.train.TrainingSettings.CHECKPOINT_EVERY;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_INSTANCE_NORM;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_STEPS;
import static org.cryoetgan.gan.train.TrainingSettings.DROPOUT;
import static org.cryoetgan.gan.train.TrainingSettings.GENERATOR_AVERAGE;
import static org.cryoetgan.gan.train.TrainingSettings.IMAGE_POOL;
import static org.cryoetgan.gan.train.TrainingSettings.LEARNING_RATE;
import static org.cryoetgan.gan.train.TrainingSettings.LOG_EVERY;
import static org.cryoetgan.gan.train.TrainingSettings.R1_WEIGHT;
import static org.cryoetgan.gan.train.TrainingSettings.SELECT_EVERY;
import static org.cryoetgan.gan.train.TrainingSettings.SELECT_SAMPLES;
import static org.cryoetgan.gan.train.TrainingSettings.SPECTRAL_NORM;
import static org.cryoetgan.gan.train.TrainingSettings.SPECTRUM_CRITIC_WEIGHT;
import static org.cryoetgan.gan.train.TrainingSettings.SPECTRUM_CRITIC_WIDTH;
import static org.cryoetgan.gan.train.TrainingSettings.WEIGHT_CLIPPING;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.nn.io.HostTensor;
import org.cryoetgan.nn.io.SafeTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    private static TrainingRun run(Path dir, TrainingConfig c) {
        VolumeSet maps = TinyData.maps(c.get(BOX), 6, 1);
        VolumeSet subs = TinyData.subtomograms(c.get(BOX), 6, 2);
        TrainingData data = new TrainingData(maps, subs, c);
        TrainingRun run = new TrainingRun(new RunFolder(dir), c, data, maps.samples(), QUIET, false);
        if (c.get(SELECT_EVERY) > 0) {
            run.selectingBy(RealismProbe.of(new VolumeSet[] {maps, null}, new VolumeSet[] {subs, null}, data, c));
        }
        return run;
    }

    private static TrainingConfig averagedConfig(int steps, boolean select) {
        TrainingConfig c = TinyData.config(8, steps)
                .with(CHECKPOINT_EVERY, 2)
                .with(GENERATOR_AVERAGE, 0.99);
        if (select) {
            c = c.with(SELECT_EVERY, 1);
            c = c.with(SELECT_SAMPLES, 12);
        }
        return c;
    }

    @Test
    void theGeneratorAverageLeavesTrainingUnchangedAndResumesBitForBit(@TempDir Path tmp) throws Exception {
        Map<String, HostTensor> a = straightAndResumedAgree(tmp, averagedConfig(4, false), averagedConfig(2, false));
        run(tmp.resolve("plain"), TinyData.config(8, 4)).run(false);
        Map<String, HostTensor> p = SafeTensors.read(tmp.resolve("plain/checkpoints/step-000004.safetensors")).tensors();
        List<String> averaged = a.keySet().stream().filter(k -> k.startsWith("model.G_ds_average.")).toList();
        assertEquals(p.keySet().stream().filter(k -> k.startsWith("model.G_ds.")).count(), averaged.size());
        for (String k : p.keySet()) {
            assertArrayEquals(p.get(k).data(), a.get(k).data(), 0f, k + ": the average does not change training");
        }
        boolean differs = false;
        for (String k : averaged) {
            differs |= !java.util.Arrays.equals(a.get(k).data(), a.get(k.replace("G_ds_average.", "G_ds.")).data());
        }
        assertTrue(differs, "the average lags behind G_ds");
    }

    @Test
    void selectionLogsEveryScoreKeepsTheBestAndResumesToTheSameChoice(@TempDir Path tmp) throws Exception {
        straightAndResumedAgree(tmp, averagedConfig(4, true), averagedConfig(2, true));
        for (String name : List.of("straight", "resumed")) {
            RunFolder f = new RunFolder(tmp.resolve(name));
            List<Map<String, Object>> rows = MetricsLog.read(f.selection());
            assertEquals(List.of(0, 1, 2, 3, 4), rows.stream().map(r -> ((Number) r.get("step")).intValue()).toList(),
                    name);
            // TinyData's maps carry two labels, so selection goes by the transfer score (highest first, earliest on ties)
            Map<String, Object> best = rows.get(0);
            for (Map<String, Object> r : rows) {
                if (((Number) r.get("transfer_score")).doubleValue() > ((Number) best.get("transfer_score")).doubleValue()) {
                    best = r;
                }
            }
            org.cryoetgan.nn.io.Checkpoint selected = org.cryoetgan.nn.io.Checkpoint.open(f.selectedCheckpoint());
            assertEquals(((Number) best.get("step")).longValue(), selected.metadata().path("step").asLong(), name);
            assertEquals(((Number) best.get("transfer_score")).doubleValue(),
                    selected.metadata().path("transfer_score").asDouble(), 0, name);
            assertTrue(selected.optimizerNames().isEmpty(), "the selected file holds the networks only");
        }
        List<Map<String, Object>> a = MetricsLog.read(tmp.resolve("straight/selection.jsonl"));
        List<Map<String, Object>> b = MetricsLog.read(tmp.resolve("resumed/selection.jsonl"));
        assertEquals(a, b, "the resumed run scores exactly as the straight one");
        Map<String, HostTensor> sa = SafeTensors.read(tmp.resolve("straight/selected.safetensors")).tensors();
        Map<String, HostTensor> sb = SafeTensors.read(tmp.resolve("resumed/selected.safetensors")).tensors();
        for (String k : sa.keySet()) {
            assertArrayEquals(sa.get(k).data(), sb.get(k).data(), 0f, k);
        }
    }

    @Test
    void aResumedRunEndsBitForBitWhereAnUninterruptedOneDoes(@TempDir Path tmp) throws Exception {
        TrainingConfig c = TinyData.config(8, 4)
                .with(IMAGE_POOL, 2)
                .with(DROPOUT, 0.3)
                .with(CHECKPOINT_EVERY, 2);
        run(tmp.resolve("straight"), c).run(false);

        TrainingConfig half = TinyData.config(8, 2)
                .with(IMAGE_POOL, 2)
                .with(DROPOUT, 0.3)
                .with(CHECKPOINT_EVERY, 2);
        run(tmp.resolve("resumed"), half).run(false);
        run(tmp.resolve("resumed"), c).run(true);

        Map<String, HostTensor> a = SafeTensors.read(tmp.resolve("straight/checkpoints/step-000004.safetensors")).tensors();
        Map<String, HostTensor> b = SafeTensors.read(tmp.resolve("resumed/checkpoints/step-000004.safetensors")).tensors();
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k).data(), b.get(k).data(), 0f, k);
        }
        List<Map<String, Object>> rows = MetricsLog.read(tmp.resolve("resumed/metrics.jsonl"));
        assertEquals(List.of(1, 2, 3, 4), rows.stream().map(r -> ((Number) r.get("step")).intValue()).toList());
        assertTrue(Files.size(tmp.resolve("resumed/loss.png")) > 1000);
    }

    @Test
    void resumingDeletesTheTemporaryFilesOfAKilledCheckpointWriteAndPrunesOldCheckpoints(@TempDir Path tmp)
            throws Exception {
        TrainingConfig c = TinyData.config(8, 3)
                .with(CHECKPOINT_EVERY, 1);
        run(tmp, c).keeping(CheckpointRetention.ALL).run(false);
        RunFolder f = new RunFolder(tmp);
        assertEquals(List.of(1L, 2L, 3L), f.checkpointSteps());
        Path partial = f.checkpoints().resolve(".step-000004.safetensors.8812734.tmp");
        Files.write(partial, new byte[100]);

        TrainingConfig longer = TinyData.config(8, 6)
                .with(CHECKPOINT_EVERY, 1);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        VolumeSet maps = TinyData.maps(8, 6, 1);
        new TrainingRun(f, longer, new TrainingData(maps, TinyData.subtomograms(8, 6, 2), longer), maps.samples(),
                new PrintStream(log, true), false).keeping(new CheckpointRetention(2, 2)).run(true);
        assertTrue(Files.notExists(partial), "the partial checkpoint is deleted");
        assertTrue(log.toString().contains("resuming " + tmp + " from step 3"), log.toString());
        assertEquals(List.of(2L, 4L, 5L, 6L), f.checkpointSteps(), "the newest two and every second step remain");
    }

    @Test
    void resumingAFolderWithoutCheckpointsIsAnError(@TempDir Path tmp) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run(tmp, TinyData.config(8, 2)).run(true));
        assertTrue(e.getMessage().contains("no checkpoint") && e.getMessage().contains(tmp.toString()), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("metrics.jsonl")), "nothing was trained");
    }

    @Test
    void aWganGpRunWithR1ResumesBitForBitAndItsPenaltiesAreLogged(@TempDir Path tmp) throws Exception {
        Map<String, HostTensor> a = straightAndResumedAgree(tmp, gpConfig(4), gpConfig(2));
        for (Map<String, Object> row : MetricsLog.read(tmp.resolve("resumed/metrics.jsonl"))) {
            for (String key : List.of("gp_A", "gp_B", "r1_A", "r1_B")) {
                double v = ((Number) row.get(key)).doubleValue();
                assertTrue(Double.isFinite(v) && v > 0, key + " = " + v + " in " + row);
            }
        }

        TrainingConfig plain = gpConfig(4)
                .with(ADVERSARIAL_LOSS, AdversarialLoss.WGAN)
                .with(R1_WEIGHT, 0.0);
        run(tmp.resolve("plain"), plain).run(false);
        Map<String, HostTensor> p = SafeTensors.read(tmp.resolve("plain/checkpoints/step-000004.safetensors")).tensors();
        boolean differs = false;
        for (String k : a.keySet()) {
            differs |= k.startsWith("model.D_") && !java.util.Arrays.equals(a.get(k).data(), p.get(k).data());
        }
        assertTrue(differs, "the penalties change the critics' updates");
    }

    @Test
    void aRunWithTheSpectrumCriticAndNoInstanceNormResumesBitForBitAndTrainsThatCritic(@TempDir Path tmp)
            throws Exception {
        Map<String, HostTensor> a = straightAndResumedAgree(tmp, spectrumConfig(4), spectrumConfig(2));
        Map<String, HostTensor> start = SafeTensors.read(tmp.resolve("resumed/checkpoints/step-000002.safetensors"))
                .tensors();
        List<String> spectrumKeys = a.keySet().stream().filter(k -> k.startsWith("model.D_A_spectrum.")).toList();
        assertTrue(spectrumKeys.size() >= 6, "spectrum critic state saved: " + a.keySet());
        assertTrue(spectrumKeys.stream().anyMatch(k -> !java.util.Arrays.equals(a.get(k).data(), start.get(k).data())),
                "the spectrum critic is updated");
        for (Map<String, Object> row : MetricsLog.read(tmp.resolve("straight/metrics.jsonl"))) {
            for (String key : List.of("loss_G_adv_spectrum", "loss_D_A_spectrum")) {
                assertTrue(Double.isFinite(((Number) row.get(key)).doubleValue()), key + " in " + row);
            }
        }
        TrainingConfig plain = TinyData.config(8, 2);
        run(tmp.resolve("plain"), plain).run(false);
        assertTrue(SafeTensors.read(tmp.resolve("plain/checkpoints/step-000002.safetensors")).tensors().keySet()
                .stream().noneMatch(k -> k.contains("spectrum")), "no spectrum critic unless configured");
    }

    /**
     * Trains {@code full} straight into tmp/straight, and {@code half} then {@code full} resumed into tmp/resumed;
     * asserts their step-4 checkpoints are identical and returns the straight one.
     */
    private static Map<String, HostTensor> straightAndResumedAgree(Path tmp, TrainingConfig full, TrainingConfig half)
            throws Exception {
        run(tmp.resolve("straight"), full).run(false);
        run(tmp.resolve("resumed"), half).run(false);
        run(tmp.resolve("resumed"), full).run(true);
        Map<String, HostTensor> a = SafeTensors.read(tmp.resolve("straight/checkpoints/step-000004.safetensors")).tensors();
        Map<String, HostTensor> b = SafeTensors.read(tmp.resolve("resumed/checkpoints/step-000004.safetensors")).tensors();
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k).data(), b.get(k).data(), 0f, k);
        }
        return a;
    }

    private static TrainingConfig spectrumConfig(int steps) {
        TrainingConfig c = TinyData.config(8, steps)
                .with(SPECTRUM_CRITIC_WEIGHT, 0.5)
                .with(SPECTRUM_CRITIC_WIDTH, 8)
                .with(CRITIC_INSTANCE_NORM, false)
                .with(ADVERSARIAL_LOSS, AdversarialLoss.LSGAN)
                .with(WEIGHT_CLIPPING, false)
                .with(IMAGE_POOL, 2)
                .with(CHECKPOINT_EVERY, 2)
                .with(LOG_EVERY, 1);
        return c;
    }

    private static TrainingConfig gpConfig(int steps) {
        TrainingConfig c = TinyData.config(8, steps)
                .with(ADVERSARIAL_LOSS, AdversarialLoss.WGAN_GP)
                .with(R1_WEIGHT, 0.5)
                .with(WEIGHT_CLIPPING, false)
                .with(CRITIC_STEPS, 2)
                .with(IMAGE_POOL, 2)
                .with(CHECKPOINT_EVERY, 2);
        return c;
    }

    @Test
    void aDivergingRunStopsWithAClearMessageAndKeepsItsLastGoodCheckpoint(@TempDir Path tmp) throws Exception {
        TrainingConfig c = TinyData.config(8, 40)
                .with(LEARNING_RATE, 1e30)
                .with(WEIGHT_CLIPPING, false)
                .with(SPECTRAL_NORM, false)
                .with(CHECKPOINT_EVERY, 1);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> run(tmp, c).run(false));
        assertTrue(e.getMessage().contains("NaN") || e.getMessage().contains("Infinity"), e.getMessage());
        RunFolder f = new RunFolder(tmp);
        assertTrue(f.latestCheckpoint().isPresent(), "a checkpoint of a good step remains");
        long last = RunFolder.stepOf(f.latestCheckpoint().get());
        assertTrue(e.getMessage().startsWith("step " + (last + 1) + ":"), e.getMessage());
        for (HostTensor t : SafeTensors.read(f.latestCheckpoint().get()).tensors().values()) {
            for (float v : t.data()) {
                assertTrue(Float.isFinite(v), "the kept checkpoint holds only finite values");
            }
        }
    }

    @Test
    void mismatchedDomainsAreRejectedBeforeTraining() {
        TrainingConfig c = TinyData.config(8, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingData(TinyData.maps(8, 2, 1), TinyData.subtomograms(12, 2, 1), c));
        assertTrue(e.getMessage().contains("8³") && e.getMessage().contains("12³"), e.getMessage());
    }
}
