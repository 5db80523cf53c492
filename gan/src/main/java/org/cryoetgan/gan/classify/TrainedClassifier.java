package org.cryoetgan.gan.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cryoetgan.gan.data.VolumeScaler;
import org.cryoetgan.gan.data.VolumeSet;

/**
 * A trained CB3D network with everything needed to apply it to new volumes: the class names (index order of
 * its outputs), the normalisation its inputs went through, its settings and its training history.
 * {@link #save} and {@link #load} keep it in a folder (see {@link ClassifierFolder}).
 */
public final class TrainedClassifier implements AutoCloseable {
    private static final int BATCH = 16;

    private final Cb3d model;
    private final List<String> classes;
    private final VolumeScaler scaler;
    private final ClassifierSettings settings;
    private final List<EpochReport> history;

    public TrainedClassifier(Cb3d model, List<String> classes, VolumeScaler scaler, ClassifierSettings settings,
                             List<EpochReport> history) {
        if (classes.size() != model.architecture().classes()) {
            throw new IllegalArgumentException(classes.size() + " class names for a network with "
                    + model.architecture().classes() + " outputs");
        }
        this.model = model;
        this.classes = List.copyOf(classes);
        this.scaler = scaler;
        this.settings = settings;
        this.history = List.copyOf(history);
    }

    public Cb3d model() {
        return model;
    }

    /** Class names in the order of the network's outputs. */
    public List<String> classes() {
        return classes;
    }

    public VolumeScaler scaler() {
        return scaler;
    }

    public ClassifierSettings settings() {
        return settings;
    }

    public List<EpochReport> history() {
        return history;
    }

    /** Edge of the volumes the network takes. */
    public int inputSize() {
        return model.architecture().inputSize();
    }

    /** The set scaled and labelled for this classifier; see {@link LabeledVolumes#of}. */
    public LabeledVolumes prepare(VolumeSet set, boolean requireLabels) {
        if (set.box() != inputSize()) {
            throw new IllegalArgumentException("the classifier takes " + inputSize() + "³ volumes but the "
                    + set.domain() + " are " + set.box() + "³ (e.g. " + set.get(0).source() + ")");
        }
        return LabeledVolumes.of(set, scaler, classes, requireLabels);
    }

    /** Features and class probabilities of every volume of the set (labels are not needed). */
    public Predictions predict(VolumeSet set) {
        return Inference.run(model, prepare(set, false), BATCH);
    }

    /** Predicts the labelled set and tabulates true against predicted classes. */
    public ConfusionMatrix evaluate(VolumeSet set) {
        LabeledVolumes v = prepare(set, true);
        return ConfusionMatrix.of(classes, v.labels(), Inference.run(model, v, BATCH).predicted());
    }

    /** Writes the classifier into {@code dir} (created if needed). */
    public void save(Path dir) throws IOException {
        ClassifierFolder.save(dir, this);
    }

    /** Reads a classifier written by {@link #save}. */
    public static TrainedClassifier load(Path dir) throws IOException {
        return ClassifierFolder.load(dir);
    }

    @Override
    public void close() {
        model.close();
    }
}
