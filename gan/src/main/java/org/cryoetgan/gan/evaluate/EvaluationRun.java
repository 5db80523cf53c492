package org.cryoetgan.gan.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cryoetgan.gan.classify.ClassifierTrainer;
import org.cryoetgan.gan.classify.TrainedClassifier;
import org.cryoetgan.gan.data.VolumeSet;

/**
 * A whole evaluation into a report folder: obtains the classifier (loads the given one, or trains one on the real
 * data and saves it in {@code out/classifier} for reuse), scores the sets, and writes report.json, report.md and
 * the sample montages.
 */
public final class EvaluationRun {
    /** Sub-folder of the report where a classifier trained by the run is saved. */
    public static final String CLASSIFIER_DIR = "classifier";

    private final EvaluationSettings settings;
    private final int samplesPerSet;
    private final Consumer<String> log;

    /** @param samplesPerSet volumes per class and set shown in the montages */
    public EvaluationRun(EvaluationSettings settings, int samplesPerSet, Consumer<String> log) {
        this.settings = settings;
        this.samplesPerSet = samplesPerSet;
        this.log = log;
    }

    /**
     * @param baseline   may be null
     * @param classifier folder of a saved classifier, or null to train one on {@code real}
     */
    public EvaluationReport run(VolumeSet real, VolumeSet generated, VolumeSet baseline, Path classifier, Path out)
            throws IOException {
        Map<String, VolumeSet> sets = Evaluation.candidates(generated, baseline);
        String origin;
        TrainedClassifier c;
        if (classifier != null) {
            c = TrainedClassifier.load(classifier);
            origin = "loaded from " + classifier;
        } else {
            Path saved = out.resolve(CLASSIFIER_DIR);
            log.accept("no classifier given: training CB3D on the " + real.size() + " real volumes");
            c = new ClassifierTrainer(settings.classifier, r -> log.accept(String.format(
                    "  epoch %d: loss %.4f, train acc %.3f, held-out acc %s", r.epoch(), r.loss(), r.trainAccuracy(),
                    r.heldOutAccuracy() == null ? "-" : String.format("%.3f", r.heldOutAccuracy())))).train(real);
            c.save(saved);
            origin = "trained on the real data by this evaluation (no classifier was given), saved in " + saved;
        }
        try (c) {
            EvaluationReport report = new Evaluation(settings, log).run(real, sets, c, origin);
            List<String> montages = SampleMontages.write(out, real, sets, samplesPerSet);
            ReportFiles.write(out, report, montages);
            return report;
        }
    }
}
