package org.cryoetgan.engine.cpu.conv;

import org.cryoetgan.engine.backend.ConvGeometry;
import org.cryoetgan.engine.cpu.Parallel;
import org.cryoetgan.engine.cpu.gemm.PackedGemm;
import org.cryoetgan.engine.cpu.tile.TileKernels;

/**
 * Convolution on small volumes as explicit column matrices and {@link PackedGemm}, one batch element at a time:
 * the vol2col matrix {@code col[K × P]} (K = Cin·k³ patch rows, P output positions, built by {@link DenseCol})
 * gives
 * <ul>
 *   <li>forward {@code Y = W·col} (+ bias),</li>
 *   <li>backward-data {@code dCol = Wᵀ·dY}, then col2im ({@link ColBackwardData#col2im}, parallel over input
 *       channels into a zero-filled dX),</li>
 *   <li>backward-weight {@code dW = Σ_n dY_n·col_nᵀ} (beta = 1 after the first sample).</li>
 * </ul>
 * On tiny output volumes the implicit products of {@link ImplicitConv3d} run short rows over long reductions,
 * while the packed sgemm keeps its speed; see {@link #applies} for the rule.
 */
final class GemmConv3d {
    /**
     * Largest output volume routed here. Measured (one thread, CPU time): 5³ outputs of the stride-2 critic
     * (C256, K = 8192) run 1.5× (data) and 2× (weight) faster than the implicit products, while 10³ outputs
     * (d128, C128, R128) tie or lose, and 20³ outputs lose 1.5× (building the columns costs more than it saves).
     */
    static final int MAX_POSITIONS = 512;
    /** Whether the route is enabled (tests switch it off to exercise the implicit paths). */
    static volatile boolean enabled = true;

    private GemmConv3d() {
    }

    /**
     * The size rule: at most {@link #MAX_POSITIONS} output positions and a column matrix of one sample within
     * {@link DenseCol#limit} floats (8 M by default). Any stride, padding, dilation or kernel shape.
     */
    static boolean applies(ConvGeometry g) {
        return enabled && g.outVolume() <= MAX_POSITIONS
                && (long) g.patchSize() * DenseCol.leadingDimension(g.outVolume()) <= DenseCol.limit;
    }

    /** The column matrix of sample {@code n} of {@code x}. */
    private static DenseCol columns(TileKernels kern, Parallel par, ConvGeometry g, float[] x, int n) {
        SourceGrid grid = ImplicitConv3d.inputGrid(kern, par, g, x, n);
        int[] off = ImplicitConv3d.forwardOffsets(g, grid, 1);
        return DenseCol.build(kern, par, grid.data, grid.plane, grid.wq, off, g.patchSize(), g.out[0], g.out[1],
                g.out[2]);
    }

    static void forward(TileKernels kern, Parallel par, ConvGeometry g, float[] x, float[] w, float[] bias,
                        float[] y) {
        int k = g.patchSize();
        int p = g.outVolume();
        int cout = g.outChannels;
        for (int n = 0; n < g.batch; n++) {
            DenseCol col = columns(kern, par, g, x, n);
            int yOff = n * cout * p;
            PackedGemm.gemm(kern, par, false, false, cout, p, k, 1f, w, 0, k, col.data, 0, col.ld, 0f, y, yOff, p);
            if (bias != null) {
                par.forRange(cout, 1, (from, to) -> {
                    for (int co = from; co < to; co++) {
                        float b = bias[co];
                        int base = yOff + co * p;
                        for (int i = 0; i < p; i++) {
                            y[base + i] += b;
                        }
                    }
                });
            }
        }
    }

    static void backwardData(TileKernels kern, Parallel par, ConvGeometry g, float[] dy, float[] w, float[] dx) {
        int k = g.patchSize();
        int p = g.outVolume();
        int cout = g.outChannels;
        int ld = DenseCol.leadingDimension(p);
        float[] col = new float[k * ld];
        for (int n = 0; n < g.batch; n++) {
            PackedGemm.gemm(kern, par, true, false, k, p, cout, 1f, w, 0, k, dy, n * cout * p, p, 0f, col, 0, ld);
            ColBackwardData.col2imSample(par, g, col, ld, dx, n);
        }
    }

    static void backwardWeight(TileKernels kern, Parallel par, ConvGeometry g, float[] x, float[] dy, float[] dw) {
        int k = g.patchSize();
        int p = g.outVolume();
        int cout = g.outChannels;
        for (int n = 0; n < g.batch; n++) {
            DenseCol col = columns(kern, par, g, x, n);
            PackedGemm.gemm(kern, par, false, true, cout, k, p, 1f, dy, n * cout * p, p, col.data, 0, col.ld,
                    n == 0 ? 0f : 1f, dw, 0, k);
        }
    }
}
