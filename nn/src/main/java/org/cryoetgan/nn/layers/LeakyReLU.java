package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.Module;

/** {@code x > 0 ? x : slope·x}. */
public final class LeakyReLU extends Module {
    private final float slope;

    public LeakyReLU(float slope) {
        this.slope = slope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.leakyRelu(slope);
    }

    @Override
    public String toString() {
        return "LeakyReLU(" + slope + ")";
    }
}
