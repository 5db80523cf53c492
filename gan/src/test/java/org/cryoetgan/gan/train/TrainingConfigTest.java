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
        assertTrue(e.getMessage().contains("box") && e.getMessage().contains("criticStride")
                && e.getMessage().contains("dropout"), e.getMessage());
    }

    @Test
    void unknownPresetIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.preset("fast"));
    }
}
