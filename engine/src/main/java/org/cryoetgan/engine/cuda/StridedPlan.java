package org.cryoetgan.engine.cuda;

import java.util.Arrays;

/**
 * The shape and per-operand strides of a strided kernel after dropping size-1 axes and merging axes that are
 * contiguous for every operand, left-padded to the five axes the kernels take ({@code d0} is implied by the
 * element count).
 */
final class StridedPlan {
    static final int RANK = 5;
    final int[] dims = new int[RANK];
    /** strides[operand][axis]. */
    final long[][] strides;
    final long numel;

    StridedPlan(int[] shape, long[]... operandStrides) {
        int ops = operandStrides.length;
        org.cryoetgan.engine.backend.MergedAxes m = org.cryoetgan.engine.backend.MergedAxes.of(shape, operandStrides);
        int[] s = m.shape();
        long[][] st = m.strides();
        int r = m.rank();
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (r > RANK) {
            throw new IllegalArgumentException("strided kernel over more than " + RANK + " non-mergeable axes: shape "
                    + Arrays.toString(shape));
        }
        numel = n;
        strides = new long[ops][RANK];
        Arrays.fill(dims, 1);
        int pad = RANK - r;
        for (int i = 0; i < r; i++) {
            dims[pad + i] = s[i];
            for (int o = 0; o < ops; o++) {
                strides[o][pad + i] = st[o][i];
            }
        }
    }

    /** Appends n, d1..d4 (the kernels' shape arguments). */
    KernelArgs shapeArgs(KernelArgs a) {
        return a.l(numel).ints(dims[1], dims[2], dims[3], dims[4]);
    }

    /** Appends the five strides of operand {@code o}. */
    KernelArgs strideArgs(KernelArgs a, int o) {
        for (long v : strides[o]) {
            a.l(v);
        }
        return a;
    }
}
