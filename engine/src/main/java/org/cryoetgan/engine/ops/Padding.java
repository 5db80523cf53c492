package org.cryoetgan.engine.ops;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.Node;
import org.cryoetgan.engine.backend.PadMode;

/** Padding of the three spatial axes of N×C×D×H×W tensors: zero, reflect (PyTorch semantics) or replicate. */
public final class Padding {
    private Padding() {
    }

    /** The same padding on every side. */
    public static Tensor pad3d(Tensor x, PadMode mode, int pad) {
        return pad3d(x, mode, new int[] {pad, pad, pad, pad, pad, pad});
    }

    /**
     * Pads by {@code pad = (front, back, top, bottom, left, right)}, i.e. before/after along D, H and W.
     * Reflect padding needs each pad smaller than the size of its axis.
     */
    public static Tensor pad3d(Tensor x, PadMode mode, int[] pad) {
        Convolution.checkRank5(x, "pad3d input");
        if (pad.length != 6) {
            throw new IllegalArgumentException("pad3d needs 6 values (front, back, top, bottom, left, right)");
        }
        int[] in = Convolution.spatial(x);
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            if (pad[2 * i] < 0 || pad[2 * i + 1] < 0) {
                throw new IllegalArgumentException("negative padding");
            }
            if (mode == PadMode.REFLECT && (pad[2 * i] >= in[i] || pad[2 * i + 1] >= in[i])) {
                throw new IllegalArgumentException("reflect padding " + Math.max(pad[2 * i], pad[2 * i + 1])
                        + " must be smaller than the axis size " + in[i]);
            }
            out[i] = in[i] + pad[2 * i] + pad[2 * i + 1];
        }
        int planes = x.size(0) * x.size(1);
        Tensor xd = Kernels.dense(x);
        Tensor y = Tensor.empty(x.backend(), x.size(0), x.size(1), out[0], out[1], out[2]);
        x.backend().pad3d(mode, xd.buffer(), planes, in, pad.clone(), y.buffer());
        int[] padCopy = pad.clone();
        return Node.record(y, "pad3d", g -> new Tensor[] {unpad(g, mode, padCopy, x.shape())}, x);
    }

    /**
     * The adjoint of {@link #pad3d}: each padded voxel's gradient added back onto the voxel it copies (for zero
     * padding, the interior). It is linear in g, and its own gradient is the padding again.
     */
    static Tensor unpad(Tensor g, PadMode mode, int[] pad, int[] inputShape) {
        int planes = inputShape[0] * inputShape[1];
        int[] in = {inputShape[2], inputShape[3], inputShape[4]};
        Tensor dx = Tensor.empty(g.backend(), inputShape);
        g.backend().pad3dBackward(mode, Kernels.dense(g).buffer(), planes, in, pad, dx.buffer());
        return Node.record(dx, "unpad3d", gg -> new Tensor[] {pad3d(gg, mode, pad)}, g);
    }
}
