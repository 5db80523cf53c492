package org.cryoetgan.engine.cpu;

import org.cryoetgan.engine.backend.ConvGeometry;

/**
 * Direct-loop 3-D convolution (forward, backward-data, backward-weight): slow but obviously right; the
 * reference the fast kernels are tested against.
 */
public final class DirectConv3d {
    private DirectConv3d() {
    }

    public static void forward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        int vol = g.outVolume();
        double[] acc = new double[g.batch * g.outChannels * vol];
        for (int n = 0; n < g.batch; n++) {
            for (int co = 0; co < g.outChannels; co++) {
                java.util.Arrays.fill(acc, (n * g.outChannels + co) * vol, (n * g.outChannels + co + 1) * vol,
                        bias == null ? 0 : bias[co]);
            }
        }
        forEachTap(g, (yi, xi, wi) -> acc[yi] += (double) x[xi] * w[wi]);
        for (int i = 0; i < acc.length; i++) {
            y[i] = (float) acc[i];
        }
    }

    /** Shared walk of (output position, input position, weight index) triples for the two backward passes. */
    private interface Tap {
        void accept(int yIndex, int xIndex, int wIndex);
    }

    private static void forEachTap(ConvGeometry g, Tap tap) {
        int[] o = g.out;
        int[] in = g.in;
        int[] k = g.kernel;
        for (int n = 0; n < g.batch; n++) {
            for (int co = 0; co < g.outChannels; co++) {
                for (int od = 0; od < o[0]; od++) {
                    for (int oh = 0; oh < o[1]; oh++) {
                        for (int ow = 0; ow < o[2]; ow++) {
                            int yi = (((n * g.outChannels + co) * o[0] + od) * o[1] + oh) * o[2] + ow;
                            for (int ci = 0; ci < g.inChannels; ci++) {
                                for (int kd = 0; kd < k[0]; kd++) {
                                    int d = od * g.stride[0] - g.padding[0] + kd * g.dilation[0];
                                    if (d < 0 || d >= in[0]) {
                                        continue;
                                    }
                                    for (int kh = 0; kh < k[1]; kh++) {
                                        int h = oh * g.stride[1] - g.padding[1] + kh * g.dilation[1];
                                        if (h < 0 || h >= in[1]) {
                                            continue;
                                        }
                                        for (int kw = 0; kw < k[2]; kw++) {
                                            int ww = ow * g.stride[2] - g.padding[2] + kw * g.dilation[2];
                                            if (ww < 0 || ww >= in[2]) {
                                                continue;
                                            }
                                            tap.accept(yi,
                                                    (((n * g.inChannels + ci) * in[0] + d) * in[1] + h) * in[2] + ww,
                                                    (((co * g.inChannels + ci) * k[0] + kd) * k[1] + kh) * k[2] + kw);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    public static void backwardData(ConvGeometry g, float[] dy, float[] w, float[] dx) {
        java.util.Arrays.fill(dx, 0, g.batch * g.inChannels * g.inVolume(), 0f);
        forEachTap(g, (yi, xi, wi) -> dx[xi] += dy[yi] * w[wi]);
    }

    public static void backwardWeight(ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dbias) {
        java.util.Arrays.fill(dw, 0, g.outChannels * g.patchSize(), 0f);
        forEachTap(g, (yi, xi, wi) -> dw[wi] += dy[yi] * x[xi]);
        if (dbias != null) {
            int vol = g.outVolume();
            for (int co = 0; co < g.outChannels; co++) {
                double s = 0;
                for (int n = 0; n < g.batch; n++) {
                    int base = (n * g.outChannels + co) * vol;
                    for (int i = 0; i < vol; i++) {
                        s += dy[base + i];
                    }
                }
                dbias[co] = (float) s;
            }
        }
    }
}
