package org.cryoetgan.engine.ops;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.backend.UnaryOp;

/** Inverted dropout: zeroes each element with probability p and scales the rest by 1/(1−p). */
public final class Dropout {
    private Dropout() {
    }

    /** Applies dropout when {@code active}; otherwise returns x unchanged. The mask comes from {@code rng}. */
    public static Tensor dropout(Tensor x, float p, RandomGenerator rng, boolean active) {
        if (p < 0 || p >= 1) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        if (!active || p == 0) {
            return x;
        }
        Tensor u = Tensor.empty(x.backend(), x.shape());
        x.backend().randomUniform(rng.seed(), rng.advance(u.numel()), 0f, 1f, u.buffer(), u.numel());
        // mask = (u > p) / (1 - p)
        x.backend().unary(UnaryOp.STEP, p, 0, u.buffer(), u.buffer(), u.numel());
        x.backend().unary(UnaryOp.AFFINE, 1f / (1f - p), 0, u.buffer(), u.buffer(), u.numel());
        return Elementwise.mul(x, u);
    }
}
