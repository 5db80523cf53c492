package org.cryoetgan.gan.model;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.cryoetgan.nn.io.SafeTensors;
import org.cryoetgan.nn.io.SafeTensorsFile;

/** The gan module's committed PyTorch reference files (test resources under {@code /torch/}). */
public final class TorchFixtures {
    private TorchFixtures() {
    }

    /** Reads {@code /torch/<name>}; fails with the script to run when the file is missing. */
    public static SafeTensorsFile load(String name) {
        URL url = TorchFixtures.class.getResource("/torch/" + name);
        if (url == null) {
            throw new IllegalStateException("missing fixture torch/" + name + " (see tools/torch_nn_reference.py and "
                    + "tools/torch_penalty_reference.py)");
        }
        try {
            return SafeTensors.read(Path.of(url.toURI()));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("fixture torch/" + name + ": " + e.getMessage(), e);
        }
    }

    /** The largest |actual − expected|, the largest |expected| and the largest |actual| of two equal-length arrays. */
    public record MaxErrors(double diff, double scale, double actualMax) {
        /** The norm-wise relative error {@code diff / scale}. */
        public double relative() {
            return diff / scale;
        }
    }

    /** Compares two arrays element by element; throws if their lengths differ. */
    public static MaxErrors maxErrors(String what, float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError(what + ": sizes differ (" + expected.length + " vs " + actual.length + ")");
        }
        double diff = 0;
        double scale = 0;
        double actualMax = 0;
        for (int i = 0; i < expected.length; i++) {
            diff = Math.max(diff, Math.abs((double) actual[i] - expected[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
            actualMax = Math.max(actualMax, Math.abs(actual[i]));
        }
        return new MaxErrors(diff, scale, actualMax);
    }
}
