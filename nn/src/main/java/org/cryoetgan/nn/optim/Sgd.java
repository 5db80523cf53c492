package org.cryoetgan.nn.optim;

import java.util.List;
import org.cryoetgan.engine.Tensor;

/**
 * Stochastic gradient descent with optional momentum (dampening, Nesterov) and L2 weight decay, as PyTorch's
 * {@code torch.optim.SGD}: {@code d = g + wd·p}; {@code buf = d} on the first step, then
 * {@code buf = μ·buf + (1−dampening)·d}; {@code d = nesterov ? d + μ·buf : buf}; {@code p −= lr·d}.
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;

    public Sgd(List<Tensor> params, LearningRateSchedule lr, double momentum, double dampening, boolean nesterov,
               double weightDecay) {
        super(params, lr);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum needs momentum > 0 and zero dampening");
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    /** Plain SGD. */
    public Sgd(List<Tensor> params, double lr) {
        this(params, LearningRateSchedule.constant(lr), 0, 0, false, 0);
    }

    @Override
    protected void update(int index, Tensor p, Tensor g, double lr, long step) {
        Tensor d = withWeightDecay(g, p, weightDecay);
        if (momentum != 0) {
            Tensor buf;
            if (!hasSlot(index, "momentum_buffer")) {
                final Tensor first = d;
                buf = slot(index, "momentum_buffer", () -> copy(first));
            } else {
                buf = slot(index, "momentum_buffer", null);
                affineInPlace(buf, momentum, 0);
                axpy(1 - dampening, d, buf);
            }
            if (nesterov) {
                Tensor n = copy(d);
                axpy(momentum, buf, n);
                d = n;
            } else {
                d = buf;
            }
        }
        axpy(-lr, d, p);
    }
}
