package org.cryoetgan.gan.model;

import org.cryoetgan.engine.CounterHash;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Movement;
import org.cryoetgan.engine.ops.Elementwise;
import org.cryoetgan.nn.Module;
import org.cryoetgan.nn.init.Init;
import org.cryoetgan.nn.layers.Blocks;
import org.cryoetgan.nn.layers.Conv3d;
import org.cryoetgan.nn.layers.Dropout;
import org.cryoetgan.nn.layers.ResidualBlock;
import org.cryoetgan.nn.layers.Sequential;

/**
 * The paper's 3-D ResNet generator: c7s1-w, d2w, d4w, R4w × n, then {@code noiseChannels} channels of N(0, 1)
 * noise concatenated (so the first upsampling sees 4w + noise channels: 129 in the paper), u2w, uw, c7s1-1 with
 * tanh. Sizes go n → n/2 → n/4 → n/2 → n, so the box must be divisible by 4.
 *
 * <p>As a <em>refiner</em> ({@link #startAsRefiner()}) the output is the input plus the network's tanh output, and
 * training starts from the identity: for inputs that already resemble the other domain, such as the traditional
 * simulator's subtomograms, the generator learns a correction instead of the whole image.
 *
 * <p>State names: {@code encoder.*}, {@code blocks.*}, {@code decoder.*}.
 */
public final class CycleGenerator extends Module {
    private final Sequential encoder;
    private final Sequential blocks;
    private final Sequential decoder;
    private final int noiseChannels;
    private final int outputNoiseChannels;
    private RandomGenerator noise;
    private boolean refiner;

    /**
     * @param width         channels of the first layer (32 in the paper)
     * @param residual      number of residual blocks (6)
     * @param noiseChannels channels of Gaussian noise after the residual blocks (1; 0 for none)
     * @param dropout       dropout probability inside the residual blocks (0 for none)
     * @param rng           initialisation stream (the noise stream is forked from it)
     */
    public CycleGenerator(int width, int residual, int noiseChannels, float dropout, RandomGenerator rng) {
        this(width, residual, noiseChannels, 0, dropout, rng);
    }

    /**
     * A generator that also concatenates {@code outputNoiseChannels} channels of N(0, 1) noise at full resolution
     * before its last layer, so that its 7³ output convolution can shape voxel-scale noise (as a reconstruction
     * filters the noise of a tilt series) instead of building all noise up from the coarse bottleneck.
     *
     * @param outputNoiseChannels channels of full-resolution noise before the output layer (0: the paper's network)
     */
    public CycleGenerator(int width, int residual, int noiseChannels, int outputNoiseChannels, float dropout,
                          RandomGenerator rng) {
        this(width, residual, noiseChannels, outputNoiseChannels, false, dropout, rng);
    }

    /**
     * @param resizeUpsampling upsample by nearest-neighbour resizing and a 3³ convolution instead of the paper's
     *                         stride-2 transposed convolutions
     */
    public CycleGenerator(int width, int residual, int noiseChannels, int outputNoiseChannels,
                          boolean resizeUpsampling, float dropout, RandomGenerator rng) {
        this.noiseChannels = noiseChannels;
        this.outputNoiseChannels = outputNoiseChannels;
        this.encoder = registerModule("encoder", new Sequential(Blocks.c7s1(1, width, rng),
                Blocks.down(width, 2 * width, rng), Blocks.down(2 * width, 4 * width, rng)));
        Sequential res = new Sequential();
        for (int i = 0; i < residual; i++) {
            res.add(new ResidualBlock(4 * width, dropout, rng));
        }
        this.blocks = registerModule("blocks", res);
        this.decoder = registerModule("decoder", new Sequential(
                resizeUpsampling ? Blocks.upResize(4 * width + noiseChannels, 2 * width, rng)
                        : Blocks.up(4 * width + noiseChannels, 2 * width, rng),
                resizeUpsampling ? Blocks.upResize(2 * width, width, rng) : Blocks.up(2 * width, width, rng), Blocks.c7s1Tanh(width + outputNoiseChannels, 1, rng)));
        this.noise = rng.fork();
    }

    /** Maps a batch N×1×n×n×n to the other domain, drawing the noise channel from this generator's stream. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, noise);
    }

    /** Maps a batch with noise from the given stream (for reproducible generation). */
    public Tensor forward(Tensor input, RandomGenerator noiseStream) {
        int n = input.size(-1);
        if (input.rank() != 5 || input.size(1) != 1 || n % 4 != 0 || input.size(2) != n || input.size(3) != n) {
            throw new IllegalArgumentException("generator input must be N×1×n×n×n with n divisible by 4, got "
                    + java.util.Arrays.toString(input.shape()));
        }
        Tensor h = withNoise(blocks.forward(encoder.forward(input)), noiseChannels, noiseStream);
        int last = decoder.size() - 1;
        for (int i = 0; i < last; i++) {
            h = decoder.get(i).forward(h);
        }
        Tensor out = decoder.get(last).forward(withNoise(h, outputNoiseChannels, noiseStream));
        return refiner ? Elementwise.add(input, out) : out;
    }

    /**
     * Makes this generator a refiner: its output becomes input + network output, and the output convolution's
     * weights and bias are zeroed, so that it starts as the identity (the gradient still reaches that layer, whose
     * input is non-zero, and from there the rest). Call after the network's initialisation.
     */
    public void startAsRefiner() {
        Conv3d out = outputConvolution();
        Init.zeros(out.weight());
        if (out.bias() != null) {
            Init.zeros(out.bias());
        }
        refiner = true;
    }

    /** Whether the output is the input plus a learned correction ({@link #startAsRefiner()}). */
    public boolean isRefiner() {
        return refiner;
    }

    private Conv3d outputConvolution() {
        for (Module m : decoder.get(decoder.size() - 1).modules()) {
            if (m instanceof Conv3d c) {
                return c;
            }
        }
        throw new IllegalStateException("the output layer has no convolution");
    }

    private static Tensor withNoise(Tensor h, int channels, RandomGenerator noiseStream) {
        if (channels == 0) {
            return h;
        }
        int[] s = h.shape();
        s[1] = channels;
        return Movement.concat(1, h, Tensor.randn(noiseStream, s));
    }

    /**
     * Derives the noise stream and every dropout layer's stream from one seed, so that a step's randomness is a
     * function of (seed) alone: used for exact resumption and seeded generation.
     */
    public void reseed(long seed) {
        noise = new RandomGenerator(CounterHash.mix(seed, 0));
        int k = 1;
        for (Module m : modules()) {
            if (m instanceof Dropout d) {
                d.generator(new RandomGenerator(CounterHash.mix(seed, k++)));
            }
        }
    }

    public int noiseChannels() {
        return noiseChannels;
    }

    /** Channels of full-resolution noise before the output layer. */
    public int outputNoiseChannels() {
        return outputNoiseChannels;
    }
}
