package org.cryoetgan.gan.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cryoetgan.gan.batch.Augmentation;
import org.cryoetgan.gan.batch.BatchProgress;
import org.cryoetgan.gan.batch.MapSources;
import org.cryoetgan.gan.batch.SimulationBatch;
import org.cryoetgan.gan.classify.ClassifierSettings;
import org.cryoetgan.gan.classify.ClassifierTrainer;
import org.cryoetgan.gan.classify.TrainedClassifier;
import org.cryoetgan.gan.data.LabelTable;
import org.cryoetgan.gan.data.VolumeFiles;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.evaluate.Evaluation;
import org.cryoetgan.gan.evaluate.EvaluationReport;
import org.cryoetgan.gan.evaluate.EvaluationSettings;
import org.cryoetgan.gan.evaluate.ReportFiles;
import org.cryoetgan.gan.evaluate.SampleMontages;
import org.cryoetgan.gan.evaluate.SetScores;
import org.cryoetgan.gan.generate.GenerationJob;
import org.cryoetgan.gan.generate.Shard;
import org.cryoetgan.gan.generate.TrainedModel;
import org.cryoetgan.gan.invariant.InvariantClassifier;
import org.cryoetgan.gan.mrc.MrcWriteOptions;

/**
 * The benchmark protocol, end to end, each stage's output kept in the output folder:
 *
 * <ol>
 *   <li><b>train</b>: CryoETGAN on D + S-train (S-train's labels are not used) into {@value #RUN_DIR}/, unless an
 *       existing run is given;</li>
 *   <li><b>generate</b>: K volumes per density map of D with G_ds into {@value #GENERATED}/;</li>
 *   <li><b>simulate</b>: K volumes per map with the traditional simulator into {@value #SIMULATED}/;</li>
 *   <li><b>invariant yardstick</b>: the invariant-feature classifier trained on each of four training sets — GAN
 *       output, simulator, clean D (the floor), S-train (the ceiling) — and tested on S-test;</li>
 *   <li><b>CB3D yardstick and metrics</b> (unless {@link BenchmarkSettings#cb3d} is off): CB3D trained on S-train
 *       (its S-test accuracy is the ceiling; it is also the feature network of FID, IS and PRDC), then the
 *       {@link Evaluation} of the GAN output, the simulator and clean D against S-test, whose "generated → real"
 *       accuracy is CB3D trained on that set and tested on S-test; the evaluation's own report goes to
 *       {@value #EVALUATION}/;</li>
 *   <li><b>collapse check</b> ({@link CollapseCheck}): how much G_ds outputs differ across maps against across noise
 *       draws, and the invariant classifier's separability of the generated classes among themselves (trained on
 *       half the maps, tested on the rest);</li>
 *   <li><b>report</b>: report.json, report.md, and per class a montage of D input, GAN output (first draw of the
 *       same maps), simulator and S-test.</li>
 * </ol>
 */
public final class BenchmarkRun {
    public static final String RUN_DIR = "gan-run";
    public static final String GENERATED = "generated";
    public static final String SIMULATED = "simulated";
    public static final String EVALUATION = "evaluation";
    /** Every folder a benchmark writes into its output. */
    public static final List<String> STAGE_FOLDERS = List.of(RUN_DIR, GENERATED, SIMULATED, EVALUATION);

    private final BenchmarkSettings settings;
    private final Consumer<String> log;

    public BenchmarkRun(BenchmarkSettings settings, Consumer<String> log) {
        this.settings = settings.validate();
        this.log = log;
    }

    /**
     * Creates {@code out}, or refuses a non-empty one unless {@code overwrite} (then removes only what a benchmark
     * writes, but not {@code existingRun} when it lies there). Call before any work.
     */
    public static void prepareOutput(Path out, boolean overwrite, Path existingRun) throws IOException {
        OutputFolder.prepare(out, overwrite, STAGE_FOLDERS, existingRun);
    }

