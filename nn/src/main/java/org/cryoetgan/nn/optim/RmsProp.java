package org.cryoetgan.nn.optim;

import java.util.List;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Elementwise;

/**
 * RMSProp in either {@link RmsPropConvention}, with optional momentum, centering (subtracting the squared
 * mean gradient) and L2 weight decay (added to the gradient in both conventions).
 */
public final class RmsProp extends Optimizer {

    /**
     * @param decay   α (PyTorch) or ρ (TensorFlow): the mean-square decay
     * @param eps     added outside (PyTorch) or inside (TensorFlow) the square root
     */
    public record Options(double decay, double eps, double momentum, boolean centered, double weightDecay,
                          RmsPropConvention convention) {

        /** PyTorch's defaults: α 0.99, eps 1e-8. */
        public static Options pytorch() {
            return new Options(0.99, 1e-8, 0, false, 0, RmsPropConvention.PYTORCH);
        }

        /** TF1's defaults: decay 0.9, epsilon 1e-10, mean square initialised to ones. */
        public static Options tensorflow() {
            return new Options(0.9, 1e-10, 0, false, 0, RmsPropConvention.TENSORFLOW);
        }

        public Options withDecay(double d) {
            return new Options(d, eps, momentum, centered, weightDecay, convention);
        }

        public Options withEps(double e) {
            return new Options(decay, e, momentum, centered, weightDecay, convention);
        }

        public Options withMomentum(double m) {
            return new Options(decay, eps, m, centered, weightDecay, convention);
        }

        public Options withCentered(boolean c) {
            return new Options(decay, eps, momentum, c, weightDecay, convention);
        }

        public Options withWeightDecay(double wd) {
            return new Options(decay, eps, momentum, centered, wd, convention);
        }
    }

    private final Options o;

    public RmsProp(List<Tensor> params, LearningRateSchedule lr, Options options) {
        super(params, lr);
        this.o = options;
    }

    @Override
    protected void update(int index, Tensor p, Tensor g0, double lr, long step) {
        Tensor g = withWeightDecay(g0, p, o.weightDecay());
        boolean tf = o.convention() == RmsPropConvention.TENSORFLOW;
        Tensor ms = slot(index, "square_avg", () -> Tensor.full(p.backend(), tf ? 1f : 0f, p.shape()));
        Tensor gg = g.mul(g);
        if (tf) {
            axpy(1 - o.decay(), gg.sub(ms), ms);
        } else {
            affineInPlace(ms, o.decay(), 0);
            axpy(1 - o.decay(), gg, ms);
        }
        Tensor meanSquare = ms;
        if (o.centered()) {
            Tensor mg = slot(index, "grad_avg", () -> Tensor.zeros(p.backend(), p.shape()));
            if (tf) {
                axpy(1 - o.decay(), g.sub(mg), mg);
            } else {
                affineInPlace(mg, o.decay(), 0);
                axpy(1 - o.decay(), g, mg);
            }
            meanSquare = ms.sub(mg.mul(mg));
        }
        Tensor denom;
        if (tf) {
            denom = Elementwise.sqrt(meanSquare.add((float) o.eps()));
        } else {
            denom = Elementwise.sqrt(meanSquare);
            affineInPlace(denom, 1, o.eps());
        }
        Tensor ratio = g.div(denom);
        if (tf) {
            // mom = μ·mom + lr·g/sqrt(ms+eps); p −= mom  (TF keeps a momentum slot even when μ = 0)
            Tensor mom = slot(index, "momentum", () -> Tensor.zeros(p.backend(), p.shape()));
            affineInPlace(mom, o.momentum(), 0);
            axpy(lr, ratio, mom);
            axpy(-1, mom, p);
        } else if (o.momentum() > 0) {
            Tensor buf = slot(index, "momentum_buffer", () -> Tensor.zeros(p.backend(), p.shape()));
            affineInPlace(buf, o.momentum(), 0);
            axpy(1, ratio, buf);
            axpy(-lr, buf, p);
        } else {
            axpy(-lr, ratio, p);
        }
    }
}
