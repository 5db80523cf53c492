package org.cryoetgan.engine.ops;

import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.backend.Backend;

/** The second-order suite on the CPU backend. */
class GradGradTest extends GradGradSuite {
    @Override
    protected Backend openBackend() {
        return Backends.cpu();
    }
}
