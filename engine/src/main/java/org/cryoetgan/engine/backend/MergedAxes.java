package org.cryoetgan.engine.backend;

import java.util.Arrays;

/**
 * The shape and per-operand strides of a strided loop after dropping size-1 axes and merging adjacent axes that
 * are contiguous for every operand; backends use it to run strided kernels over as few, as long axes as possible.
 * A loop with no axis left (one element) has rank 0.
 *
 * @param shape   the merged sizes
 * @param strides {@code strides[operand][axis]} for the merged axes
 */
public record MergedAxes(int[] shape, long[][] strides) {

    /** Merges the axes of {@code shape} for operands with the given strides. */
    public static MergedAxes of(int[] shape, long[]... operandStrides) {
        int ops = operandStrides.length;
        int[] s = new int[shape.length];
        long[][] st = new long[ops][shape.length];
        int r = 0;
        for (int ax = 0; ax < shape.length; ax++) {
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
        long[][] fst = new long[ops][];
        for (int o = 0; o < ops; o++) {
            fst[o] = Arrays.copyOf(st[o], r);
        }
        return new MergedAxes(Arrays.copyOf(s, r), fst);
    }

    public int rank() {
        return shape.length;
    }
}
