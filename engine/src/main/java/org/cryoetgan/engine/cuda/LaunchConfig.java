package org.cryoetgan.engine.cuda;

/**
 * Grid and block dimensions of one kernel launch, and the rules that choose them. The constants mirror the
 * {@code #define}s of the kernel sources ({@code CG_REDUCE_THREADS}, {@code GM_THREADS}, {@code GM_BM}/{@code GM_BN});
 * a unit test checks that they agree.
 */
public final class LaunchConfig {
    /** Threads per block of elementwise (grid-stride) kernels. */
    public static final int THREADS = 256;
    /** Threads per block of block-reduction kernels ({@code CG_REDUCE_THREADS}). */
    public static final int REDUCE_THREADS = 256;
    /** Threads per block of the sgemm kernel ({@code GM_THREADS}). */
    public static final int GEMM_THREADS = 256;
    /** Rows and columns of C per sgemm block ({@code GM_BM}, {@code GM_BN}). */
    public static final int GEMM_TILE = 64;
    /** Most blocks of a grid-stride launch; larger problems loop inside the kernel. */
    public static final int MAX_BLOCKS = 65535;

    public final int gridX;
    public final int gridY;
    public final int gridZ;
    public final int blockX;
    public final int blockY;
    public final int blockZ;

    public LaunchConfig(int gridX, int gridY, int gridZ, int blockX, int blockY, int blockZ) {
        if (gridX < 1 || gridY < 1 || gridZ < 1 || blockX < 1 || blockY < 1 || blockZ < 1) {
            throw new IllegalArgumentException("launch dimensions must be positive");
        }
        this.gridX = gridX;
        this.gridY = gridY;
        this.gridZ = gridZ;
        this.blockX = blockX;
        this.blockY = blockY;
        this.blockZ = blockZ;
    }

    /** One thread per element (grid-stride loop beyond {@link #MAX_BLOCKS} blocks). */
    public static LaunchConfig elementwise(long n) {
        return new LaunchConfig(blocks(n, THREADS), 1, 1, THREADS, 1, 1);
    }

    /** One block of {@link #REDUCE_THREADS} threads per item (planes, outputs), looping beyond the limit. */
    public static LaunchConfig perBlock(long items) {
        return new LaunchConfig((int) Math.max(1, Math.min(items, MAX_BLOCKS)), 1, 1, REDUCE_THREADS, 1, 1);
    }

    /** The sgemm grid: one block per 64×64 tile of the m×n result. */
    public static LaunchConfig gemm(int m, int n) {
        int gy = (m + GEMM_TILE - 1) / GEMM_TILE;
        if (gy > MAX_BLOCKS) {
            throw new IllegalArgumentException("gemm with " + m + " rows exceeds the grid limit");
        }
        return new LaunchConfig(Math.max(1, (n + GEMM_TILE - 1) / GEMM_TILE), Math.max(1, gy), 1, GEMM_THREADS, 1,
                1);
    }

    /** ceil(n / threads) capped to [1, MAX_BLOCKS]. */
    static int blocks(long n, int threads) {
        return (int) Math.max(1, Math.min((n + threads - 1) / threads, MAX_BLOCKS));
    }

    @Override
    public String toString() {
        return "<<<(" + gridX + "," + gridY + "," + gridZ + "),(" + blockX + "," + blockY + "," + blockZ + ")>>>";
    }
}
