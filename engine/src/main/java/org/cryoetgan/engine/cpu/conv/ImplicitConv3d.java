package org.cryoetgan.engine.cpu.conv;

import java.util.Arrays;
import org.cryoetgan.engine.backend.ConvGeometry;
import org.cryoetgan.engine.cpu.Parallel;
import org.cryoetgan.engine.cpu.tile.TileKernels;

/**
 * 3-D convolution as implicit matrix products on a {@link SourceGrid} (never a full vol2col matrix):
 *
 * <ul>
 *   <li>forward: {@code Y[co][v] = Σ_(ci,tap) W[co][ci,tap]·X̃[v + off(ci,tap)]} with X̃ the padded, stride-phase
 *       split input ({@link TapProduct});</li>
 *   <li>backward-data: for each stride phase {@code r} of the input, {@code dX[ci][s·j + r]} is a stride-1
 *       correlation of the padded output gradient with the taps {@code t} that land on that phase
 *       ({@code (r + pad − t·dil) ≡ 0 mod s}), again a {@link TapProduct}; small volumes use
 *       {@link ColBackwardData} (dCol = Wᵀ·dY, then col2im) instead;</li>
 *   <li>backward-weight: {@code dW[co][ci,tap] = Σ_v dY[co][v]·X̃[v + off(ci,tap)]} with dY copied into the
 *       virtual layout of the forward pass ({@link TapDots}).</li>
 * </ul>
 * Tiny output volumes (at most 512 positions, with a column matrix of at most {@link DenseCol#limit}
 * floats) take the explicit vol2col + packed sgemm route of {@link GemmConv3d} instead.
 * Batches run sample by sample; each product is parallel over positions (forward, data) or over
 * (output channel, tap) tiles (weight).
 */
public final class ImplicitConv3d {
    private static final int[] ONES = {1, 1, 1};
    private static final int[] ZEROS = {0, 0, 0};

    private ImplicitConv3d() {
    }

    /**
     * Sets the largest explicit vol2col matrix (in floats) the kernels may build for small volumes, 0 to always
     * read the padded source grid directly; returns the previous value. For tests and benchmarks.
     */
    public static long denseColumnLimit(long floats) {
        long old = DenseCol.limit;
        DenseCol.limit = floats;
        return old;
    }

    /**
     * Enables or disables the explicit column-matrix GEMM route for small volumes ({@link GemmConv3d}); returns
     * the previous setting. For tests and benchmarks.
     */
    public static boolean gemmColumns(boolean on) {
        boolean old = GemmConv3d.enabled;
        GemmConv3d.enabled = on;
        return old;
    }

    private static int tileSlack(TileKernels kern) {
        return 4 * Math.max(kern.nr(), kern.rowWidth()) + 64;
    }

    /** The forward tap offsets into {@code grid}, in weight order (ci, kd, kh, kw). */
    static int[] forwardOffsets(ConvGeometry g, SourceGrid grid, int padTo) {
        int[] k = g.kernel;
        int taps = k[0] * k[1] * k[2];
        int n = g.inChannels * taps;
        int[] off = new int[Math.max(n, (n + padTo - 1) / padTo * padTo)];
        int i = 0;
        for (int ci = 0; ci < g.inChannels; ci++) {
            for (int kd = 0; kd < k[0]; kd++) {
                for (int kh = 0; kh < k[1]; kh++) {
                    for (int kw = 0; kw < k[2]; kw++) {
                        off[i++] = grid.tapOffset(ci, kd * g.dilation[0], kh * g.dilation[1], kw * g.dilation[2]);
                    }
                }
            }
        }
        return off;
    }

    static SourceGrid inputGrid(TileKernels kern, Parallel par, ConvGeometry g, float[] x, int n) {
        return SourceGrid.of(par, x, n * g.inChannels * g.inVolume(), g.inChannels, g.in, g.padding, g.padding,
                g.stride, tileSlack(kern));
    }

