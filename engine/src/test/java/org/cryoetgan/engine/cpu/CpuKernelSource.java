package org.cryoetgan.engine.cpu;

import java.util.List;
import java.util.SplittableRandom;
import org.cryoetgan.engine.cpu.tile.TileKernels;

/** Shared helpers of the fast-kernel tests: both kernel implementations, random arrays, tolerant comparison. */
final class CpuKernelSource {
    private CpuKernelSource() {
    }

    /** The Vector API kernels (when this JVM has them) and the plain-Java fallback. */
    static List<TileKernels> kernels() {
        return TileKernels.best() == TileKernels.scalar() ? List.of(TileKernels.scalar())
                : List.of(TileKernels.best(), TileKernels.scalar());
    }

    static float[] random(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return a;
    }

    /** Asserts |got − want| ≤ tol·(1 + max|want|) elementwise over [from, to). */
    static void assertClose(float[] want, float[] got, int from, int to, double tol, String what) {
        double scale = 1;
        for (int i = from; i < to; i++) {
            scale = Math.max(scale, Math.abs(want[i]));
        }
        for (int i = from; i < to; i++) {
            double d = Math.abs((double) want[i] - got[i]);
            if (!(d <= tol * scale)) {
                throw new AssertionError(what + ": index " + i + " want " + want[i] + " got " + got[i]
                        + " (scale " + scale + ")");
            }
        }
    }
}
