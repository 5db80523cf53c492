package org.cryoetgan.gan.train;

import static org.cryoetgan.gan.train.TrainingSettings.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {
    @Test
    void paperPresetHasThePapersSettings() {
        TrainingConfig c = TrainingConfig.paper();
        assertEquals(AdversarialLoss.WGAN, c.get(ADVERSARIAL_LOSS));
        assertEquals(10.0, c.get(CYCLE_WEIGHT));
        assertEquals(5e-4, c.get(LEARNING_RATE));
        assertEquals(OptimizerKind.RMSPROP, c.get(OPTIMIZER));
        assertEquals(0.01, c.get(CLIP_VALUE));
        assertTrue(c.get(SPECTRAL_NORM) && c.get(WEIGHT_CLIPPING));
        assertEquals(32, c.get(GENERATOR_WIDTH));
        assertEquals(6, c.get(RESIDUAL_BLOCKS));
        assertEquals(1, c.get(NOISE_CHANNELS));
        assertEquals(0.2, c.get(DENSITY_NOISE_STD));
        assertEquals(1, c.get(CRITIC_STRIDE));
        assertTrue(c.problems().isEmpty());
    }

    @Test
    void referencePresetDiffersWhereTheReferenceCodeDoes() {
        TrainingConfig r = TrainingConfig.preset("reference-code");
        assertEquals(AdversarialLoss.LSGAN, r.get(ADVERSARIAL_LOSS));
        assertEquals(0.8, r.get(REAL_TARGET));
        assertEquals(100.0, r.get(CYCLE_WEIGHT));
        assertEquals(2e-4, r.get(LEARNING_RATE));
        assertEquals(50, r.get(IMAGE_POOL));
        assertFalse(r.get(SPECTRAL_NORM));
        assertEquals("reference-code", TrainingConfig.preset("reference").get(PRESET));
    }

    @Test
    void jsonRoundTripKeepsEverySetting() throws Exception {
        TrainingConfig r = TrainingConfig.referenceCode().with(STEPS, 123);
        TrainingConfig back = TrainingConfig.fromJson(r.toJson());
        assertEquals(r.toJson(), back.toJson());
        assertEquals(r, back);
    }

    @Test
    void withLeavesTheOriginalUnchanged() {
        TrainingConfig paper = TrainingConfig.paper();
        TrainingConfig changed = paper.with(BOX, 28).with(INPUT_SIMULATION, org.cryoetgan.gan.sim.InputSimulation.defaults());
        assertEquals(40, paper.get(BOX));
        assertEquals(28, changed.get(BOX));
        changed.get(INPUT_SIMULATION).snr = 99;
        assertEquals(0.5, changed.get(INPUT_SIMULATION).snr, "a value read out is a copy");
        assertEquals(null, paper.get(INPUT_SIMULATION));
    }

    @Test
    void unknownAndMistypedFieldsAreRefusedNamingTheField() {
        IOException unknown = assertThrows(IOException.class, () -> TrainingConfig.fromJson("{\"boxx\" : 40}"));
        assertTrue(unknown.getMessage().startsWith("unknown setting boxx"), unknown.getMessage());
        IOException mistyped = assertThrows(IOException.class, () -> TrainingConfig.fromJson("{\"box\" : \"big\"}"));
        assertTrue(mistyped.getMessage().startsWith("box: expected an integer"), mistyped.getMessage());
        IOException loss = assertThrows(IOException.class,
                () -> TrainingConfig.fromJson("{\"adversarialLoss\" : \"HINGE\"}"));
        assertTrue(loss.getMessage().startsWith("adversarialLoss: 'HINGE' is not one of wgan"), loss.getMessage());
    }

    @Test
    void invalidSettingsAreAllReported() {
        TrainingConfig c = TrainingConfig.paper().with(BOX, 30).with(CRITIC_STRIDE, 3).with(DROPOUT, 1.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::validate);
        assertTrue(e.getMessage().contains("--box (box) must be a multiple of 4")
                && e.getMessage().contains("--critic-stride (criticStride) must be 1 or 2, got 3")
                && e.getMessage().contains("--dropout (dropout) must be in [0, 1), got 1.5"), e.getMessage());
    }

    @Test
    void everyProblemNamesTheTrainOptionThenTheConfigField() {
        TrainingConfig c = TrainingConfig.paper().with(BOX, 6).with(GENERATOR_WIDTH, 0).with(RESIDUAL_BLOCKS, -1)
                .with(NOISE_CHANNELS, -1).with(OUTPUT_NOISE_CHANNELS, -1).with(CRITIC_WIDTH, 0)
                .with(DROPOUT, Double.NaN).with(SPECTRUM_CRITIC_WIDTH, 0).with(VALIDATION_FRACTION, 1.0)
                .with(BATCH_SIZE, 0).with(STEPS, 0).with(CRITIC_STEPS, 0).with(IMAGE_POOL, -1).with(DECAY_FROM, -3)
                .with(CHECKPOINT_EVERY, 0).with(SAMPLE_EVERY, 0).with(LOG_EVERY, 0)
                .with(LEARNING_RATE, Double.POSITIVE_INFINITY).with(CYCLE_WEIGHT, Double.NaN)
                .with(IDENTITY_WEIGHT, -1.0).with(CLIP_VALUE, -1.0).with(REAL_TARGET, -1.0)
                .with(DENSITY_NOISE_STD, -1.0).with(CYCLE_NOISE_STD, Double.NaN).with(GP_WEIGHT, Double.NaN)
                .with(R1_WEIGHT, -1.0).with(SPECTRUM_CRITIC_WEIGHT, -1.0);
        java.util.List<String> problems = c.problems();
        assertEquals(27, problems.size(), problems.toString());
        for (String p : problems) {
            assertTrue(p.matches("--[a-z0-9-]+ \\([a-zA-Z0-9]+\\) must be .*, got .*"), p);
        }
        TrainingConfig deep = TrainingConfig.paper().with(BOX, 8).with(CRITIC_LAYERS, 4).with(CRITIC_STRIDE, 2);
        assertTrue(deep.problems().get(0).startsWith("--critic-layers (criticLayers) must be few enough"),
                deep.problems().toString());
    }

    @Test
    void unknownPresetIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.preset("fast"));
        assertEquals("unknown preset 'fast' (paper, reference-code, cpu, demo)", e.getMessage());
    }
}
