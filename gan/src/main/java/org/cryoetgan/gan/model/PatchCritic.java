package org.cryoetgan.gan.model;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.Module;
import org.cryoetgan.nn.layers.Conv3d;
import org.cryoetgan.nn.layers.InstanceNorm3d;
import org.cryoetgan.nn.layers.LeakyReLU;
import org.cryoetgan.nn.layers.Sequential;
import org.cryoetgan.nn.layers.SpectralNorm;
import org.cryoetgan.nn.layers.WeightedLayer;

/**
 * The PatchGAN critic: C-w, C-2w, C-4w (…) 4³ convolutions with LeakyReLU 0.2 and instance norm on all but the
 * first (optional), then a 4³ convolution to one channel; spectral norm on every convolution when enabled. Padding is 1
 * (CycleGAN), so a stride-1 critic shrinks each axis by one per layer and a stride-2 critic halves it. Its output
 * is a map of unbounded scores (no sigmoid).
 */
public final class PatchCritic extends Module {
    private final Sequential body;

    /**
     * @param width  channels of the first layer (64)
     * @param layers number of C-k layers (3 in the paper: C64, C128, C256)
     * @param stride stride of the C-k convolutions (1 in the paper's text, 2 in CycleGAN)
     */
    public PatchCritic(int width, int layers, int stride, boolean spectralNorm, RandomGenerator rng) {
        this(width, layers, stride, spectralNorm, true, rng);
    }

    /**
     * @param instanceNorm instance norm after the C-k convolutions but the first (the paper); without it the
     *                     critic also sees each volume's global channel statistics (its power per band)
     */
    public PatchCritic(int width, int layers, int stride, boolean spectralNorm, boolean instanceNorm,
            RandomGenerator rng) {
        Sequential s = new Sequential();
        int in = 1;
        for (int i = 0; i < layers; i++) {
            int out = width << Math.min(i, 3);
            s.add(conv(in, out, stride, spectralNorm, rng));
            if (i > 0 && instanceNorm) {
                s.add(new InstanceNorm3d(out));
            }
            s.add(new LeakyReLU(0.2f));
            in = out;
        }
        s.add(conv(in, 1, 1, spectralNorm, rng));
        this.body = registerModule("body", s);
    }

    private static Module conv(int in, int out, int stride, boolean sn, RandomGenerator rng) {
        WeightedLayer c = new Conv3d(in, out, 4, stride, 1, true, rng);
        return sn ? new SpectralNorm(c, rng) : c;
    }

    /** Edge of the score map for an input of edge {@code n}. */
    public static int outputSize(int n, int layers, int stride) {
        int s = n;
        for (int i = 0; i < layers; i++) {
            s = (s + 2 - 4) / stride + 1;
        }
        return s + 2 - 4 + 1;
    }

    @Override
    public Tensor forward(Tensor input) {
        return body.forward(input);
    }
}
