package org.cryoetgan.engine.ops;

import org.cryoetgan.engine.Shape;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.backend.BinaryOp;
import org.cryoetgan.engine.backend.UnaryOp;

/** Launches backend kernels for tensors: allocation of the output and stride bookkeeping, no autograd. */
final class Kernels {
    private Kernels() {
    }

    static Tensor unary(UnaryOp op, float a, float b, Tensor x) {
        Tensor xc = dense(x);
        Tensor out = Tensor.empty(x.backend(), x.shape());
        x.backend().unary(op, a, b, xc.buffer(), out.buffer(), out.numel());
        return out;
    }

    /** x's buffer, requiring a contiguous tensor that starts at offset 0 of its storage. */
    static org.cryoetgan.engine.backend.Buffer view(Tensor t) {
        if (t.offset() != 0 || !t.isContiguous()) {
            throw new IllegalStateException("kernel needs a contiguous tensor at offset 0");
        }
        return t.buffer();
    }

    /** A contiguous tensor at storage offset 0 (copying when needed). */
    static Tensor dense(Tensor t) {
        return t.isContiguous() && t.offset() == 0 ? t : Movement.contiguousCopy(t);
    }

    static Tensor binary(BinaryOp op, float a, float b, Tensor x, Tensor y) {
        int[] shape = Shape.broadcast(x.shape(), y.shape());
        checkSameBackend(x, y);
        Tensor out = Tensor.empty(x.backend(), shape);
        x.backend().binary(op, a, b, x.buffer(), x.offset(), Shape.broadcastStrides(x.shape(), x.strides(), shape),
                y.buffer(), y.offset(), Shape.broadcastStrides(y.shape(), y.strides(), shape), out.buffer(), shape);
        return out;
    }

    static void checkSameBackend(Tensor x, Tensor y) {
        if (x.backend() != y.backend()) {
            throw new IllegalArgumentException("tensors live on different backends: " + x.backend().name() + " and "
                    + y.backend().name());
        }
    }
}
