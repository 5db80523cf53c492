package org.cryoetgan.gan.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Reads the committed reference values written by {@code tools/metrics_fixtures.py}. */
final class Fixtures {

    private static final String DIR = "/metrics/";
    private static Properties expected;

    private Fixtures() {
    }

    /** A value from {@code expected.properties}. */
    static synchronized double expected(String key) {
        if (expected == null) {
            Properties p = new Properties();
            try (InputStream in = open("expected.properties")) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            expected = p;
        }
        String v = expected.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no reference value " + key);
        }
        return Double.parseDouble(v);
    }

    /** A raw little-endian float32 file. */
    static float[] floats(String name) {
        byte[] bytes = bytes(name);
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    /** A raw float32 file cut into rows of {@code cols} values. */
    static float[][] floatRows(String name, int cols) {
        float[] flat = floats(name);
        float[][] rows = new float[flat.length / cols][cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(flat, i * cols, rows[i], 0, cols);
        }
        return rows;
    }

    /** A text matrix: a line "rows cols", then one row per line. */
    static double[][] matrix(String name) {
        String[] lines = new String(bytes(name), StandardCharsets.US_ASCII).trim().split("\n");
        String[] head = lines[0].trim().split("\\s+");
        int rows = Integer.parseInt(head[0]);
        int cols = Integer.parseInt(head[1]);
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            String[] parts = lines[i + 1].trim().split("\\s+");
            for (int j = 0; j < cols; j++) {
                m[i][j] = Double.parseDouble(parts[j]);
            }
        }
        return m;
    }

    private static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IllegalArgumentException("missing test resource " + DIR + name);
        }
        return in;
    }
}
