package org.cryoetgan.gan.train;

import static org.cryoetgan.gan.settings.Preset.CPU;
import static org.cryoetgan.gan.settings.Preset.DEMO;
import static org.cryoetgan.gan.settings.Preset.REFERENCE_CODE;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.gan.data.Normalization;
import org.cryoetgan.gan.settings.Codecs;
import org.cryoetgan.gan.settings.Rule;
import org.cryoetgan.gan.settings.Setting;
import org.cryoetgan.gan.sim.InputSimulation;

/**
 * Every setting of a training run, each defined once: its {@code config.json} key, its {@code train} option, its
 * value in each preset (paper: Wu et al. 2022; reference-code: the public reference implementation; cpu: the best
 * recipe measured on the 28³ benchmark on CPUs; demo: small and fast), its meaning and its rule. {@link #ALL} is
 * the order of {@code config.json}. A new setting is one more constant here: its place among the constants is its
 * place in {@link #ALL} and in {@code config.json}.
 */
public final class TrainingSettings {
    /** Filled by {@link #add} as the constants below are initialised, which Java does in their textual order. */
    private static final List<Setting<?>> TABLE = new ArrayList<>();

    /** Name of the preset the run started from (no option: {@code --preset} chooses it). */
    public static final Setting<String> PRESET = add(Setting.of("preset", Codecs.TEXT)
            .help("Name of the preset the run started from.")
            .in(REFERENCE_CODE, "reference-code").in(CPU, "cpu").in(DEMO, "demo").value("paper"));

    // ---- data ----------------------------------------------------------------------------------------------
    /** Edge of the cubic volumes in voxels. */
    public static final Setting<Integer> BOX = add(Setting.of("box", Codecs.INT).option("--box")
            .help("Volume edge in voxels (40 for Se1, 28 for Se2; multiple of 4).")
            .in(CPU, 28).in(DEMO, 28).value(40)
            .rule(new Rule<>(b -> b >= 8 && b % 4 == 0, "a multiple of 4 and at least 8 (two stride-2 downsamplings)"))
            );
    /** How each volume is mapped to the generators' range. */
    public static final Setting<Normalization> NORMALIZATION = add(Setting.of("normalization",
            Codecs.enumOf(Normalization.class)).option("--normalization")
            .help("minmax | zscore | global_zscore.")
            .in(REFERENCE_CODE, Normalization.GLOBAL_ZSCORE).in(CPU, Normalization.ZSCORE).value(Normalization.MINMAX)
            );
    /** Standard deviations that the z-score normalisations map onto ±1. */
    public static final Setting<Double> ZSCORE_CLIP = add(Setting.of("zscoreClip", Codecs.DOUBLE).option("--zscore-clip")
            .help("Standard deviations the z-score normalisations map onto ±1, clipping beyond (particles in"
                    + " high-contrast subtomograms reach 10σ and more).")
            .in(CPU, 15.0).value(3.0).rule(Rule.positive()));
    /** Noise added to the normalised density maps in training. */
    public static final Setting<Double> DENSITY_NOISE_STD = add(Setting.of("densityNoiseStd", Codecs.DOUBLE)
            .option("--density-noise").help("Std of the zero-mean Gaussian noise added to the normalised density maps.")
            .in(CPU, 0.0).in(DEMO, 0.0).value(0.2).rule(Rule.nonNegative()));
    /** The traditional simulator's settings when domain D is its output from the maps, else null. */
    public static final Setting<InputSimulation> INPUT_SIMULATION = add(Setting.of("inputSimulation",
            new InputSimulationCodec()).option("--simulate-input")
            .help("Domain D is the traditional simulator's output from the maps (tilt series, 300 kV, MTF), not the"
                    + " clean maps; generate simulates each map the same way. Use with --refiner; tuned by"
                    + " --input-snr, --input-defocus, --input-per-map.")
            .in(CPU, InputSimulation.defaults()).in(DEMO, InputSimulation.defaults()).value(null));
    /** Fraction of each domain held out from training. */
    public static final Setting<Double> VALIDATION_FRACTION = add(Setting.of("validationFraction", Codecs.DOUBLE)
            .option("--val-fraction").help("Held-out fraction of each domain.").value(0.1).rule(Rule.fraction())
            );
    /** Volumes per step. */
    public static final Setting<Integer> BATCH_SIZE = add(Setting.of("batchSize", Codecs.INT).option("--batch")
            .help("Batch size.").value(1).rule(Rule.atLeast(1)));

