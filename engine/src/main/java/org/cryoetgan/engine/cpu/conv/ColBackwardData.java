package org.cryoetgan.engine.cpu.conv;

import java.util.Arrays;
import org.cryoetgan.engine.backend.ConvGeometry;
import org.cryoetgan.engine.cpu.Parallel;
import org.cryoetgan.engine.cpu.tile.TileKernels;

/**
 * Backward-data for small volumes as {@code dCol = Wᵀ·dY} (a {@link TapProduct} over the dense output gradient)
 * followed by col2im, which adds every column entry into the input position it came from. Unlike the stride-phase
 * correlation it computes no products with the zero border of the output gradient (1.7× fewer for a 3³ kernel on
 * 10³ outputs). col2im runs in parallel over input channels, so no two threads add into the same element. Used
 * for small output volumes ({@link #MAX_POSITIONS}) whose column matrix is small ({@link DenseCol#limit}).
 */
final class ColBackwardData {
    private ColBackwardData() {
    }

    /** Output volumes above this keep the stride-phase correlation (measured faster at 20³ outputs and up). */
    static final int MAX_POSITIONS = 4096;

    static boolean applies(ConvGeometry g) {
        return g.outVolume() <= MAX_POSITIONS
                && (long) g.patchSize() * DenseCol.leadingDimension(g.outVolume()) <= DenseCol.limit;
    }

    static void run(TileKernels kern, Parallel par, ConvGeometry g, float[] dy, float[] w, float[] dx) {
        int k = g.patchSize();
        int p = g.outVolume();
        int cout = g.outChannels;
        float[] a = new float[k * cout];
        par.forRange(k, 64, (from, to) -> {
            for (int q = from; q < to; q++) {
                for (int co = 0; co < cout; co++) {
                    a[q * cout + co] = w[co * k + q];
                }
            }
        });
        int width = TapProduct.tileWidth(kern, k);
        int ldy = DenseCol.leadingDimension((p + width - 1) / width * width);
        float[] b = new float[cout * ldy + 64];
        int[] off = new int[cout];
        for (int co = 0; co < cout; co++) {
            off[co] = co * ldy;
        }
        for (int n = 0; n < g.batch; n++) {
            for (int co = 0; co < cout; co++) {
                System.arraycopy(dy, (n * cout + co) * p, b, co * ldy, p);
            }
            TapProduct.Output col = TapProduct.run(kern, par, a, k, cout, off, b, ldy, 1, p, g.out[2]);
            col2imSample(par, g, col.data(), col.rowStride(), dx, n);
        }
    }

    /**
     * Writes sample {@code n} of dX from its column matrix {@code col} (row stride {@code ld}): zero-fills it, then
     * adds every column entry into its input position, in parallel over input channels (no two threads add into
     * the same element).
     */
    static void col2imSample(Parallel par, ConvGeometry g, float[] col, int ld, float[] dx, int n) {
        int inVol = g.inVolume();
        int dxOff = n * g.inChannels * inVol;
        par.forRange(g.inChannels, 1, (from, to) -> {
            Arrays.fill(dx, dxOff + from * inVol, dxOff + to * inVol, 0f);
            for (int ci = from; ci < to; ci++) {
                col2im(g, col, ld, ci, dx, dxOff + ci * inVol);
            }
        });
    }

    /** Adds the column rows of channel {@code ci} into its input volume at {@code dx[base ..]}. */
    private static void col2im(ConvGeometry g, float[] col, int ld, int ci, float[] dx, int base) {
        int[] k = g.kernel;
        int[] in = g.in;
        int[] o = g.out;
        int[] s = g.stride;
        int taps = k[0] * k[1] * k[2];
        for (int t = 0; t < taps; t++) {
            int kd = t / (k[1] * k[2]);
            int kh = (t / k[2]) % k[1];
            int kw = t % k[2];
            int shiftW = kw * g.dilation[2] - g.padding[2];
            int owLo = Math.max(0, ceilDiv(-shiftW, s[2]));
            int owHi = Math.min(o[2], Math.floorDiv(in[2] - 1 - shiftW, s[2]) + 1);
            if (owLo >= owHi) {
                continue;
            }
            int row = (ci * taps + t) * ld;
            for (int od = 0; od < o[0]; od++) {
                int id = od * s[0] - g.padding[0] + kd * g.dilation[0];
                if (id < 0 || id >= in[0]) {
                    continue;
                }
                for (int oh = 0; oh < o[1]; oh++) {
                    int ih = oh * s[1] - g.padding[1] + kh * g.dilation[1];
                    if (ih < 0 || ih >= in[1]) {
                        continue;
                    }
                    int src = row + (od * o[1] + oh) * o[2];
                    int dst = base + (id * in[1] + ih) * in[2] + shiftW;
                    if (s[2] == 1) {
                        for (int ow = owLo; ow < owHi; ow++) {
                            dx[dst + ow] += col[src + ow];
                        }
                    } else {
                        for (int ow = owLo; ow < owHi; ow++) {
                            dx[dst + ow * s[2]] += col[src + ow];
                        }
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