    /**
     * Runs the protocol.
     *
     * @param training    trains the GAN (used when {@code existingRun} is null)
     * @param existingRun a trained run folder to reuse, or null
     */
    public BenchmarkReport run(BenchmarkData data, GanTraining training, Path existingRun, Path out) throws Exception {
        List<String> notes = new ArrayList<>();
        StageClock clock = new StageClock(log);
        BenchmarkData.Loaded sets = clock.time("load data", data::load);
        log.accept(String.format("D: %d maps, S-train: %d, S-test: %d volumes of %d³, classes %s", sets.density().size(),
                sets.train().size(), sets.test().size(), sets.density().box(), sets.test().labels()));
        Path runDir = existingRun != null ? existingRun : out.resolve(RUN_DIR);
        if (existingRun == null) {
            clock.time("train GAN", () -> {
                training.train(data.density(), data.subtomogramsTrain(), runDir);
                return null;
            });
        } else {
            notes.add("the GAN was not trained by this benchmark: the run in " + existingRun + " was reused");
        }
        List<MapSources.LabelledFile> maps = MapSources.files(data.density(), MapSources::isMapFile);
        long[] step = new long[1];
        LabelTable generatedTable = clock.time("generate", () -> generate(runDir, maps, out.resolve(GENERATED), step));
        VolumeSet generated = VolumeFiles.read("GAN output", List.of(out.resolve(GENERATED)), null);
        clock.time("simulate", () -> SimulationBatch.run(maps, settings.perMap, new Augmentation(true, 0),
                settings.simulation(), new SimulationBatch.DefocusRange(settings.defocusMinUm, settings.defocusMaxUm),
                settings.seed, out.resolve(SIMULATED), out.resolve(SIMULATED).resolve("labels.csv"),
                MrcWriteOptions.defaults(), progress("simulate")));
        VolumeSet simulated = VolumeFiles.read("simulator output", List.of(out.resolve(SIMULATED)), null);

        Map<String, VolumeSet> trainingSets = new LinkedHashMap<>();
        trainingSets.put("GAN", generated);
        trainingSets.put("simulator", simulated);
        trainingSets.put("clean D", sets.density());
        trainingSets.put("S-train", sets.train());
        Map<String, Double> invariant = clock.time("invariant yardstick", () -> invariantScores(trainingSets,
                sets.test(), notes));

        EvaluationReport metrics = null;
        if (settings.cb3d) {
            metrics = clock.time("CB3D yardstick and metrics", () -> cb3dAndMetrics(sets, trainingSets,
                    out.resolve(EVALUATION)));
        } else {
            notes.add("CB3D was not run (--no-cb3d): no CB3D accuracies, and no FID, IS, PRDC or SSIM");
        }
        List<TrainingSetScore> rows = rows(trainingSets, invariant, metrics, sets.test());

        GeneratedDraws draws = new GeneratedDraws(generatedTable, generated);
        CollapseScore collapse = clock.time("collapse check", () -> new CollapseCheck(settings.collapseMaps,
                settings.seed, settings.invariantLambda).run(draws, sets.density(), notes));
        log.accept(String.format("  across maps %.4f, across noise %.4f (correlation distance); inputs %.4f;"
                + " in-domain separability %s", collapse.outputs().acrossMaps(), collapse.outputs().acrossNoise(),
                collapse.inputAcrossMaps(), collapse.inDomainAccuracy()));

        List<String> montages = clock.time("montages", () -> montages(out, sets, draws, simulated));
        if (metrics != null) {
            notes.addAll(metrics.notes());
        }
        BenchmarkReport report = new BenchmarkReport(data.root().toString(), sets.density().box(), sets.test().labels(),
                sets.density().size(), sets.train().size(), sets.test().size(), runDir.toString(), step[0], settings,
                rows, metrics, collapse, clock.minutes(), montages, notes);
        BenchmarkReportFiles.write(out, report);
        return report;
    }

    private LabelTable generate(Path runDir, List<MapSources.LabelledFile> maps, Path dir, long[] step)
            throws IOException {
        try (TrainedModel model = TrainedModel.load(runDir, null)) {
            step[0] = model.step();
            log.accept("generating " + settings.perMap + " per map from " + maps.size() + " maps with "
                    + model.checkpoint() + " (step " + model.step() + ")");
            GenerationJob job = new GenerationJob(model, settings.perMap, settings.seed, Shard.ALL, false,
                    MrcWriteOptions.defaults());
            BatchProgress p = progress("generate");
            long total = (long) maps.size() * settings.perMap;
            return job.run(maps, dir, done -> p.update((int) done, (int) total, "generate"));
        }
    }

