package org.cryoetgan.engine.cpu.conv;

import org.cryoetgan.engine.cpu.Parallel;
import org.cryoetgan.engine.cpu.tile.TileKernels;

/**
 * The weight gradient as broadcast tiles: {@code dWᵀ[q][co] += Σ_v a[off[q] + v]·dYᵀ[v][co]}, taps read in place
 * from the source (grid or dense columns) and broadcast, output channels as vectors from a transposed copy of the
 * output gradient ({@link TileKernels#gatherTile}). Faster than the dot-product form (no horizontal reductions,
 * fewer loads per multiply-add) when the output channels fill the tile width; threads split the taps. The
 * reduction over positions is cut into chunks of {@link #CHUNK} (all channel panels per chunk) so that the
 * chunk of dYᵀ stays in L2 while every tap tile sweeps it.
 */
final class WeightGradTiles {
    /** Positions per reduction chunk. */
    private static final int CHUNK = 1024;

    private WeightGradTiles() {
    }

    /** Channel stride of dYᵀ: the channels rounded up to whole tiles. */
    static int channelStride(TileKernels kern, int cout) {
        int nr = kern.gatherCols();
        return (cout + nr - 1) / nr * nr;
    }

    /** Whether the channels fill the tiles well enough (at most 15% padding, at least one full tile). */
    static boolean applies(TileKernels kern, int cout) {
        return cout >= kern.gatherCols() && channelStride(kern, cout) <= 1.15 * cout;
    }

    /**
     * @param off offsets of the taps into {@code a}, padded (with valid offsets) to a multiple of gatherRows
     * @param dyT {@code len × ldT}, zero at positions that are not outputs
     * @param out accumulated, {@code off.length × ldT}
     */
    static void accumulate(TileKernels kern, Parallel par, float[] a, int[] off, int len, float[] dyT, int ldT,
                           float[] out) {
        int mr = kern.gatherRows();
        int nr = kern.gatherCols();
        int qTiles = off.length / mr;
        int panels = ldT / nr;
        Sweep sweep = new Sweep(kern, a, off, dyT, ldT, out, mr, nr);
        par.forRange(qTiles, 1, (from, to) -> {
            float[] tmp = new float[mr * nr];
            for (int v0 = 0; v0 < len; v0 += CHUNK) {
                int kc = Math.min(CHUNK, len - v0);
                for (int cp = 0; cp < panels; cp++) {
                    for (int qt = from; qt < to; qt++) {
                        sweep.tile(qt, cp, v0, kc, tmp);
                    }
                }
            }
        });
    }

    /** One tap tile × channel panel over one chunk: a small method with one kernel call site, for the JIT. */
    private record Sweep(TileKernels kern, float[] a, int[] off, float[] dyT, int ldT, float[] out, int mr, int nr) {
        void tile(int qt, int cp, int v0, int kc, float[] tmp) {
            kern.gatherTile(kc, a, v0, off, qt * mr, dyT, v0 * ldT + cp * nr, ldT, tmp, 0, nr);
            int o = qt * mr * ldT + cp * nr;
            for (int i = 0; i < mr; i++) {
                int oi = o + i * ldT;
                int ti = i * nr;
                for (int j = 0; j < nr; j++) {
                    out[oi + j] += tmp[ti + j];
                }
            }
        }
    }
}