    /**
     * {@code out[i][position] = Σ_kk a[i][kk]·grid[position + off[kk]]} over the {@code n} output positions, through
     * a {@link DenseCol} when that pays, else directly on the grid's virtual positions.
     */
    private static TapProduct.Output product(TileKernels kern, Parallel par, float[] a, int m, int k, int[] off,
                                             SourceGrid grid, int[] n) {
        int p = n[0] * n[1] * n[2];
        int useful = n[1] * grid.wq;
        if (DenseCol.worthIt(k, p, TapProduct.virtualPositions(kern, m, n[0], useful))) {
            int width = TapProduct.tileWidth(kern, m);
            float[] panels = DenseCol.panels(kern, par, grid.data, grid.plane, grid.wq, off, k, n, width);
            int[] offs = new int[k];
            for (int q = 0; q < k; q++) {
                offs[q] = q * width;
            }
            int count = (p + width - 1) / width;
            TapProduct.Output o = TapProduct.run(kern, par, a, m, k, offs, panels, DenseCol.panelStride(k, width),
                    count, width, n[2]);
            return new TapProduct.Output(o.data(), o.rowStride(), n[1] * n[2], n[2]);
        }
        return TapProduct.run(kern, par, a, m, k, off, grid.data, grid.plane, n[0], useful, grid.wq);
    }

    public static void forward(TileKernels kern, Parallel par, ConvGeometry g, float[] x, float[] w, float[] bias,
                               float[] y) {
        if (GemmConv3d.applies(g)) {
            GemmConv3d.forward(kern, par, g, x, w, bias, y);
            return;
        }
        int k = g.patchSize();
        int outVol = g.outVolume();
        int[] off = null;
        for (int n = 0; n < g.batch; n++) {
            SourceGrid grid = inputGrid(kern, par, g, x, n);
            if (off == null) {
                off = forwardOffsets(g, grid, 1);
            }
            TapProduct.Output out = product(kern, par, w, g.outChannels, k, off, grid, g.out);
            out.scatter(par, g.outChannels, g.out, y, n * g.outChannels * outVol, outVol, g.out, ONES, ZEROS, bias);
        }
    }

    /** Taps of one axis that land on input phase r, and their source displacement (r + pad − t·dil) / s. */
    private record AxisPhase(int[] taps, int[] shift, int count) {
        static AxisPhase of(int r, int in, int k, int s, int p, int dil) {
            int[] taps = new int[k];
            int[] shift = new int[k];
            int nt = 0;
            for (int t = 0; t < k; t++) {
                int num = r + p - t * dil;
                if (Math.floorMod(num, s) == 0) {
                    taps[nt] = t;
                    shift[nt++] = Math.floorDiv(num, s);
                }
            }
            int count = r < in ? (in - r + s - 1) / s : 0;
            return new AxisPhase(Arrays.copyOf(taps, nt), Arrays.copyOf(shift, nt), count);
        }
    }

