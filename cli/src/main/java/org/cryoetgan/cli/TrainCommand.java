package org.cryoetgan.cli;

import static org.cryoetgan.gan.train.TrainingSettings.ADVERSARIAL_LOSS;
import static org.cryoetgan.gan.train.TrainingSettings.BOX;
import static org.cryoetgan.gan.train.TrainingSettings.INPUT_SIMULATION;
import static org.cryoetgan.gan.train.TrainingSettings.PRESET;
import static org.cryoetgan.gan.train.TrainingSettings.R1_WEIGHT;
import static org.cryoetgan.gan.train.TrainingSettings.SEED;
import static org.cryoetgan.gan.train.TrainingSettings.SELECT_EVERY;
import static org.cryoetgan.gan.train.TrainingSettings.VALIDATION_FRACTION;
import static org.cryoetgan.gan.train.TrainingSettings.WEIGHT_CLIPPING;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.data.DataSources;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.train.CheckpointRetention;
import org.cryoetgan.gan.train.Progress;
import org.cryoetgan.gan.train.RunFolder;
import org.cryoetgan.gan.train.TrainingConfig;
import org.cryoetgan.gan.sim.InputSimulation;
import org.cryoetgan.gan.train.RealismProbe;
import org.cryoetgan.gan.train.SimulatedInputs;
import org.cryoetgan.gan.train.TrainingData;
import org.cryoetgan.gan.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code cryoetgan-cli train}: trains CryoETGAN on unpaired density maps and subtomograms, or on the demo. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train CryoETGAN (cycle-consistent Wasserstein GAN) on unpaired density maps and subtomograms.",
            "With no data, trains on the built-in demo: density maps made from seven bundled atomic models and, as "
                + "the experimental data, a small bundled set of subtomograms made with RELION 3.1; then scores the "
                + "GAN's output against the traditional simulator's on held-out RELION subtomograms.",
            "Options left out take the preset's value (paper: the paper's settings; reference-code: the public "
                + "reference implementation's; cpu: the best recipe measured on the 28³ benchmark; demo: small and fast)."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--density", paramLabel = "PATH", split = ",",
            description = "Density maps (domain D): MRC files or folders (searched recursively). Omit for the demo.")
    List<Path> density = new ArrayList<>();

    @Option(names = "--subtomograms", paramLabel = "PATH", split = ",",
            description = "Experimental subtomograms (domain S): MRC files or folders.")
    List<Path> subtomograms = new ArrayList<>();

    @Option(names = "--labels", paramLabel = "CSV",
            description = "Optional CSV 'file,label'; default: the name of each file's class folder.")
    Path labels;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/demo or runs/train-TIME).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its newest checkpoint (same data and settings; --steps may extend it).")
    Path resume;

    @Option(names = "--force", description = "Start a new run in a folder that already holds one, deleting its"
            + " checkpoints, samples, metrics and loss curves.")
    boolean force;

    @Option(names = "--keep-checkpoints", paramLabel = "N", defaultValue = "3",
            description = "Keep the newest N checkpoints (0: all) plus those of --keep-every (default: ${DEFAULT-VALUE}).")
    int keepCheckpoints;

    @Option(names = "--keep-every", paramLabel = "STEPS", defaultValue = "1000",
            description = "Also keep for good every checkpoint whose step is a multiple of STEPS (0: none;"
                + " default: ${DEFAULT-VALUE}).")
    long keepEvery;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", description = "paper | reference-code | cpu | demo (default: paper with data, demo without).")
    String preset;

    @Option(names = "--config", paramLabel = "JSON", description = "Read every setting from a config.json.")
    Path config;

    @Option(names = "--demo-per-class", description = "Demo: clean density maps per class in domain D (default:"
            + " ${DEFAULT-VALUE}; the RELION subtomograms are a fixed bundled set).")
    int demoPerClass = 12;

    @Option(names = "--threads", description = "CPU threads (default: all cores).")
    Integer threads;

    @picocli.CommandLine.Mixin
    DeviceOption device = new DeviceOption();

    @picocli.CommandLine.Mixin
    InputSimulationOptions inputSimulation = new InputSimulationOptions();

    // Every training setting is also an option, added from TrainingSettings by SettingOptions.

    @Override
    public Integer call() throws Exception {
        if (threads != null) {
            System.setProperty("cryoetgan.threads", Integer.toString(threads));
        }
        boolean resuming = resume != null;
        if (resuming) {
            ResumeOptions.refuseOthers(spec.commandLine().getParseResult());
            if (new RunFolder(resume).latestCheckpoint().isEmpty()) {
                throw new IllegalArgumentException("--resume " + resume + ": no checkpoint in "
                        + new RunFolder(resume).checkpoints() + " (nothing to resume; start a run with --out)");
            }
        }
        CheckpointRetention retention = new CheckpointRetention(keepCheckpoints, keepEvery);
        PrintStream log = System.out;
        Path dir = resuming ? resume : out;
        TrainingConfig cfg;
        DataSources sources;
        if (resuming) {
            RunFolder existing = new RunFolder(resume);
            cfg = TrainingConfig.read(existing.config());
            sources = DataSources.read(existing.dataSources());
        } else {
            boolean demo = density.isEmpty() && subtomograms.isEmpty();
            cfg = config != null ? TrainingConfig.read(config)
                    : TrainingConfig.preset(preset != null ? preset : (demo ? "demo" : "paper"));
            sources = demo ? null
                    : new DataSources(names(density), names(subtomograms), labels == null ? null : labels.toString(), null);
            if (dir == null) {
                dir = demo ? Path.of("runs", "demo")
                        : Path.of("runs", "train-" + java.time.LocalDateTime.now().withNano(0).toString().replace(':', '-'));
            }
        }
        cfg = overridden(cfg).validate();
        RunFolder folder = new RunFolder(dir);
        if (!resuming && !force && folder.latestCheckpoint().isPresent()) {
            throw new IllegalStateException(dir + " already holds a run with checkpoints: use --resume " + dir
                    + " to continue it, --force to start over, or another --out");
        }
        if (sources == null) {
            sources = DemoTraining.prepare(dir, demoPerClass, cfg.get(SEED), cfg.get(BOX), log);
        }
        device.apply();
        VolumeSet[] domains = sources.load();
        VolumeSet[] d = domains[0].split(cfg.get(VALIDATION_FRACTION), cfg.get(SEED));
        InputSimulation sim = cfg.get(INPUT_SIMULATION);
        if (sim != null) {
            long t0 = System.nanoTime();
            d = new VolumeSet[] {SimulatedInputs.of(d[0], sim, cfg.get(SEED)),
                SimulatedInputs.of(d[1], sim, cfg.get(SEED) + 1)};
            log.printf(java.util.Locale.ROOT, "domain D simulated from the maps (%d per map, SNR %.2f, defocus %.1f to"
                    + " %.1f µm) in %.1f s%n", sim.perMap, sim.snr,
                    sim.defocusMinUm, sim.defocusMaxUm, (System.nanoTime() - t0) / 1e9);
        }
        VolumeSet[] s = domains[1].split(cfg.get(VALIDATION_FRACTION), cfg.get(SEED) + 1);
        if (force && !resuming) {
            for (Path p : folder.deleteRunOutputs()) {
                log.println("--force: deleted " + p);
            }
        }
        Files.createDirectories(dir);
        sources.write(folder.dataSources());
        TrainingData data = new TrainingData(d[0], s[0], cfg);
        List<Sample> preview = previewMaps(d);
        log.printf("training on %d density maps and %d subtomograms (%d and %d held out), %d³ voxels; preset %s;"
                + " run folder %s%n", d[0].size(), s[0].size(), d[1] == null ? 0 : d[1].size(),
                s[1] == null ? 0 : s[1].size(), cfg.get(BOX), cfg.get(PRESET), dir);
        long t0 = System.nanoTime();
        TrainingRun run = new TrainingRun(folder, cfg, data, preview, log, Progress.stdoutIsTerminal()).keeping(retention);
        if (cfg.get(SELECT_EVERY) > 0) {
            run.selectingBy(RealismProbe.of(d, s, data, cfg));
        }
        run.run(resuming);
        log.printf("done in %.1f s: checkpoints in %s, samples in %s, loss curves %s, metrics %s%n",
                (System.nanoTime() - t0) / 1e9, folder.checkpoints(), folder.samples(), folder.lossPlot(),
                folder.metrics());
        if (sources.isDemo()) {
            DemoTraining.evaluate(dir, sources, log);
        }
        return 0;
    }

    /** One density map per class (held-out ones first), for the sample montages. */
    private static List<Sample> previewMaps(VolumeSet[] split) {
        List<Sample> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (VolumeSet set : split) {
            if (set == null) {
                continue;
            }
            for (Sample smp : set.samples()) {
                if (!seen.contains(smp.label())) {
                    seen.add(smp.label());
                    out.add(smp);
                }
            }
        }
        return out;
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(Path::toString).toList();
    }

    /** {@code base} with the options given: every setting's, then the input simulator's values. */
    private TrainingConfig overridden(TrainingConfig base) {
        ParseResult parsed = spec.commandLine().getParseResult();
        TrainingConfig c = inputSimulation.applied(base, SettingOptions.applied(base, parsed));
        boolean penaltyGiven = SettingOptions.given(parsed, ADVERSARIAL_LOSS)
                || SettingOptions.given(parsed, R1_WEIGHT);
        if (!SettingOptions.given(parsed, WEIGHT_CLIPPING) && penaltyGiven && c.hasGradientPenalty()) {
            // a penalty switched on here replaces clipping unless clipping is asked for
            c = c.with(WEIGHT_CLIPPING, false);
        }
        return c;
    }
}
