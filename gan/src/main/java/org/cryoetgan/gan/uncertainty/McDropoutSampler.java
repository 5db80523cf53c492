package org.cryoetgan.gan.uncertainty;

import org.cryoetgan.engine.CounterHash;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.gan.data.VolumeScaler;
import org.cryoetgan.gan.model.CycleGenerator;
import org.cryoetgan.gan.volume.Volume;
import org.cryoetgan.nn.layers.Dropout;

/**
 * Monte-Carlo dropout (Gal and Ghahramani 2016) as the paper uses it: the generator runs in evaluation mode with
 * its dropout layers kept active, the same density map is translated {@code samples} times with different dropout
 * masks and noise channels (sample {@code i} reseeds the generator with {@code mix(seed, i)}), and the per-voxel
 * mean and standard deviation are kept. The generator's modes are restored afterwards.
 */
public final class McDropoutSampler {
    private final CycleGenerator generator;
    private final VolumeScaler densityScaler;

    /** @param densityScaler the normalisation the run applied to density maps */
    public McDropoutSampler(CycleGenerator generator, VolumeScaler densityScaler) {
        this.generator = generator;
        this.densityScaler = densityScaler;
    }

    /** Draws {@code samples} translations of {@code map} and returns their mean and standard deviation. */
    public UncertaintyMaps sample(Volume map, int samples, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("an uncertainty map needs at least 2 samples, got " + samples);
        }
        if (!map.isCube() || map.nx() % 4 != 0) {
            throw new IllegalArgumentException("the density map must be a cube with an edge divisible by 4, got "
                    + map.nx() + "x" + map.ny() + "x" + map.nz());
        }
        int n = map.nx();
        float[] input = densityScaler.apply(map.data());
        double[] mean = new double[input.length];
        double[] m2 = new double[input.length];
        boolean wasTraining = generator.isTraining();
        generator.eval();
        int layers = Dropout.setMonteCarlo(generator, true);
        try {
            for (int k = 0; k < samples; k++) {
                generator.reseed(CounterHash.mix(seed, k));
                float[] y;
                try (Scope s = Scope.open()) {
                    Tensor x = Tensor.of(input, 1, 1, n, n, n);
                    y = Tensor.noGrad(() -> generator.forward(x)).toArray();
                }
                for (int i = 0; i < y.length; i++) { // Welford's update, in double precision
                    double d = y[i] - mean[i];
                    mean[i] += d / (k + 1);
                    m2[i] += d * (y[i] - mean[i]);
                }
            }
        } finally {
            Dropout.setMonteCarlo(generator, false);
            generator.train(wasTraining);
        }
        float[] meanF = new float[mean.length];
        float[] stdF = new float[mean.length];
        for (int i = 0; i < mean.length; i++) {
            meanF[i] = (float) mean[i];
            stdF[i] = (float) Math.sqrt(m2[i] / samples);
        }
        return new UncertaintyMaps(new Volume(n, n, n, meanF, map.voxelSize(), map.origin()),
                new Volume(n, n, n, stdF, map.voxelSize(), map.origin()), samples, layers);
    }
}
