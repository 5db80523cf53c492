package org.cryoetgan.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cryoetgan.engine.backend.Buffer;
import org.cryoetgan.engine.cpu.CpuBackend;
import org.junit.jupiter.api.Test;

/** The counter-based generator: statistics, determinism, counters, and independence from the thread count. */
class RandomGeneratorTest {
    private static final int N = 200_000;

    private static double[] meanStd(float[] v) {
        double s = 0;
        double sq = 0;
        for (float f : v) {
            s += f;
            sq += (double) f * f;
        }
        double m = s / v.length;
        return new double[] {m, Math.sqrt(sq / v.length - m * m)};
    }

    @Test
    void normalHasTheRequestedMeanAndStd() {
        try (Scope s = Scope.open()) {
            float[] v = Tensor.normal(new RandomGenerator(1), 2f, 3f, N).toArray();
            double[] ms = meanStd(v);
            // standard errors: 3/sqrt(N) ≈ 0.0067 for the mean, ≈ 0.0047 for the std
            assertEquals(2.0, ms[0], 0.03);
            assertEquals(3.0, ms[1], 0.03);
            int within1 = 0;
            for (float f : v) {
                if (Math.abs(f - 2f) < 3f) {
                    within1++;
                }
            }
            assertEquals(0.6827, within1 / (double) N, 0.005, "fraction within one sigma");
        }
    }

    @Test
    void uniformCoversItsRangeEvenly() {
        try (Scope s = Scope.open()) {
            float[] v = Tensor.uniform(new RandomGenerator(2), -1f, 3f, N).toArray();
            double[] ms = meanStd(v);
            assertEquals(1.0, ms[0], 0.02);
            assertEquals(4 / Math.sqrt(12), ms[1], 0.02);
            int[] bins = new int[8];
            for (float f : v) {
                assertTrue(f >= -1f && f < 3f, "value " + f + " outside [-1, 3)");
                bins[(int) ((f + 1f) / 0.5f)]++;
            }
            for (int b : bins) {
                assertEquals(N / 8.0, b, 5 * Math.sqrt(N / 8.0));
            }
        }
    }

    @Test
    void sameSeedAndCounterGiveTheSameNumbers() {
        try (Scope s = Scope.open()) {
            float[] a = Tensor.randn(new RandomGenerator(7), 1000).toArray();
            float[] b = Tensor.randn(new RandomGenerator(7), 1000).toArray();
            float[] c = Tensor.randn(new RandomGenerator(8), 1000).toArray();
            assertArrayEquals(a, b);
            assertFalse(java.util.Arrays.equals(a, c));
            // two draws of 400 + 600 continue the same stream as one of 1000
            RandomGenerator rng = new RandomGenerator(7);
            float[] first = Tensor.randn(rng, 400).toArray();
            float[] second = Tensor.randn(rng, 600).toArray();
            assertEquals(1000, rng.counter());
            for (int i = 0; i < 400; i++) {
                assertEquals(a[i], first[i]);
            }
            for (int i = 0; i < 600; i++) {
                assertEquals(a[400 + i], second[i]);
            }
            // resuming from a saved (seed, counter) reproduces the rest of the stream
            float[] resumed = Tensor.randn(new RandomGenerator(7, 400), 600).toArray();
            assertArrayEquals(second, resumed);
        }
    }

    @Test
    void scalarDrawsAndForksAreDeterministic() {
        RandomGenerator a = new RandomGenerator(5);
        RandomGenerator b = new RandomGenerator(5);
        assertEquals(a.nextDouble(), b.nextDouble());
        assertEquals(a.nextGaussian(), b.nextGaussian());
        RandomGenerator fa = a.fork();
        RandomGenerator fb = b.fork();
        assertEquals(fa.seed(), fb.seed());
        assertNotEquals(a.seed(), fa.seed());
        int[] p = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] q = p.clone();
        fa.shuffle(p);
        fb.shuffle(q);
        assertArrayEquals(p, q);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, java.util.Arrays.stream(p).sorted().toArray());
    }

    @Test
    void fillsDoNotDependOnTheThreadCount() {
        int n = 100_003; // several chunks of the parallel loop, and a ragged end
        float[] one = fill(new CpuBackend(1), n);
        float[] two = fill(new CpuBackend(2), n);
        float[] three = fill(new CpuBackend(3), n);
        assertArrayEquals(one, two);
        assertArrayEquals(one, three);
    }

    private static float[] fill(CpuBackend backend, int n) {
        Buffer b = backend.allocate(2L * n);
        backend.randomNormal(99, 12345, 0.5f, 2f, b, n);
        float[] out = new float[2 * n];
        backend.copyToHost(b, 0, out, 0, n);
        Buffer u = backend.allocate(n);
        backend.randomUniform(99, 777, -1f, 1f, u, n);
        backend.copyToHost(u, 0, out, n, n);
        b.release();
        u.release();
        return out;
    }
}
