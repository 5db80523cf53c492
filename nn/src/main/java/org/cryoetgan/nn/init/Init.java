package org.cryoetgan.nn.init;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.ops.Elementwise;

/**
 * In-place initialisers of existing tensors (usually parameters), each drawing from an explicit seeded
 * {@link RandomGenerator}: normal, uniform, constant, Kaiming (He) and Xavier (Glorot), following PyTorch's
 * {@code torch.nn.init} formulas. They do not record the graph.
 */
public final class Init {
    private Init() {
    }

    /** Fills with N(mean, std²). */
    public static void normal(Tensor t, double mean, double std, RandomGenerator rng) {
        fillFrom(t, Tensor.normal(rng, (float) mean, (float) std, t.shape()));
    }

    /** Fills with U[lo, hi). */
    public static void uniform(Tensor t, double lo, double hi, RandomGenerator rng) {
        fillFrom(t, Tensor.uniform(rng, (float) lo, (float) hi, t.shape()));
    }

    public static void constant(Tensor t, double value) {
        fillFrom(t, Tensor.full(t.backend(), (float) value, t.shape()));
    }

    public static void zeros(Tensor t) {
        constant(t, 0);
    }

    /** Kaiming uniform: U(−b, b) with {@code b = gain·sqrt(3/fan)}. */
    public static void kaimingUniform(Tensor t, double slope, FanMode mode, Nonlinearity nl, RandomGenerator rng) {
        double bound = nl.gain(slope) * Math.sqrt(3.0 / Fans.of(t.shape()).select(mode));
        uniform(t, -bound, bound, rng);
    }

    /** Kaiming normal: N(0, std²) with {@code std = gain/sqrt(fan)}. */
    public static void kaimingNormal(Tensor t, double slope, FanMode mode, Nonlinearity nl, RandomGenerator rng) {
        normal(t, 0, nl.gain(slope) / Math.sqrt(Fans.of(t.shape()).select(mode)), rng);
    }

    /** Xavier uniform: U(−b, b) with {@code b = gain·sqrt(6/(fanIn + fanOut))}. */
    public static void xavierUniform(Tensor t, double gain, RandomGenerator rng) {
        Fans f = Fans.of(t.shape());
        double bound = gain * Math.sqrt(6.0 / (f.fanIn() + f.fanOut()));
        uniform(t, -bound, bound, rng);
    }

    /** Xavier normal: N(0, std²) with {@code std = gain·sqrt(2/(fanIn + fanOut))}. */
    public static void xavierNormal(Tensor t, double gain, RandomGenerator rng) {
        Fans f = Fans.of(t.shape());
        normal(t, 0, gain * Math.sqrt(2.0 / (f.fanIn() + f.fanOut())), rng);
    }

    /**
     * PyTorch's default for convolution and linear layers: Kaiming uniform with slope √5, i.e. U(−b, b) with
     * {@code b = 1/sqrt(fanIn)}; the bias (if any) from the same range.
     */
    public static void torchDefault(Tensor weight, Tensor bias, RandomGenerator rng) {
        kaimingUniform(weight, Math.sqrt(5), FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, rng);
        if (bias != null) {
            double bound = 1.0 / Math.sqrt(Fans.of(weight.shape()).fanIn());
            uniform(bias, -bound, bound, rng);
        }
    }

    private static void fillFrom(Tensor target, Tensor values) {
        try (values; GradMode g = GradMode.disable()) {
            Elementwise.copyInto(target, values);
        }
    }
}
