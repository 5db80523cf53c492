package org.cryoetgan.nn.optim;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.backend.UnaryOp;
import org.cryoetgan.engine.ops.Elementwise;
import org.cryoetgan.nn.Module;

/** WGAN's weight clipping: every parameter of a module is clamped to [−c, c] in place. */
public final class WeightClipping {
    private WeightClipping() {
    }

    /** Clamps all parameters of {@code module} to [−c, c]. */
    public static void clip(Module module, double c) {
        if (!(c > 0)) {
            throw new IllegalArgumentException("clip value must be > 0, got " + c);
        }
        try (GradMode g = GradMode.disable()) {
            for (Tensor p : module.parameters()) {
                Elementwise.unaryInPlace(UnaryOp.CLAMP, (float) -c, (float) c, p);
            }
        }
    }
}
