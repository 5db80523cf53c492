package org.cryoetgan.gan.generate;

import static org.cryoetgan.gan.train.TrainingSettings.NORMALIZATION;
import static org.cryoetgan.gan.train.TrainingSettings.ZSCORE_CLIP;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.cryoetgan.gan.data.Normalization;
import org.cryoetgan.gan.train.TinyRun;
import org.cryoetgan.gan.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedModelTest {
    @Test
    void generationScalesMapsWithTheZscoreClipTheRunTrainedWith(@TempDir Path tmp) throws Exception {
        TrainingConfig c = TinyRun.config(8, 2)
                .with(NORMALIZATION, Normalization.ZSCORE)
                .with(ZSCORE_CLIP, 12.0);
        TinyRun.train(tmp.resolve("run"), c);
        try (TrainedModel m = TrainedModel.load(tmp.resolve("run"), null)) {
            assertEquals(Normalization.ZSCORE, m.densityScaler().mode());
            assertEquals(12, m.densityScaler().clip(), 0);
        }
    }
}
