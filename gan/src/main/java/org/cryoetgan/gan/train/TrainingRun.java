package org.cryoetgan.gan.train;

import static org.cryoetgan.gan.train.TrainingSettings.BOX;
import static org.cryoetgan.gan.train.TrainingSettings.CHECKPOINT_EVERY;
import static org.cryoetgan.gan.train.TrainingSettings.IMAGE_POOL;
import static org.cryoetgan.gan.train.TrainingSettings.LOG_EVERY;
import static org.cryoetgan.gan.train.TrainingSettings.SAMPLE_EVERY;
import static org.cryoetgan.gan.train.TrainingSettings.SEED;
import static org.cryoetgan.gan.train.TrainingSettings.SELECT_EVERY;
import static org.cryoetgan.gan.train.TrainingSettings.STEPS;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryoetgan.engine.CounterHash;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.ScalerSpec;
import org.cryoetgan.gan.model.CycleWgan;
import org.cryoetgan.gan.viz.LineChart;
import org.cryoetgan.gan.viz.Montage;
import org.cryoetgan.gan.volume.Volume;
import org.cryoetgan.nn.io.AtomicFiles;
import org.cryoetgan.nn.io.Checkpoint;
import org.cryoetgan.nn.io.HostTensor;
import org.cryoetgan.nn.io.SafeTensors;

/**
 * A whole training run in a {@link RunFolder}: writes the configuration, trains step by step with a progress
 * display, logs metrics, writes sample montages, loss curves and checkpoints, and resumes exactly from the last
 * checkpoint. A diverging loss stops the run with a clear message and leaves the last good checkpoint in place.
 */
public final class TrainingRun {
    private static final int SAMPLE_COUNT = 4;

    private final RunFolder folder;
    private final TrainingConfig cfg;
    private final TrainingData data;
    private final List<Sample> previewMaps;
    private final PrintStream out;
    private final boolean terminal;
    private CheckpointRetention retention = CheckpointRetention.DEFAULT;
    private RealismProbe probe;

    /**
     * @param previewMaps density maps shown in the sample montages (e.g. held-out ones); the first few are used
     */
    public TrainingRun(RunFolder folder, TrainingConfig cfg, TrainingData data, List<Sample> previewMaps,
                       PrintStream out, boolean terminal) {
        this.folder = folder;
        this.cfg = cfg.validate();
        this.data = data;
        this.previewMaps = previewMaps.subList(0, Math.min(SAMPLE_COUNT, previewMaps.size()));
        this.out = out;
        this.terminal = terminal;
    }

    /** Which checkpoints stay after each save ({@link CheckpointRetention#DEFAULT} unless set). */
    public TrainingRun keeping(CheckpointRetention retention) {
        this.retention = retention;
        return this;
    }

    /**
     * Scores the sampling generator with {@code probe} before the first step and every {@code cfg.get(SELECT_EVERY)} steps
     * (and at the last), logs
     * the scores to {@link RunFolder#selection()} and keeps the best-scoring networks as
     * {@link RunFolder#selectedCheckpoint()}.
     */
    public TrainingRun selectingBy(RealismProbe probe) {
        if (cfg.get(SELECT_EVERY) <= 0) {
            throw new IllegalArgumentException("a realism probe needs --select-every > 0");
        }
        this.probe = probe;
        return this;
    }

