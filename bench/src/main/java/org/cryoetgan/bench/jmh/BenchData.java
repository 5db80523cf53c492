package org.cryoetgan.bench.jmh;

import java.util.SplittableRandom;
import org.cryoetgan.engine.backend.Buffer;
import org.cryoetgan.engine.cpu.CpuBackend;
import org.cryoetgan.engine.cpu.CpuBuffer;

/** Random inputs for the benchmarks. */
public final class BenchData {
    private BenchData() {
    }

    public static Buffer random(CpuBackend be, long n, long seed) {
        Buffer b = be.allocate(n);
        float[] a = ((CpuBuffer) b).data();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (r.nextDouble() - 0.5);
        }
        return b;
    }
}
