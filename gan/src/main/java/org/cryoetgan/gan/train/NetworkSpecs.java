package org.cryoetgan.gan.train;

import org.cryoetgan.gan.model.NetworkSpec;

/** The networks a training configuration asks for, as the {@link NetworkSpec} that {@code CycleWgan} builds. */
public final class NetworkSpecs {
    private NetworkSpecs() {
    }

    /** The layout of {@code c}'s generators and critics; a spectrum critic only when its weight is positive,
     * an averaged {@code G_ds} only when a weight-average decay is set. */
    public static NetworkSpec of(TrainingConfig c) {
        return new NetworkSpec(
                new NetworkSpec.Generator(c.generatorWidth, c.residualBlocks, c.noiseChannels, c.outputNoiseChannels,
                        c.resizeUpsampling, c.dropout, c.refiner),
                new NetworkSpec.Critic(c.criticWidth, c.criticLayers, c.criticStride, c.spectralNorm,
                        c.criticInstanceNorm),
                c.spectrumCriticWeight > 0
                        ? new NetworkSpec.Spectrum(c.box, c.spectrumCriticAxes, c.spectrumCriticWidth, c.spectralNorm)
                        : null,
                c.generatorAverage > 0);
    }
}
