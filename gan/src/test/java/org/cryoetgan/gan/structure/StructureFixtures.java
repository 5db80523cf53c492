package org.cryoetgan.gan.structure;

import java.net.URISyntaxException;
import java.nio.file.Path;

final class StructureFixtures {

    private StructureFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(StructureFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }
}
