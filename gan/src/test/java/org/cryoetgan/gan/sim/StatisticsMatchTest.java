package org.cryoetgan.gan.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The statistics match, on sets whose spectra and value distributions are known to differ: white Gaussian noise as
 * the source; a target made from other noise, blurred (less high-frequency power) and cubed (heavy tails).
 */
class StatisticsMatchTest {
    private static final int N = 12;

    private static List<float[]> white(int count, long seed) {
        Random rng = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] v = new float[N * N * N];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) rng.nextGaussian();
            }
            out.add(v);
        }
        return out;
    }

    /** Each voxel the mean of itself and its next neighbours along x, y and z (periodic), then cubed. */
    private static List<float[]> blurredCubed(int count, long seed) {
        List<float[]> out = new ArrayList<>();
        for (float[] w : white(count, seed)) {
            float[] v = new float[w.length];
            for (int j = 0; j < v.length; j++) {
                int x = j % N;
                int y = j / N % N;
                int z = j / (N * N);
                float s = 0.25f * (w[j] + w[j - x + (x + 1) % N] + w[j + ((y + 1) % N - y) * N]
                        + w[j + ((z + 1) % N - z) * N * N]);
                v[j] = s * s * s;
            }
            out.add(v);
        }
        return out;
    }

    private static double[] relative(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Math.abs(a[i] - b[i]) / b[i];
        }
        return r;
    }

    private static double kurtosis(List<float[]> vs) {
        double m2 = 0;
        double m4 = 0;
        long n = 0;
        for (float[] v : vs) {
            for (float x : StatisticsMatch.zscore(v)) {
                m2 += x * x;
                m4 += (double) x * x * x * x;
                n++;
            }
        }
        m2 /= n;
        return m4 / n / (m2 * m2) - 3;
    }

    @Test
    void theMatchedSourceHasTheTargetsSpectrumAndTails() {
        List<float[]> source = white(60, 1);
        List<float[]> target = blurredCubed(60, 2);
        StatisticsMatch m = StatisticsMatch.fit(source, target, N);
        List<float[]> fresh = white(60, 3);
        List<float[]> matched = new ArrayList<>();
        for (float[] v : fresh) {
            matched.add(m.apply(v));
        }
        double[] before = relative(StatisticsMatch.meanShellPower(fresh, N), StatisticsMatch.meanShellPower(target, N));
        double[] after = relative(StatisticsMatch.meanShellPower(matched, N), StatisticsMatch.meanShellPower(target, N));
        int high = StatisticsMatch.shells(N) - 4;
        assertTrue(before[high] > 0.5, "the sets differ at high frequency: " + before[high]);
        for (int k = 1; k < after.length - 1; k++) {
            assertTrue(after[k] < 0.25, "shell " + k + ": power off by " + after[k] + " (before " + before[k] + ")");
        }
        double kt = kurtosis(target);
        assertTrue(kt > 3 && Math.abs(kurtosis(fresh)) < 0.3, "the target is heavy-tailed, the source is not");
        assertEquals(kt, kurtosis(matched), 0.25 * kt, "the matched values have the target's tails");
    }

    @Test
    void aMatchOfASetOntoItselfOnlyZScores() {
        List<float[]> source = white(5, 4);
        StatisticsMatch m = StatisticsMatch.fit(source, source, N);
        for (double g : m.shellGains()) {
            assertEquals(1.0, g, 1e-9);
        }
        float[] v = source.get(2).clone();
        for (int j = 0; j < v.length; j++) {
            v[j] = 3 + 2 * v[j];
        }
        assertArrayEquals(StatisticsMatch.zscore(v), m.apply(v), 1e-4f);
    }

    @Test
    void theStoredFormReadsBackToTheSameMatch() throws Exception {
        StatisticsMatch m = StatisticsMatch.fit(white(5, 6), blurredCubed(5, 7), N);
        ObjectMapper json = new ObjectMapper();
        StatisticsMatch back = json.readValue(json.writeValueAsString(m), StatisticsMatch.class);
        float[] v = white(1, 8).get(0);
        assertArrayEquals(m.apply(v), back.apply(v));
    }

    @Test
    void aVolumeOfAnotherSizeIsRefused() {
        StatisticsMatch m = StatisticsMatch.fit(white(2, 9), white(2, 10), N);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.apply(new float[8]));
        assertTrue(e.getMessage().contains("12³"), e.getMessage());
    }
}
