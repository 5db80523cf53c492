package org.cryoetgan.gan.model;

import org.cryoetgan.engine.RandomGenerator;

/**
 * The layout of the networks of a {@link CycleWgan}: both generators share one {@link Generator} layout, both
 * patch critics one {@link Critic} layout, and the optional spectrum critic of subtomograms has its own. Training
 * derives it from its configuration ({@code train.NetworkSpecs}); the networks know nothing of that configuration.
 *
 * @param generator      the layout of {@code G_ds} and {@code G_sd}
 * @param critic         the layout of {@code D_A} and {@code D_B}
 * @param spectrumCritic the layout of {@code D_A_spectrum}, or null for none
 * @param averagedGenerator whether the model also holds {@code G_ds_average}, a copy of {@code G_ds} that training
 *                          keeps at a moving average of its weights and that generation uses
 */
public record NetworkSpec(Generator generator, Critic critic, Spectrum spectrumCritic, boolean averagedGenerator) {

    /**
     * A {@link CycleGenerator}.
     *
     * @param width               channels of the first layer (32 in the paper)
     * @param residualBlocks      number of residual blocks (6)
     * @param noiseChannels       channels of Gaussian noise after the residual blocks (1; 0 for none)
     * @param outputNoiseChannels channels of full-resolution noise before the output layer (0: the paper's network)
     * @param resizeUpsampling    nearest-neighbour resizing and a 3³ convolution instead of transposed convolutions
     * @param dropout             dropout probability inside the residual blocks (0 for none)
     * @param refiner             output = input + a learned correction, starting as the identity
     *                            ({@link CycleGenerator#startAsRefiner()})
     */
    public record Generator(int width, int residualBlocks, int noiseChannels, int outputNoiseChannels,
                            boolean resizeUpsampling, double dropout, boolean refiner) {

        /** The generator, its weights drawn from {@code rng} (before any re-initialisation). */
        public CycleGenerator build(RandomGenerator rng) {
            return new CycleGenerator(width, residualBlocks, noiseChannels, outputNoiseChannels, resizeUpsampling,
                    (float) dropout, rng);
        }
    }

    /**
     * A {@link PatchCritic}.
     *
     * @param width        channels of the first layer (64)
     * @param layers       number of C-k layers (3)
     * @param stride       stride of the C-k convolutions (1 in the paper's text, 2 in CycleGAN)
     * @param spectralNorm spectral norm on every convolution
     * @param instanceNorm instance norm after the C-k convolutions but the first
     */
    public record Critic(int width, int layers, int stride, boolean spectralNorm, boolean instanceNorm) {

        /** The critic, its weights drawn from {@code rng}. */
        public PatchCritic build(RandomGenerator rng) {
            return new PatchCritic(width, layers, stride, spectralNorm, instanceNorm, rng);
        }
    }

    /**
     * A {@link SpectrumCritic}.
     *
     * @param box          edge of the volumes it scores
     * @param axisBins     whether each frequency shell is split by dominant axis
     * @param width        width of its two hidden layers
     * @param spectralNorm spectral norm on every layer
     */
    public record Spectrum(int box, boolean axisBins, int width, boolean spectralNorm) {

        /** The critic, its weights drawn from {@code rng}. */
        public SpectrumCritic build(RandomGenerator rng) {
            return new SpectrumCritic(box, axisBins, width, spectralNorm, rng);
        }
    }
}
