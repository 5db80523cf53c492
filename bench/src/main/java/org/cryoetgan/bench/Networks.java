package org.cryoetgan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.ops.Convolution;
import org.cryoetgan.engine.ops.Movement;
import org.cryoetgan.engine.ops.Normalization;
import org.cryoetgan.engine.ops.Padding;

/**
 * The networks that {@link NetworkTiming} times, composed directly from engine ops (the nn module is not used) on
 * the default backend: the CryoETGAN generator (c7s1-32, d64, d128, 6 residual blocks, noise channel, u64, u32,
 * c7s1-1; instance norm without affine parameters, no dropout) and the critic (C64, C128, C256, 256→1, 4³ convs
 * with padding 1, LeakyReLU 0.2, instance norm except on the first; no spectral norm) at stride 1 or 2. Mirrored
 * by {@code compare_pytorch.py}.
 */
final class Networks {
    /** A network: its parameters (gradients on) and its forward pass on a batch {@code N × 1 × n³}. */
    record Net(List<Tensor> params, UnaryOperator<Tensor> forward) {
    }

    private Networks() {
    }

    /** Parameters of one conv: weight and bias. */
    private record Conv(Tensor w, Tensor b) {
        static Conv of(RandomGenerator rng, List<Tensor> params, int... wShape) {
            int fanIn = wShape[1] * wShape[2] * wShape[3] * wShape[4];
            return make(rng, params, (float) (1 / Math.sqrt(fanIn)), wShape[0], wShape);
        }

        /** A transposed conv weight is C_in × C_out × k³; its bias has C_out entries. */
        static Conv transposed(RandomGenerator rng, List<Tensor> params, int cin, int cout, int k) {
            return make(rng, params, (float) (1 / Math.sqrt(cin * k * k * k)), cout, cin, cout, k, k, k);
        }

        private static Conv make(RandomGenerator rng, List<Tensor> params, float std, int biasSize, int... wShape) {
            Conv c = Scope.unscoped(() -> new Conv(Tensor.normal(rng, 0, std, wShape).requiresGrad(true),
                    Tensor.normal(rng, 0, std, biasSize).requiresGrad(true)));
            params.add(c.w);
            params.add(c.b);
            return c;
        }
    }

    private static Tensor norm(Tensor x) {
        return Normalization.instanceNorm3d(x, null, null, 1e-5f);
    }

    /** The generator (any batch; the noise channel is drawn per call). */
    static Net generator(RandomGenerator rng) {
        List<Tensor> params = new ArrayList<>();
        Conv c1 = Conv.of(rng, params, 32, 1, 7, 7, 7);
        Conv d1 = Conv.of(rng, params, 64, 32, 3, 3, 3);
        Conv d2 = Conv.of(rng, params, 128, 64, 3, 3, 3);
        List<Conv> res = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            res.add(Conv.of(rng, params, 128, 128, 3, 3, 3));
        }
        Conv u1 = Conv.transposed(rng, params, 129, 64, 3);
        Conv u2 = Conv.transposed(rng, params, 64, 32, 3);
        Conv c2 = Conv.of(rng, params, 1, 32, 7, 7, 7);
        return new Net(params, x -> {
            Tensor h = Convolution.conv3d(Padding.pad3d(x, PadMode.REFLECT, 3), c1.w, c1.b, 1, 0);
            h = norm(h).relu();
            h = norm(Convolution.conv3d(h, d1.w, d1.b, 2, 1)).relu();
            h = norm(Convolution.conv3d(h, d2.w, d2.b, 2, 1)).relu();
            for (int i = 0; i < 12; i += 2) {
                Tensor r = norm(Convolution.conv3d(Padding.pad3d(h, PadMode.REFLECT, 1), res.get(i).w,
                        res.get(i).b, 1, 0)).relu();
                r = norm(Convolution.conv3d(Padding.pad3d(r, PadMode.REFLECT, 1), res.get(i + 1).w,
                        res.get(i + 1).b, 1, 0));
                h = h.add(r);
            }
            Tensor noise = Tensor.randn(rng, h.size(0), 1, h.size(2), h.size(3), h.size(4));
            h = Movement.concat(1, h, noise);
            h = norm(Convolution.convTranspose3d(h, u1.w, u1.b, 2, 1, 1)).relu();
            h = norm(Convolution.convTranspose3d(h, u2.w, u2.b, 2, 1, 1)).relu();
            return Convolution.conv3d(Padding.pad3d(h, PadMode.REFLECT, 3), c2.w, c2.b, 1, 0).tanh();
        });
    }

    /** The critic at the given stride (the last conv is always stride 1). */
    static Net critic(RandomGenerator rng, int stride) {
        List<Tensor> params = new ArrayList<>();
        Conv a = Conv.of(rng, params, 64, 1, 4, 4, 4);
        Conv b = Conv.of(rng, params, 128, 64, 4, 4, 4);
        Conv c = Conv.of(rng, params, 256, 128, 4, 4, 4);
        Conv d = Conv.of(rng, params, 1, 256, 4, 4, 4);
        return new Net(params, x -> {
            Tensor h = Convolution.conv3d(x, a.w, a.b, stride, 1).leakyRelu(0.2f);
            h = norm(Convolution.conv3d(h, b.w, b.b, stride, 1)).leakyRelu(0.2f);
            h = norm(Convolution.conv3d(h, c.w, c.b, stride, 1)).leakyRelu(0.2f);
            return Convolution.conv3d(h, d.w, d.b, 1, 1);
        });
    }
}
