package org.cryoetgan.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.cryoetgan.gan.benchmark.BenchmarkData;
import org.cryoetgan.gan.benchmark.BenchmarkMarkdown;
import org.cryoetgan.gan.benchmark.BenchmarkReport;
import org.cryoetgan.gan.benchmark.BenchmarkRun;
import org.cryoetgan.gan.benchmark.DemoData;
import org.cryoetgan.gan.benchmark.TrainingSetScore;
import org.cryoetgan.gan.data.DataSources;
import org.cryoetgan.gan.demo.DemoSubtomograms;
import org.cryoetgan.gan.evaluate.ReportFiles;

/**
 * What {@code train} does around training when it is given no data: writes the demo's data into the run folder
 * ({@link DemoData}) before, and scores the trained run on the held-out bundled subtomograms after.
 */
final class DemoTraining {
    /** The demo's data folder inside the run folder. */
    static final String DATA = "demo-data";
    /** The demo's evaluation folder inside the run folder. */
    static final String EVALUATION = "evaluation";

    private DemoTraining() {
    }

    /**
     * Writes the demo's data into {@code runDir}/{@value #DATA}, removes an earlier run's evaluation, and returns the
     * run's data sources.
     */
    static DataSources prepare(Path runDir, int mapsPerClass, long seed, int box, PrintStream log) throws Exception {
        DemoSubtomograms.Recipe recipe = DemoSubtomograms.recipe();
        if (box != recipe.box()) {
            throw new IllegalArgumentException("--box " + box + ": the demo's bundled RELION subtomograms are "
                    + recipe.box() + "³ (leave --box out, or train on your data with --density and --subtomograms)");
        }
        long t0 = System.nanoTime();
        BenchmarkData data = DemoData.write(runDir.resolve(DATA).toAbsolutePath(), mapsPerClass, seed);
        BenchmarkRun.prepareOutput(runDir.resolve(EVALUATION), true, null); // a new run: an old evaluation is stale
        log.printf(Locale.ROOT, "demo data in %s (%.1f s): D = %d clean maps per class of %d classes (%s), made from"
                        + " the bundled atomic models; S = subtomograms made with RELION 3.1 (bundled, %d for"
                        + " training, %d held out for the evaluation), %d³ voxels of %.1f Å%n", data.root(),
                (System.nanoTime() - t0) / 1e9, mapsPerClass, recipe.classes().size(),
                String.join(", ", recipe.classes()), recipe.counts().get(DemoSubtomograms.TRAIN),
                recipe.counts().get(DemoSubtomograms.TEST), recipe.box(), recipe.voxelSize());
        return DataSources.demo(data.root(), data.density(), data.subtomogramsTrain());
    }

    /**
     * The benchmark's protocol without CB3D on the trained run ({@link DemoData#evaluationSettings}), written to
     * {@code runDir}/{@value #EVALUATION}; prints what it measures and its table.
     */
    static void evaluate(Path runDir, DataSources sources, PrintStream log) throws Exception {
        Path out = runDir.resolve(EVALUATION);
        BenchmarkRun.prepareOutput(out, true, null);
        BenchmarkData data = BenchmarkData.at(Path.of(sources.demoData()));
        BenchmarkReport r = new BenchmarkRun(DemoData.evaluationSettings(), log::println).run(data, null, runDir, out);
        TrainingSetScore gan = r.trainingSets().get(0);
        TrainingSetScore simulator = r.trainingSets().get(1);
        log.printf(Locale.ROOT, "%ndemo evaluation (%s): a classifier on rotation-invariant features (radial profile,"
                        + " power spectrum, skewness, kurtosis) is trained on each set below and tested on the %d"
                        + " held-out RELION subtomograms of S-test, which training never saw; chance is %.1f%%, one"
                        + " test volume is %.1f points. It measures how well each set stands in for the real data"
                        + " as classifier training data, not how the volumes look; %d classes and this few volumes"
                        + " make it a coarse check, not the benchmark (README).%n", out.resolve(ReportFiles.MARKDOWN),
                r.testSubtomograms(), 100.0 / r.classes().size(), 100.0 / r.testSubtomograms(), r.classes().size());
        BenchmarkMarkdown.accuracyTable(r).lines().forEach(log::println);
        log.printf(Locale.ROOT, "GAN output %s the traditional simulator's on this yardstick (%s vs %s).%n",
                verdict(gan.invariantAccuracy(), simulator.invariantAccuracy()), pct(gan.invariantAccuracy()),
                pct(simulator.invariantAccuracy()));
    }

    private static String verdict(Double gan, Double simulator) {
        if (gan == null || simulator == null) {
            return "cannot be compared with";
        }
        return gan > simulator ? "scores above" : gan.equals(simulator) ? "scores the same as" : "scores below";
    }

    private static String pct(Double a) {
        return a == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * a);
    }
}
