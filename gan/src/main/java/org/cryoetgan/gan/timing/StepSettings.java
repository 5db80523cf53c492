package org.cryoetgan.gan.timing;

import java.util.Locale;
import org.cryoetgan.gan.train.AdversarialLoss;
import org.cryoetgan.gan.train.TrainingConfig;
import org.cryoetgan.gan.train.TrainingSettings;

/**
 * What {@link StepTimer} times: the paper's CycleWGAN (6 residual blocks, one noise channel, three critic layers
 * with spectral norm and instance norm, RMSProp, cycle weight 10, density noise 0.2) at the given sizes, with
 * weight clipping under the Wasserstein loss and the gradient penalty (no clipping) under WGAN-GP.
 *
 * @param box          edge of the volumes (divisible by 4)
 * @param width        generator width (channels of its first layer)
 * @param criticWidth  channels of the critics' first layer
 * @param criticStride 1 or 2
 * @param batch        volumes per batch
 * @param loss         {@link AdversarialLoss#WGAN} or {@link AdversarialLoss#WGAN_GP}
 * @param steps        measured steps
 * @param warmup       steps run first and not measured
 * @param profile      time every kernel and report the share per kernel kind
 */
public record StepSettings(int box, int width, int criticWidth, int criticStride, int batch, AdversarialLoss loss,
                           int steps, int warmup, boolean profile) {

    public StepSettings {
        if (loss != AdversarialLoss.WGAN && loss != AdversarialLoss.WGAN_GP) {
            throw new IllegalArgumentException("the step timer runs the Wasserstein loss with clipping or WGAN-GP,"
                    + " not " + loss);
        }
        if (steps < 1 || warmup < 0 || batch < 1) {
            throw new IllegalArgumentException("steps and batch must be at least 1 and warm-up at least 0, got steps "
                    + steps + ", warm-up " + warmup + ", batch " + batch);
        }
    }

    /** The training configuration of one step (validated). */
    public TrainingConfig trainingConfig() {
        TrainingConfig c = TrainingConfig.paper()
                .with(TrainingSettings.BOX, box)
                .with(TrainingSettings.GENERATOR_WIDTH, width)
                .with(TrainingSettings.CRITIC_WIDTH, criticWidth)
                .with(TrainingSettings.CRITIC_STRIDE, criticStride)
                .with(TrainingSettings.BATCH_SIZE, batch)
                .with(TrainingSettings.ADVERSARIAL_LOSS, loss)
                .with(TrainingSettings.WEIGHT_CLIPPING, loss == AdversarialLoss.WGAN)
                .with(TrainingSettings.STEPS, warmup + steps);
        return c.validate();
    }

    /** A short name of the configuration for tables. */
    public String label() {
        return String.format(Locale.ROOT, "step box=%d width=%d critic=%d s%d b%d %s", box, width, criticWidth,
                criticStride, batch, loss == AdversarialLoss.WGAN ? "wasserstein" : "wgan-gp");
    }
}
