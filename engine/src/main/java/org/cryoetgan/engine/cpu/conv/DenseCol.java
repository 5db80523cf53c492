package org.cryoetgan.engine.cpu.conv;

import org.cryoetgan.engine.cpu.Parallel;
import org.cryoetgan.engine.cpu.tile.TileKernels;

/**
 * An explicit vol2col matrix for small volumes: row q holds tap q of every real output position,
 * {@code data[q·ld + (jd·nh + jh)·nw + jw] = grid[off[q] + jd·plane + jh·wq + jw]}, built with one vector row copy
 * per (tap, output row). Used instead of reading the {@link SourceGrid} directly when the grid's garbage positions
 * would waste much of the work (e.g. 10³ outputs on a 12³ grid compute 1.44 virtual positions per real one);
 * only built when it is small (at most {@link #MAX_FLOATS} floats by default).
 */
final class DenseCol {
    /** Default largest matrix built (floats). */
    static final long MAX_FLOATS = 8L << 20;
    /** Current limit (0 disables dense matrices; see {@link ImplicitConv3d#denseColumnLimit}). */
    static volatile long limit = MAX_FLOATS;

    final float[] data;
    final int ld;
    final int rows;

    private DenseCol(float[] data, int ld, int rows) {
        this.data = data;
        this.ld = ld;
        this.rows = rows;
    }

    /** Row stride for {@code positions} columns: room for vector spill, off 4-KiB multiples. */
    static int leadingDimension(int positions) {
        int ld = (positions + 16 + 15) / 16 * 16;
        return ld % 1024 == 0 ? ld + 16 : ld;
    }

    /** Whether a dense matrix of {@code rows × positions} is small enough and saves enough over virtual positions. */
    static boolean worthIt(int rows, int positions, double virtualPositions) {
        return (long) rows * leadingDimension(positions) <= limit && virtualPositions > 1.15 * positions;
    }

    static DenseCol build(TileKernels kern, Parallel par, float[] grid, int plane, int wq, int[] off, int rows,
                          int nd, int nh, int nw) {
        int ld = leadingDimension(nd * nh * nw);
        float[] data = new float[rows * ld + 2 * Math.max(kern.nr(), kern.rowWidth()) + 64];
        par.forRange(rows, 16, (from, to) -> {
            for (int q = from; q < to; q++) {
                kern.gatherRows(grid, off[q], plane, wq, nd, nh, nw, data, q * ld);
            }
        });
        return new DenseCol(data, ld, rows);
    }

    /**
     * The same matrix in panel-major order for the broadcast tiles: panel t holds positions
     * {@code [t·width, (t+1)·width)} as {@code rows} rows of {@code width} floats at
     * {@code data[t·panelStride + q·width]}, so a tile reads its B block sequentially. Returns the data; the
     * panel stride is {@link #panelStride}.
     */
    static float[] panels(TileKernels kern, Parallel par, float[] grid, int plane, int wq, int[] off, int rows,
                          int[] n, int width) {
        int positions = n[0] * n[1] * n[2];
        int count = (positions + width - 1) / width;
        int stride = panelStride(rows, width);
        float[] data = new float[count * stride + 64];
        par.forRange(count, 1, (from, to) -> {
            int maxSeg = width / Math.max(1, Math.min(width, n[2])) + 2;
            int[] segSrc = new int[maxSeg];
            int[] segDst = new int[maxSeg];
            int[] segLen = new int[maxSeg];
            for (int t = from; t < to; t++) {
                int ns = 0;
                int pos = t * width;
                int end = Math.min(positions, pos + width);
                while (pos < end) {
                    int jw = pos % n[2];
                    int jh = (pos / n[2]) % n[1];
                    int jd = pos / (n[1] * n[2]);
                    int len = Math.min(n[2] - jw, end - pos);
                    segSrc[ns] = jd * plane + jh * wq + jw;
                    segDst[ns] = pos - t * width;
                    segLen[ns++] = len;
                    pos += len;
                }
                kern.gatherSegments(grid, off, rows, segSrc, segDst, segLen, ns, data, t * stride, width);
            }
        });
        return data;
    }

    /** Distance between panels of {@link #panels}: room for vector spill, off 4-KiB multiples. */
    static int panelStride(int rows, int width) {
        int s = rows * width + 16;
        return s % 1024 == 0 ? s + 16 : s;
    }

    /** Offsets of the rows ({@code q·ld}), padded with zeros to a multiple of {@code padTo}. */
    int[] rowOffsets(int padTo) {
        int[] off = new int[(rows + padTo - 1) / padTo * padTo];
        for (int q = 0; q < rows; q++) {
            off[q] = q * ld;
        }
        return off;
    }
}
