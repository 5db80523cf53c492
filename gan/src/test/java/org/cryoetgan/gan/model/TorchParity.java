package org.cryoetgan.gan.model;

import static org.cryoetgan.gan.train.TrainingSettings.BOX;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_LAYERS;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_STRIDE;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_WIDTH;
import static org.cryoetgan.gan.train.TrainingSettings.GENERATOR_WIDTH;
import static org.cryoetgan.gan.train.TrainingSettings.NOISE_CHANNELS;
import static org.cryoetgan.gan.train.TrainingSettings.RESIDUAL_BLOCKS;

import java.util.Map;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.gan.train.NetworkSpecs;
import org.cryoetgan.gan.train.TrainingConfig;

/**
 * The configuration of the PyTorch comparison ({@code tools/torch_nn_reference.py nets}): the paper's networks at
 * small widths, built by {@link CycleWgan} as training builds them. The fixture holds {@code G_ds} and
 * {@code D_A} under the model's own state names.
 */
final class TorchParity {
    /** Volume edge of the generator input and of the critic input. */
    static final int SIZE = 8;
    /** Seed of the stream that draws the generator's noise channel. */
    static final long NOISE_SEED = 404;
    static final String GENERATOR = "G_ds.";
    static final String CRITIC = "D_A.";

    private TorchParity() {
    }

    /** The paper preset at widths 4 (generator and critic) and two residual blocks. */
    static TrainingConfig config() {
        TrainingConfig c = TrainingConfig.paper()
                .with(BOX, SIZE)
                .with(GENERATOR_WIDTH, 4)
                .with(RESIDUAL_BLOCKS, 2)
                .with(CRITIC_WIDTH, 4);
        return c;
    }

    static CycleWgan model(long seed) {
        return Scope.unscoped(() -> new CycleWgan(NetworkSpecs.of(config()), seed));
    }

    /** The generator's noise channel as {@link CycleGenerator#forward(Tensor, RandomGenerator)} draws it. */
    static RandomGenerator noiseStream() {
        return new RandomGenerator(NOISE_SEED);
    }

    /** Edge of the critic's score map. */
    static int criticOutputSize() {
        TrainingConfig c = config();
        return PatchCritic.outputSize(SIZE, c.get(CRITIC_LAYERS), c.get(CRITIC_STRIDE));
    }

    /** The configuration as stored in the fixture's metadata (read by the Python script). */
    static Map<String, Object> configMap() {
        TrainingConfig c = config();
        return Map.of("ngf", c.get(GENERATOR_WIDTH), "blocks", c.get(RESIDUAL_BLOCKS), "noise", c.get(NOISE_CHANNELS), "ndf",
                c.get(CRITIC_WIDTH), "layers", c.get(CRITIC_LAYERS), "stride", c.get(CRITIC_STRIDE), "size", SIZE);
    }
}
