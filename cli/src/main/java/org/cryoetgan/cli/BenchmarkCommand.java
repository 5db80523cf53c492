package org.cryoetgan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.benchmark.BenchmarkData;
import org.cryoetgan.gan.benchmark.BenchmarkRun;
import org.cryoetgan.gan.benchmark.BenchmarkSettings;
import org.cryoetgan.gan.benchmark.GanTraining;
import org.cryoetgan.gan.evaluate.ReportFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code cryoetgan-cli benchmark}: the benchmark protocol on a D / S-train / S-test data set. */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the benchmark protocol on a data folder with D/ (density maps), S-train/ and S-test/"
                + " (realistic subtomograms), each with labels.csv: train CryoETGAN on D + S-train (S labels unused),"
                + " generate and simulate K volumes per map, and score four training sets (GAN output, simulator,"
                + " clean D, S-train) by accuracy on S-test with two yardsticks (invariant-feature classifier, CB3D),"
                + " plus FID/IS/PRDC/SSIM and a mode-collapse check.",
            "Every option not listed here is passed to 'train' (e.g. --preset reference-code --steps 300 --box 28).",
            "Writes OUT/report.md, report.json, montage-<class>.png and each stage's output (gan-run/, generated/,"
                + " simulated/, evaluation/)."})
final class BenchmarkCommand implements Callable<Integer> {
    private static final Set<String> OWNED_BY_BENCHMARK = Set.of("--density", "--subtomograms", "--out", "--resume",
            "--labels");

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder with D/, S-train/, S-test/.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (must be empty).")
    Path out;

    @Option(names = "--overwrite", description = "Replace a benchmark's results already in --out.")
    boolean overwrite;

    @Option(names = "--run", paramLabel = "DIR", description = "Reuse this trained run instead of training.")
    Path run;

    @Option(names = "--per-map", description = "Volumes generated and simulated per map (default ${DEFAULT-VALUE}).")
    int perMap = 5;

    @Option(names = "--sim-snr", description = "SNR of the traditional simulator (default ${DEFAULT-VALUE}).")
    double simSnr = 0.5;

    @Option(names = "--sim-defocus", split = ":", paramLabel = "UM:UM",
            description = "Defocus range of the simulator in µm (default -3:-5).")
    List<Double> simDefocus = List.of(-3.0, -5.0);

    @Option(names = "--no-cb3d", description = "Skip CB3D: no CB3D accuracies and no FID, IS, PRDC or SSIM (they"
            + " use its features); the invariant-feature yardstick and the collapse check remain.")
    boolean noCb3d;

    @Option(names = "--cb3d-epochs", description = "CB3D epochs (default: the trainer's).") Integer cb3dEpochs;
    @Option(names = "--cb3d-width", description = "CB3D first-stage channels (default: the trainer's).") Integer cb3dWidth;
    @Option(names = "--cb3d-fc", description = "CB3D fc6/fc7 units (default: the trainer's).") Integer cb3dFc;

    @Option(names = "--ssim-references", description = "S-test volumes each volume is compared with for SSIM"
            + " (default ${DEFAULT-VALUE}).")
    int ssimReferences = 5;

    @Option(names = "--collapse-maps", description = "Maps compared by the collapse check (default ${DEFAULT-VALUE}).")
    int collapseMaps = 40;

    @Option(names = "--threads", description = "CPU threads of every stage, training included (default: all cores).")
    Integer threads;

    @Unmatched
    List<String> trainOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        for (String o : trainOptions) {
            if (OWNED_BY_BENCHMARK.contains(o.split("=", 2)[0])) {
                throw new IllegalArgumentException(o + ": set by the benchmark itself (it trains on --data's D/ and"
                        + " S-train/ into OUT/gan-run)");
            }
        }
        if (run != null && !trainOptions.isEmpty()) {
            throw new IllegalArgumentException("training options " + trainOptions + " given with --run " + run
                    + " (the run is reused, not trained)");
        }
        if (run != null && !Files.isRegularFile(run.resolve("config.json"))) {
            throw new IllegalArgumentException("--run " + run + ": not a training run folder (no config.json)");
        }
        if (threads != null) {
            System.setProperty("cryoetgan.threads", Integer.toString(threads));
        }
        trainCommand(Path.of("D"), Path.of("S"), Path.of("run")); // parse the training options before any work
        BenchmarkData folders = BenchmarkData.at(data);
        BenchmarkSettings s = settings();
        BenchmarkRun.prepareOutput(out, overwrite, run);
        GanTraining training = (d, sub, dir) -> trainCommand(d, sub, dir).call();
        new BenchmarkRun(s, System.out::println).run(folders, training, run, out);
        Files.readString(out.resolve(ReportFiles.MARKDOWN)).lines().filter(l -> l.startsWith("|"))
                .forEach(System.out::println);
        System.out.println("report: " + out.resolve(ReportFiles.MARKDOWN) + ", " + out.resolve(ReportFiles.JSON));
        return 0;
    }

    private TrainCommand trainCommand(Path density, Path subtomograms, Path runDir) {
        List<String> args = new ArrayList<>(List.of("--density", density.toString(), "--subtomograms",
                subtomograms.toString(), "--out", runDir.toString()));
        if (threads != null) {
            args.addAll(List.of("--threads", threads.toString()));
        }
        args.addAll(trainOptions);
        TrainCommand t = new TrainCommand();
        try {
            SettingOptions.addTo(new CommandLine(t).setCaseInsensitiveEnumValuesAllowed(true)).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException("training option: " + e.getMessage(), e);
        }
        return t;
    }

    private BenchmarkSettings settings() {
        BenchmarkSettings s = new BenchmarkSettings();
        s.perMap = perMap;
        s.simulationSnr = simSnr;
        if (simDefocus.size() != 2) {
            throw new IllegalArgumentException("--sim-defocus takes MIN:MAX in µm, got " + simDefocus);
        }
        s.defocusMinUm = simDefocus.get(0);
        s.defocusMaxUm = simDefocus.get(1);
        s.cb3d = !noCb3d;
        if (cb3dEpochs != null) s.classifier.epochs = cb3dEpochs;
        if (cb3dWidth != null) s.classifier.baseChannels = cb3dWidth;
        if (cb3dFc != null) s.classifier.fcWidth = cb3dFc;
        s.evaluation.ssimReferences = ssimReferences;
        s.collapseMaps = collapseMaps;
        return s.validate();
    }
}
