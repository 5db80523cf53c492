package org.cryoetgan.engine.ops;

import java.util.Arrays;
import org.cryoetgan.engine.Tensor;

/** Mean-reduced losses: L1, MSE, binary cross-entropy with logits, log-softmax and cross-entropy. */
public final class Losses {
    private Losses() {
    }

    /** mean |a − b|. */
    public static Tensor l1(Tensor a, Tensor b) {
        return Reductions.mean(Elementwise.abs(Elementwise.sub(a, b)));
    }

    /** mean (a − b)². */
    public static Tensor mse(Tensor a, Tensor b) {
        return Reductions.mean(Elementwise.pow(Elementwise.sub(a, b), 2f));
    }

    /** mean of {@code softplus(x) − x·y}: the stable form of BCE(sigmoid(x), y). */
    public static Tensor bceWithLogits(Tensor logits, Tensor targets) {
        return Reductions.mean(Elementwise.sub(Activations.softplus(logits), Elementwise.mul(logits, targets)));
    }

    /** log-softmax along an axis, stabilised by subtracting the (constant) maximum. */
    public static Tensor logSoftmax(Tensor x, int axis) {
        Tensor m = Reductions.max(x.detach(), axis);
        Tensor shifted = Elementwise.sub(x, m);
        Tensor lse = Elementwise.log(Reductions.sum(Elementwise.exp(shifted), true, axis));
        return Elementwise.sub(shifted, lse);
    }

    /** Cross-entropy of logits [N, C] against class indices, averaged over N. */
    public static Tensor crossEntropy(Tensor logits, int[] labels) {
        if (logits.rank() != 2 || logits.size(0) != labels.length) {
            throw new IllegalArgumentException("crossEntropy needs logits [N, C] and N labels, got "
                    + Arrays.toString(logits.shape()) + " and " + labels.length + " labels");
        }
        int n = logits.size(0);
        int c = logits.size(1);
        float[] onehot = new float[n * c];
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= c) {
                throw new IllegalArgumentException("label " + labels[i] + " outside 0.." + (c - 1));
            }
            onehot[i * c + labels[i]] = -1f / n;
        }
        Tensor weights = Tensor.of(logits.backend(), onehot, n, c);
        return Reductions.sum(Elementwise.mul(logSoftmax(logits, 1), weights));
    }
}
