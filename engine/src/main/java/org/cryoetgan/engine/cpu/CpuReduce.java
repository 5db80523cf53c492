package org.cryoetgan.engine.cpu;

import org.cryoetgan.engine.backend.ReduceOp;

/** Axis reductions of contiguous tensors; sums accumulate in double. */
final class CpuReduce {
    private CpuReduce() {
    }

    static void reduce(Parallel par, ReduceOp op, float[] x, int[] shape, boolean[] flags, float[] out) {
        // merge adjacent axes with the same flag (the input is contiguous)
        int[] s = new int[shape.length];
        boolean[] f = new boolean[shape.length];
        int r = 0;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 1) {
                continue;
            }
            if (r > 0 && f[r - 1] == flags[i]) {
                s[r - 1] *= shape[i];
            } else {
                s[r] = shape[i];
                f[r] = flags[i];
                r++;
            }
        }
        if (r == 0) {
            out[0] = x[0];
            return;
        }
        long[] strides = new long[r];
        long acc = 1;
        for (int i = r - 1; i >= 0; i--) {
            strides[i] = acc;
            acc *= s[i];
        }
        int nk = 0;
        int nr = 0;
        for (int i = 0; i < r; i++) {
            if (f[i]) {
                nr++;
            } else {
                nk++;
            }
        }
        int[] keptSize = new int[nk];
        long[] keptStride = new long[nk];
        int[] redSize = new int[nr];
        long[] redStride = new long[nr];
        int a = 0;
        int b = 0;
        long outCount = 1;
        long redCount = 1;
        for (int i = 0; i < r; i++) {
            if (f[i]) {
                redSize[b] = s[i];
                redStride[b++] = strides[i];
                redCount *= s[i];
            } else {
                keptSize[a] = s[i];
                keptStride[a++] = strides[i];
                outCount *= s[i];
            }
        }
        final long rc = redCount;
        final int nKept = nk;
        final int nRed = nr;
        par.forRange((int) outCount, Math.max(1, (int) (65536 / Math.max(1, rc))), (from, to) -> {
            int[] idx = new int[nRed];
            for (int o = from; o < to; o++) {
                long base = 0;
                long rem = o;
                for (int k = nKept - 1; k >= 0; k--) {
                    base += (rem % keptSize[k]) * keptStride[k];
                    rem /= keptSize[k];
                }
                out[o] = reduceOne(op, x, base, redSize, redStride, idx, rc);
            }
        });
    }

    private static float reduceOne(ReduceOp op, float[] x, long base, int[] size, long[] stride, int[] idx,
                                   long count) {
        int nr = size.length;
        if (nr == 0) {
            return x[(int) base];
        }
        java.util.Arrays.fill(idx, 0);
        int inner = size[nr - 1];
        int innerStride = (int) stride[nr - 1];
        double sum = 0;
        float best = op == ReduceOp.MAX ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        for (long done = 0; done < count; done += inner) {
            long off = base;
            for (int k = 0; k < nr - 1; k++) {
                off += idx[k] * stride[k];
            }
            int p = (int) off;
            switch (op) {
                case SUM: {
                    float part = 0;
                    for (int i = 0; i < inner; i++) {
                        part += x[p + i * innerStride];
                    }
                    sum += part;
                    break;
                }
                case MAX:
                    for (int i = 0; i < inner; i++) {
                        float v = x[p + i * innerStride];
                        if (v > best || Float.isNaN(v)) {
                            best = v;
                        }
                    }
                    break;
                default:
                    for (int i = 0; i < inner; i++) {
                        float v = x[p + i * innerStride];
                        if (v < best || Float.isNaN(v)) {
                            best = v;
                        }
                    }
            }
            for (int k = nr - 2; k >= 0; k--) {
                if (++idx[k] < size[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        return op == ReduceOp.SUM ? (float) sum : best;
    }
}
