package org.cryoetgan.gan.train;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.engine.CounterHash;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeScaler;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.invariant.FeatureStandardizer;
import org.cryoetgan.gan.invariant.InvariantFeatures;
import org.cryoetgan.gan.metrics.Fid;
import org.cryoetgan.gan.model.CycleGenerator;

/**
 * A label-free realism score of a density → subtomogram generator, for choosing among a run's checkpoints: the
 * Fréchet distance between the rotation-invariant features ({@link InvariantFeatures}) of its outputs on a fixed
 * set of inputs and those of the reference subtomograms, both standardised by the reference's per-feature mean
 * and standard deviation. Lower is more like the reference; 0 is the same Gaussian. No labels are read. The
 * inputs and each output's noise are fixed, so the score of given weights is deterministic, and scoring leaves
 * the training's random streams untouched.
 */
public final class RealismProbe {
    private final List<float[]> inputs;
    private final int box;
    private final long seed;
    private final FeatureStandardizer standardizer;
    private final double[][] reference;

    /**
     * @param inputs    scaled generator inputs (box³ each)
     * @param reference scaled reference subtomograms (box³ each, at least two)
     * @param seed      seed of the outputs' noise
     */
    public RealismProbe(List<float[]> inputs, List<float[]> reference, int box, long seed) {
        if (inputs.size() < 2 || reference.size() < 2) {
            throw new IllegalArgumentException("the realism score needs at least two inputs and two reference"
                    + " volumes, got " + inputs.size() + " and " + reference.size());
        }
        this.inputs = List.copyOf(inputs);
        this.box = box;
        this.seed = seed;
        double[][] ref = new double[reference.size()][];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = InvariantFeatures.of(reference.get(i), box);
        }
        this.standardizer = FeatureStandardizer.fit(ref);
        this.reference = standardizer.apply(ref);
    }

    /**
     * The probe a run uses: {@code cfg.selectSamples} inputs taken from the held-out density maps first, then the
     * training ones (cycling if there are fewer), and every subtomogram of both splits as the reference, all
     * scaled as training scales them.
     *
     * @param density      the density split {training, held out (may be null)}
     * @param subtomograms the subtomogram split {training, held out (may be null)}
     */
    public static RealismProbe of(VolumeSet[] density, VolumeSet[] subtomograms, TrainingData data, TrainingConfig cfg) {
        List<Sample> maps = new ArrayList<>();
        if (density[1] != null) {
            maps.addAll(density[1].samples());
        }
        maps.addAll(density[0].samples());
        List<float[]> inputs = new ArrayList<>();
        for (int i = 0; i < cfg.selectSamples; i++) {
            inputs.add(data.densityScaler().apply(maps.get(i % maps.size()).volume().data()));
        }
        return new RealismProbe(inputs, scaled(subtomograms, data.subtomogramScaler()), cfg.box, cfg.seed);
    }

    private static List<float[]> scaled(VolumeSet[] split, VolumeScaler scaler) {
        List<float[]> out = new ArrayList<>();
        for (VolumeSet set : split) {
            if (set != null) {
                set.samples().forEach(s -> out.add(scaler.apply(s.volume().data())));
            }
        }
        return out;
    }

    /** Number of outputs generated per score. */
    public int size() {
        return inputs.size();
    }

    /** The score of {@code generator} (put in evaluation mode for the call, then restored). */
    public double distance(CycleGenerator generator) {
        boolean wasTraining = generator.isTraining();
        generator.eval();
        double[][] generated = new double[inputs.size()][];
        try {
            for (int i = 0; i < generated.length; i++) {
                RandomGenerator noise = new RandomGenerator(CounterHash.mix(seed, 2_000_000 + i));
                float[] in = inputs.get(i);
                try (Scope s = Scope.open()) {
                    Tensor y = Tensor.noGrad(() -> generator.forward(TrainingData.asBatch(in, box), noise));
                    generated[i] = InvariantFeatures.of(y.toArray(), box);
                }
            }
        } finally {
            generator.train(wasTraining);
        }
        return distanceOf(generated);
    }

    /** The score of raw feature rows (for tests and other generators). */
    double distanceOf(double[][] features) {
        return Fid.compute(standardizer.apply(features), reference);
    }
}
