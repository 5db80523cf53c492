package org.cryoetgan.gan.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.gan.batch.Augmentation;
import org.cryoetgan.gan.batch.BatchProgress;
import org.cryoetgan.gan.batch.LabelTable;
import org.cryoetgan.gan.batch.MapSources;
import org.cryoetgan.gan.batch.SimulationBatch;
import org.cryoetgan.gan.classify.ClassifierSettings;
import org.cryoetgan.gan.classify.ClassifierTrainer;
import org.cryoetgan.gan.classify.TrainedClassifier;
import org.cryoetgan.gan.data.Sample;
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
import org.cryoetgan.gan.metrics.ModeCollapse;
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
 *   <li><b>CB3D yardstick and metrics</b>: CB3D trained on S-train (its S-test accuracy is the ceiling; it is also the
 *       feature network of FID, IS and PRDC), then the {@link Evaluation} of the GAN output, the simulator and clean
 *       D against S-test, whose "generated → real" accuracy is CB3D trained on that set and tested on S-test; the
 *       evaluation's own report goes to {@value #EVALUATION}/;</li>
 *   <li><b>collapse check</b>: {@link ModeCollapse} over the K draws of up to N maps, and the invariant classifier's
 *       separability of the generated classes among themselves (trained on half the maps, tested on the rest);</li>
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

        EvaluationReport metrics = clock.time("CB3D yardstick and metrics", () -> cb3dAndMetrics(sets, trainingSets,
                out.resolve(EVALUATION)));
        List<TrainingSetScore> rows = rows(trainingSets, invariant, metrics, sets.test());

        CollapseScore collapse = clock.time("collapse check", () -> collapse(generatedTable, generated,
                sets.density(), notes));

        List<String> montages = clock.time("montages", () -> montages(out, sets, generatedTable, generated, simulated));
        notes.addAll(metrics.notes());
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
            Double cb3d = metrics.sets().stream().filter(s -> s.name().equals(e.getKey())).findFirst()
                    .map(SetScores::accuracyGeneratedToReal).orElse(null);
            rows.add(new TrainingSetScore(e.getKey(), what.get(e.getKey()), e.getValue().size(),
                    invariant.get(e.getKey()), cb3d));
        }
        return rows;
    }

    private CollapseScore collapse(LabelTable table, VolumeSet generated, VolumeSet density, List<String> notes) {
        Map<String, List<float[]>> drawsByMap = drawsByMap(table, generated);
        List<String> order = new ArrayList<>(drawsByMap.keySet());
        shuffle(order);
        List<String> chosen = order.subList(0, Math.min(settings.collapseMaps, order.size()));
        List<List<float[]>> outputs = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        Map<String, Sample> densityByName = new HashMap<>();
        for (Sample s : density.samples()) {
            densityByName.put(fileName(s.source()), s);
        }
        for (String m : chosen) {
            outputs.add(drawsByMap.get(m));
            inputs.add(densityByName.get(fileName(m)).volume().data());
        }
        ModeCollapse.Result r = ModeCollapse.compute(outputs);
        log.accept(String.format("  across maps %.4f, across noise %.4f (correlation distance), ratio %.2f; inputs"
                + " across maps %.4f", r.acrossMaps(), r.acrossNoise(), r.ratio(),
                ModeCollapse.meanCorrelationDistance(inputs)));

        Map<String, String> sourceOfFile = sourceOfFile(table);
        java.util.Set<String> trainMaps = new java.util.HashSet<>(order.subList(0, order.size() / 2));
        List<Sample> train = new ArrayList<>();
        List<Sample> test = new ArrayList<>();
        for (Sample s : generated.samples()) {
            (trainMaps.contains(sourceOfFile.get(fileName(s.source()))) ? train : test).add(s);
        }
        Double inDomain = null;
        try {
            double acc = InvariantClassifier.train(new VolumeSet("GAN output (half the maps)", train),
                    settings.invariantLambda).accuracy(new VolumeSet("GAN output (other maps)", test));
            inDomain = Double.isNaN(acc) ? null : acc;
        } catch (IllegalArgumentException e) {
            notes.add("collapse check: no in-domain separability: " + e.getMessage());
        }
        return new CollapseScore(r, Double.isInfinite(r.ratio()) ? null : r.ratio(),
                ModeCollapse.meanCorrelationDistance(inputs), inDomain, train.size(), test.size());
    }

    /** Source map → the voxels of its draws in sample order. */
    private static Map<String, List<float[]>> drawsByMap(LabelTable table, VolumeSet generated) {
        Map<String, Sample> byName = new HashMap<>();
        for (Sample s : generated.samples()) {
            byName.put(fileName(s.source()), s);
        }
        List<String> files = table.column("file");
        List<String> sources = table.column("source");
        List<String> samples = table.column("sample");
        Map<String, TreeMap<Integer, float[]>> grouped = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            grouped.computeIfAbsent(sources.get(i), k -> new TreeMap<>())
                    .put(Integer.parseInt(samples.get(i)), byName.get(files.get(i)).volume().data());
        }
        Map<String, List<float[]>> out = new LinkedHashMap<>();
        grouped.forEach((k, v) -> out.put(k, new ArrayList<>(v.values())));
        return out;
    }

    private static Map<String, String> sourceOfFile(LabelTable table) {
        Map<String, String> m = new HashMap<>();
        List<String> files = table.column("file");
        List<String> sources = table.column("source");
        for (int i = 0; i < files.size(); i++) {
            m.put(files.get(i), sources.get(i));
        }
        return m;
    }

    private List<String> montages(Path out, BenchmarkData.Loaded sets, LabelTable table, VolumeSet generated,
                                  VolumeSet simulated) throws IOException {
        // the first draw of each map, so that the GAN row shows the outputs of the D maps in the row above
        java.util.Set<String> firstDraws = new java.util.HashSet<>();
        List<String> files = table.column("file");
        List<String> samples = table.column("sample");
        for (int i = 0; i < files.size(); i++) {
            if (samples.get(i).equals("0")) {
                firstDraws.add(files.get(i));
            }
        }
        List<Sample> first = generated.samples().stream().filter(s -> firstDraws.contains(fileName(s.source())))
                .toList();
        Map<String, VolumeSet> rows = new LinkedHashMap<>();
        rows.put("D input", sets.density());
        rows.put("GAN output", new VolumeSet("GAN output", first));
        rows.put("simulator", simulated);
        rows.put("S-test", sets.test());
        return SampleMontages.write(out, "montage", sets.test().labels(), rows, settings.montagePerSet);
    }

    private void shuffle(List<String> list) {
        int[] idx = new int[list.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        new RandomGenerator(settings.seed).shuffle(idx);
        List<String> copy = new ArrayList<>(list);
        for (int i = 0; i < idx.length; i++) {
            list.set(i, copy.get(idx[i]));
        }
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

    private static String fileName(String path) {
        return Path.of(path).getFileName().toString();
    }
}
