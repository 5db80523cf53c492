package org.cryoetgan.gan.train;

import static org.cryoetgan.gan.train.TrainingSettings.BOX;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_INSTANCE_NORM;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_LAYERS;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_STRIDE;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_WIDTH;
import static org.cryoetgan.gan.train.TrainingSettings.DROPOUT;
import static org.cryoetgan.gan.train.TrainingSettings.GENERATOR_AVERAGE;
import static org.cryoetgan.gan.train.TrainingSettings.GENERATOR_WIDTH;
import static org.cryoetgan.gan.train.TrainingSettings.NOISE_CHANNELS;
import static org.cryoetgan.gan.train.TrainingSettings.OUTPUT_NOISE_CHANNELS;
import static org.cryoetgan.gan.train.TrainingSettings.REFINER;
import static org.cryoetgan.gan.train.TrainingSettings.RESIDUAL_BLOCKS;
import static org.cryoetgan.gan.train.TrainingSettings.RESIZE_UPSAMPLING;
import static org.cryoetgan.gan.train.TrainingSettings.SPECTRAL_NORM;
import static org.cryoetgan.gan.train.TrainingSettings.SPECTRUM_CRITIC_AXES;
import static org.cryoetgan.gan.train.TrainingSettings.SPECTRUM_CRITIC_WEIGHT;
import static org.cryoetgan.gan.train.TrainingSettings.SPECTRUM_CRITIC_WIDTH;

import org.cryoetgan.gan.model.NetworkSpec;

/** The networks a training configuration asks for, as the {@link NetworkSpec} that {@code CycleWgan} builds. */
public final class NetworkSpecs {
    private NetworkSpecs() {
    }

    /** The layout of {@code c}'s generators and critics; a spectrum critic only when its weight is positive,
     * an averaged {@code G_ds} only when a weight-average decay is set. */
    public static NetworkSpec of(TrainingConfig c) {
        return new NetworkSpec(
                new NetworkSpec.Generator(c.get(GENERATOR_WIDTH), c.get(RESIDUAL_BLOCKS), c.get(NOISE_CHANNELS),
                        c.get(OUTPUT_NOISE_CHANNELS), c.get(RESIZE_UPSAMPLING), c.get(DROPOUT), c.get(REFINER)),
                new NetworkSpec.Critic(c.get(CRITIC_WIDTH), c.get(CRITIC_LAYERS), c.get(CRITIC_STRIDE),
                        c.get(SPECTRAL_NORM), c.get(CRITIC_INSTANCE_NORM)),
                c.get(SPECTRUM_CRITIC_WEIGHT) > 0
                        ? new NetworkSpec.Spectrum(c.get(BOX), c.get(SPECTRUM_CRITIC_AXES),
                                c.get(SPECTRUM_CRITIC_WIDTH), c.get(SPECTRAL_NORM))
                        : null,
                c.get(GENERATOR_AVERAGE) > 0);
    }
}
