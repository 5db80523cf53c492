package org.cryoetgan.gan.invariant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.ShapeVolumes;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;

/** The classifier separates an easy synthetic set it has not seen, and only knows the classes it was trained on. */
class InvariantClassifierTest {

    @Test
    void separatesSpheresFromSlabsOnHeldOutVolumes() {
        VolumeSet train = ShapeVolumes.set(12, 20, 0.8, 1);
        VolumeSet test = ShapeVolumes.set(12, 20, 0.8, 2);
        InvariantClassifier c = InvariantClassifier.train(train, LogisticRegression.DEFAULT_LAMBDA);
        assertEquals(2, c.classes().size());
        assertTrue(c.accuracy(test) >= 0.95, "accuracy " + c.accuracy(test));
    }

    @Test
    void scoresChanceOnPureNoiseAndNaNOnUnknownClasses() {
        VolumeSet noiseTrain = noise("a", "b", 40, 1);
        VolumeSet noiseTest = noise("a", "b", 200, 2);
        double acc = InvariantClassifier.train(noiseTrain, LogisticRegression.DEFAULT_LAMBDA).accuracy(noiseTest);
        assertTrue(acc > 0.35 && acc < 0.65, "labels carry no signal, accuracy " + acc);
        InvariantClassifier c = InvariantClassifier.train(ShapeVolumes.set(12, 5, 0.5, 1), 1e-2);
        assertTrue(Double.isNaN(c.accuracy(noise("x", "y", 4, 3, 12))));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> c.accuracy(noiseTest));
        assertTrue(size.getMessage().contains("8³") && size.getMessage().contains("12³"), size.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> InvariantClassifier.train(noise("a", "a", 4, 1), 1e-3));
    }

    @Test
    void predictionsDependOnlyOnTheVolumeNotOnTheTestSet() {
        VolumeSet train = ShapeVolumes.set(12, 10, 0.8, 1);
        VolumeSet test = ShapeVolumes.set(12, 10, 0.8, 2);
        InvariantClassifier c = InvariantClassifier.train(train, LogisticRegression.DEFAULT_LAMBDA);
        List<String> all = c.predict(test);
        List<String> firstThree = c.predict(new VolumeSet("t", test.samples().subList(0, 3)));
        assertEquals(all.subList(0, 3), firstThree);
        assertEquals(List.of("slab", "sphere"), c.classes().stream().sorted().collect(Collectors.toList()));
    }

    private static VolumeSet noise(String a, String b, int n, long seed) {
        return noise(a, b, n, seed, 8);
    }

    private static VolumeSet noise(String a, String b, int n, long seed, int box) {
        Random r = new Random(seed);
        List<Sample> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Volume v = Volume.cube(box, 1);
            for (int j = 0; j < v.size(); j++) {
                v.data()[j] = (float) r.nextGaussian();
            }
            out.add(new Sample(v, i % 2 == 0 ? a : b, "noise-" + i));
        }
        return new VolumeSet("noise", out);
    }
}
