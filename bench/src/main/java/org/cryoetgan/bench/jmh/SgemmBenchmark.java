package org.cryoetgan.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.cryoetgan.engine.backend.Buffer;
import org.cryoetgan.engine.cpu.CpuBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * sgemm n³ on the CPU backend (row-major, no transposes). GFLOP/s = 2n³ / score(ms) / 1e6; at n = 1024 that is
 * 2147.5 / ms. {@code threads} is the backend's pool size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx8g"})
public class SgemmBenchmark {
    @Param({"1024"})
    public int n;
    @Param({"2"})
    public int threads;

    private CpuBackend be;
    private Buffer a;
    private Buffer b;
    private Buffer c;

    @Setup
    public void setup() {
        be = new CpuBackend(threads);
        a = BenchData.random(be, (long) n * n, 1);
        b = BenchData.random(be, (long) n * n, 2);
        c = be.allocate((long) n * n);
    }

    @Benchmark
    public void sgemm() {
        be.gemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
    }
}
