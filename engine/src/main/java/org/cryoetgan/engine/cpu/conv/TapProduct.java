package org.cryoetgan.engine.cpu.conv;

import org.cryoetgan.engine.cpu.Parallel;
import org.cryoetgan.engine.cpu.tile.TileKernels;

/**
 * The implicit GEMM shared by the forward and backward-data convolutions:
 * {@code out[i][v] = Σ_kk A[i][kk]·src[v + off[kk]]} for every row {@code i < m} and every virtual position
 * {@code v} of a {@link SourceGrid} ({@code nd} planes of {@code nh} rows of {@code wq}). B is never materialised:
 * each tile of {@code nr} consecutive virtual positions reads the source volume through the tap offsets. Rows are
 * computed in tiles of {@code mr} (A packed into panels) or, when there are fewer than {@code mr/2} of them, one at
 * a time with the one-row kernel. Tiles are processed in chunks of positions; per chunk the reduction is cut into
 * blocks of {@link #KC} (the first block stores, later ones add through a scratch tile) and every row panel runs
 * over the chunk, so the B rows of a block stay in cache across the row panels.
 */
final class TapProduct {
    /** Position tiles per chunk. */
    private static final int CHUNK_TILES = 4;
    /** Reduction block: a chunk's B rows of one block and all A panels of it stay in L2. */
    private static final int KC = 512;

    /** The virtual output: row i, plane d, in-plane position r at {@code data[i·rowStride + d·plane + r]}. */
    record Output(float[] data, int rowStride, int plane, int wq) {
        /**
         * Copies rows into {@code dst}: row i, output {@code (jd, jh, jw)} goes to
         * {@code dst[dstOff + i·dstRowStride + (s0·jd + r0)·H·W + (s1·jh + r1)·W + s2·jw + r2]} (plus bias[i]).
         */
        void scatter(Parallel par, int rows, int[] n, float[] dst, int dstOff, int dstRowStride, int[] dstSize,
                     int[] s, int[] r, float[] bias) {
            int hw = dstSize[1] * dstSize[2];
            int w = dstSize[2];
            par.forRange(rows, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    float b = bias == null ? 0f : bias[i];
                    for (int jd = 0; jd < n[0]; jd++) {
                        for (int jh = 0; jh < n[1]; jh++) {
                            int src = i * rowStride + jd * plane + jh * wq;
                            int d = dstOff + i * dstRowStride + (s[0] * jd + r[0]) * hw + (s[1] * jh + r[1]) * w + r[2];
                            if (s[2] == 1 && b == 0f) {
                                System.arraycopy(data, src, dst, d, n[2]);
                            } else {
                                for (int jw = 0; jw < n[2]; jw++) {
                                    dst[d + s[2] * jw] = data[src + jw] + b;
                                }
                            }
                        }
                    }
                }
            });
        }
    }

    private TapProduct() {
    }

    /** Positions per tile for {@code m} rows: the one-row kernel's width below {@code mr/2} rows, else nr. */
    static int tileWidth(TileKernels kern, int m) {
        return m < kern.mr() / 2 ? kern.rowWidth() : kern.nr();
    }

    /** Virtual positions computed for {@code nd} planes of {@code useful} positions (tiles rounded up). */
    static double virtualPositions(TileKernels kern, int m, int nd, int useful) {
        int width = tileWidth(kern, m);
        return (double) nd * ((useful + width - 1) / width) * width;
    }

    /**
     * @param a      dense {@code m×k} row-major matrix
     * @param off    tap offsets into {@code b}, {@code k} of them
     * @param b      the source: a {@link SourceGrid}'s data or a {@link DenseCol}
     * @param bPlane distance between planes in {@code b}
     * @param nd     planes, each with {@code useful} positions starting at the plane's start
     * @param wq     row length of the result's positions (for {@link Output#scatter})
     */
    static Output run(TileKernels kern, Parallel par, float[] a, int m, int k, int[] off, float[] b, int bPlane,
                      int nd, int useful, int wq) {
        boolean rows = m < kern.mr() / 2;
        int width = tileWidth(kern, m);
        int mr = rows ? 1 : kern.mr();
        int panels = (m + mr - 1) / mr;
        int tilesPerPlane = (useful + width - 1) / width;
        int yPlane = tilesPerPlane * width;
        int rowStride = nd * yPlane;
        float[] out = new float[panels * mr * rowStride];
        float[] ap = rows ? a : pack(par, a, m, k, mr);
        int tiles = nd * tilesPerPlane;
        int chunks = (tiles + CHUNK_TILES - 1) / CHUNK_TILES;
        Plan plan = new Plan(kern, rows, k, ap, off, b, bPlane, out, rowStride, yPlane, tilesPerPlane,
                width, mr);
        int kcStep = rows ? k : KC;
        par.forRange(chunks, 1, (from, to) -> {
            float[] tmp = new float[mr * width];
            for (int ch = from; ch < to; ch++) {
                int t0 = ch * CHUNK_TILES;
                int t1 = Math.min(tiles, t0 + CHUNK_TILES);
                for (int k0 = 0; k0 < k; k0 += kcStep) {
                    int kc = Math.min(kcStep, k - k0);
                    for (int p = 0; p < panels; p++) {
                        for (int t = t0; t < t1; t++) {
                            plan.tile(p, t, k0, kc, tmp);
                        }
                    }
                }
            }
        });
        return new Output(out, rowStride, yPlane, wq);
    }

    /**
     * Everything one output tile needs. {@link #tile} is a small method of its own, called once per tile, so that
     * the JIT compiles it (with the kernel inlined) after a few thousand tiles instead of waiting for an
     * on-stack replacement of the whole loop nest.
     */
    private record Plan(TileKernels kern, boolean rows, int k, float[] ap, int[] off, float[] src, int plane,
                        float[] out, int rowStride, int yPlane, int tilesPerPlane, int width, int mr) {
        /** Adds reduction block {@code [k0, k0 + kc)} of one tile (the first block stores, later ones add). */
        void tile(int panel, int t, int k0, int kc, float[] tmp) {
            int d = t / tilesPerPlane;
            int r = (t - d * tilesPerPlane) * width;
            int v = d * plane + r;
            int o = panel * mr * rowStride + d * yPlane + r;
            if (rows) {
                kern.rowTile(kc, ap, panel * k + k0, src, v, off, k0, out, o);
            } else if (k0 == 0) {
                kern.tile(kc, ap, (panel * k + k0) * mr, src, v, off, k0, out, o, rowStride);
            } else {
                kern.tile(kc, ap, (panel * k + k0) * mr, src, v, off, k0, tmp, 0, width);
                for (int i = 0; i < mr; i++) {
                    int oi = o + i * rowStride;
                    int ti = i * width;
                    for (int j = 0; j < width; j++) {
                        out[oi + j] += tmp[ti + j];
                    }
                }
            }
        }
    }

    /** Packs a dense m×k matrix into panels of mr rows, kk-major within a panel, zero rows past m. */
    static float[] pack(Parallel par, float[] a, int m, int k, int mr) {
        int panels = (m + mr - 1) / mr;
        float[] ap = new float[panels * mr * k];
        par.forRange(m, 8, (from, to) -> {
            for (int i = from; i < to; i++) {
                int base = (i / mr) * mr * k + i % mr;
                for (int kk = 0; kk < k; kk++) {
                    ap[base + kk * mr] = a[i * k + kk];
                }
            }
        });
        return ap;
    }
}
