package org.cryoetgan.gan.invariant;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeSet;

/**
 * A classifier of volumes on their rotation-invariant features ({@link InvariantFeatures}), standardised with the
 * training set's statistics only ({@link FeatureStandardizer}), by multinomial logistic regression
 * ({@link LogisticRegression}). A yardstick independent of any CNN: nothing to tune, and deterministic.
 */
public final class InvariantClassifier {
    private final List<String> classes;
    private final FeatureStandardizer standardizer;
    private final LogisticRegression model;
    private final int box;

    private InvariantClassifier(List<String> classes, FeatureStandardizer standardizer, LogisticRegression model,
                                int box) {
        this.box = box;
        this.classes = classes;
        this.standardizer = standardizer;
        this.model = model;
    }

    /** Trains on every labelled volume of {@code train} (at least two classes). */
    public static InvariantClassifier train(VolumeSet train, double lambda) {
        List<String> classes = train.labels();
        if (classes.size() < 2) {
            throw new IllegalArgumentException(train.domain() + ": the invariant-feature classifier needs at least two"
                    + " labelled classes, got " + classes);
        }
        List<Sample> labelled = train.samples().stream().filter(s -> classes.contains(s.label())).toList();
        double[][] raw = features(labelled, train.box());
        int[] y = labelled.stream().mapToInt(s -> classes.indexOf(s.label())).toArray();
        FeatureStandardizer st = FeatureStandardizer.fit(raw);
        return new InvariantClassifier(classes, st, LogisticRegression.fit(st.apply(raw), y, classes.size(), lambda),
                train.box());
    }

    /** The classes, in the order of the model's outputs. */
    public List<String> classes() {
        return classes;
    }

    /** The predicted class of each volume of {@code set}. */
    public List<String> predict(VolumeSet set) {
        if (set.box() != box) {
            throw new IllegalArgumentException(set.domain() + " are " + set.box() + "³ but the invariant-feature"
                    + " classifier was trained on " + box + "³ volumes");
        }
        double[][] x = standardizer.apply(features(set.samples(), set.box()));
        List<String> out = new ArrayList<>(x.length);
        for (double[] row : x) {
            out.add(classes.get(model.predict(row)));
        }
        return out;
    }

    /**
     * The fraction of the volumes of {@code test} with a class this classifier knows that it classifies
     * correctly; NaN when none has such a class.
     */
    public double accuracy(VolumeSet test) {
        List<String> predicted = predict(test);
        int known = 0;
        int right = 0;
        for (int i = 0; i < predicted.size(); i++) {
            String truth = test.get(i).label();
            if (classes.contains(truth)) {
                known++;
                if (truth.equals(predicted.get(i))) {
                    right++;
                }
            }
        }
        return known == 0 ? Double.NaN : (double) right / known;
    }

    private static double[][] features(List<Sample> samples, int box) {
        double[][] out = new double[samples.size()][];
        IntStream.range(0, out.length).parallel()
                .forEach(i -> out[i] = InvariantFeatures.of(samples.get(i).volume().data(), box));
        return out;
    }
}
