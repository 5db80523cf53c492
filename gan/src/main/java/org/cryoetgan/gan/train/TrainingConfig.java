package org.cryoetgan.gan.train;

import static org.cryoetgan.gan.train.TrainingSettings.ADVERSARIAL_LOSS;
import static org.cryoetgan.gan.train.TrainingSettings.BOX;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_LAYERS;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_STRIDE;
import static org.cryoetgan.gan.train.TrainingSettings.GP_WEIGHT;
import static org.cryoetgan.gan.train.TrainingSettings.INPUT_SIMULATION;
import static org.cryoetgan.gan.train.TrainingSettings.R1_WEIGHT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cryoetgan.gan.model.PatchCritic;
import org.cryoetgan.gan.settings.Preset;
import org.cryoetgan.gan.settings.Setting;
import org.cryoetgan.gan.settings.SettingValues;
import org.cryoetgan.gan.settings.SettingsJson;
import org.cryoetgan.gan.sim.InputSimulation;

/**
 * The settings of a CryoETGAN training run ({@link TrainingSettings}), saved as {@code config.json} in the run
 * folder. Immutable: read a value with {@link #get}, change one with {@link #with}. Start from a preset:
 * {@link #paper()} (the default), {@link #referenceCode()}, {@link #cpu()} or {@link #demo()}.
 */
public final class TrainingConfig {
    private final SettingValues values;

    private TrainingConfig(SettingValues values) {
        this.values = values;
    }

    /** The values of {@code preset}. */
    public static TrainingConfig of(Preset preset) {
        return new TrainingConfig(SettingValues.of(TrainingSettings.ALL, preset));
    }

    /** The paper's settings (Wu et al. 2022). */
    public static TrainingConfig paper() {
        return of(Preset.PAPER);
    }

    /**
     * The public reference code's choices: least squares with real target 0.8, cycle weight 100, learning rate
     * 2e-4 with Adam, an image pool of 50, 128 noise channels, generator width 64, stride-2 critics of four
     * layers, no spectral norm, no weight clipping, global z-scoring.
     */
    public static TrainingConfig referenceCode() {
        return of(Preset.REFERENCE_CODE);
    }

    /**
     * The built-in demo: the paper's losses on 28³ volumes (the box of the demo's bundled RELION subtomograms) with
     * narrow networks and stride-2 critics so that a run finishes in a few minutes on two CPU cores; the learning
     * rate is 2e-4 because such small networks oscillate at the paper's 5e-4.
     */
    public static TrainingConfig demo() {
        return of(Preset.DEMO);
    }

    /**
     * The best recipe measured so far on the realistic benchmark at 28³ on CPUs (README, "The benchmark"): narrow
     * generators that upsample by resizing and a 3³ convolution (no checkerboard), 32 noise channels, stride-2
     * spectral-norm critics with a least-squares loss, cycle weight 30, Adam, an image pool, per-volume z-scoring,
     * 700 steps with the learning rate decaying over the second half (about 20 minutes on 2 cores). It does not yet
     * beat the traditional simulator there.
     */
    public static TrainingConfig cpu() {
        return of(Preset.CPU);
    }

    /** The preset of the given name: {@code paper}, {@code reference-code}, {@code cpu} or {@code demo}. */
    public static TrainingConfig preset(String name) {
        return of(Preset.named(name));
    }

    /** The value of {@code setting}. */
    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    /** A copy with {@code setting} at {@code value}. */
    public <T> TrainingConfig with(Setting<T> setting, T value) {
        return new TrainingConfig(values.with(setting, value));
    }

    /**
     * Problems with the settings, empty when the configuration is usable. Each names the {@code train} option and,
     * in parentheses, the field of {@code config.json}: "--box (box) must be ...".
     */
    public List<String> problems() {
        List<String> p = new java.util.ArrayList<>(values.problems());
        int box = get(BOX);
        int layers = get(CRITIC_LAYERS);
        int stride = get(CRITIC_STRIDE);
        if (stride >= 1 && stride <= 2 && layers >= 1 && box >= 8
                && PatchCritic.outputSize(box, layers, stride) < 1) {
            p.add(CRITIC_LAYERS.label() + " must be few enough to leave the critic something of a " + box
                    + "³ volume at " + CRITIC_STRIDE.label() + " " + stride + " (use fewer, or --critic-stride 1), got "
                    + layers);
        }
        InputSimulation sim = get(INPUT_SIMULATION);
        if (sim != null) {
            p.addAll(sim.problems());
        }
        return p;
    }

    /** Whether the critics carry a gradient penalty (WGAN-GP or R1). */
    public boolean hasGradientPenalty() {
        return (get(ADVERSARIAL_LOSS) == AdversarialLoss.WGAN_GP && get(GP_WEIGHT) > 0) || get(R1_WEIGHT) > 0;
    }

    /** This configuration; throws with every problem listed when it is not usable. */
    public TrainingConfig validate() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("invalid training configuration: " + String.join("; ", p));
        }
        return this;
    }

    /** The {@code config.json} text. */
    public String toJson() {
        return SettingsJson.write(values);
    }

    /** The configuration that {@code json} states; settings it leaves out take the paper's value. */
    public static TrainingConfig fromJson(String json) throws IOException {
        return new TrainingConfig(SettingsJson.read(json, paper().values));
    }

    /** The configuration of a {@code config.json} file. */
    public static TrainingConfig read(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(file + ": not a valid training configuration: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingConfig other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
