package org.cryoetgan.engine.cpu.tile;

/**
 * The register-blocked inner kernels that every fast CPU product (sgemm, implicit-GEMM convolution) is built from.
 * Two shapes of work:
 *
 * <ul>
 *   <li><b>broadcast tile</b> ({@link #tile}): an {@code mr()×nr()} block of {@code C = A·B} over
 *       a reduction of length {@code kc}. A is packed as {@code kc} groups of {@code mr()} floats (one broadcast
 *       each); row {@code kk} of B is the {@code nr()} contiguous floats at {@code b[bBase + off[offPos + kk]]}, so
 *       B may be a packed panel ({@code off[kk] = kk·nr}) or a volume read through tap offsets (implicit
 *       convolution). {@link #rowTile} is the one-row variant of width {@code rowWidth()}.</li>
 *   <li><b>dot tile</b> ({@link #dotTile}): {@code out[i·ldo + j] += Σ_v p[pBase + i·ldp + v]·q[qBase + qOff[qPos + j]
 *       + v]} for {@code dotRows()×dotCols()} pairs, {@code len} a multiple of {@link #lanes()}: the weight gradient
 *       of a convolution, reduced over positions.</li>
 * </ul>
 * Implementations: a Vector API one (loaded only when {@code jdk.incubator.vector} is present) and a plain-Java
 * fallback with the same contract. Callers must size their arrays so that every read stays in bounds.
 */
public interface TileKernels {

    /** Rows of a broadcast tile. */
    int mr();

    /** Columns of a broadcast tile. */
    int nr();

    /** Columns of a one-row broadcast tile. */
    int rowWidth();

    /** The SIMD width in floats (1 for the scalar fallback); dot-tile lengths are multiples of it. */
    int lanes();

    /** Rows ({@code p} side) of a dot tile. */
    int dotRows();

    /** Columns ({@code q} side) of a dot tile. */
    int dotCols();

    /**
     * {@code C[i][j] = Σ_kk a[aOff + kk·mr + i]·b[bBase + off[offPos + kk] + j]} for {@code i < mr()},
     * {@code j < nr()}, C at {@code c[cOff + i·ldc + j]}. C is only written (so NaN in it is ignored); callers that
     * accumulate go through a scratch tile, which keeps this method small enough for C2 to inline every vector
     * operation (a load-add-store epilogue pushes it past the JIT's inlining node budget).
     */
    void tile(int kc, float[] a, int aOff, float[] b, int bBase, int[] off, int offPos, float[] c, int cOff, int ldc);

    /**
     * One-row variant of {@link #tile}: A is {@code a[aOff + kk]}, C is {@code c[cOff + j]} for
     * {@code j < rowWidth()} (written, never read).
     */
    void rowTile(int kc, float[] a, int aOff, float[] b, int bBase, int[] off, int offPos, float[] c, int cOff);

    /** Accumulates a {@code dotRows()×dotCols()} block of dot products of length {@code len} into {@code out}. */
    void dotTile(int len, float[] p, int pBase, int ldp, float[] q, int qBase, int[] qOff, int qPos, float[] out,
                 int outOff, int ldo);

    /** Columns of a one-row dot tile. */
    int dotRowCols();

    /** Accumulates {@code dotRowCols()} dot products of one {@code p} row (see {@link #dotTile}). */
    void dotRow(int len, float[] p, int pBase, float[] q, int qBase, int[] qOff, int qPos, float[] out, int outOff);

    /**
     * Copies {@code n1·n2} rows of {@code len} floats, row {@code (i, j)} from {@code src[srcBase + i·strideI +
     * j·strideJ]}, to {@code dst} back to back from {@code dstOff}. May write up to {@code lanes() − 1} floats past
     * the last row (later rows overwrite the spill of earlier ones) and read as far past each source row.
     */
    void gatherRows(float[] src, int srcBase, int strideI, int strideJ, int n1, int n2, int len, float[] dst,
                    int dstOff);

    /**
     * For each of {@code rows} rows q and each of {@code nseg} segments: copies {@code segLen[s]} floats from
     * {@code src[off[q] + segSrc[s]]} to {@code dst[dstOff + q·ldd + segDst[s]]}. Segments must be in increasing
     * destination order; like {@link #gatherRows} it may spill up to {@code lanes() − 1} floats past each segment
     * (into the next segment or row, overwritten later, or past the last row).
     */
    void gatherSegments(float[] src, int[] off, int rows, int[] segSrc, int[] segDst, int[] segLen, int nseg,
                        float[] dst, int dstOff, int ldd);

    /** Rows of a {@link #gatherTile}. */
    int gatherRows();

    /** Columns of a {@link #gatherTile}. */
    int gatherCols();

    /**
     * A broadcast tile whose A rows are read in place: {@code C[i][j] = Σ_kk a[aBase + aRow[aRowPos + i] + kk]·
     * b[bBase + kk·ldb + j]} for {@code i < gatherRows()}, {@code j < gatherCols()} (C written, never read). Row i
     * of A is any contiguous run, e.g. one tap of a source grid over consecutive positions, so the weight gradient
     * needs no packing of the input.
     */
    void gatherTile(int kc, float[] a, int aBase, int[] aRow, int aRowPos, float[] b, int bBase, int ldb, float[] c,
                    int cOff, int ldc);

    /** The fastest kernels this JVM can run: the Vector API ones when available, else the plain-Java ones. */
    static TileKernels best() {
        return Holder.BEST;
    }

    /** The plain-Java kernels (the fallback, selectable explicitly in tests). */
    static TileKernels scalar() {
        return ScalarTileKernels.INSTANCE;
    }

    /** Lazy holder so that the Vector API classes are only loaded when the module is present. */
    final class Holder {
        static final TileKernels BEST = load();

        private Holder() {
        }

        private static TileKernels load() {
            if (!org.cryoetgan.engine.cpu.VectorSupport.available()) {
                return ScalarTileKernels.INSTANCE;
            }
            try {
                return (TileKernels) Class.forName("org.cryoetgan.engine.cpu.tile.VectorTileKernels")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return ScalarTileKernels.INSTANCE;
            }
        }
    }
}
