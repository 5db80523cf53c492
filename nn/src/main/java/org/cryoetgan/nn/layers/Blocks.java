package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.RandomGenerator;

/**
 * The convolution blocks of CycleGAN's ResNet generator in 3-D (names as in the CycleGAN paper). Convolutions
 * carry a bias, as CycleGAN's do with instance norm; instance norms are not affine.
 */
public final class Blocks {
    private Blocks() {
    }

    /** c7s1-k: reflection pad 3, 7³ convolution stride 1, instance norm, ReLU. */
    public static Sequential c7s1(int in, int k, RandomGenerator rng) {
        return new Sequential(new ReflectionPad3d(3), new Conv3d(in, k, 7, 1, 0, true, rng), new InstanceNorm3d(k),
                new ReLU());
    }

    /** The output c7s1-k: reflection pad 3, 7³ convolution, tanh (no norm). */
    public static Sequential c7s1Tanh(int in, int k, RandomGenerator rng) {
        return new Sequential(new ReflectionPad3d(3), new Conv3d(in, k, 7, 1, 0, true, rng), new Tanh());
    }

    /** dk: 3³ convolution stride 2 padding 1, instance norm, ReLU (halves each spatial size). */
    public static Sequential down(int in, int k, RandomGenerator rng) {
        return new Sequential(new Conv3d(in, k, 3, 2, 1, true, rng), new InstanceNorm3d(k), new ReLU());
    }

    /**
     * uk as a resize-convolution: nearest-neighbour upsampling by 2, reflection pad 1, 3³ convolution, instance
     * norm, ReLU. Doubles sizes like {@link #up} without the checkerboard pattern that a stride-2 transposed
     * convolution's uneven kernel overlap invites.
     */
    public static Sequential upResize(int in, int k, RandomGenerator rng) {
        return new Sequential(new Upsample3d(), new ReflectionPad3d(1), new Conv3d(in, k, 3, 1, 0, true, rng),
                new InstanceNorm3d(k), new ReLU());
    }

    /** uk: 3³ transposed convolution stride 2 padding 1 output padding 1, instance norm, ReLU (doubles sizes). */
    public static Sequential up(int in, int k, RandomGenerator rng) {
        return new Sequential(new ConvTranspose3d(in, k, 3, 2, 1, 1, true, rng), new InstanceNorm3d(k), new ReLU());
    }
}
