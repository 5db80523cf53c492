package org.cryoetgan.engine.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.cryoetgan.engine.backend.ConvGeometry;
import org.cryoetgan.engine.cpu.conv.ImplicitConv3d;
import org.cryoetgan.engine.cpu.tile.TileKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The implicit-GEMM convolutions against {@link DirectConv3d}, both kernel sets, many geometries. */
class CpuConv3dTest {
    private static final Parallel PAR = new Parallel(2);

    private static int[] t(int v) {
        return new int[] {v, v, v};
    }

    static Stream<Arguments> cases() {
        ConvGeometry[] gs = {
            new ConvGeometry(1, 1, new int[] {9, 8, 7}, 1, t(3), t(1), t(1), t(1)),
            new ConvGeometry(2, 3, new int[] {7, 5, 3}, 5, t(3), t(1), t(1), t(1)),
            new ConvGeometry(1, 4, t(9), 9, t(3), t(2), t(1), t(1)),
            new ConvGeometry(1, 2, new int[] {10, 9, 8}, 17, t(4), t(2), t(1), t(1)),
            new ConvGeometry(2, 5, new int[] {8, 7, 9}, 3, new int[] {2, 3, 2}, new int[] {2, 1, 3},
                    new int[] {0, 1, 1}, new int[] {1, 2, 1}),
            new ConvGeometry(1, 3, new int[] {11, 10, 9}, 2, t(3), t(1), t(2), t(2)),
            new ConvGeometry(1, 16, t(6), 24, t(3), t(1), t(0), t(1)),
            new ConvGeometry(1, 2, t(7), 1, t(7), t(1), t(3), t(1)),
            new ConvGeometry(1, 3, new int[] {5, 6, 7}, 4, t(1), t(2), t(0), t(1)),
            new ConvGeometry(1, 9, t(5), 10, t(3), t(3), t(1), t(1)),
            new ConvGeometry(1, 6, t(4), 3, t(3), t(1), t(2), t(1)),
            new ConvGeometry(2, 7, new int[] {6, 5, 4}, 13, t(4), t(1), t(1), t(1)),
            new ConvGeometry(1, 1, t(12), 8, t(4), t(2), t(1), t(1)),
            new ConvGeometry(1, 3, new int[] {6, 5, 7}, 64, t(3), t(1), t(1), t(1)),
            new ConvGeometry(2, 2, t(9), 16, t(3), t(2), t(1), t(1)),
            new ConvGeometry(1, 4, new int[] {5, 6, 4}, 128, new int[] {2, 3, 2}, t(1), t(0), t(1)),
            new ConvGeometry(1, 2, t(10), 70, t(3), t(1), t(1), t(2)),
            // tiny output volumes (the column-matrix GEMM route): batch 2, reductions over several GEMM blocks,
            // channel counts off the tile sizes, dilation, non-cubic shapes
            new ConvGeometry(2, 20, new int[] {9, 11, 7}, 13, t(3), t(2), t(1), t(2)),
            new ConvGeometry(2, 9, new int[] {7, 6, 9}, 11, new int[] {3, 2, 3}, new int[] {2, 1, 2},
                    new int[] {1, 0, 1}, new int[] {1, 2, 1}),
            new ConvGeometry(1, 33, t(10), 40, t(4), t(2), t(1), t(1)),
            new ConvGeometry(2, 17, new int[] {5, 4, 6}, 9, t(3), t(1), t(1), t(1)),
        };
        List<Arguments> out = new ArrayList<>();
        for (TileKernels kern : CpuKernelSource.kernels()) {
            for (ConvGeometry g : gs) {
                for (String path : new String[] {"gemm", "dense", "grid"}) {
                    out.add(Arguments.of(kern, g, path));
                }
            }
        }
        return out.stream();
    }

    /**
     * path: "gemm" = every route allowed (tiny volumes take the column-matrix GEMM), "dense" = implicit products
     * with dense column panels, "grid" = implicit products on the source grid only.
     */
    @ParameterizedTest(name = "{0} {1} path={2}")
    @MethodSource("cases")
    void matchesDirect(TileKernels kern, ConvGeometry g, String path) {
        long oldLimit = ImplicitConv3d.denseColumnLimit(path.equals("grid") ? 0 : 8L << 20);
        boolean oldGemm = ImplicitConv3d.gemmColumns(path.equals("gemm"));
        try {
            check(kern, g);
        } finally {
            ImplicitConv3d.denseColumnLimit(oldLimit);
            ImplicitConv3d.gemmColumns(oldGemm);
        }
    }

    private static void check(TileKernels kern, ConvGeometry g) {
        SplittableRandom r = new SplittableRandom(g.toString().hashCode());
        int xn = g.batch * g.inChannels * g.inVolume();
        int yn = g.batch * g.outChannels * g.outVolume();
        int wn = g.outChannels * g.patchSize();
        float[] x = CpuKernelSource.random(r, xn);
        float[] w = CpuKernelSource.random(r, wn);
        float[] bias = CpuKernelSource.random(r, g.outChannels);
        float[] dy = CpuKernelSource.random(r, yn);
        double tol = 1e-5 * Math.sqrt(g.patchSize() * g.outChannels + g.outVolume());

        float[] yWant = new float[yn];
        float[] yGot = nan(yn);
        DirectConv3d.forward(g, x, w, bias, yWant);
        ImplicitConv3d.forward(kern, PAR, g, x, w, bias, yGot);
        CpuKernelSource.assertClose(yWant, yGot, 0, yn, tol, "forward");

        float[] dxWant = new float[xn];
        float[] dxGot = nan(xn);
        DirectConv3d.backwardData(g, dy, w, dxWant);
        ImplicitConv3d.backwardData(kern, PAR, g, dy, w, dxGot);
        CpuKernelSource.assertClose(dxWant, dxGot, 0, xn, tol, "backwardData");

        float[] dwWant = new float[wn];
        float[] dbWant = new float[g.outChannels];
        float[] dwGot = nan(wn);
        float[] dbGot = nan(g.outChannels);
        DirectConv3d.backwardWeight(g, x, dy, dwWant, dbWant);
        ImplicitConv3d.backwardWeight(kern, PAR, g, x, dy, dwGot, dbGot);
        CpuKernelSource.assertClose(dwWant, dwGot, 0, wn, tol, "backwardWeight");
        CpuKernelSource.assertClose(dbWant, dbGot, 0, g.outChannels, tol, "backwardBias");
    }

    private static float[] nan(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, Float.NaN);
        return a;
    }
}
