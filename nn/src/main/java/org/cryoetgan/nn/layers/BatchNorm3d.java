package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.ops.Elementwise;
import org.cryoetgan.nn.Module;

/**
 * Batch normalisation of N×C×D×H×W inputs per channel, as PyTorch's {@code nn.BatchNorm3d}: in training mode
 * {@code y = (x − mean)/sqrt(var + eps)·weight + bias} with the mean and biased variance over N·D·H·W of the
 * batch, and the running statistics updated as {@code r ← (1 − momentum)·r + momentum·s} (the variance
 * unbiased); in evaluation mode the running statistics take the batch's place. A batch with a single value per
 * channel carries no variance: it is normalised with eps alone and leaves the running variance unchanged.
 * Built from differentiable tensor ops, so the gradient reaches the input through the batch statistics too.
 *
 * <p>State names: {@code weight}, {@code bias} (parameters), {@code running_mean}, {@code running_var}
 * (buffers); PyTorch's {@code num_batches_tracked} is not kept (it only matters when momentum is unset).
 */
public final class BatchNorm3d extends Module {
    private static final int[] REDUCED_AXES = {0, 2, 3, 4};

    private final int channels;
    private final float eps;
    private final float momentum;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;

    public BatchNorm3d(int channels, float eps, float momentum) {
        if (channels < 1 || !(eps > 0) || !(momentum > 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNorm3d needs channels >= 1, eps > 0 and momentum in (0, 1], got "
                    + channels + ", " + eps + ", " + momentum);
        }
        this.channels = channels;
        this.eps = eps;
        this.momentum = momentum;
        weight = registerParameter("weight", Scope.unscoped(() -> Tensor.ones(channels)));
        bias = registerParameter("bias", Scope.unscoped(() -> Tensor.zeros(channels)));
        runningMean = registerBuffer("running_mean", Scope.unscoped(() -> Tensor.zeros(channels)));
        runningVar = registerBuffer("running_var", Scope.unscoped(() -> Tensor.ones(channels)));
    }

    /** PyTorch's defaults: eps 1e-5, momentum 0.1. */
    public BatchNorm3d(int channels) {
        this(channels, 1e-5f, 0.1f);
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.rank() != 5 || input.size(1) != channels) {
            throw new IllegalArgumentException("BatchNorm3d(" + channels + ") got input "
                    + java.util.Arrays.toString(input.shape()));
        }
        Tensor normalized = isTraining() ? normalizeByBatch(input) : normalizeByRunning(input);
        return normalized.mul(perChannel(weight)).add(perChannel(bias));
    }

    private Tensor normalizeByBatch(Tensor x) {
        long count = x.numel() / channels;
        Tensor mean = x.mean(true, REDUCED_AXES);
        Tensor centered = x.sub(mean);
        Tensor variance = centered.mul(centered).mean(true, REDUCED_AXES);
        updateRunning(mean, variance, count);
        return centered.div(variance.add(eps).sqrt());
    }

    private Tensor normalizeByRunning(Tensor x) {
        return x.sub(perChannel(runningMean)).div(perChannel(runningVar).add(eps).sqrt());
    }

    private void updateRunning(Tensor mean, Tensor variance, long count) {
        try (GradMode g = GradMode.disable(); Scope s = Scope.open()) {
            Elementwise.copyInto(runningMean, runningMean.mul(1 - momentum).add(mean.reshape(channels).mul(momentum)));
            if (count > 1) {
                Tensor unbiased = variance.reshape(channels).mul((float) count / (count - 1));
                Elementwise.copyInto(runningVar, runningVar.mul(1 - momentum).add(unbiased.mul(momentum)));
            }
        }
    }

    private Tensor perChannel(Tensor t) {
        return t.reshape(1, channels, 1, 1, 1);
    }

    public int channels() {
        return channels;
    }

    public Tensor runningMean() {
        return runningMean;
    }

    public Tensor runningVar() {
        return runningVar;
    }

    @Override
    public String toString() {
        return "BatchNorm3d(" + channels + ")";
    }
}
