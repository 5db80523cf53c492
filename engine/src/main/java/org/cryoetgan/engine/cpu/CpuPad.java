package org.cryoetgan.engine.cpu;

import org.cryoetgan.engine.backend.PadMode;

/** Zero, reflect and replicate padding of volumes, with the matching fold-back for gradients. */
final class CpuPad {
    private CpuPad() {
    }

    /** For each padded coordinate, the source coordinate or -1 (zero padding outside). */
    static int[] sourceIndex(PadMode mode, int n, int before, int after) {
        int[] map = new int[n + before + after];
        for (int o = 0; o < map.length; o++) {
            int i = o - before;
            if (i >= 0 && i < n) {
                map[o] = i;
                continue;
            }
            switch (mode) {
                case ZERO:
                    map[o] = -1;
                    break;
                case REPLICATE:
                    map[o] = i < 0 ? 0 : n - 1;
                    break;
                default:
                    map[o] = i < 0 ? -i : 2 * (n - 1) - i;
            }
        }
        return map;
    }

    static void forward(Parallel par, PadMode mode, float[] x, int planes, int[] in, int[] pad, float[] y) {
        int[] md = sourceIndex(mode, in[0], pad[0], pad[1]);
        int[] mh = sourceIndex(mode, in[1], pad[2], pad[3]);
        int[] mw = sourceIndex(mode, in[2], pad[4], pad[5]);
        int inVol = in[0] * in[1] * in[2];
        int outVol = md.length * mh.length * mw.length;
        par.forRange(planes * md.length, 1, (from, to) -> {
            for (int pd = from; pd < to; pd++) {
                int p = pd / md.length;
                int d = pd % md.length;
                int sd = md[d];
                int outBase = p * outVol + d * mh.length * mw.length;
                for (int h = 0; h < mh.length; h++) {
                    int sh = mh[h];
                    int o = outBase + h * mw.length;
                    if (sd < 0 || sh < 0) {
                        java.util.Arrays.fill(y, o, o + mw.length, 0f);
                        continue;
                    }
                    int src = p * inVol + (sd * in[1] + sh) * in[2];
                    for (int w = 0; w < mw.length; w++) {
                        int sw = mw[w];
                        y[o + w] = sw < 0 ? 0f : x[src + sw];
                    }
                }
            }
        });
    }

    static void backward(Parallel par, PadMode mode, float[] dy, int planes, int[] in, int[] pad, float[] dx) {
        int[] md = sourceIndex(mode, in[0], pad[0], pad[1]);
        int[] mh = sourceIndex(mode, in[1], pad[2], pad[3]);
        int[] mw = sourceIndex(mode, in[2], pad[4], pad[5]);
        int inVol = in[0] * in[1] * in[2];
        int outVol = md.length * mh.length * mw.length;
        par.forRange(planes, 1, (from, to) -> {
            for (int p = from; p < to; p++) {
                java.util.Arrays.fill(dx, p * inVol, (p + 1) * inVol, 0f);
                for (int d = 0; d < md.length; d++) {
                    if (md[d] < 0) {
                        continue;
                    }
                    for (int h = 0; h < mh.length; h++) {
                        if (mh[h] < 0) {
                            continue;
                        }
                        int o = p * outVol + (d * mh.length + h) * mw.length;
                        int src = p * inVol + (md[d] * in[1] + mh[h]) * in[2];
                        for (int w = 0; w < mw.length; w++) {
                            if (mw[w] >= 0) {
                                dx[src + mw[w]] += dy[o + w];
                            }
                        }
                    }
                }
            }
        });
    }
}