    private Map<String, Double> invariantScores(Map<String, VolumeSet> trainingSets, VolumeSet test,
                                                List<String> notes) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, VolumeSet> e : trainingSets.entrySet()) {
            try {
                double acc = InvariantClassifier.train(e.getValue(), settings.invariantLambda).accuracy(test);
                out.put(e.getKey(), Double.isNaN(acc) ? null : acc);
                log.accept(String.format("  invariant classifier trained on %s: %.1f%% on S-test", e.getKey(),
                        100 * acc));
            } catch (IllegalArgumentException ex) {
                notes.add(e.getKey() + ": no invariant-feature classifier: " + ex.getMessage());
                out.put(e.getKey(), null);
            }
        }
        return out;
    }

    private EvaluationReport cb3dAndMetrics(BenchmarkData.Loaded sets, Map<String, VolumeSet> trainingSets, Path dir)
            throws IOException {
        ClassifierSettings cs = settings.classifier.copy();
        cs.heldOutFraction = 0;
        EvaluationSettings es = settings.evaluation;
        es.classifier = cs;
        log.accept("training CB3D on S-train (" + sets.train().size() + " volumes)");
        try (TrainedClassifier ceiling = new ClassifierTrainer(cs, r -> log.accept(String.format(
                "  epoch %d: loss %.4f, train acc %.3f", r.epoch(), r.loss(), r.trainAccuracy()))).train(sets.train())) {
            Map<String, VolumeSet> candidates = new LinkedHashMap<>(trainingSets);
            candidates.remove("S-train");
            EvaluationReport r = new Evaluation(es, log).run(sets.test(), candidates, ceiling,
                    "CB3D trained on S-train by the benchmark");
            double ceilingAccuracy = ceiling.evaluate(sets.test()).accuracy();
            List<SetScores> all = new ArrayList<>(r.sets());
            all.add(new SetScores("S-train", sets.train().size(), sets.train().labels(), null, null, null,
                    ceilingAccuracy, null, null, null));
            EvaluationReport withCeiling = new EvaluationReport(r.box(), r.realCount(), r.realClasses(), r.classifier(),
                    r.classifierHeldOutAccuracy(), r.settings(), r.real(), all, r.notes());
            ReportFiles.write(dir, withCeiling, List.of());
            return withCeiling;
        }
    }

    private static List<TrainingSetScore> rows(Map<String, VolumeSet> trainingSets, Map<String, Double> invariant,
                                               EvaluationReport metrics, VolumeSet test) {
        Map<String, String> what = Map.of(
                "GAN", "CryoETGAN output (G_ds on D)",
                "simulator", "traditional simulator on D",
                "clean D", "the density maps themselves (floor)",
                "S-train", "realistic subtomograms of the same kind as S-test (ceiling)");
        List<TrainingSetScore> rows = new ArrayList<>();
        for (Map.Entry<String, VolumeSet> e : trainingSets.entrySet()) {
            Double cb3d = metrics == null ? null : metrics.sets().stream().filter(s -> s.name().equals(e.getKey()))
                    .findFirst().map(SetScores::accuracyGeneratedToReal).orElse(null);
            rows.add(new TrainingSetScore(e.getKey(), what.get(e.getKey()), e.getValue().size(),
                    invariant.get(e.getKey()), cb3d));
        }
        return rows;
    }

    private List<String> montages(Path out, BenchmarkData.Loaded sets, GeneratedDraws draws, VolumeSet simulated)
            throws IOException {
        // the first draw of each map, so that the GAN row shows the outputs of the D maps in the row above
        Map<String, VolumeSet> rows = new LinkedHashMap<>();
        rows.put("D input", sets.density());
        rows.put("GAN output", new VolumeSet("GAN output", draws.firstDraws()));
        rows.put("simulator", simulated);
        rows.put("S-test", sets.test());
        return SampleMontages.write(out, "montage", sets.test().labels(), rows, settings.montagePerSet);
    }

    private BatchProgress progress(String what) {
        int[] lastDecile = {-1};
        return (done, total, item) -> {
            int decile = total == 0 ? 10 : 10 * done / total;
            if (decile != lastDecile[0]) {
                lastDecile[0] = decile;
                log.accept(String.format("  %s: %d / %d", what, done, total));
            }
        };
    }

}
