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
}
