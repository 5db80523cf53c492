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

    private static List<String> labels(List<Sample> samples) {
        return samples.stream().map(Sample::label).toList();
    }

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
        RealismProbe same = new RealismProbe(reference, null, reference, BOX, 1);
        RealismProbe different = new RealismProbe(other, null, reference, BOX, 1);
        try (CycleGenerator g = identity()) {
            double zero = same.score(g).distance();
            double far = different.score(g).distance();
            assertEquals(0, zero, 1e-6, "the identity on the reference itself");
            assertTrue(far > 10, "noise-free blobs are far from noisy subtomograms: " + far);
            assertEquals(far, different.score(g).distance(), 0, "the score is deterministic");
            assertTrue(Double.isNaN(different.score(g).transfer()), "no labels, no transfer score");
            assertTrue(g.isTraining(), "the generator's mode is restored");
        }
    }

    @Test
    void distanceOfFeatureRowsMatchesTheDefinition() {
        Random r = new Random(2);
        List<float[]> reference = volumes(TinyData.subtomograms(BOX, 20, 7).samples());
        RealismProbe probe = new RealismProbe(reference, null, reference, BOX, 1);
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

    /** Even volumes are small blobs, odd ones large blobs, plus noise; with {@code oneShape} all are small. */
    private static List<float[]> twoClasses(int count, long seed, float noise, boolean oneShape) {
        Random r = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean bright = i % 2 == 0 || oneShape;
            float[] v = new float[BOX * BOX * BOX];
            for (int z = 0; z < BOX; z++) {
                for (int y = 0; y < BOX; y++) {
                    for (int x = 0; x < BOX; x++) {
                        double d2 = Math.pow(x - 3.5, 2) + Math.pow(y - 3.5, 2) + Math.pow(z - 3.5, 2);
                        double blob = Math.exp(-d2 / (bright ? 2.0 : 8.0));
                        v[(z * BOX + y) * BOX + x] = (float) (blob + noise * r.nextGaussian());
                    }
                }
            }
            out.add(v);
        }
        return out;
    }

    @Test
    void theTransferScoreIsHighWhenOutputsSortTheReferenceAndLowWhenTheyCallItOneClass() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            labels.add(i % 2 == 0 ? "small" : "large");
        }
        List<float[]> reference = twoClasses(40, 1, 0.05f, false);
        RealismProbe probe = new RealismProbe(twoClasses(40, 2, 0.05f, false), labels, reference, BOX, 1);
        assertTrue(probe.hasTransferScore());
        double[][] good = new double[40][];
        double[][] collapsed = new double[40][];
        List<float[]> alike = twoClasses(40, 3, 0.05f, false);
        List<float[]> noisy = twoClasses(40, 4, 0.05f, true);
        for (int i = 0; i < 40; i++) {
            good[i] = InvariantFeatures.of(alike.get(i), BOX);
            collapsed[i] = InvariantFeatures.of(noisy.get(i), BOX);
        }
        double high = probe.transferOf(good);
        double low = probe.transferOf(collapsed);
        assertTrue(high > 1.8 && high <= 2 + 1e-9, "outputs like the reference sort it into both classes: " + high);
        assertTrue(low < 1.3, "outputs of one shape for both labels teach nothing, so the reference gets no confident class: " + low);
        assertTrue(low >= 1 - 1e-9);
    }

    @Test
    void needsAtLeastTwoVolumesOnEachSide() {
        List<float[]> reference = volumes(TinyData.subtomograms(BOX, 3, 5).samples());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RealismProbe(reference.subList(0, 1), null, reference, BOX, 1));
        assertTrue(e.getMessage().contains("at least two"), e.getMessage());
    }
}
