package org.cryoetgan.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cryoetgan.bench.ConvShapes;
import org.cryoetgan.engine.backend.Buffer;
import org.cryoetgan.engine.backend.ConvGeometry;
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
 * The three passes of every layer shape of {@link ConvShapes} (selected by index: generator 0–6, stride-1 critic
 * 7–10, stride-2 critic 11–13). GFLOP/s = {@code ConvGeometry.flops()} / score; {@code LayerTable} prints it
 * directly and is the quicker tool; this class is for JMH's statistics.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx8g"})
public class ConvLayerBenchmark {
    @Param({"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"})
    public int shape;
    @Param({"2"})
    public int threads;

    private CpuBackend be;
    private ConvGeometry g;
    private Buffer x;
    private Buffer w;
    private Buffer y;
    private Buffer dy;
    private Buffer dx;
    private Buffer dw;

    static List<ConvShapes.Shape> shapes() {
        List<ConvShapes.Shape> all = new ArrayList<>(ConvShapes.generator());
        all.addAll(ConvShapes.critic(1));
        all.addAll(ConvShapes.critic(2).subList(0, 3));
        return all;
    }

    @Setup
    public void setup() {
        be = new CpuBackend(threads);
        g = shapes().get(shape).geometry();
        x = BenchData.random(be, (long) g.batch * g.inChannels * g.inVolume(), 3);
        w = BenchData.random(be, (long) g.outChannels * g.patchSize(), 4);
        dy = BenchData.random(be, (long) g.batch * g.outChannels * g.outVolume(), 5);
        y = be.allocate((long) g.batch * g.outChannels * g.outVolume());
        dx = be.allocate((long) g.batch * g.inChannels * g.inVolume());
        dw = be.allocate((long) g.outChannels * g.patchSize());
    }

    @Benchmark
    public void forward() {
        be.conv3d(g, x, w, null, y);
    }

    @Benchmark
    public void backwardData() {
        be.conv3dBackwardData(g, dy, w, dx);
    }

    @Benchmark
    public void backwardWeight() {
        be.conv3dBackwardWeight(g, x, dy, dw, null);
    }
}
