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
        int[] s = new int[shape.length];
        long[][] st = new long[ops][shape.length];
        int r = 0;
        long n = 1;
        for (int ax = 0; ax < shape.length; ax++) {
            n *= shape[ax];
            if (shape[ax] == 1) {
                continue;
            }
            boolean merge = r > 0;
            for (int o = 0; o < ops && merge; o++) {
                merge = st[o][r - 1] == operandStrides[o][ax] * shape[ax];
            }
            if (merge) {
                s[r - 1] *= shape[ax];
                for (int o = 0; o < ops; o++) {
                    st[o][r - 1] = operandStrides[o][ax];
                }
            } else {
                s[r] = shape[ax];
                for (int o = 0; o < ops; o++) {
                    st[o][r] = operandStrides[o][ax];
                }
                r++;
            }
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
