package org.cryoetgan.engine.cpu;

import org.cryoetgan.engine.backend.PoolGeometry;

/**
 * Max and average pooling. One walk visits every output position of a plane with the input indices of its
 * window (padding left out); the four kernels differ only in what they do with them. Max backward recomputes
 * the arg-max from the input (first one on ties, NaN wins).
 */
final class CpuPool {
    private CpuPool() {
    }

    /** What a kernel does at one output position {@code o} with the {@code count} input indices in {@code idx}. */
    @FunctionalInterface
    private interface Window {
        void visit(int o, int[] idx, int count);
    }

    /** Runs {@code window} over every output position of every plane (planes in parallel). */
    private static void forEachWindow(Parallel par, PoolGeometry g, boolean clearInput, float[] dx, Window window) {
        int kernelSize = g.kernel[0] * g.kernel[1] * g.kernel[2];
        par.forRange(g.planes, 1, (from, to) -> {
            int[] idx = new int[kernelSize];
            for (int p = from; p < to; p++) {
                int base = p * g.inVolume();
                if (clearInput) {
                    java.util.Arrays.fill(dx, base, base + g.inVolume(), 0f);
                }
                int o = p * g.outVolume();
                for (int od = 0; od < g.out[0]; od++) {
                    for (int oh = 0; oh < g.out[1]; oh++) {
                        for (int ow = 0; ow < g.out[2]; ow++) {
                            window.visit(o++, idx, gather(g, base, od, oh, ow, idx));
                        }
                    }
                }
            }
        });
    }

    /** The linear input indices of the window at (od, oh, ow) inside the volume; returns how many. */
    private static int gather(PoolGeometry g, int base, int od, int oh, int ow, int[] idx) {
        int n = 0;
        for (int kd = 0; kd < g.kernel[0]; kd++) {
            int d = od * g.stride[0] - g.padding[0] + kd;
            if (d < 0 || d >= g.in[0]) {
                continue;
            }
            for (int kh = 0; kh < g.kernel[1]; kh++) {
                int h = oh * g.stride[1] - g.padding[1] + kh;
                if (h < 0 || h >= g.in[1]) {
                    continue;
                }
                int row = base + (d * g.in[1] + h) * g.in[2];
                for (int kw = 0; kw < g.kernel[2]; kw++) {
                    int w = ow * g.stride[2] - g.padding[2] + kw;
                    if (w >= 0 && w < g.in[2]) {
                        idx[n++] = row + w;
                    }
                }
            }
        }
        return n;
    }

    /** Index of the window's maximum (first on ties, NaN wins), or -1 for an empty window. */
    private static int argMax(float[] x, int[] idx, int count) {
        int best = -1;
        float bv = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            int i = idx[k];
            if (best < 0 || x[i] > bv || Float.isNaN(x[i])) {
                best = i;
                bv = x[i];
            }
        }
        return best;
    }

    static void maxForward(Parallel par, PoolGeometry g, float[] x, float[] y) {
        forEachWindow(par, g, false, null, (o, idx, count) -> {
            int i = argMax(x, idx, count);
            y[o] = i < 0 ? Float.NEGATIVE_INFINITY : x[i];
        });
    }

    static void maxBackward(Parallel par, PoolGeometry g, float[] x, float[] dy, float[] dx) {
        forEachWindow(par, g, true, dx, (o, idx, count) -> {
            int i = argMax(x, idx, count);
            if (i >= 0) {
                dx[i] += dy[o];
            }
        });
    }

    /** Average pooling: the divisor is the full kernel size (padding counts as zeros). */
    static void avgForward(Parallel par, PoolGeometry g, float[] x, float[] y) {
        float inv = 1f / (g.kernel[0] * g.kernel[1] * g.kernel[2]);
        forEachWindow(par, g, false, null, (o, idx, count) -> {
            float acc = 0;
            for (int k = 0; k < count; k++) {
                acc += x[idx[k]];
            }
            y[o] = acc * inv;
        });
    }

    static void avgBackward(Parallel par, PoolGeometry g, float[] dy, float[] dx) {
        float inv = 1f / (g.kernel[0] * g.kernel[1] * g.kernel[2]);
        forEachWindow(par, g, true, dx, (o, idx, count) -> {
            float grad = dy[o] * inv;
            for (int k = 0; k < count; k++) {
                dx[idx[k]] += grad;
            }
        });
    }
}
