package org.cryoetgan.engine.cpu.conv;

import org.cryoetgan.engine.cpu.Parallel;
import org.cryoetgan.engine.cpu.tile.TileKernels;

/**
 * The reduction of the weight gradient: {@code out[i·ldo + j] += Σ_{v<len} p[i·ldp + v]·q[off[j] + v]}, i.e. the
 * dot product of every row of the output gradient (in virtual layout, zero at garbage positions) with every tap
 * of the source grid. Work items are (row tile, tap tile) pairs grouped in blocks of {@link #BLOCK} tiles along
 * one of the two axes, split over threads block by block (so each output element has one writer); each thread
 * sweeps the positions in chunks of {@link #CHUNK}, and within a chunk runs one block against every tile of the
 * other axis before moving on, so the block's rows stay in L2 while the other side streams. Tap rows of a dense
 * column matrix are distinct memory, so there the taps are blocked; tap rows of a source grid are shifted windows
 * of the same few volume rows (compact), so there the output-gradient rows are blocked.
 */
final class TapDots {
    /** Virtual positions per sweep chunk. */
    private static final int CHUNK = 2048;
    /** Tiles per block (tap tiles or row tiles, see {@link #accumulate}). */
    private static final int BLOCK = 8;

    private TapDots() {
    }

    /** Row tile height for {@code rows} rows: the dot tile's, or 1 below it. */
    static int rowTile(TileKernels kern, int rows) {
        return rows < kern.dotRows() ? 1 : kern.dotRows();
    }

    /** Tap tile width matching {@link #rowTile}. */
    static int colTile(TileKernels kern, int rows) {
        return rows < kern.dotRows() ? kern.dotRowCols() : kern.dotCols();
    }

    /**
     * @param p    rows padded with zero rows to a multiple of {@link #rowTile}, row stride {@code ldp ≥ len}
     * @param off  tap offsets padded (with any valid offset) to a multiple of {@link #colTile}
     * @param len  positions to sweep, a multiple of {@code kern.lanes()}
     * @param out  accumulated, row stride {@code ldo ≥ off.length}
     * @param blockTaps block the tap axis (distinct tap rows, e.g. a {@link DenseCol}) rather than the rows of p
     */
    static void accumulate(TileKernels kern, Parallel par, float[] p, int rows, int ldp, float[] q, int[] off,
                           int len, float[] out, int ldo, boolean blockTaps) {
        int tr = rowTile(kern, rows);
        int tc = colTile(kern, rows);
        int rowTiles = (rows + tr - 1) / tr;
        int colTiles = off.length / tc;
        int items = rowTiles * colTiles;
        Sweep sweep = new Sweep(kern, p, ldp, q, off, out, ldo, tr, tc, rowTiles, colTiles, blockTaps);
        par.forRange(items, 1, (from, to) -> {
            for (int v0 = 0; v0 < len; v0 += CHUNK) {
                int n = Math.min(CHUNK, len - v0);
                for (int it = from; it < to; it++) {
                    sweep.item(it, v0, n);
                }
            }
        });
    }

    /** One (row tile, tap tile) item over one chunk: a small method with one kernel call site, for the JIT. */
    private record Sweep(TileKernels kern, float[] p, int ldp, float[] q, int[] off, float[] out, int ldo, int tr,
                         int tc, int rowTiles, int colTiles, boolean blockTaps) {
        void item(int it, int v0, int n) {
            int blocked = blockTaps ? colTiles : rowTiles;
            int other = blockTaps ? rowTiles : colTiles;
            int perBlock = BLOCK * other;
            int block = it / perBlock;
            int rem = it - block * perBlock;
            int width = Math.min(BLOCK, blocked - block * BLOCK);
            int o = rem / width;
            int b = block * BLOCK + rem - o * width;
            int rt = blockTaps ? o : b;
            int ct = blockTaps ? b : o;
            int pBase = rt * tr * ldp + v0;
            int outOff = rt * tr * ldo + ct * tc;
            if (tr == 1) {
                kern.dotRow(n, p, pBase, q, v0, off, ct * tc, out, outOff);
            } else {
                kern.dotTile(n, p, pBase, ldp, q, v0, off, ct * tc, out, outOff, ldo);
            }
        }
    }
}