    // ---- networks ------------------------------------------------------------------------------------------
    /** Channels of the generator's first c7s1 layer. */
    public static final Setting<Integer> GENERATOR_WIDTH = add(Setting.of("generatorWidth", Codecs.INT).option("--width")
            .help("Generator width: channels of the first c7s1 layer.")
            .in(REFERENCE_CODE, 64).in(CPU, 16).in(DEMO, 8).value(32).rule(Rule.atLeast(1)));
    /** Residual blocks of each generator. */
    public static final Setting<Integer> RESIDUAL_BLOCKS = add(Setting.of("residualBlocks", Codecs.INT)
            .option("--residual-blocks").help("Residual blocks of each generator.")
            .in(DEMO, 2).value(6).rule(Rule.atLeast(0)));
    /** Channels of noise concatenated after the residual blocks. */
    public static final Setting<Integer> NOISE_CHANNELS = add(Setting.of("noiseChannels", Codecs.INT)
            .option("--noise-channels").help("Channels of N(0,1) noise concatenated after the residual blocks.")
            .in(REFERENCE_CODE, 128).in(CPU, 32).value(1).rule(Rule.atLeast(0)));
    /** Channels of noise concatenated at full resolution before the output layer. */
    public static final Setting<Integer> OUTPUT_NOISE_CHANNELS = add(Setting.of("outputNoiseChannels", Codecs.INT)
            .option("--output-noise-channels")
            .help("Full-resolution noise channels before the generator's output layer, so that it can shape"
                    + " voxel-scale noise.")
            .value(0).rule(Rule.atLeast(0)));
    /** Upsampling by resizing and a 3³ convolution instead of transposed convolutions. */
    public static final Setting<Boolean> RESIZE_UPSAMPLING = add(Setting.of("resizeUpsampling", Codecs.SWITCH)
            .option("--resize-upsampling")
            .help("Generators upsample by nearest-neighbour resizing + 3³ convolution instead of stride-2 transposed"
                    + " convolutions (against checkerboard artifacts).")
            .in(CPU, true).value(false));
    /** Generators output their input plus a learned correction. */
    public static final Setting<Boolean> REFINER = add(Setting.of("refiner", Codecs.SWITCH).option("--refiner")
            .help("Generators output input + a learned correction, starting as the identity (for simulated inputs).")
            .in(CPU, true).in(DEMO, true).value(false));
    /** A label-free correction of domain D's spectrum and value distribution towards the subtomograms'. */
    public static final Setting<Boolean> MATCH_STATISTICS = add(Setting.of("matchStatistics", Codecs.SWITCH)
            .option("--match-statistics")
            .help("Before training, fit a correction of domain D towards the training subtomograms without labels (the"
                    + " mean power per frequency shell, then the distribution of voxel values) and apply it to D and to"
                    + " every generator input (for simulated inputs).")
            .in(CPU, true).in(DEMO, true).value(false));
    /** Dropout probability inside the residual blocks. */
    public static final Setting<Double> DROPOUT = add(Setting.of("dropout", Codecs.DOUBLE).option("--dropout")
            .help("Dropout in the residual blocks (0: none; > 0 enables MC-dropout uncertainty).")
            .value(0.0).rule(Rule.fraction()));
    /** Channels of the critic's first layer. */
    public static final Setting<Integer> CRITIC_WIDTH = add(Setting.of("criticWidth", Codecs.INT).option("--critic-width")
            .help("Critic width: channels of its first layer.")
            .in(CPU, 32).in(DEMO, 8).value(64).rule(Rule.atLeast(1)));
    /** C-k layers of the critic. */
    public static final Setting<Integer> CRITIC_LAYERS = add(Setting.of("criticLayers", Codecs.INT)
            .option("--critic-layers").help("C-k layers of the critic (3: C64, C128, C256).")
            .in(REFERENCE_CODE, 4).value(3).rule(Rule.atLeast(1)));
    /** Stride of the critic's 4³ convolutions. */
    public static final Setting<Integer> CRITIC_STRIDE = add(Setting.of("criticStride", Codecs.INT)
            .option("--critic-stride").help("Stride of the critic's 4³ convolutions: 1 (the paper's text) or 2"
                    + " (CycleGAN, the reference code).")
            .in(REFERENCE_CODE, 2).in(CPU, 2).in(DEMO, 2).value(1)
            .rule(new Rule<>(s -> s == 1 || s == 2, "1 or 2")));
    /** Spectral norm on the critics' convolutions. */
    public static final Setting<Boolean> SPECTRAL_NORM = add(Setting.of("spectralNorm", Codecs.SWITCH)
            .option("--spectral-norm").help("Spectral norm on the critics' convolutions.")
            .in(REFERENCE_CODE, false).value(true));
    /** Instance norm inside the patch critics. */
    public static final Setting<Boolean> CRITIC_INSTANCE_NORM = add(Setting.of("criticInstanceNorm", Codecs.SWITCH)
            .option("--critic-instance-norm")
            .help("Instance norm inside the patch critics; off, they also see each volume's band powers.")
            .value(true));
    /** Weight of a second subtomogram critic on the shell power spectrum. */
    public static final Setting<Double> SPECTRUM_CRITIC_WEIGHT = add(Setting.of("spectrumCriticWeight", Codecs.DOUBLE)
            .option("--spectrum-critic")
            .help("Weight of a second subtomogram critic on the shell power spectrum in the generator loss (0: none).")
            .value(0.0).rule(Rule.nonNegative()));
    /** Whether the spectrum critic splits each shell by dominant axis. */
    public static final Setting<Boolean> SPECTRUM_CRITIC_AXES = add(Setting.of("spectrumCriticAxes", Codecs.SWITCH)
            .option("--spectrum-critic-axes")
            .help("Spectrum critic bins each shell by dominant axis (sees anisotropy such as a missing wedge).")
            .value(true));
    /** Hidden width of the spectrum critic. */
    public static final Setting<Integer> SPECTRUM_CRITIC_WIDTH = add(Setting.of("spectrumCriticWidth", Codecs.INT)
            .option("--spectrum-critic-width").help("Hidden width of the spectrum critic's perceptron.")
            .value(64).rule(Rule.atLeast(1)));

