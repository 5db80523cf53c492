package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.Module;

/**
 * Inverted dropout with probability {@code p}, active in training mode. In Monte-Carlo mode it stays active in
 * evaluation mode too, so that repeated forward passes sample the predictive distribution (MC-dropout). Masks
 * come from the layer's own seeded generator.
 */
public final class Dropout extends Module {
    private final float p;
    private RandomGenerator rng;
    private boolean monteCarlo;

    public Dropout(float p, RandomGenerator rng) {
        if (p < 0 || p >= 1) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        this.p = p;
        this.rng = rng;
    }

    /** Replaces the generator the masks come from (for reproducible sampling and exact resumption). */
    public Dropout generator(RandomGenerator generator) {
        this.rng = java.util.Objects.requireNonNull(generator);
        return this;
    }

    /** Keeps dropout active in evaluation mode when {@code on}. */
    public Dropout monteCarlo(boolean on) {
        this.monteCarlo = on;
        return this;
    }

    public boolean isMonteCarlo() {
        return monteCarlo;
    }

    /** Sets Monte-Carlo mode on every dropout layer under {@code root}; returns how many were found. */
    public static int setMonteCarlo(Module root, boolean on) {
        int n = 0;
        for (Module m : root.modules()) {
            if (m instanceof Dropout d) {
                d.monteCarlo(on);
                n++;
            }
        }
        return n;
    }

    /** Whether the next forward pass drops elements. */
    public boolean isActive() {
        return isTraining() || monteCarlo;
    }

    @Override
    public Tensor forward(Tensor input) {
        return org.cryoetgan.engine.ops.Dropout.dropout(input, p, rng, isActive());
    }

    @Override
    public String toString() {
        return "Dropout(" + p + (monteCarlo ? ", mc" : "") + ")";
    }
}
