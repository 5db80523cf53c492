package org.cryoetgan.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.cryoetgan.nn.io.SafeTensors;
import org.cryoetgan.nn.io.SafeTensorsFile;

/** Access to the committed PyTorch reference files (tools/torch_nn_reference.py) and tolerance checks. */
public final class TorchFixtures {
    private TorchFixtures() {
    }

    public static Path path(String name) {
        URL url = TorchFixtures.class.getResource("/torch/" + name);
        if (url == null) {
            throw new IllegalStateException("missing fixture torch/" + name + " (run tools/torch_nn_reference.py)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SafeTensorsFile load(String name) {
        try {
            return SafeTensors.read(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** max|a − e| / max|e| (norm-wise relative error of a tensor). */
    public static double relError(float[] actual, float[] expected) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            diff = Math.max(diff, Math.abs((double) actual[i] - expected[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }

    /** Asserts equal lengths and a norm-wise relative error within {@code tol}; returns the error. */
    public static double assertClose(float[] expected, float[] actual, double tol, String what) {
        assertArrayEquals(new int[] {expected.length}, new int[] {actual.length}, what + ": sizes differ");
        double err = relError(actual, expected);
        assertTrue(err <= tol, what + ": relative error " + err + " > " + tol);
        return err;
    }
}