    // ---- losses --------------------------------------------------------------------------------------------
    /** The adversarial loss. */
    public static final Setting<AdversarialLoss> ADVERSARIAL_LOSS = add(Setting.of("adversarialLoss",
            Codecs.enumOf(AdversarialLoss.class, AdversarialLoss::parse)).option("--loss")
            .help("Adversarial loss: wgan | wgan-gp | lsgan | bce.")
            .in(REFERENCE_CODE, AdversarialLoss.LSGAN).in(CPU, AdversarialLoss.LSGAN).value(AdversarialLoss.WGAN)
            );
    /** Target of real samples for the least-squares loss. */
    public static final Setting<Double> REAL_TARGET = add(Setting.of("realTarget", Codecs.DOUBLE).option("--real-target")
            .help("Target of real samples for the least-squares loss.")
            .in(REFERENCE_CODE, 0.8).value(1.0).rule(Rule.nonNegative()));
    /** Weight λ of the cycle-consistency loss. */
    public static final Setting<Double> CYCLE_WEIGHT = add(Setting.of("cycleWeight", Codecs.DOUBLE)
            .option("--cycle-weight").help("Weight λ of the cycle-consistency L1 loss.")
            .in(REFERENCE_CODE, 100.0).in(CPU, 30.0).value(10.0).rule(Rule.nonNegative()));
    /** Noise added to G_ds's output inside the D→S→D cycle. */
    public static final Setting<Double> CYCLE_NOISE_STD = add(Setting.of("cycleNoiseStd", Codecs.DOUBLE)
            .option("--cycle-noise")
            .help("Std of noise added to G_ds's output before G_sd maps it back in the D→S→D cycle (keeps G_ds from"
                    + " hiding the map in faint patterns).")
            .value(0.0).rule(Rule.nonNegative()));
    /** Weight of the identity loss, times λ. */
    public static final Setting<Double> IDENTITY_WEIGHT = add(Setting.of("identityWeight", Codecs.DOUBLE)
            .option("--identity-weight").help("Identity loss weight (×λ, as in CycleGAN; 0: off).")
            .in(CPU, 0.5).in(DEMO, 0.5).value(0.0).rule(Rule.nonNegative()));
    /** Weight clipping of the critics. */
    public static final Setting<Boolean> WEIGHT_CLIPPING = add(Setting.of("weightClipping", Codecs.SWITCH)
            .option("--clipping").help("Weight clipping of the critics (a penalty switched on by --loss wgan-gp or"
                    + " --r1-weight turns it off unless --clipping is given).")
            .in(REFERENCE_CODE, false).in(CPU, false).value(true));
    /** Bound of the weight clipping. */
    public static final Setting<Double> CLIP_VALUE = add(Setting.of("clipValue", Codecs.DOUBLE).option("--clip-value")
            .help("Clip bound of the weight clipping.").value(0.01).rule(Rule.nonNegative()));
    /** Weight of the WGAN-GP gradient penalty. */
    public static final Setting<Double> GP_WEIGHT = add(Setting.of("gpWeight", Codecs.DOUBLE).option("--gp-weight")
            .help("WGAN-GP gradient penalty weight (with --loss wgan-gp; 10 as Gulrajani et al.).")
            .value(10.0).rule(Rule.nonNegative()));
    /** Weight γ of the R1 penalty on both critics. */
    public static final Setting<Double> R1_WEIGHT = add(Setting.of("r1Weight", Codecs.DOUBLE).option("--r1-weight")
            .help("Weight γ of the R1 penalty γ/2·E‖∇D(real)‖² on both critics, with any loss (0: off).")
            .value(0.0).rule(Rule.nonNegative()));

