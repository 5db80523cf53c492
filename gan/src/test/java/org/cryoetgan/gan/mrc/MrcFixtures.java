package org.cryoetgan.gan.mrc;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the committed MRC fixtures and knows the formulas {@code tools/mrc_fixtures.py} wrote them with. */
final class MrcFixtures {

    static final int NX = 5;
    static final int NY = 4;
    static final int NZ = 3;

    private MrcFixtures() {
    }

    static Path resource(String relative) {
        URL url = MrcFixtures.class.getResource(relative);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path written(String name) {
        return resource("written-by-mrcfile/" + name);
    }

    static Path real(String name) {
        return resource("real/" + name);
    }

    /** The value tools/mrc_fixtures.py put at voxel (x, y, z) for a mode. */
    static float expected(int mode, int x, int y, int z) {
        int k = x + 5 * y + 20 * z;
        return switch (mode) {
            case 0 -> k - 50;
            case 1 -> k * 300 - 10000;
            case 6 -> k * 1000;
            default -> (float) (x + 0.5 * y - 0.25 * z + 0.125);
        };
    }
}
