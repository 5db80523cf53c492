package org.cryoetgan.engine.cpu;

import org.cryoetgan.engine.backend.PoolGeometry;

/** Max and average pooling; max backward recomputes the arg-max from the input. */
final class CpuPool {
    private CpuPool() {
    }

    /** Visits each output position of a plane with the linear input index of its window's arg-max (or -1). */
    private static int argMax(PoolGeometry g, float[] x, int base, int od, int oh, int ow) {
        int best = -1;
        float bv = Float.NEGATIVE_INFINITY;
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
                for (int kw = 0; kw < g.kernel[2]; kw++) {
                    int w = ow * g.stride[2] - g.padding[2] + kw;
                    if (w < 0 || w >= g.in[2]) {
                        continue;
                    }
                    int i = base + (d * g.in[1] + h) * g.in[2] + w;
                    if (best < 0 || x[i] > bv || Float.isNaN(x[i])) {
                        best = i;
                        bv = x[i];
                    }
                }
            }
        }
        return best;
    }

    static void maxForward(Parallel par, PoolGeometry g, float[] x, float[] y) {
        par.forRange(g.planes, 1, (from, to) -> {
            for (int p = from; p < to; p++) {
                int base = p * g.inVolume();
                int o = p * g.outVolume();
                for (int od = 0; od < g.out[0]; od++) {
                    for (int oh = 0; oh < g.out[1]; oh++) {
                        for (int ow = 0; ow < g.out[2]; ow++) {
                            int i = argMax(g, x, base, od, oh, ow);
                            y[o++] = i < 0 ? Float.NEGATIVE_INFINITY : x[i];
                        }
                    }
                }
            }
        });
    }

    static void maxBackward(Parallel par, PoolGeometry g, float[] x, float[] dy, float[] dx) {
        par.forRange(g.planes, 1, (from, to) -> {
            for (int p = from; p < to; p++) {
                int base = p * g.inVolume();
                java.util.Arrays.fill(dx, base, base + g.inVolume(), 0f);
                int o = p * g.outVolume();
                for (int od = 0; od < g.out[0]; od++) {
                    for (int oh = 0; oh < g.out[1]; oh++) {
                        for (int ow = 0; ow < g.out[2]; ow++) {
                            int i = argMax(g, x, base, od, oh, ow);
                            if (i >= 0) {
                                dx[i] += dy[o];
                            }
                            o++;
                        }
                    }
                }
            }
        });
    }

    static void avg(Parallel par, PoolGeometry g, float[] x, float[] y, float[] dy, float[] dx) {
        boolean forward = dy == null;
        float inv = 1f / (g.kernel[0] * g.kernel[1] * g.kernel[2]);
        par.forRange(g.planes, 1, (from, to) -> {
            for (int p = from; p < to; p++) {
                int base = p * g.inVolume();
                if (!forward) {
                    java.util.Arrays.fill(dx, base, base + g.inVolume(), 0f);
                }
                int o = p * g.outVolume();
                for (int od = 0; od < g.out[0]; od++) {
                    for (int oh = 0; oh < g.out[1]; oh++) {
                        for (int ow = 0; ow < g.out[2]; ow++) {
                            float acc = 0;
                            float grad = forward ? 0f : dy[o] * inv;
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
                                        if (w < 0 || w >= g.in[2]) {
                                            continue;
                                        }
                                        if (forward) {
                                            acc += x[row + w];
                                        } else {
                                            dx[row + w] += grad;
                                        }
                                    }
                                }
                            }
                            if (forward) {
                                y[o] = acc * inv;
                            }
                            o++;
                        }
                    }
                }
            }
        });
    }
}