    // ---- optimisation --------------------------------------------------------------------------------------
    /** The optimizer of all four networks. */
    public static final Setting<OptimizerKind> OPTIMIZER = add(Setting.of("optimizer", Codecs.enumOf(OptimizerKind.class))
            .option("--optimizer").help("rmsprop | adam.")
            .in(REFERENCE_CODE, OptimizerKind.ADAM).in(CPU, OptimizerKind.ADAM).value(OptimizerKind.RMSPROP));
    /** Learning rate. */
    public static final Setting<Double> LEARNING_RATE = add(Setting.of("learningRate", Codecs.DOUBLE).option("--lr")
            .help("Learning rate.").in(REFERENCE_CODE, 2e-4).in(CPU, 2e-4).in(DEMO, 2e-4).value(5e-4)
            .rule(Rule.positive()));
    /** Adam's β1. */
    public static final Setting<Double> ADAM_BETA1 = add(Setting.of("adamBeta1", Codecs.DOUBLE).option("--adam-beta1")
            .help("Adam's β1 (with --optimizer adam).").value(0.5));
    /** Adam's β2. */
    public static final Setting<Double> ADAM_BETA2 = add(Setting.of("adamBeta2", Codecs.DOUBLE).option("--adam-beta2")
            .help("Adam's β2 (with --optimizer adam).").value(0.999));
    /** Critic updates per generator update. */
    public static final Setting<Integer> CRITIC_STEPS = add(Setting.of("criticSteps", Codecs.INT).option("--critic-steps")
            .help("Critic updates per generator update.").value(1).rule(Rule.atLeast(1)));
    /** Size of the pool of past fakes shown to the critics. */
    public static final Setting<Integer> IMAGE_POOL = add(Setting.of("imagePool", Codecs.INT).option("--pool")
            .help("Size of the pool of past fakes shown to the critics (0: always the newest fake).")
            .in(REFERENCE_CODE, 50).in(CPU, 50).value(0).rule(Rule.atLeast(0)));
    /** Total generator steps. */
    public static final Setting<Integer> STEPS = add(Setting.of("steps", Codecs.INT).option("--steps")
            .help("Generator steps.").in(CPU, 700).in(DEMO, 1000).value(2000).rule(Rule.atLeast(1)));
    /** Step from which the learning rate decays linearly to zero. */
    public static final Setting<Integer> DECAY_FROM = add(Setting.of("decayFrom", Codecs.INT).option("--decay-from")
            .help("Step from which the learning rate decays linearly to 0 at --steps (>= steps: constant).")
            .in(CPU, 350).value(Integer.MAX_VALUE).rule(Rule.atLeast(0)));
    /** Seed of every random stream. */
    public static final Setting<Long> SEED = add(Setting.of("seed", Codecs.LONG).option("--seed")
            .help("Seed of every random stream.").value(1L));
    /** Decay of the moving average of G_ds's weights that generation uses. */
    public static final Setting<Double> GENERATOR_AVERAGE = add(Setting.of("generatorAverage", Codecs.DOUBLE)
            .option("--generator-average", "DECAY")
            .help("Keep a moving average of G_ds's weights with this decay (e.g. 0.999) and generate with it (0: off).")
            .in(CPU, 0.999).in(DEMO, 0.999).value(0.0).rule(Rule.fraction()));
    /** Steps between label-free scores of the generator for checkpoint selection. */
    public static final Setting<Integer> SELECT_EVERY = add(Setting.of("selectEvery", Codecs.INT)
            .option("--select-every", "STEPS")
            .help("Score the generator every STEPS steps without subtomogram labels (transfer score of its labelled"
                    + " outputs on the training subtomograms; Fréchet distance of invariant features) and keep the"
                    + " best as the run's selected checkpoint, which generate uses (0: off).")
            .in(CPU, 50).value(0).rule(Rule.atLeast(0).worded(">= 0 (0: off)")));
    /** Outputs generated for each score of the selection. */
    public static final Setting<Integer> SELECT_SAMPLES = add(Setting.of("selectSamples", Codecs.INT)
            .option("--select-samples").help("Outputs generated for each selection score.")
            .value(210).rule(Rule.atLeast(10)));

