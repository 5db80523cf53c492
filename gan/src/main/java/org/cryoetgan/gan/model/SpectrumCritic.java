package org.cryoetgan.gan.model;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.Module;
import org.cryoetgan.nn.layers.LeakyReLU;
import org.cryoetgan.nn.layers.Linear;
import org.cryoetgan.nn.layers.Sequential;
import org.cryoetgan.nn.layers.ShellPowerSpectrum;
import org.cryoetgan.nn.layers.SpectralNorm;
import org.cryoetgan.nn.layers.WeightedLayer;

/**
 * A second critic of subtomograms that sees only their Fourier statistics: the relative log power per frequency
 * shell and dominant axis ({@link ShellPowerSpectrum}), scored by a small perceptron (two hidden layers of
 * {@code width}, LeakyReLU 0.2, spectral norm on every layer when enabled). What imaging does to a map (the
 * CTF's band-pass, the missing wedge, the noise's colour) lives in that spectrum, while a patch critic with
 * instance norm sees it only locally; this critic scores it for the whole volume. Output: one score per volume,
 * [B, 1].
 */
public final class SpectrumCritic extends Module {
    private final ShellPowerSpectrum spectrum;
    private final Sequential body;

    /** @param axisBins whether each shell is split by dominant axis ({@link ShellPowerSpectrum}) */
    public SpectrumCritic(int box, boolean axisBins, int width, boolean spectralNorm, RandomGenerator rng) {
        this.spectrum = registerModule("spectrum", new ShellPowerSpectrum(box, axisBins));
        Sequential s = new Sequential();
        s.add(linear(spectrum.features(), width, spectralNorm, rng));
        s.add(new LeakyReLU(0.2f));
        s.add(linear(width, width, spectralNorm, rng));
        s.add(new LeakyReLU(0.2f));
        s.add(linear(width, 1, spectralNorm, rng));
        this.body = registerModule("body", s);
    }

    private static Module linear(int in, int out, boolean sn, RandomGenerator rng) {
        WeightedLayer l = new Linear(in, out, true, rng);
        return sn ? new SpectralNorm(l, rng) : l;
    }

    @Override
    public Tensor forward(Tensor input) {
        return body.forward(spectrum.forward(input));
    }
}
