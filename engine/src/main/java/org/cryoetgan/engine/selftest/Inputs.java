package org.cryoetgan.engine.selftest;

import java.util.Random;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.backend.Backend;

/** Deterministic test tensors: the same seed gives the same values on every backend. */
final class Inputs {
    private final Backend backend;
    private final Random rnd;

    Inputs(Backend backend, long seed) {
        this.backend = backend;
        this.rnd = new Random(seed);
    }

    /** Uniform values in [lo, hi) of the given shape, on the backend. */
    Tensor uniform(float lo, float hi, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * rnd.nextFloat();
        }
        return Tensor.of(backend, v, shape);
    }

    /** A leaf that records gradients. */
    Tensor param(float lo, float hi, int... shape) {
        return uniform(lo, hi, shape).requiresGrad(true);
    }
}
