package org.cryoetgan.engine.cpu;

/**
 * Index arithmetic for strided loops: merges adjacent axes that are contiguous for every operand, and walks a
 * range of linear output indices row by row.
 */
final class StridedLoop {
    final int[] shape;
    /** strides[operand][axis]. */
    final long[][] strides;

    private StridedLoop(int[] shape, long[][] strides) {
        this.shape = shape;
        this.strides = strides;
    }

    /** Coalesces axes of {@code shape} for the given operands' strides; drops size-1 axes. */
    static StridedLoop of(int[] shape, long[]... operandStrides) {
        org.cryoetgan.engine.backend.MergedAxes m = org.cryoetgan.engine.backend.MergedAxes.of(shape, operandStrides);
        if (m.rank() == 0) {
            return new StridedLoop(new int[] {1}, new long[operandStrides.length][1]);
        }
        return new StridedLoop(m.shape(), m.strides());
    }

    long numel() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    int innerSize() {
        return shape[shape.length - 1];
    }

    /** Row callback: operand base offsets for a run of {@code len} elements along the last axis. */
    interface Row {
        void run(long[] base, int len);
    }

    /** Visits linear indices [from, to) as runs along the last axis. {@code base[o]} starts at {@code offsets[o]}. */
    void walk(long from, long to, long[] offsets, Row row) {
        int rank = shape.length;
        int ops = strides.length;
        int[] idx = new int[rank];
        long rem = from;
        for (int ax = rank - 1; ax >= 0; ax--) {
            idx[ax] = (int) (rem % shape[ax]);
            rem /= shape[ax];
        }
        long[] base = new long[ops];
        long pos = from;
        while (pos < to) {
            for (int o = 0; o < ops; o++) {
                long b = offsets[o];
                for (int ax = 0; ax < rank; ax++) {
                    b += idx[ax] * strides[o][ax];
                }
                base[o] = b;
            }
            int len = (int) Math.min(shape[rank - 1] - idx[rank - 1], to - pos);
            row.run(base, len);
            pos += len;
            idx[rank - 1] += len;
            for (int ax = rank - 1; ax > 0 && idx[ax] >= shape[ax]; ax--) {
                idx[ax] = 0;
                idx[ax - 1]++;
            }
        }
    }
}
