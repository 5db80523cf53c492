package org.cryoetgan.gan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.invariant.InvariantFeatures;
import org.cryoetgan.gan.model.CycleGenerator;
import org.cryoetgan.nn.init.ModuleInit;
import org.junit.jupiter.api.Test;

class RealismProbeTest {
    private static final int BOX = 8;

    private static List<float[]> volumes(List<Sample> samples) {
        List<float[]> out = new ArrayList<>();
        samples.forEach(s -> out.add(s.volume().data()));
        return out;
    }

    private static CycleGenerator identity() {
        return Scope.unscoped(() -> {
            RandomGenerator rng = new RandomGenerator(3);
            CycleGenerator g = new CycleGenerator(4, 1, 1, 0, true, 0f, rng);
            ModuleInit.normal(g, 0.02, rng);
            g.startAsRefiner();
            return g;
        });
    }

    @Test
    void aGeneratorThatReturnsTheReferenceScoresZeroAndOneThatDoesNotScoresMore() {
        List<float[]> reference = volumes(TinyData.subtomograms(BOX, 30, 5).samples());
        List<float[]> other = volumes(TinyData.maps(BOX, 30, 6).samples());
        RealismProbe same = new RealismProbe(reference, reference, BOX, 1);
        RealismProbe different = new RealismProbe(other, reference, BOX, 1);
        try (CycleGenerator g = identity()) {
            double zero = same.distance(g);
            double far = different.distance(g);
            assertEquals(0, zero, 1e-6, "the identity on the reference itself");
            assertTrue(far > 10, "noise-free blobs are far from noisy subtomograms: " + far);
            assertEquals(far, different.distance(g), 0, "the score is deterministic");
            assertTrue(g.isTraining(), "the generator's mode is restored");
        }
    }

    @Test
    void distanceOfFeatureRowsMatchesTheDefinition() {
        Random r = new Random(2);
        List<float[]> reference = volumes(TinyData.subtomograms(BOX, 20, 7).samples());
        RealismProbe probe = new RealismProbe(reference, reference, BOX, 1);
        double[][] rows = new double[20][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = InvariantFeatures.of(reference.get(i), BOX);
        }
        assertEquals(0, probe.distanceOf(rows), 1e-6);
        for (double[] row : rows) {
            row[row.length - 1] += 100 + r.nextGaussian();
        }
        assertTrue(probe.distanceOf(rows) > 1, "a shifted kurtosis moves the distance");
    }

    @Test
    void needsAtLeastTwoVolumesOnEachSide() {
        List<float[]> reference = volumes(TinyData.subtomograms(BOX, 3, 5).samples());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RealismProbe(reference.subList(0, 1), reference, BOX, 1));
        assertTrue(e.getMessage().contains("at least two"), e.getMessage());
    }
}
