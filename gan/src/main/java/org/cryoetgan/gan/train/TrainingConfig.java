package org.cryoetgan.gan.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.gan.sim.InputSimulation;
import org.cryoetgan.gan.data.Normalization;

/**
 * Every setting of a CryoETGAN training run, saved as {@code config.json} in the run folder. Defaults are the
 * paper's ({@link #paper()}); {@link #referenceCode()} reproduces the public reference implementation's choices.
 * Fields are public so that the JSON file reads like the documentation.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class TrainingConfig {
    /** Name of the preset the run started from. */
    public String preset = "paper";

    // ---- data ----------------------------------------------------------------------------------------------
    /** Edge of the cubic volumes in voxels (40 for Se1, 28 for Se2). Must be divisible by 4. */
    public int box = 40;
    public Normalization normalization = Normalization.MINMAX;
    /**
     * Standard deviations that the z-score normalisations map onto ±1 (clipping beyond): 3 by default. Particles
     * in high-contrast subtomograms reach 10σ and more, which a clip at 3σ flattens.
     */
    public double zscoreClip = 3.0;
    /** Standard deviation of the zero-mean Gaussian noise added to (normalised) density maps in training. */
    public double densityNoiseStd = 0.2;
    /**
     * When set, domain D is the traditional simulator's output from the density maps instead of the clean maps
     * (null: the paper), and {@code generate} simulates each map the same way before G_ds; best with
     * {@link #refiner}.
     */
    public InputSimulation inputSimulation = null;
    /** Fraction of each domain held out from training. */
    public double validationFraction = 0.1;
    public int batchSize = 1;

    // ---- networks ------------------------------------------------------------------------------------------
    /** Generator width: channels of the first c7s1 layer (32 in the paper, 64 in the reference code). */
    public int generatorWidth = 32;
    public int residualBlocks = 6;
    /** Channels of N(0,1) noise concatenated after the residual blocks (1 in the paper, 128 in the reference). */
    public int noiseChannels = 1;
    /**
     * Channels of N(0,1) noise concatenated at full resolution before the generator's output layer (0 in the
     * paper and the reference code), so that the output convolution can shape voxel-scale noise.
     */
    public int outputNoiseChannels = 0;
    /**
     * Upsample in the generators by nearest-neighbour resizing and a 3³ convolution instead of stride-2 transposed
     * convolutions (false in the paper), against checkerboard artifacts.
     */
    public boolean resizeUpsampling = false;
    /**
     * Generators output their input plus a learned correction and start as the identity (false in the paper): for
     * training on simulated subtomograms instead of clean maps, so that G_ds refines the physics.
     */
    public boolean refiner = false;
    /** Dropout probability inside the residual blocks (used for MC-dropout uncertainty); 0 disables it. */
    public double dropout = 0.0;
    /** Critic width: channels of its first layer (64). */
    public int criticWidth = 64;
    /** Number of C-k layers of the critic (3: C64, C128, C256). */
    public int criticLayers = 3;
    /** Stride of the critic's 4³ convolutions: 1 as the paper's text, 2 as CycleGAN and the reference code. */
    public int criticStride = 1;
    public boolean spectralNorm = true;
    /** Instance norm inside the patch critics (the paper); off, they also see each volume's band powers. */
    public boolean criticInstanceNorm = true;
    /**
     * Weight of a second subtomogram critic on the shell power spectrum ({@code SpectrumCritic}) in the generator
     * loss; 0 (the paper) leaves it out of the model.
     */
    public double spectrumCriticWeight = 0.0;
    /** Whether the spectrum critic splits each shell by dominant axis (sees anisotropy such as a missing wedge). */
    public boolean spectrumCriticAxes = true;
    /** Hidden width of the spectrum critic's perceptron. */
    public int spectrumCriticWidth = 64;

    // ---- losses --------------------------------------------------------------------------------------------
    public AdversarialLoss adversarialLoss = AdversarialLoss.WGAN;
    /** Target of real samples for the least-squares loss (1.0; 0.8 in the reference code). */
    public double realTarget = 1.0;
    /** Weight λ of the cycle-consistency L1 loss. */
    public double cycleWeight = 10.0;
    /**
     * Std of Gaussian noise added to G_ds's output before G_sd maps it back in the D→S→D cycle (0: the paper). It
     * keeps G_ds from hiding the map in faint patterns that only G_sd can read, which a noisy domain invites.
     */
    public double cycleNoiseStd = 0.0;
    /** Weight of the identity loss (times λ, as in CycleGAN); 0 disables it. */
    public double identityWeight = 0.0;
    public boolean weightClipping = true;
    public double clipValue = 0.01;
    /** Weight of the WGAN-GP gradient penalty (used with {@code adversarialLoss = WGAN_GP}; 10 as Gulrajani et al.). */
    public double gpWeight = 10.0;
    /** Weight γ of the R1 penalty {@code γ/2·E‖∇D(real)‖²} on both critics, with any loss; 0 disables it. */
    public double r1Weight = 0.0;

    // ---- optimisation --------------------------------------------------------------------------------------
    public OptimizerKind optimizer = OptimizerKind.RMSPROP;
    public double learningRate = 5e-4;
    public double adamBeta1 = 0.5;
    public double adamBeta2 = 0.999;
    /** Critic updates per generator update. */
    public int criticSteps = 1;
    /** Size of the pool of past fakes shown to the critics (0: always the newest fake). */
    public int imagePool = 0;
    /** Total generator steps. */
    public int steps = 2000;
    /** Step from which the learning rate decays linearly to zero at {@link #steps} (≥ steps: constant). */
    public int decayFrom = Integer.MAX_VALUE;
    public long seed = 1;
    /**
     * Decay of the moving average of G_ds's weights that generation uses (0: none, generation uses G_ds itself;
     * see {@code nn.optim.WeightAverage} for the warm-up).
     */
    public double generatorAverage = 0.0;
    /**
     * Every this many steps, score the generator without subtomogram labels ({@code RealismProbe}: the transfer
     * score of its labelled outputs on the training subtomograms, and the Fréchet distance of their invariant
     * features) and keep the best as the run's selected checkpoint, which generation then uses (0: off).
     */
    public int selectEvery = 0;
    /** Outputs generated for each score of the selection. */
    public int selectSamples = 210;

    // ---- bookkeeping ---------------------------------------------------------------------------------------
    public int checkpointEvery = 500;
    public int sampleEvery = 250;
    public int logEvery = 10;

    /** The paper's settings (Wu et al. 2022). */
    public static TrainingConfig paper() {
        return new TrainingConfig();
    }

    /**
     * The public reference code's choices: least squares with real target 0.8, cycle weight 100, learning rate
     * 2e-4 with Adam, an image pool of 50, 128 noise channels, generator width 64, stride-2 critics of four
     * layers, no spectral norm, no weight clipping, global z-scoring.
     */
    public static TrainingConfig referenceCode() {
        TrainingConfig c = new TrainingConfig();
        c.preset = "reference-code";
        c.adversarialLoss = AdversarialLoss.LSGAN;
        c.realTarget = 0.8;
        c.cycleWeight = 100;
        c.learningRate = 2e-4;
        c.optimizer = OptimizerKind.ADAM;
        c.imagePool = 50;
        c.noiseChannels = 128;
        c.generatorWidth = 64;
        c.criticStride = 2;
        c.criticLayers = 4;
        c.spectralNorm = false;
        c.weightClipping = false;
        c.normalization = Normalization.GLOBAL_ZSCORE;
        return c;
    }

    /**
     * The built-in demo: the paper's losses on 28³ volumes (the box of the demo's bundled RELION subtomograms) with
     * narrow networks and stride-2 critics so that a run finishes in a few minutes on two CPU cores; the learning
     * rate is 2e-4 because such small networks oscillate at the paper's 5e-4.
     */
    public static TrainingConfig demo() {
        TrainingConfig c = new TrainingConfig();
        c.preset = "demo";
        c.box = 28;
        c.generatorWidth = 8;
        c.residualBlocks = 2;
        c.criticWidth = 8;
        c.criticStride = 2;
        c.learningRate = 2e-4;
        c.steps = 1000;
        c.checkpointEvery = 250;
        c.sampleEvery = 100;
        c.logEvery = 10;
        return c;
    }

    /**
     * The best recipe measured so far on the realistic benchmark at 28³ on CPUs (README, "The benchmark"): narrow
     * generators that upsample by resizing and a 3³ convolution (no checkerboard), 32 noise channels, stride-2
     * spectral-norm critics with a least-squares loss, cycle weight 30, Adam, an image pool, per-volume z-scoring,
     * 700 steps with the learning rate decaying over the second half (about 20 minutes on 2 cores). It does not yet
     * beat the traditional simulator there.
     */
    public static TrainingConfig cpu() {
        TrainingConfig c = new TrainingConfig();
        c.preset = "cpu";
        c.box = 28;
        c.normalization = Normalization.ZSCORE;
        c.generatorWidth = 16;
        c.residualBlocks = 6;
        c.noiseChannels = 32;
        c.resizeUpsampling = true;
        c.criticWidth = 32;
        c.criticLayers = 3;
        c.criticStride = 2;
        c.spectralNorm = true;
        c.adversarialLoss = AdversarialLoss.LSGAN;
        c.cycleWeight = 30;
        c.weightClipping = false;
        c.optimizer = OptimizerKind.ADAM;
        c.learningRate = 2e-4;
        c.imagePool = 50;
        c.steps = 700;
        c.decayFrom = 350;
        c.sampleEvery = 100;
        return c;
    }

    /** The preset of the given name: {@code paper}, {@code reference-code}, {@code cpu} or {@code demo}. */
    public static TrainingConfig preset(String name) {
        switch (name) {
            case "paper":
                return paper();
            case "reference-code":
            case "reference":
                return referenceCode();
            case "cpu":
                return cpu();
            case "demo":
                return demo();
            default:
                throw new IllegalArgumentException("unknown preset '" + name + "' (paper, reference-code, cpu, demo)");
        }
    }

    /**
     * Problems with the settings, empty when the configuration is usable. Each names the {@code train} option and,
     * in parentheses, the field of {@code config.json}: "--box (box) must be ...".
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        check(p, box >= 8 && box % 4 == 0, "--box (box)",
                "a multiple of 4 and at least 8 (two stride-2 downsamplings)", box);
        check(p, generatorWidth >= 1, "--width (generatorWidth)", ">= 1", generatorWidth);
        check(p, residualBlocks >= 0, "--residual-blocks (residualBlocks)", ">= 0", residualBlocks);
        check(p, noiseChannels >= 0, "--noise-channels (noiseChannels)", ">= 0", noiseChannels);
        check(p, outputNoiseChannels >= 0, "--output-noise-channels (outputNoiseChannels)", ">= 0",
                outputNoiseChannels);
        check(p, criticWidth >= 1, "--critic-width (criticWidth)", ">= 1", criticWidth);
        check(p, criticLayers >= 1, "--critic-layers (criticLayers)", ">= 1", criticLayers);
        check(p, criticStride == 1 || criticStride == 2, "--critic-stride (criticStride)", "1 or 2", criticStride);
        if (criticStride >= 1 && criticStride <= 2 && criticLayers >= 1 && box >= 8) {
            check(p, org.cryoetgan.gan.model.PatchCritic.outputSize(box, criticLayers, criticStride) >= 1,
                    "--critic-layers (criticLayers)", "few enough to leave the critic something of a " + box
                    + "³ volume at --critic-stride (criticStride) " + criticStride + " (use fewer, or --critic-stride"
                    + " 1)", criticLayers);
        }
        check(p, dropout >= 0 && dropout < 1, "--dropout (dropout)", "in [0, 1)", dropout);
        check(p, spectrumCriticWidth >= 1, "--spectrum-critic-width (spectrumCriticWidth)", ">= 1",
                spectrumCriticWidth);
        check(p, validationFraction >= 0 && validationFraction < 1, "--val-fraction (validationFraction)",
                "in [0, 1)", validationFraction);
        check(p, batchSize >= 1, "--batch (batchSize)", ">= 1", batchSize);
        check(p, steps >= 1, "--steps (steps)", ">= 1", steps);
        check(p, criticSteps >= 1, "--critic-steps (criticSteps)", ">= 1", criticSteps);
        check(p, imagePool >= 0, "--pool (imagePool)", ">= 0", imagePool);
        check(p, decayFrom >= 0, "--decay-from (decayFrom)", ">= 0", decayFrom);
        check(p, checkpointEvery >= 1, "--checkpoint-every (checkpointEvery)", ">= 1", checkpointEvery);
        check(p, sampleEvery >= 1, "--sample-every (sampleEvery)", ">= 1", sampleEvery);
        check(p, logEvery >= 1, "--log-every (logEvery)", ">= 1", logEvery);
        check(p, generatorAverage >= 0 && generatorAverage < 1, "--generator-average (generatorAverage)", "in [0, 1)",
                generatorAverage);
        check(p, selectEvery >= 0, "--select-every (selectEvery)", ">= 0 (0: off)", selectEvery);
        check(p, selectSamples >= 10, "--select-samples (selectSamples)", ">= 10", selectSamples);
        check(p, learningRate > 0 && Double.isFinite(learningRate), "--lr (learningRate)", "a finite number > 0",
                learningRate);
        check(p, zscoreClip > 0 && Double.isFinite(zscoreClip), "--zscore-clip (zscoreClip)", "a finite number > 0",
                zscoreClip);
        double[] weights = {cycleWeight, identityWeight, clipValue, realTarget, densityNoiseStd, cycleNoiseStd,
            gpWeight, r1Weight, spectrumCriticWeight};
        String[] names = {"--cycle-weight (cycleWeight)", "--identity-weight (identityWeight)",
            "--clip-value (clipValue)", "--real-target (realTarget)", "--density-noise (densityNoiseStd)",
            "--cycle-noise (cycleNoiseStd)", "--gp-weight (gpWeight)", "--r1-weight (r1Weight)",
            "--spectrum-critic (spectrumCriticWeight)"};
        for (int i = 0; i < weights.length; i++) {
            check(p, weights[i] >= 0 && Double.isFinite(weights[i]), names[i], "a finite number >= 0", weights[i]);
        }
        if (inputSimulation != null) {
            p.addAll(inputSimulation.problems());
        }
        return p;
    }

    private static void check(List<String> problems, boolean ok, String setting, String rule, Object value) {
        if (!ok) {
            problems.add(setting + " must be " + rule + ", got " + value);
        }
    }

    /** Whether the critics carry a gradient penalty (WGAN-GP or R1). */
    public boolean hasGradientPenalty() {
        return (adversarialLoss == AdversarialLoss.WGAN_GP && gpWeight > 0) || r1Weight > 0;
    }

    /** Throws with every problem listed when the configuration is not usable. */
    public TrainingConfig validate() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("invalid training configuration: " + String.join("; ", p));
        }
        return this;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public String toJson() {
        try {
            return mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TrainingConfig fromJson(String json) throws IOException {
        return mapper().readValue(json, TrainingConfig.class);
    }

    public static TrainingConfig read(Path file) throws IOException {
        try {
            return mapper().readValue(file.toFile(), TrainingConfig.class);
        } catch (IOException e) {
            throw new IOException(file + ": not a valid training configuration: " + e.getMessage(), e);
        }
    }
}
