package org.cryoetgan.nn.optim;

import java.util.Arrays;
import java.util.Map;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.backend.UnaryOp;
import org.cryoetgan.engine.ops.Elementwise;
import org.cryoetgan.nn.Module;

/**
 * An exponential moving average of a module's weights, kept in a second module of the same architecture (the
 * "EMA generator" of GAN practice): after update {@code t},
 * <pre>
 *   average = d_t · average + (1 − d_t) · source,   d_t = min(decay, (1 + t) / (10 + t))
 * </pre>
 * for every parameter, and buffers copied as they are. The warm-up of {@code d_t} lets short runs forget the
 * initial weights (with decay 0.999 the average spans about 10 steps at first, 100 after 1000). The average is a
 * pure function of the source's weight history and {@code t}, so a run resumed with the average restored and
 * {@code t} set repeats exactly.
 */
public final class WeightAverage {
    private final Module source;
    private final Module average;
    private final double decay;
    private long updates;

    /**
     * Starts the average at the source's current weights.
     *
     * @param source  the trained module
     * @param average a module with the same state names and shapes, overwritten
     * @param decay   the long-run decay in [0, 1)
     */
    public WeightAverage(Module source, Module average, double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("the weight-average decay must be in [0, 1), got " + decay);
        }
        this.source = source;
        this.average = average;
        this.decay = decay;
        average.loadStateDict(source.stateDict(), true);
    }

    /** The module holding the averaged weights. */
    public Module average() {
        return average;
    }

    /** Updates done so far. */
    public long updates() {
        return updates;
    }

    /** Sets the update count (when the average was restored from a checkpoint after {@code n} updates). */
    public void setUpdates(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("update count must be >= 0, got " + n);
        }
        updates = n;
    }

    /** The decay that update number {@code t} (1-based) uses. */
    public double decayAt(long t) {
        return Math.min(decay, (1.0 + t) / (10.0 + t));
    }

    /** Moves the average toward the source's current weights and copies its buffers. */
    public void update() {
        updates++;
        float d = (float) decayAt(updates);
        Map<String, Tensor> from = source.namedParameters();
        Map<String, Tensor> to = average.namedParameters();
        try (GradMode g = GradMode.disable()) {
            for (Map.Entry<String, Tensor> e : to.entrySet()) {
                Tensor s = from.get(e.getKey());
                if (s == null || !Arrays.equals(s.shape(), e.getValue().shape())) {
                    throw new IllegalStateException("the averaged module has '" + e.getKey()
                            + "' that the source lacks or shapes differently");
                }
                Elementwise.unaryInPlace(UnaryOp.AFFINE, d, 0f, e.getValue());
                Elementwise.axpyInPlace(1f - d, s, e.getValue());
            }
            Map<String, Tensor> fromBuffers = source.namedBuffers();
            average.namedBuffers().forEach((name, b) -> Elementwise.copyInto(b, fromBuffers.get(name)));
        }
    }
}