    /**
     * Trains to {@code cfg.get(STEPS)}; with {@code resume}, continues from the newest checkpoint of the folder, which
     * must exist. Temporary files of writes killed midway are deleted first.
     */
    public CycleWgan run(boolean resume) throws IOException {
        if (resume && folder.latestCheckpoint().isEmpty()) {
            throw new IllegalStateException("cannot resume " + folder.root() + ": no checkpoint in "
                    + folder.checkpoints());
        }
        Files.createDirectories(folder.root());
        for (Path p : folder.deleteTemporaryFiles()) {
            out.println("deleted " + p + " (left by an interrupted write)");
        }
        AtomicFiles.write(folder.config(), o -> o.write(cfg.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        CycleWgan model = Scope.unscoped(() -> new CycleWgan(NetworkSpecs.of(cfg), cfg.get(SEED)));
        try (CycleWganTrainer trainer = new CycleWganTrainer(cfg, model, data)) {
            if (resume) {
                restore(trainer);
            }
            long start = trainer.step();
            Selection selection = probe == null ? null : Selection.resume(folder.selection(), start,
                    probe.hasTransferScore());
            if (selection != null && start == 0) {
                // the untrained networks are a candidate too: a refiner's step 0 is its input unchanged
                score(trainer, selection);
            }
            try (MetricsLog log = MetricsLog.open(folder.metrics(), start)) {
                Progress progress = new Progress(out, "train", cfg.get(STEPS), terminal, cfg.get(LOG_EVERY));
                Map<String, Double> window = new LinkedHashMap<>();
                int windowSteps = 0;
                double windowSeconds = 0;
                while (trainer.step() < cfg.get(STEPS)) {
                    long t0 = System.nanoTime();
                    Map<String, Double> losses;
                    try {
                        losses = trainer.trainStep();
                    } catch (TrainingDivergedException e) {
                        out.println();
                        throw e;
                    }
                    windowSeconds += (System.nanoTime() - t0) / 1e9;
                    windowSteps++;
                    losses.forEach((k, v) -> window.merge(k, v, Double::sum));
                    long step = trainer.step();
                    if (step % cfg.get(LOG_EVERY) == 0 || step == cfg.get(STEPS)) {
                        // each logged value is the mean over the steps since the previous line
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("step", step);
                        int n = windowSteps;
                        window.forEach((k, v) -> row.put(k, v / n));
                        row.put("lr", trainer.generatorOptimizer().learningRate());
                        row.put("seconds_per_step", windowSeconds / n);
                        log.append(row);
                        window.clear();
                        windowSteps = 0;
                        windowSeconds = 0;
                    }
                    progress.update(step, String.format("G %.3f cyc %.3f W_A %.3f W_B %.3f",
                            losses.get("loss_G"), losses.get("loss_cycle_d") + losses.get("loss_cycle_s"),
                            losses.get("wasserstein_A"), losses.get("wasserstein_B")));
                    if (step % cfg.get(SAMPLE_EVERY) == 0 || step == cfg.get(STEPS)) {
                        writeSamples(model, folder.sample(step));
                        writeLossPlot();
                    }
                    if (step % cfg.get(CHECKPOINT_EVERY) == 0 || step == cfg.get(STEPS)) {
                        save(trainer);
                        retention.prune(folder);
                    }
                    if (selection != null && (step % cfg.get(SELECT_EVERY) == 0 || step == cfg.get(STEPS))) {
                        score(trainer, selection);
                    }
                }
                if (selection != null && selection.bestStep() >= 0) {
                    out.printf(java.util.Locale.ROOT, "selected step %d (%s: transfer score %.3f, realism distance"
                            + " %.1f): %s%n", selection.bestStep(), selection.criterion(), selection.best().transfer(),
                            selection.best().distance(), folder.selectedCheckpoint());
                }
            } finally {
                if (selection != null) {
                    selection.close();
                }
            }
            writeLossPlot();
            return model;
        }
    }

    private void score(CycleWganTrainer trainer, Selection selection) throws IOException {
        long step = trainer.step();
        long t0 = System.nanoTime();
        RealismProbe.Scores scores = probe.score(trainer.model().samplingGenerator());
        boolean best = selection.record(step, scores);
        if (best) {
            Map<String, Object> meta = metadata(step);
            meta.put(Selection.DISTANCE, scores.distance());
            if (Double.isFinite(scores.transfer())) {
                meta.put(Selection.TRANSFER, scores.transfer());
            }
            Checkpoint.save(folder.selectedCheckpoint(), Map.of("model", trainer.model()), Map.of(), meta);
        }
        out.printf(java.util.Locale.ROOT, "%sstep %d: transfer score %.3f, realism distance %.1f (%d outputs, %.1f s)%s%n",
                terminal ? "\n" : "", step, scores.transfer(), scores.distance(), probe.size(),
                (System.nanoTime() - t0) / 1e9, best ? ", the best so far: selected" : "");
    }

    private Map<String, Object> metadata(long step) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("step", step);
        meta.put("density_scaler", ScalerSpec.of(data.densityScaler()));
        meta.put("subtomogram_scaler", ScalerSpec.of(data.subtomogramScaler()));
        if (data.inputMatch() != null) {
            meta.put("input_match", data.inputMatch());
        }
        meta.put("box", cfg.get(BOX));
        meta.put("voxel_size", data.density().get(0).volume().voxelSize().x());
        return meta;
    }

    private void save(CycleWganTrainer trainer) throws IOException {
        long step = trainer.step();
        Map<String, Object> meta = metadata(step);
        if (cfg.get(IMAGE_POOL) > 0) {
            Map<String, HostTensor> pool = new LinkedHashMap<>();
            trainer.subtomogramPool().forEach((i, t) -> pool.put("S." + i, HostTensor.of(t)));
            trainer.densityPool().forEach((i, t) -> pool.put("D." + i, HostTensor.of(t)));
            SafeTensors.write(folder.poolFile(step), pool, Map.of("step", Long.toString(step)));
        }
        // ordered maps (not Map.of, whose order changes from JVM to JVM) keep checkpoint files byte-identical
        Map<String, org.cryoetgan.nn.optim.Optimizer> optimizers = new LinkedHashMap<>();
        optimizers.put("generators", trainer.generatorOptimizer());
        optimizers.put("critics", trainer.criticOptimizer());
        Checkpoint.save(folder.checkpoint(step), Map.of("model", trainer.model()), optimizers, meta);
    }

    private void restore(CycleWganTrainer trainer) throws IOException {
        var latest = folder.latestCheckpoint();
        Checkpoint ck = Checkpoint.open(latest.get());
        ck.restoreModule("model", trainer.model(), true);
        ck.restoreOptimizer("generators", trainer.generatorOptimizer());
        ck.restoreOptimizer("critics", trainer.criticOptimizer());
        long step = ck.metadata().path("step").asLong();
        if (cfg.get(IMAGE_POOL) > 0 && Files.exists(folder.poolFile(step))) {
            Map<String, HostTensor> pool = SafeTensors.read(folder.poolFile(step)).tensors();
            trainer.subtomogramPool().restore(pool, "S.");
            trainer.densityPool().restore(pool, "D.");
        }
        trainer.setStep(step);
        out.println("resuming " + folder.root() + " from step " + step + " (" + latest.get().getFileName() + ")");
    }

    private void writeSamples(CycleWgan model, Path png) throws IOException {
        if (previewMaps.isEmpty()) {
            return;
        }
        List<Montage.Entry> entries = new ArrayList<>();
        boolean wasTraining = model.isTraining();
        model.eval();
        try (Scope s = Scope.open()) {
            for (int i = 0; i < previewMaps.size(); i++) {
                Sample m = previewMaps.get(i);
                float[] scaled = data.densityScaler().apply(m.volume().data());
                Tensor x = TrainingData.asBatch(scaled, cfg.get(BOX));
                RandomGenerator noise = new RandomGenerator(CounterHash.mix(cfg.get(SEED), 1_000_000 + i));
                Tensor y = Tensor.noGrad(() -> model.samplingGenerator().forward(x, noise));
                Volume in = m.volume();
                entries.add(new Montage.Entry("map " + m.label(), in));
                entries.add(new Montage.Entry("G_ds(map) " + m.label(),
                        new Volume(cfg.get(BOX), cfg.get(BOX), cfg.get(BOX), y.toArray(), in.voxelSize(), in.origin())));
            }
            Sample real = data.subtomograms().get(0);
            entries.add(new Montage.Entry("real " + real.label(), real.volume()));
        } finally {
            model.train(wasTraining);
        }
        new Montage().write(png, entries);
    }

    private void writeLossPlot() throws IOException {
        if (!Files.exists(folder.metrics())) {
            return;
        }
        List<Map<String, Object>> rows = MetricsLog.read(folder.metrics());
        LineChart chart = new LineChart("CryoETGAN training: " + folder.root().getFileName(), "generator step");
        String[][] panels = {{"generator", "loss_G_adv_ds", "loss_G_adv_sd"}, {"cycle L1", "loss_cycle_d", "loss_cycle_s"},
            {"critics", "loss_D_A", "loss_D_B"}, {"Wasserstein estimates", "wasserstein_A", "wasserstein_B"}};
        for (String[] panel : panels) {
            for (int k = 1; k < panel.length; k++) {
                LineChart.Series s = new LineChart.Series(panel[k]);
                for (Map<String, Object> r : rows) {
                    Object x = r.get("step");
                    Object y = r.get(panel[k]);
                    if (x instanceof Number && y instanceof Number) {
                        s.add(((Number) x).doubleValue(), ((Number) y).doubleValue());
                    }
                }
                chart.add(panel[0], s);
            }
        }
        chart.write(folder.lossPlot(), 900, 200);
    }
}
