package org.cryoetgan.gan.timing;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.model.CycleWgan;
import org.cryoetgan.gan.train.CycleWganTrainer;
import org.cryoetgan.gan.train.NetworkSpecs;
import org.cryoetgan.gan.train.TrainingConfig;
import org.cryoetgan.gan.train.TrainingSettings;
import org.cryoetgan.gan.train.TrainingData;

/**
 * Times full CycleWGAN training steps through {@link CycleWganTrainer#trainStep()}: both generators, both
 * critics, the losses, backward passes, RMSProp updates and the clipping or gradient penalty, on volumes of
 * noise. Each step's time ends when the backend has finished its work.
 */
public final class StepTimer {
    private static final int VOLUMES = 8;

    private StepTimer() {
    }

    /** Runs {@code s.warmup()} steps, then measures {@code s.steps()} more. */
    public static StepTiming run(StepSettings s) {
        TrainingConfig cfg = s.trainingConfig();
        VolumeSet density = SyntheticVolumes.of("density maps", VOLUMES, s.box(), 1, 1);
        VolumeSet subtomograms = SyntheticVolumes.of("subtomograms", VOLUMES, s.box(), 1, 2);
        try (Measurement m = new Measurement(s.profile())) {
            CycleWgan model = Scope.unscoped(() -> new CycleWgan(NetworkSpecs.of(cfg), cfg.get(TrainingSettings.SEED)));
            try (CycleWganTrainer trainer = new CycleWganTrainer(cfg, model,
                    new TrainingData(density, subtomograms, cfg))) {
                m.restartClock();
                for (int i = 0; i < s.warmup() + s.steps(); i++) {
                    if (i == s.warmup()) {
                        m.beginMeasuring();
                    }
                    trainer.trainStep();
                    m.lap();
                }
                return m.result(s.label());
            } finally {
                model.close();
            }
        }
    }
}
