package org.cryoetgan.gan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Inception Score against a NumPy transcription of the original recipe and two analytic cases. */
class InceptionScoreTest {

    @Test
    void matchesTheReferenceWithUnevenSplits() {
        double[][] p = Fixtures.matrix("is_probs_53x5.txt"); // 53 rows: splits of 5 and 6 rows
        InceptionScore.Result ten = InceptionScore.compute(p);
        assertEquals(Fixtures.expected("is.splits10.mean"), ten.mean(), 1e-12);
        assertEquals(Fixtures.expected("is.splits10.std"), ten.std(), 1e-12);
        InceptionScore.Result three = InceptionScore.compute(p, 3);
        assertEquals(Fixtures.expected("is.splits3.mean"), three.mean(), 1e-12);
        assertEquals(Fixtures.expected("is.splits3.std"), three.std(), 1e-12);
    }

    @Test
    void identicalPredictionsScoreOne() {
        double[][] p = new double[40][];
        for (int i = 0; i < p.length; i++) {
            p[i] = new double[] {0.2, 0.5, 0.3};
        }
        InceptionScore.Result r = InceptionScore.compute(p);
        assertEquals(1.0, r.mean(), 1e-12);
        assertEquals(0.0, r.std(), 1e-12);
    }

    @Test
    void confidentBalancedPredictionsScoreTheNumberOfClasses() {
        // One-hot rows cycling through 4 classes; every split of 8 rows holds each class twice. Zero
        // probabilities contribute nothing (0 log 0 = 0).
        double[][] p = new double[80][4];
        for (int i = 0; i < p.length; i++) {
            p[i][i % 4] = 1.0;
        }
        InceptionScore.Result r = InceptionScore.compute(p, 10);
        assertEquals(4.0, r.mean(), 1e-12);
        assertEquals(0.0, r.std(), 1e-12);
    }

    @Test
    void softmaxGivesProbabilities() {
        double[][] p = InceptionScore.softmax(new double[][] {{0, Math.log(3)}, {1000, 1000}});
        assertEquals(0.25, p[0][0], 1e-15);
        assertEquals(0.75, p[0][1], 1e-15);
        assertEquals(0.5, p[1][0], 1e-15);
    }

    @Test
    void rejectsNonDistributionsAndTooManySplits() {
        assertThrows(IllegalArgumentException.class, () -> InceptionScore.compute(new double[][] {{0.5, 0.6}}, 1));
        assertThrows(IllegalArgumentException.class, () -> InceptionScore.compute(new double[][] {{1, 0}}, 2));
    }
}
