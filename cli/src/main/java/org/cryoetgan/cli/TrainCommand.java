package org.cryoetgan.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.data.DataSources;
import org.cryoetgan.gan.data.Normalization;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.train.AdversarialLoss;
import org.cryoetgan.gan.train.CheckpointRetention;
import org.cryoetgan.gan.train.OptimizerKind;
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

    @Option(names = "--steps", description = "Generator steps.") Integer steps;
    @Option(names = "--box", description = "Volume edge in voxels (multiple of 4).") Integer box;
    @Option(names = "--batch", description = "Batch size.") Integer batch;
    @Option(names = "--seed", description = "Seed of every random stream.") Long seed;
    @Option(names = "--width", description = "Generator width (paper 32).") Integer width;
    @Option(names = "--residual-blocks", description = "Residual blocks (paper 6).") Integer residualBlocks;
    @Option(names = "--noise-channels", description = "Noise channels after the residual blocks (paper 1).") Integer noiseChannels;
    @Option(names = "--output-noise-channels", description = "Full-resolution noise channels before the generator's output layer (paper 0, cpu 0).") Integer outputNoiseChannels;
    @Option(names = "--refiner", negatable = true, description = "Generators output input + a learned correction, starting as the identity (for simulated inputs; default off).") Boolean refiner;
    @Option(names = "--resize-upsampling", negatable = true, description = "Generators upsample by resizing + 3³ convolution instead of transposed convolutions (paper off, cpu on).") Boolean resizeUpsampling;
    @Option(names = "--cycle-noise", description = "Std of noise added to G_ds's output inside the D→S→D cycle (paper 0, cpu 0).") Double cycleNoise;
    @Option(names = "--dropout", description = "Dropout in the residual blocks (0: none; >0 enables MC-dropout uncertainty).") Double dropout;
    @Option(names = "--critic-width", description = "Critic width (paper 64).") Integer criticWidth;
    @Option(names = "--critic-layers", description = "C-k layers of the critic (paper 3).") Integer criticLayers;
    @Option(names = "--critic-stride", description = "1 (paper text) or 2 (CycleGAN).") Integer criticStride;
    @Option(names = "--spectral-norm", negatable = true, description = "Spectral norm on the critics' convolutions.") Boolean spectralNorm;
    @Option(names = "--critic-instance-norm", negatable = true, description = "Instance norm inside the patch critics (paper on).") Boolean criticInstanceNorm;
    @Option(names = "--spectrum-critic", description = "Weight of a second subtomogram critic on the shell power spectrum (paper 0: none).") Double spectrumCritic;
    @Option(names = "--spectrum-critic-axes", negatable = true, description = "Spectrum critic bins each shell by dominant axis (on) or not.") Boolean spectrumCriticAxes;
    @Option(names = "--spectrum-critic-width", description = "Hidden width of the spectrum critic (64).") Integer spectrumCriticWidth;
    @Option(names = "--loss", converter = LossConverter.class,
            description = "Adversarial loss: wgan | wgan-gp | lsgan | bce.") AdversarialLoss loss;
    @Option(names = "--gp-weight", description = "WGAN-GP penalty weight (10; with --loss wgan-gp).") Double gpWeight;
    @Option(names = "--r1-weight", description = "R1 penalty weight γ on the critics (0: off).") Double r1Weight;
    @Option(names = "--real-target", description = "LSGAN target for real samples (1.0; 0.8 reference code).") Double realTarget;
    @Option(names = "--cycle-weight", description = "Cycle-consistency weight λ (paper 10).") Double cycleWeight;
    @Option(names = "--identity-weight", description = "Identity loss weight (×λ; 0: off).") Double identityWeight;
    @Option(names = "--clipping", negatable = true, description = "Weight clipping of the critics.") Boolean clipping;
    @Option(names = "--clip-value", description = "Clip bound (0.01).") Double clipValue;
    @Option(names = "--optimizer", description = "rmsprop | adam.") OptimizerKind optimizer;
    @Option(names = "--lr", description = "Learning rate (paper 5e-4).") Double lr;
    @Option(names = "--decay-from", description = "Step from which the learning rate decays linearly to 0.") Integer decayFrom;
    @Option(names = "--critic-steps", description = "Critic updates per generator update.") Integer criticSteps;
    @Option(names = "--pool", description = "Image pool size (0: off; 50 reference code).") Integer pool;
    @Option(names = "--simulate-input", negatable = true, description = "Domain D is the traditional simulator's output from the maps (tilt series, 300 kV, MTF), not the clean maps; generate simulates each map the same way. Use with --refiner (default off).") Boolean simulateInput;
    @Option(names = "--input-snr", description = "SNR of the simulated inputs (with --simulate-input; default 0.5).") Double inputSnr;
    @Option(names = "--input-defocus", split = ":", paramLabel = "UM:UM", description = "Defocus range of the simulated inputs in µm, MIN:MAX (with --simulate-input; default -5:-3).") List<Double> inputDefocus;
    @Option(names = "--input-per-map", description = "Simulated inputs per training map (with --simulate-input; default 1).") Integer inputPerMap;
    @Option(names = "--density-noise", description = "Std of the Gaussian noise added to density maps (paper 0.2).") Double densityNoise;
    @Option(names = "--normalization", description = "minmax | zscore | global_zscore.") Normalization normalization;
    @Option(names = "--zscore-clip", description = "Standard deviations the z-score normalisations map onto ±1 (3).") Double zscoreClip;
    @Option(names = "--val-fraction", description = "Held-out fraction of each domain.") Double valFraction;
    @Option(names = "--checkpoint-every", description = "Steps between checkpoints.") Integer checkpointEvery;
    @Option(names = "--sample-every", description = "Steps between sample montages.") Integer sampleEvery;
    @Option(names = "--log-every", description = "Steps between metric lines.") Integer logEvery;
    @Option(names = "--generator-average", paramLabel = "DECAY", description = "Keep a moving average of G_ds's weights with this decay (e.g. 0.999) and generate with it (0: off).") Double generatorAverage;
    @Option(names = "--select-every", paramLabel = "STEPS", description = "Score the generator every STEPS steps without subtomogram labels (transfer score of its labelled outputs on the training subtomograms; Fréchet distance of invariant features) and keep the best as the run's selected checkpoint, which generate uses (0: off).") Integer selectEvery;
    @Option(names = "--select-samples", description = "Outputs generated for each selection score (210).") Integer selectSamples;

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
        applyOverrides(cfg);
        cfg.validate();
        RunFolder folder = new RunFolder(dir);
        if (!resuming && !force && folder.latestCheckpoint().isPresent()) {
            throw new IllegalStateException(dir + " already holds a run with checkpoints: use --resume " + dir
                    + " to continue it, --force to start over, or another --out");
        }
        if (sources == null) {
            sources = DemoTraining.prepare(dir, demoPerClass, cfg.seed, cfg.box, log);
        }
        device.apply();
        VolumeSet[] domains = sources.load();
        VolumeSet[] d = domains[0].split(cfg.validationFraction, cfg.seed);
        if (cfg.inputSimulation != null) {
            long t0 = System.nanoTime();
            d = new VolumeSet[] {SimulatedInputs.of(d[0], cfg.inputSimulation, cfg.seed),
                SimulatedInputs.of(d[1], cfg.inputSimulation, cfg.seed + 1)};
            log.printf(java.util.Locale.ROOT, "domain D simulated from the maps (%d per map, SNR %.2f, defocus %.1f to"
                    + " %.1f µm) in %.1f s%n", cfg.inputSimulation.perMap, cfg.inputSimulation.snr,
                    cfg.inputSimulation.defocusMinUm, cfg.inputSimulation.defocusMaxUm, (System.nanoTime() - t0) / 1e9);
        }
        VolumeSet[] s = domains[1].split(cfg.validationFraction, cfg.seed + 1);
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
                s[1] == null ? 0 : s[1].size(), cfg.box, cfg.preset, dir);
        long t0 = System.nanoTime();
        TrainingRun run = new TrainingRun(folder, cfg, data, preview, log, Progress.stdoutIsTerminal()).keeping(retention);
        if (cfg.selectEvery > 0) {
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

    private void applyInputSimulation(TrainingConfig c) {
        if (simulateInput != null) {
            c.inputSimulation = simulateInput ? (c.inputSimulation != null ? c.inputSimulation : InputSimulation.defaults())
                    : null;
        }
        boolean detail = inputSnr != null || inputDefocus != null || inputPerMap != null;
        if (detail && c.inputSimulation == null) {
            throw new IllegalArgumentException("--input-snr, --input-defocus and --input-per-map need --simulate-input");
        }
        if (inputSnr != null) c.inputSimulation.snr = inputSnr;
        if (inputPerMap != null) c.inputSimulation.perMap = inputPerMap;
        if (inputDefocus != null) {
            if (inputDefocus.size() != 2) {
                throw new IllegalArgumentException("--input-defocus takes MIN:MAX in µm, got " + inputDefocus);
            }
            c.inputSimulation.defocusMinUm = inputDefocus.get(0);
            c.inputSimulation.defocusMaxUm = inputDefocus.get(1);
        }
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

    private void applyOverrides(TrainingConfig c) {
        if (steps != null) c.steps = steps;
        if (box != null) c.box = box;
        if (batch != null) c.batchSize = batch;
        if (seed != null) c.seed = seed;
        if (width != null) c.generatorWidth = width;
        if (residualBlocks != null) c.residualBlocks = residualBlocks;
        if (noiseChannels != null) c.noiseChannels = noiseChannels;
        if (outputNoiseChannels != null) c.outputNoiseChannels = outputNoiseChannels;
        if (cycleNoise != null) c.cycleNoiseStd = cycleNoise;
        if (resizeUpsampling != null) c.resizeUpsampling = resizeUpsampling;
        if (refiner != null) c.refiner = refiner;
        applyInputSimulation(c);
        if (dropout != null) c.dropout = dropout;
        if (criticWidth != null) c.criticWidth = criticWidth;
        if (criticLayers != null) c.criticLayers = criticLayers;
        if (criticStride != null) c.criticStride = criticStride;
        if (spectralNorm != null) c.spectralNorm = spectralNorm;
        if (criticInstanceNorm != null) c.criticInstanceNorm = criticInstanceNorm;
        if (spectrumCritic != null) c.spectrumCriticWeight = spectrumCritic;
        if (spectrumCriticWidth != null) c.spectrumCriticWidth = spectrumCriticWidth;
        if (spectrumCriticAxes != null) c.spectrumCriticAxes = spectrumCriticAxes;
        if (loss != null) c.adversarialLoss = loss;
        if (realTarget != null) c.realTarget = realTarget;
        if (cycleWeight != null) c.cycleWeight = cycleWeight;
        if (identityWeight != null) c.identityWeight = identityWeight;
        if (gpWeight != null) c.gpWeight = gpWeight;
        if (r1Weight != null) c.r1Weight = r1Weight;
        if (clipping != null) {
            c.weightClipping = clipping;
        } else if ((loss != null || r1Weight != null) && c.hasGradientPenalty()) {
            // a penalty switched on here replaces clipping unless clipping is asked for
            c.weightClipping = false;
        }
        if (clipValue != null) c.clipValue = clipValue;
        if (optimizer != null) c.optimizer = optimizer;
        if (lr != null) c.learningRate = lr;
        if (decayFrom != null) c.decayFrom = decayFrom;
        if (criticSteps != null) c.criticSteps = criticSteps;
        if (pool != null) c.imagePool = pool;
        if (densityNoise != null) c.densityNoiseStd = densityNoise;
        if (normalization != null) c.normalization = normalization;
        if (zscoreClip != null) c.zscoreClip = zscoreClip;
        if (valFraction != null) c.validationFraction = valFraction;
        if (checkpointEvery != null) c.checkpointEvery = checkpointEvery;
        if (sampleEvery != null) c.sampleEvery = sampleEvery;
        if (logEvery != null) c.logEvery = logEvery;
        if (generatorAverage != null) c.generatorAverage = generatorAverage;
        if (selectEvery != null) c.selectEvery = selectEvery;
        if (selectSamples != null) c.selectSamples = selectSamples;
    }

    /** Reads {@code --loss} values such as {@code wgan-gp}. */
    static final class LossConverter implements picocli.CommandLine.ITypeConverter<AdversarialLoss> {
        @Override
        public AdversarialLoss convert(String value) {
            return AdversarialLoss.parse(value);
        }
    }
}
