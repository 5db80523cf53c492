package org.cryoetgan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.timing.Cb3dEpochTimer;
import org.cryoetgan.gan.timing.StepSettings;
import org.cryoetgan.gan.timing.StepTimer;
import org.cryoetgan.gan.timing.StepTiming;
import org.cryoetgan.gan.train.AdversarialLoss;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cryoetgan-cli time-step}: the wall time of full CycleWGAN training steps (or, with {@code --cb3d}, CB3D
 * classifier epochs) on volumes of noise, through the real trainers ({@link StepTimer}, {@link Cb3dEpochTimer}).
 */
@Command(name = "time-step", mixinStandardHelpOptions = true,
        description = {"Time full CycleWGAN training steps (both generators, both critics, losses, backward, RMSProp,"
                + " clipping or gradient penalty) on noise volumes, through the training code itself; prints the median,"
                + " max/median, peak heap, GC time and convolution GFLOP/s.",
            "With --cb3d: time epochs of CB3D classifier training (default settings) on --volumes noise volumes.",
            "bench/step_table.sh runs it beside its PyTorch twin (bench/compare_pytorch.py --step)."})
final class TimeStepCommand implements Callable<Integer> {
    @Option(names = "--box", defaultValue = "28", description = "Edge of the volumes (default: ${DEFAULT-VALUE}).")
    int box;

    @Option(names = "--width", defaultValue = "16", description = "Generator width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--critic-width", defaultValue = "32",
            description = "Channels of the critics' first layer (default: ${DEFAULT-VALUE}).")
    int criticWidth;

    @Option(names = "--critic-stride", defaultValue = "2", description = "1 or 2 (default: ${DEFAULT-VALUE}).")
    int criticStride;

    @Option(names = "--batch", description = "Volumes per batch (default: 1; with --cb3d the classifier's batch, "
            + "default 8).")
    Integer batch;

    @Option(names = "--loss", defaultValue = "wasserstein",
            description = "wasserstein (with weight clipping) or wgan-gp (gradient penalty; default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--steps", defaultValue = "10", description = "Measured steps or epochs (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "3", description = "Unmeasured steps or epochs first (default: "
            + "${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--cb3d", description = "Time CB3D classifier epochs instead of CycleWGAN steps.")
    boolean cb3d;

    @Option(names = "--volumes", defaultValue = "64", description = "With --cb3d: volumes per epoch (default: "
            + "${DEFAULT-VALUE}).")
    int volumes;

    @Option(names = "--profile", description = "Time every kernel and print the share of the step per kernel kind "
            + "and of GC.")
    boolean profile;

    @Option(names = "--json", paramLabel = "OUT", description = "Append the result as one JSON line to OUT.")
    Path json;

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws IOException {
        device.apply();
        StepTiming t = cb3d
                ? Cb3dEpochTimer.run(box, volumes, batch != null ? batch : 8, steps, warmup, profile)
                : StepTimer.run(new StepSettings(box, width, criticWidth, criticStride, batch != null ? batch : 1,
                        loss(), steps, warmup, profile));
        System.out.print(t.summary());
        if (json != null) {
            Files.writeString(json, t.toJson() + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return 0;
    }

    private AdversarialLoss loss() {
        return switch (loss.trim().toLowerCase(Locale.ROOT)) {
            case "wasserstein", "wgan" -> AdversarialLoss.WGAN;
            case "wgan-gp" -> AdversarialLoss.WGAN_GP;
            default -> throw new IllegalArgumentException("--loss must be wasserstein or wgan-gp, got " + loss);
        };
    }
}
