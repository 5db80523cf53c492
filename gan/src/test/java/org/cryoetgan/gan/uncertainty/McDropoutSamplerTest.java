package org.cryoetgan.gan.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.gan.data.Normalization;
import org.cryoetgan.gan.data.VolumeScaler;
import org.cryoetgan.gan.model.CycleWgan;
import org.cryoetgan.gan.train.NetworkSpecs;
import org.cryoetgan.gan.volume.Volume;
import org.cryoetgan.nn.Module;
import org.cryoetgan.nn.layers.Dropout;
import org.junit.jupiter.api.Test;

class McDropoutSamplerTest {
    private static final VolumeScaler MINMAX = VolumeScaler.perVolume(Normalization.MINMAX);
    private static final Volume MAP = TinyRun.maps().get(0).volume();

    private static double fractionPositive(float[] v) {
        int n = 0;
        for (float x : v) {
            if (x > 0) {
                n++;
            }
        }
        return n / (double) v.length;
    }

    @Test
    void dropoutMakesEveryVoxelVaryAndTheSameSeedRepeatsExactly() {
        try (CycleWgan model = Scope.unscoped(() -> new CycleWgan(NetworkSpecs.of(TinyRun.config(0.5, 0)), 3))) {
            McDropoutSampler s = new McDropoutSampler(model.densityToSubtomogram(), MINMAX);
            UncertaintyMaps a = s.sample(MAP, 6, 11);
            UncertaintyMaps b = s.sample(MAP, 6, 11);
            assertEquals(1, a.dropoutLayers());
            assertTrue(fractionPositive(a.std().data()) > 0.9, "dropout alone (no noise channel) varies the output");
            assertArrayEquals(a.mean().data(), b.mean().data(), 0f);
            assertArrayEquals(a.std().data(), b.std().data(), 0f);
            assertEquals(MAP.voxelSize(), a.std().voxelSize());
            assertTrue(model.densityToSubtomogram().isTraining(), "the generator's mode is restored");
            for (Module m : model.modules()) {
                if (m instanceof Dropout d) {
                    assertFalse(d.isMonteCarlo(), "Monte-Carlo mode is switched off again");
                }
            }
        }
    }

    @Test
    void withNeitherDropoutNorNoiseTheStdIsZeroAndWithNoiseOnlyItIsNot() {
        try (CycleWgan fixed = Scope.unscoped(() -> new CycleWgan(NetworkSpecs.of(TinyRun.config(0, 0)), 3));
             CycleWgan noisy = Scope.unscoped(() -> new CycleWgan(NetworkSpecs.of(TinyRun.config(0, 1)), 3))) {
            UncertaintyMaps f = new McDropoutSampler(fixed.densityToSubtomogram(), MINMAX).sample(MAP, 4, 1);
            assertEquals(0, f.dropoutLayers());
            for (float v : f.std().data()) {
                assertEquals(0f, v, 1e-6f, "a deterministic generator has no spread");
            }
            UncertaintyMaps n = new McDropoutSampler(noisy.densityToSubtomogram(), MINMAX).sample(MAP, 4, 1);
            assertTrue(fractionPositive(n.std().data()) > 0.9, "the noise channel varies the output");
        }
    }

    @Test
    void rejectsTooFewSamples() {
        try (CycleWgan model = Scope.unscoped(() -> new CycleWgan(NetworkSpecs.of(TinyRun.config(0.5, 1)), 3))) {
            assertThrows(IllegalArgumentException.class,
                    () -> new McDropoutSampler(model.densityToSubtomogram(), MINMAX).sample(MAP, 1, 1));
        }
    }
}
