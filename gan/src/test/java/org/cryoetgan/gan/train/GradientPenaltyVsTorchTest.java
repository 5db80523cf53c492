package org.cryoetgan.gan.train;

import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.backend.Backend;

/** The penalties against torch on the CPU backend. */
class GradientPenaltyVsTorchTest extends GradientPenaltyVsTorchSuite {
    @Override
    protected Backend openBackend() {
        return Backends.cpu();
    }
}
