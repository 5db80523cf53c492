package org.cryoetgan.gan.evaluate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.cryoetgan.gan.classify.ClassifierSettings;
import org.cryoetgan.gan.classify.ClassifierTrainer;
import org.cryoetgan.gan.classify.TrainedClassifier;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeSet;

/**
 * Classification accuracy across data sets, the paper's downstream measure, in both directions: a classifier
 * trained on one set and tested on another. Only classes the classifier knows are tested; the caller gets a note
 * when volumes are left out.
 */
final class DownstreamAccuracy {
    private DownstreamAccuracy() {
    }

    /** Accuracy of {@code classifier} on the volumes of {@code test} whose class it knows; null if none. */
    static Double apply(TrainedClassifier classifier, VolumeSet test, List<String> notes) {
        VolumeSet known = withClasses(test, classifier.classes());
        if (known == null) {
            notes.add(test.domain() + ": no volume carries one of the classifier's classes " + classifier.classes()
                    + ", so no accuracy");
            return null;
        }
        if (known.size() < test.size()) {
            notes.add(test.domain() + ": " + (test.size() - known.size()) + " volumes of classes unknown to the"
                    + " classifier were left out of its accuracy");
        }
        return classifier.evaluate(known).accuracy();
    }

    /** Trains a fresh classifier on the labelled volumes of {@code train} (all of them) and applies it to {@code test}. */
    static Double trainAndApply(VolumeSet train, VolumeSet test, ClassifierSettings settings, List<String> notes) {
        VolumeSet labelled = withClasses(train, train.labels());
        if (labelled == null || labelled.labels().size() < 2) {
            notes.add(train.domain() + ": fewer than two labelled classes, so no classifier can be trained on it");
            return null;
        }
        ClassifierSettings s = settings.copy();
        s.heldOutFraction = 0;
        try (TrainedClassifier c = new ClassifierTrainer(s).train(labelled, null)) {
            return apply(c, test, notes);
        }
    }

    /** The volumes whose label is one of {@code classes}, or null when there are none. */
    static VolumeSet withClasses(VolumeSet set, Collection<String> classes) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : set.samples()) {
            if (s.label() != null && classes.contains(s.label())) {
                out.add(s);
            }
        }
        return out.isEmpty() ? null : new VolumeSet(set.domain(), out);
    }
}
