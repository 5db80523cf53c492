package org.cryoetgan.nn.optim;

import java.util.List;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Elementwise;

/**
 * Adam as PyTorch's {@code torch.optim.Adam} (L2 weight decay added to the gradient, no AMSGrad):
 * {@code m = β1·m + (1−β1)·g}, {@code v = β2·v + (1−β2)·g²},
 * {@code p −= lr/(1−β1^t) · m / (sqrt(v)/sqrt(1−β2^t) + eps)}.
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;

    public Adam(List<Tensor> params, LearningRateSchedule lr, double beta1, double beta2, double eps,
                double weightDecay) {
        super(params, lr);
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1 || eps < 0) {
            throw new IllegalArgumentException("need 0 <= betas < 1 and eps >= 0");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public Adam(List<Tensor> params, double lr) {
        this(params, LearningRateSchedule.constant(lr), 0.9, 0.999, 1e-8, 0);
    }

    @Override
    protected void update(int index, Tensor p, Tensor g, double lr, long step) {
        Tensor d = withWeightDecay(g, p, weightDecay);
        Tensor m = slot(index, "exp_avg", () -> Tensor.zeros(p.backend(), p.shape()));
        Tensor v = slot(index, "exp_avg_sq", () -> Tensor.zeros(p.backend(), p.shape()));
        affineInPlace(m, beta1, 0);
        axpy(1 - beta1, d, m);
        affineInPlace(v, beta2, 0);
        axpy(1 - beta2, d.mul(d), v);
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2 = 1 - Math.pow(beta2, step);
        Tensor denom = Elementwise.sqrt(v);
        affineInPlace(denom, 1 / Math.sqrt(bc2), eps);
        axpy(-lr / bc1, m.div(denom), p);
    }
}
