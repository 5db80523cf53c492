package org.cryoetgan.engine.ops;

import java.util.Arrays;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.Autograd;
import org.cryoetgan.engine.autograd.Node;

/** Matrix products: 2-D {@code [M,K]·[K,N]} and batched {@code [B,M,K]·[B,K,N]} (or a shared 2-D right side). */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    public static Tensor matmul(Tensor a, Tensor b) {
        Kernels.checkSameBackend(a, b);
        if (a.rank() == 2 && b.rank() == 2) {
            return matmul2d(a, b);
        }
        if (a.rank() == 3 && (b.rank() == 3 || b.rank() == 2)) {
            return batched(a, b);
        }
        throw new IllegalArgumentException("matmul supports [M,K]·[K,N] and [B,M,K]·[B,K,N], got "
                + Arrays.toString(a.shape()) + " · " + Arrays.toString(b.shape()));
    }

    private static Tensor matmul2d(Tensor a, Tensor b) {
        int m = a.size(0);
        int k = a.size(1);
        int n = b.size(1);
        if (b.size(0) != k) {
            throw new IllegalArgumentException("matmul: inner sizes differ, " + Arrays.toString(a.shape()) + " · "
                    + Arrays.toString(b.shape()));
        }
        Tensor out = Tensor.empty(a.backend(), m, n);
        gemmInto(a, b, out, 0f);
        return Node.record(out, "matmul", g -> new Tensor[] {
                Autograd.needsGrad(a) ? matmul2d(g, b.transpose(0, 1)) : null,
                Autograd.needsGrad(b) ? matmul2d(a.transpose(0, 1), g) : null}, a, b);
    }

    private static Tensor batched(Tensor a, Tensor b) {
        int batch = a.size(0);
        boolean shared = b.rank() == 2;
        if (!shared && b.size(0) != batch) {
            throw new IllegalArgumentException("matmul: batch sizes differ, " + Arrays.toString(a.shape()) + " · "
                    + Arrays.toString(b.shape()));
        }
        Tensor[] outs = new Tensor[batch];
        for (int i = 0; i < batch; i++) {
            Tensor ai = Movement.reshape(Movement.narrow(a, 0, i, 1), a.size(1), a.size(2));
            Tensor bi = shared ? b : Movement.reshape(Movement.narrow(b, 0, i, 1), b.size(1), b.size(2));
            outs[i] = Movement.reshape(matmul2d(ai, bi), 1, a.size(1), b.size(-1));
        }
        return Movement.concat(0, outs);
    }

    /** {@code out = a·b + beta·out} for 2-D tensors, choosing transposition flags from the views' strides. */
    static void gemmInto(Tensor a, Tensor b, Tensor out, float beta) {
        Tensor ad = gemmOperand(a);
        Tensor bd = gemmOperand(b);
        int m = a.size(0);
        int k = a.size(1);
        int n = b.size(1);
        // a unit stride along columns means row-major storage; otherwise the view is column-major (transposed)
        boolean ta = ad.strides()[1] != 1;
        boolean tb = bd.strides()[1] != 1;
        int lda = (int) (ta ? Math.max(ad.strides()[1], m) : Math.max(ad.strides()[0], k));
        int ldb = (int) (tb ? Math.max(bd.strides()[1], k) : Math.max(bd.strides()[0], n));
        a.backend().gemm(ta, tb, m, n, k, 1f, ad.buffer(), ad.offset(), lda, bd.buffer(), bd.offset(), ldb, beta,
                out.buffer(), out.offset(), n);
    }

    /** The tensor itself when it is row- or column-major with unit stride, else a contiguous copy. */
    private static Tensor gemmOperand(Tensor t) {
        long[] s = t.strides();
        if (s[1] == 1 || s[0] == 1) {
            return t;
        }
        return Movement.contiguousCopy(t);
    }
}