    public static void backwardData(TileKernels kern, Parallel par, ConvGeometry g, float[] dy, float[] w,
                                    float[] dx) {
        if (GemmConv3d.applies(g)) {
            GemmConv3d.backwardData(kern, par, g, dy, w, dx);
            return;
        }
        if (ColBackwardData.applies(g)) {
            ColBackwardData.run(kern, par, g, dy, w, dx);
            return;
        }
        int[] s = g.stride;
        AxisPhase[][] ph = new AxisPhase[3][];
        int[] lo = new int[3];
        int[] hi = new int[3];
        boolean someEmpty = false;
        for (int a = 0; a < 3; a++) {
            ph[a] = new AxisPhase[s[a]];
            for (int r = 0; r < s[a]; r++) {
                AxisPhase ap = AxisPhase.of(r, g.in[a], g.kernel[a], s[a], g.padding[a], g.dilation[a]);
                ph[a][r] = ap;
                someEmpty |= ap.count > 0 && ap.taps.length == 0;
                for (int c : ap.shift) {
                    lo[a] = Math.max(lo[a], -c);
                    hi[a] = Math.max(hi[a], ap.count + c - g.out[a]);
                }
            }
        }
        int inVol = g.inVolume();
        int outVol = g.outVolume();
        int cin = g.inChannels;
        int cout = g.outChannels;
        int[] k = g.kernel;
        if (someEmpty) {
            Arrays.fill(dx, 0, g.batch * cin * inVol, 0f);
        }
        for (int n = 0; n < g.batch; n++) {
            SourceGrid grid = SourceGrid.of(par, dy, n * cout * outVol, cout, g.out, lo, hi, ONES, tileSlack(kern));
            for (int rd = 0; rd < s[0]; rd++) {
                for (int rh = 0; rh < s[1]; rh++) {
                    for (int rw = 0; rw < s[2]; rw++) {
                        AxisPhase pd = ph[0][rd];
                        AxisPhase phh = ph[1][rh];
                        AxisPhase pw = ph[2][rw];
                        int taps = pd.taps.length * phh.taps.length * pw.taps.length;
                        if (pd.count == 0 || phh.count == 0 || pw.count == 0 || taps == 0) {
                            continue;
                        }
                        int kk = cout * taps;
                        float[] a = new float[cin * kk];
                        int[] off = new int[kk];
                        int q = 0;
                        for (int co = 0; co < cout; co++) {
                            for (int i = 0; i < pd.taps.length; i++) {
                                for (int j = 0; j < phh.taps.length; j++) {
                                    for (int l = 0; l < pw.taps.length; l++) {
                                        off[q] = grid.tapOffset(co, pd.shift[i] + lo[0], phh.shift[j] + lo[1],
                                                pw.shift[l] + lo[2]);
                                        int wBase = ((co * cin) * k[0] + pd.taps[i]) * k[1] * k[2]
                                                + phh.taps[j] * k[2] + pw.taps[l];
                                        for (int ci = 0; ci < cin; ci++) {
                                            a[ci * kk + q] = w[wBase + ci * k[0] * k[1] * k[2]];
                                        }
                                        q++;
                                    }
                                }
                            }
                        }
                        int[] counts = {pd.count, phh.count, pw.count};
                        TapProduct.Output out = product(kern, par, a, cin, kk, off, grid, counts);
                        out.scatter(par, cin, counts, dx, n * cin * inVol, inVol, g.in, s, new int[] {rd, rh, rw},
                                null);
                    }
                }
            }
        }
    }

    public static void backwardWeight(TileKernels kern, Parallel par, ConvGeometry g, float[] x, float[] dy,
                                      float[] dw, float[] dbias) {
        if (GemmConv3d.applies(g)) {
            GemmConv3d.backwardWeight(kern, par, g, x, dy, dw);
        } else if (WeightGradTiles.applies(kern, g.outChannels)) {
            backwardWeightTiles(kern, par, g, x, dy, dw);
        } else {
            backwardWeightDots(kern, par, g, x, dy, dw);
        }
        biasGradient(par, g, dy, dbias);
    }

    /** dW through {@link WeightGradTiles}: taps broadcast from the grid (or dense columns), channels as vectors. */
    private static void backwardWeightTiles(TileKernels kern, Parallel par, ConvGeometry g, float[] x, float[] dy,
                                            float[] dw) {
        int cout = g.outChannels;
        int outVol = g.outVolume();
        int k = g.patchSize();
        int ldT = WeightGradTiles.channelStride(kern, cout);
        int mr = kern.gatherRows();
        float[] acc = null;
        int[] off = null;
        for (int n = 0; n < g.batch; n++) {
            SourceGrid grid = inputGrid(kern, par, g, x, n);
            if (off == null) {
                off = forwardOffsets(g, grid, mr);
                acc = new float[off.length * ldT];
            }
            int dyOff = n * cout * outVol;
            int virtualLen = (g.out[0] - 1) * grid.plane + g.out[1] * grid.wq;
            boolean dense = DenseCol.worthIt(k, outVol, virtualLen);
            int len = dense ? outVol : virtualLen;
            float[] dyT = new float[len * ldT];
            int[] o = g.out;
            par.forRange(o[0], 1, (from, to) -> {
                for (int od = from; od < to; od++) {
                    for (int oh = 0; oh < o[1]; oh++) {
                        int v = dense ? (od * o[1] + oh) * o[2] : od * grid.plane + oh * grid.wq;
                        int src = dyOff + (od * o[1] + oh) * o[2];
                        for (int ow = 0; ow < o[2]; ow++) {
                            int row = (v + ow) * ldT;
                            for (int co = 0; co < cout; co++) {
                                dyT[row + co] = dy[src + co * outVol + ow];
                            }
                        }
                    }
                }
            });
            if (dense) {
                DenseCol col = DenseCol.build(kern, par, grid.data, grid.plane, grid.wq, off, k, o[0], o[1], o[2]);
                WeightGradTiles.accumulate(kern, par, col.data, col.rowOffsets(mr), len, dyT, ldT, acc);
            } else {
                WeightGradTiles.accumulate(kern, par, grid.data, off, len, dyT, ldT, acc);
            }
        }
        float[] sums = acc;
        par.forRange(cout, 1, (from, to) -> {
            for (int co = from; co < to; co++) {
                for (int q = 0; q < k; q++) {
                    dw[co * k + q] = sums[q * ldT + co];
                }
            }
        });
    }

