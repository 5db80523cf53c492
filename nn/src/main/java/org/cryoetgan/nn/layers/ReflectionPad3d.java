package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.ops.Padding;
import org.cryoetgan.nn.Module;

/** Reflection padding by the same amount on every side of the three spatial axes (PyTorch semantics). */
public final class ReflectionPad3d extends Module {
    private final int pad;

    public ReflectionPad3d(int pad) {
        if (pad < 0) {
            throw new IllegalArgumentException("negative padding " + pad);
        }
        this.pad = pad;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Padding.pad3d(input, PadMode.REFLECT, pad);
    }

    @Override
    public String toString() {
        return "ReflectionPad3d(" + pad + ")";
    }
}
