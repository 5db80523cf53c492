package org.cryoetgan.engine.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.DoubleUnaryOperator;
import org.cryoetgan.engine.Tensor;

/** Value assertions for tensors against host arrays. */
public final class TensorAsserts {
    private TensorAsserts() {
    }

    /**
     * Asserts {@code actual} has {@code shape} and {@code max|actual − expected| ≤ tol·max(1, max|expected|)}
     * (max-abs error over the scale of the expected values).
     */
    public static void assertClose(float[] expected, Tensor actual, int[] shape, double tol) {
        assertArrayEquals(shape, actual.shape(), "shape");
        assertClose(expected, actual.toArray(), tol);
    }

    /** {@code max|actual − expected| ≤ tol·max(1, max|expected|)}. */
    public static void assertClose(float[] expected, float[] actual, double tol) {
        if (expected.length != actual.length) {
            fail("length " + actual.length + ", expected " + expected.length);
        }
        double scale = 1;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs((double) actual[i] - expected[i]);
            if (Double.isNaN(d) || d > worst) {
                worst = d;
                at = i;
                if (Double.isNaN(d)) {
                    break;
                }
            }
        }
        if (!(worst <= tol * scale)) {
            fail(String.format("element %d: %.7g, expected %.7g (max error %.3g > %.1g × scale %.3g)", at,
                    actual[at], expected[at], worst, tol, scale));
        }
    }

    /** {@code f} applied to every element, in float. */
    public static float[] map(float[] x, DoubleUnaryOperator f) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) f.applyAsDouble(x[i]);
        }
        return out;
    }
}
