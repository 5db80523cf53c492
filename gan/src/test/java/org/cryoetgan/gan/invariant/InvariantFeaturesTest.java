package org.cryoetgan.gan.invariant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The features against NumPy (tools/invariant_fixtures.py) and their invariances. */
class InvariantFeaturesTest {

    static float[] formulaVolume(int n) {
        float[] v = new float[n * n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double t = x - 2.0 * y + 3.0 * z;
                    v[(z * n + y) * n + x] = (float) (Math.sin(0.7 * x) + Math.cos(1.3 * y) * z / 7 + 0.05 * t * t / 10);
                }
            }
        }
        return v;
    }

    @Test
    void matchTheNumpyReference() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/invariant/features.properties")) {
            p.load(in);
        }
        double[] f = InvariantFeatures.of(formulaVolume(10), 10);
        assertEquals(InvariantFeatures.count(10), f.length);
        assertEquals(12, f.length, "5 radial shells, 5 spectrum shells, skewness, kurtosis");
        for (int i = 0; i < f.length; i++) {
            double want = Double.parseDouble(p.getProperty("features.10." + i));
            assertEquals(want, f[i], 2e-5 * Math.max(1, Math.abs(want)), "feature " + i);
        }
    }

    @Test
    void doNotChangeUnderQuarterTurnsFlipsOrAffineIntensityChanges() {
        int n = 8;
        Random r = new Random(3);
        float[] v = new float[n * n * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        float[] turned = new float[v.length];
        float[] scaled = new float[v.length];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    // 90° about z: (x, y) -> (n-1-y, x); then a flip of z
                    turned[((n - 1 - z) * n + x) * n + (n - 1 - y)] = v[(z * n + y) * n + x];
                    scaled[(z * n + y) * n + x] = 3.5f * v[(z * n + y) * n + x] - 2f;
                }
            }
        }
        double[] a = InvariantFeatures.of(v, n);
        assertArrayEquals(a, InvariantFeatures.of(turned, n), 1e-9);
        assertArrayEquals(a, InvariantFeatures.of(scaled, n), 1e-5);
    }

    @Test
    void aConstantVolumeHasFiniteFeatures() {
        double[] f = InvariantFeatures.of(new float[6 * 6 * 6], 6);
        for (double x : f) {
            assertEquals(true, Double.isFinite(x));
        }
    }
}
