package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.Module;

/** Reshapes [N, ...] to [N, rest]. */
public final class Flatten extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.reshape(input.size(0), -1);
    }
}
