package org.cryoetgan.gan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingConfigTest {
    @Test
    void paperPresetHasThePapersSettings() {
        TrainingConfig c = TrainingConfig.paper();
        assertEquals(AdversarialLoss.WGAN, c.adversarialLoss);
        assertEquals(10.0, c.cycleWeight);
        assertEquals(5e-4, c.learningRate);
        assertEquals(OptimizerKind.RMSPROP, c.optimizer);
        assertEquals(0.01, c.clipValue);
        assertTrue(c.spectralNorm && c.weightClipping);
        assertEquals(32, c.generatorWidth);
        assertEquals(6, c.residualBlocks);
        assertEquals(1, c.noiseChannels);
        assertEquals(0.2, c.densityNoiseStd);
        assertEquals(1, c.criticStride);
        assertTrue(c.problems().isEmpty());
    }

    @Test
    void referencePresetDiffersWhereTheReferenceCodeDoes() {
        TrainingConfig r = TrainingConfig.preset("reference-code");
        assertEquals(AdversarialLoss.LSGAN, r.adversarialLoss);
        assertEquals(0.8, r.realTarget);
        assertEquals(100.0, r.cycleWeight);
        assertEquals(2e-4, r.learningRate);
        assertEquals(50, r.imagePool);
        assertFalse(r.spectralNorm);
    }

    @Test
    void jsonRoundTripKeepsEverySetting() throws Exception {
        TrainingConfig r = TrainingConfig.referenceCode();
        r.steps = 123;
        TrainingConfig back = TrainingConfig.fromJson(r.toJson());
        assertEquals(r.toJson(), back.toJson());
    }

    @Test
    void invalidSettingsAreAllReported() {
        TrainingConfig c = TrainingConfig.paper();
        c.box = 30;
        c.criticStride = 3;
        c.dropout = 1.5;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::validate);
        assertTrue(e.getMessage().contains("--box (box) must be a multiple of 4")
                && e.getMessage().contains("--critic-stride (criticStride) must be 1 or 2, got 3")
                && e.getMessage().contains("--dropout (dropout) must be in [0, 1), got 1.5"), e.getMessage());
    }

    @Test
    void everyProblemNamesTheTrainOptionThenTheConfigField() {
        TrainingConfig c = TrainingConfig.paper();
        c.box = 6;
        c.generatorWidth = 0;
        c.residualBlocks = -1;
        c.noiseChannels = -1;
        c.outputNoiseChannels = -1;
        c.criticWidth = 0;
        c.dropout = Double.NaN;
        c.spectrumCriticWidth = 0;
        c.validationFraction = 1;
        c.batchSize = 0;
        c.steps = 0;
        c.criticSteps = 0;
        c.imagePool = -1;
        c.decayFrom = -3;
        c.checkpointEvery = 0;
        c.sampleEvery = 0;
        c.logEvery = 0;
        c.learningRate = Double.POSITIVE_INFINITY;
        c.cycleWeight = Double.NaN;
        c.identityWeight = -1;
        c.clipValue = -1;
        c.realTarget = -1;
        c.densityNoiseStd = -1;
        c.cycleNoiseStd = Double.NaN;
        c.gpWeight = Double.NaN;
        c.r1Weight = -1;
        c.spectrumCriticWeight = -1;
        java.util.List<String> problems = c.problems();
        assertEquals(27, problems.size(), problems.toString());
        for (String p : problems) {
            assertTrue(p.matches("--[a-z0-9-]+ \\([a-zA-Z0-9]+\\) must be .*, got .*"), p);
        }
        TrainingConfig deep = TrainingConfig.paper();
        deep.box = 8;
        deep.criticLayers = 4;
        deep.criticStride = 2;
        assertTrue(deep.problems().get(0).startsWith("--critic-layers (criticLayers) must be few enough"),
                deep.problems().toString());
    }

    @Test
    void unknownPresetIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.preset("fast"));
    }
}
