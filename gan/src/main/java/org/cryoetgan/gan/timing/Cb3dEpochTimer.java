package org.cryoetgan.gan.timing;

import java.util.Locale;
import org.cryoetgan.gan.classify.ClassifierSettings;
import org.cryoetgan.gan.classify.ClassifierTrainer;
import org.cryoetgan.gan.classify.TrainedClassifier;
import org.cryoetgan.gan.data.VolumeSet;

/**
 * Times training epochs of the CB3D classifier through {@link ClassifierTrainer} with its default settings (base
 * 64, fc 4096, batch normalisation, Nesterov SGD, batch 8) on volumes of noise in two classes, nothing held out.
 * The first measured epoch starts when the last warm-up epoch ends (with no warm-up, when training starts, so
 * that it includes building the network).
 */
public final class Cb3dEpochTimer {
    private Cb3dEpochTimer() {
    }

    /**
     * @param box     edge of the volumes
     * @param volumes volumes per epoch
     * @param epochs  measured epochs
     * @param warmup  epochs run first and not measured
     * @param profile time every kernel and report the share per kernel kind
     */
    public static StepTiming run(int box, int volumes, int batch, int epochs, int warmup, boolean profile) {
        if (volumes < 2 || epochs < 1 || warmup < 0 || batch < 1) {
            throw new IllegalArgumentException("need at least 2 volumes, 1 epoch, batch 1 and warm-up 0, got "
                    + volumes + ", " + epochs + ", " + batch + ", " + warmup);
        }
        VolumeSet data = SyntheticVolumes.of("subtomograms", volumes, box, 2, 3);
        ClassifierSettings settings = new ClassifierSettings();
        settings.epochs = warmup + epochs;
        settings.heldOutFraction = 0;
        settings.batchSize = batch;
        try (Measurement m = new Measurement(profile)) {
            if (warmup == 0) {
                m.beginMeasuring();
            }
            ClassifierTrainer trainer = new ClassifierTrainer(settings, r -> {
                if (r.epoch() == warmup && warmup > 0) {
                    m.beginMeasuring();
                } else {
                    m.lap();
                }
            });
            try (TrainedClassifier trained = trainer.train(data)) {
                trained.history();
            }
            return m.result(String.format(Locale.ROOT, "cb3d epoch box=%d n=%d b%d", box, volumes, batch));
        }
    }
}
