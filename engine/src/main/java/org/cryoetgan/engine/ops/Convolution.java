package org.cryoetgan.engine.ops;

import java.util.Arrays;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.Autograd;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.autograd.Node;
import org.cryoetgan.engine.backend.BinaryOp;
import org.cryoetgan.engine.backend.ConvGeometry;

/**
 * 3-D convolution and transposed convolution on N×C×D×H×W tensors, with PyTorch's weight layouts:
 * conv3d weight C_out×C_in×kD×kH×kW, convTranspose3d weight C_in×C_out×kD×kH×kW. A transposed convolution is the
 * backward-data pass of the convolution with the same weight, so both share the backend's three kernels.
 */
public final class Convolution {
    private Convolution() {
    }

    /** Stride, padding and dilation per axis (D, H, W). */
    public static int[] triple(int v) {
        return new int[] {v, v, v};
    }

    public static Tensor conv3d(Tensor x, Tensor w, Tensor bias, int stride, int padding) {
        return conv3d(x, w, bias, triple(stride), triple(padding), triple(1));
    }

    public static Tensor conv3d(Tensor x, Tensor w, Tensor bias, int[] stride, int[] padding, int[] dilation) {
        checkRank5(x, "conv3d input");
        checkRank5(w, "conv3d weight");
        if (w.size(1) != x.size(1)) {
            throw new IllegalArgumentException("conv3d: input has " + x.size(1) + " channels, weight expects "
                    + w.size(1) + " (weight " + Arrays.toString(w.shape()) + ")");
        }
        checkBias(bias, w.size(0));
        ConvGeometry g = new ConvGeometry(x.size(0), x.size(1), spatial(x), w.size(0), spatial(w), stride, padding,
                dilation);
        Tensor xd = Kernels.dense(x);
        Tensor wd = Kernels.dense(w);
        Tensor bd = bias == null ? null : Kernels.dense(bias);
        Tensor y = Tensor.empty(x.backend(), g.batch, g.outChannels, g.out[0], g.out[1], g.out[2]);
        x.backend().conv3d(g, xd.buffer(), wd.buffer(), bd == null ? null : bd.buffer(), y.buffer());
        return Node.record(y, "conv3d", gy -> {
            Tensor dx = Autograd.needsGrad(x) ? ConvPasses.data(g, gy, wd) : null;
            Tensor dw = null;
            Tensor db = null;
            boolean needsBias = bias != null && Autograd.needsGrad(bias);
            if (GradMode.isEnabled()) {
                // recorded backward (createGraph): each gradient an op of the graph
                dw = Autograd.needsGrad(w) ? ConvPasses.weight(g, xd, gy) : null;
                db = needsBias ? Reductions.sum(gy, false, 0, 2, 3, 4) : null;
            } else if (Autograd.needsGrad(w) || needsBias) {
                // the fused kernel computes the weight and bias gradients in one pass
                Tensor gyd = Kernels.dense(gy);
                dw = Tensor.empty(x.backend(), w.shape());
                db = bias == null ? null : Tensor.empty(x.backend(), bias.shape());
                x.backend().conv3dBackwardWeight(g, xd.buffer(), gyd.buffer(), dw.buffer(),
                        db == null ? null : db.buffer());
            }
            return new Tensor[] {dx, dw, db};
        }, x, w, bias);
    }

    public static Tensor convTranspose3d(Tensor x, Tensor w, Tensor bias, int stride, int padding, int outputPadding) {
        return convTranspose3d(x, w, bias, triple(stride), triple(padding), triple(outputPadding), triple(1));
    }

    /**
     * Transposed convolution; output size per axis {@code (in−1)·stride − 2·padding + dilation·(k−1) +
     * outputPadding + 1}, with {@code outputPadding < stride}.
     */
    public static Tensor convTranspose3d(Tensor x, Tensor w, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int[] dilation) {
        checkRank5(x, "convTranspose3d input");
        checkRank5(w, "convTranspose3d weight");
        if (w.size(0) != x.size(1)) {
            throw new IllegalArgumentException("convTranspose3d: input has " + x.size(1)
                    + " channels, weight expects " + w.size(0) + " (weight " + Arrays.toString(w.shape()) + ")");
        }
        checkBias(bias, w.size(1));
        int[] k = spatial(w);
        int[] outSize = new int[3];
        for (int i = 0; i < 3; i++) {
            if (outputPadding[i] < 0 || (outputPadding[i] >= stride[i] && outputPadding[i] >= dilation[i])) {
                throw new IllegalArgumentException("output padding " + Arrays.toString(outputPadding)
                        + " must be smaller than stride or dilation");
            }
            outSize[i] = (x.size(2 + i) - 1) * stride[i] - 2 * padding[i] + dilation[i] * (k[i] - 1)
                    + outputPadding[i] + 1;
        }
        ConvGeometry g = new ConvGeometry(x.size(0), w.size(1), outSize, w.size(0), k, stride, padding, dilation);
        if (!Arrays.equals(g.out, spatial(x))) {
            throw new IllegalStateException("convTranspose3d geometry mismatch " + g);
        }
        Tensor xd = Kernels.dense(x);
        Tensor wd = Kernels.dense(w);
        Tensor y = Tensor.empty(x.backend(), g.batch, g.inChannels, outSize[0], outSize[1], outSize[2]);
        x.backend().conv3dBackwardData(g, xd.buffer(), wd.buffer(), y.buffer());
        if (bias != null) {
            Tensor b5 = Tensor.noGrad(() -> Movement.reshape(bias, 1, bias.size(0), 1, 1, 1));
            Elementwise.binaryInPlace(BinaryOp.ADD, y, b5);
        }
        return Node.record(y, "convTranspose3d", gy -> new Tensor[] {
                Autograd.needsGrad(x) ? ConvPasses.forward(g, gy, wd) : null,
                Autograd.needsGrad(w) ? ConvPasses.weight(g, gy, xd) : null,
                bias != null && Autograd.needsGrad(bias) ? Reductions.sum(gy, false, 0, 2, 3, 4) : null}, x, w, bias);
    }

    static int[] spatial(Tensor t) {
        return new int[] {t.size(2), t.size(3), t.size(4)};
    }

    static void checkRank5(Tensor t, String what) {
        if (t.rank() != 5) {
            throw new IllegalArgumentException(what + " must be rank 5 (N,C,D,H,W), got "
                    + Arrays.toString(t.shape()));
        }
    }

    private static void checkBias(Tensor bias, int channels) {
        if (bias != null && (bias.rank() != 1 || bias.size(0) != channels)) {
            throw new IllegalArgumentException("bias must have shape [" + channels + "], got "
                    + Arrays.toString(bias.shape()));
        }
    }
}
