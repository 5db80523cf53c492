package org.cryoetgan.gan.train;

import static org.cryoetgan.gan.train.TrainingSettings.BOX;
import static org.cryoetgan.gan.train.TrainingSettings.SEED;
import static org.cryoetgan.gan.train.TrainingSettings.SELECT_SAMPLES;

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
import org.cryoetgan.gan.invariant.LogisticRegression;
import org.cryoetgan.gan.metrics.Fid;
import org.cryoetgan.gan.metrics.InceptionScore;
import org.cryoetgan.gan.model.CycleGenerator;

/**
 * Scores of a density → subtomogram generator that need no label of the reference subtomograms, for choosing
 * among a run's checkpoints. Its outputs on a fixed set of labelled inputs (the class of a map is the label its
 * generated volumes get) are compared with the reference subtomograms by their rotation-invariant features
 * ({@link InvariantFeatures}):
 * <ul>
 *   <li>the <em>realism distance</em>: the Fréchet distance between the two feature sets, both standardised by the
 *       reference's per-feature mean and standard deviation (lower is more alike; 0 is the same Gaussian);</li>
 *   <li>the <em>transfer score</em>: a logistic regression trained on the outputs' features and labels (standardised
 *       by the outputs' statistics, penalty as scikit-learn's C = 1) predicts class probabilities for every
 *       reference volume, and the score is their Inception Score, exp E KL(p(y|x) ‖ p(y)): from 1 (every reference
 *       volume called the same class) to the number of classes (each called confidently, all classes used). It
 *       asks what selection cares about — whether the generated data train a classifier that sorts the real data
 *       — and on this project's benchmark it follows the held-out accuracy far better than the distance does
 *       ({@code tools/benchmark/selection_proxy.py}: correlation 0.83 against −0.35). NaN when the inputs
 *       carry fewer than two labels.</li>
 * </ul>
 * The inputs and each output's noise are fixed, so the scores of given weights are deterministic, and scoring
 * leaves the training's random streams untouched.
 */
public final class RealismProbe {
    private final List<float[]> inputs;
    private final int[] labels;
    private final int classes;
    private final int box;
    private final long seed;
    private final FeatureStandardizer standardizer;
    private final double[][] referenceRaw;
    private final double[][] reference;

    /** The two scores of one generator. */
    public record Scores(double distance, double transfer) {
    }

    /**
     * @param inputs      scaled generator inputs (box³ each)
     * @param inputLabels the class of each input (null, any null, or fewer than two distinct: no transfer score)
     * @param reference   scaled reference subtomograms (box³ each, at least two)
     * @param seed        seed of the outputs' noise
     */
    public RealismProbe(List<float[]> inputs, List<String> inputLabels, List<float[]> reference, int box, long seed) {
        if (inputs.size() < 2 || reference.size() < 2) {
            throw new IllegalArgumentException("the realism score needs at least two inputs and two reference"
                    + " volumes, got " + inputs.size() + " and " + reference.size());
        }
        if (inputLabels != null && inputLabels.size() != inputs.size()) {
            throw new IllegalArgumentException(inputLabels.size() + " labels for " + inputs.size() + " inputs");
        }
        this.inputs = List.copyOf(inputs);
        List<String> names = inputLabels == null || inputLabels.contains(null) ? List.of()
                : inputLabels.stream().distinct().sorted().toList();
        this.classes = names.size();
        this.labels = classes < 2 ? null : inputLabels.stream().mapToInt(names::indexOf).toArray();
        this.box = box;
        this.seed = seed;
        double[][] ref = new double[reference.size()][];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = InvariantFeatures.of(reference.get(i), box);
        }
        this.referenceRaw = ref;
        this.standardizer = FeatureStandardizer.fit(ref);
        this.reference = standardizer.apply(ref);
    }

    /**
     * The probe a run uses: {@code cfg.get(SELECT_SAMPLES)} inputs taken from the held-out density maps first, then the
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
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < cfg.get(SELECT_SAMPLES); i++) {
            Sample map = maps.get(i % maps.size());
            inputs.add(data.densityScaler().apply(map.volume().data()));
            labels.add(map.label());
        }
        return new RealismProbe(inputs, labels, scaled(subtomograms, data.subtomogramScaler()), cfg.get(BOX), cfg.get(SEED));
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

    /** Whether the inputs are labelled (two classes or more), so that the transfer score is defined. */
    public boolean hasTransferScore() {
        return labels != null;
    }

    /** The scores of {@code generator} (put in evaluation mode for the call, then restored). */
    public Scores score(CycleGenerator generator) {
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
        return new Scores(distanceOf(generated), labels == null ? Double.NaN : transferOf(generated));
    }

    /** The realism distance of raw feature rows of generated volumes. */
    double distanceOf(double[][] features) {
        return Fid.compute(standardizer.apply(features), reference);
    }

    /** The transfer score of raw feature rows of generated volumes (one per input, with the inputs' labels). */
    double transferOf(double[][] features) {
        FeatureStandardizer own = FeatureStandardizer.fit(features);
        LogisticRegression lr = LogisticRegression.fit(own.apply(features), labels, classes, 1.0 / features.length);
        double[][] p = new double[referenceRaw.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = lr.probabilities(own.apply(referenceRaw[i]));
        }
        return InceptionScore.compute(p, 1).mean();
    }
}