    // ---- bookkeeping ---------------------------------------------------------------------------------------
    /** Steps between checkpoints. */
    public static final Setting<Integer> CHECKPOINT_EVERY = add(Setting.of("checkpointEvery", Codecs.INT)
            .option("--checkpoint-every").help("Steps between checkpoints.")
            .in(DEMO, 250).value(500).rule(Rule.atLeast(1)));
    /** Steps between sample montages. */
    public static final Setting<Integer> SAMPLE_EVERY = add(Setting.of("sampleEvery", Codecs.INT)
            .option("--sample-every").help("Steps between sample montages.")
            .in(CPU, 100).in(DEMO, 100).value(250).rule(Rule.atLeast(1)));
    /** Steps between metric lines. */
    public static final Setting<Integer> LOG_EVERY = add(Setting.of("logEvery", Codecs.INT).option("--log-every")
            .help("Steps between metric lines.").value(10).rule(Rule.atLeast(1)));

    /** Every setting, in the order of {@code config.json}: the order of the constants above. */
    public static final List<Setting<?>> ALL = List.copyOf(TABLE);

    private TrainingSettings() {
    }

    private static <T> Setting<T> add(Setting.Builder<T> definition) {
        Setting<T> s = definition.build();
        TABLE.add(s);
        return s;
    }
}