    /** dW through {@link TapDots}: dot products over positions (few output channels). */
    private static void backwardWeightDots(TileKernels kern, Parallel par, ConvGeometry g, float[] x, float[] dy,
                                           float[] dw) {
        int cout = g.outChannels;
        int outVol = g.outVolume();
        int k = g.patchSize();
        int tr = TapDots.rowTile(kern, cout);
        int tc = TapDots.colTile(kern, cout);
        int rowsPad = (cout + tr - 1) / tr * tr;
        int lanes = kern.lanes();
        float[] acc = null;
        int[] off = null;
        int ldo = 0;
        for (int n = 0; n < g.batch; n++) {
            SourceGrid grid = inputGrid(kern, par, g, x, n);
            if (off == null) {
                off = forwardOffsets(g, grid, tc);
                ldo = off.length;
                acc = new float[rowsPad * ldo];
            }
            int dyOff = n * cout * outVol;
            int virtualLen = (g.out[0] - 1) * grid.plane + g.out[1] * grid.wq;
            if (DenseCol.worthIt(k, outVol, virtualLen)) {
                DenseCol col = DenseCol.build(kern, par, grid.data, grid.plane, grid.wq, off, k, g.out[0], g.out[1],
                        g.out[2]);
                float[] p = new float[rowsPad * col.ld];
                for (int co = 0; co < cout; co++) {
                    System.arraycopy(dy, dyOff + co * outVol, p, co * col.ld, outVol);
                }
                int len = (outVol + lanes - 1) / lanes * lanes;
                TapDots.accumulate(kern, par, p, cout, col.ld, col.data, col.rowOffsets(tc), len, acc, ldo, true);
                continue;
            }
            int len = (virtualLen + lanes - 1) / lanes * lanes;
            float[] p = new float[rowsPad * len];
            par.forRange(cout, 1, (from, to) -> {
                for (int co = from; co < to; co++) {
                    for (int od = 0; od < g.out[0]; od++) {
                        for (int oh = 0; oh < g.out[1]; oh++) {
                            System.arraycopy(dy, dyOff + co * outVol + (od * g.out[1] + oh) * g.out[2], p,
                                    co * len + od * grid.plane + oh * grid.wq, g.out[2]);
                        }
                    }
                }
            });
            TapDots.accumulate(kern, par, p, cout, len, grid.data, off, len, acc, ldo, false);
        }
        for (int co = 0; co < cout; co++) {
            System.arraycopy(acc, co * ldo, dw, co * k, k);
        }
    }

    private static void biasGradient(Parallel par, ConvGeometry g, float[] dy, float[] dbias) {
        int cout = g.outChannels;
        int outVol = g.outVolume();
        if (dbias == null) {
            return;
        }
        par.forRange(cout, 1, (from, to) -> {
            for (int co = from; co < to; co++) {
                double sum = 0;
                for (int n = 0; n < g.batch; n++) {
                    int base = (n * cout + co) * outVol;
                    for (int i = 0; i < outVol; i++) {
                        sum += dy[base + i];
                    }
                }
                dbias[co] = (float) sum;
            }
        });
    }
}
