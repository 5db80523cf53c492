package org.cryoetgan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cryoetgan.engine.backend.Buffer;
import org.cryoetgan.engine.backend.ConvGeometry;
import org.cryoetgan.engine.cpu.CpuBackend;

/**
 * Times sgemm 1024³ and the three passes of every layer shape in {@link ConvShapes} on the CPU backend (warm-up,
 * then best of several runs) and prints a table in GFLOP/s, or JSON lines with {@code --json}. Options:
 * {@code --threads N}, {@code --only SUBSTRING}, {@code --critic-stride S} (1, 2 or 0 for both), {@code --quick},
 * {@code --cpu-time} (with {@code --threads 1}: time the calling thread's CPU time instead of the wall clock, which
 * on a loaded machine measures the kernels rather than the scheduler).
 */
public final class LayerTable {
    private LayerTable() {
    }

    /** Measure thread CPU time instead of wall time (single-threaded runs on a loaded machine). */
    private static boolean cpuTime;

    private static long now() {
        return cpuTime ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                : System.nanoTime();
    }

    /** One timed measurement. */
    record Row(String name, String pass, double flops, double bestMs, double medianMs, int runs, String geometry) {
        double gflops() {
            return flops / bestMs / 1e6;
        }
    }

    public static void main(String[] args) {
        int threads = CpuBackend.configuredThreads();
        boolean json = false;
        boolean quick = false;
        String only = null;
        int criticStride = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--json" -> json = true;
                case "--quick" -> quick = true;
                case "--only" -> only = args[++i];
                case "--critic-stride" -> criticStride = Integer.parseInt(args[++i]);
                case "--cpu-time" -> cpuTime = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        CpuBackend be = new CpuBackend(threads);
        double budget = quick ? 0.4 : 2.0;
        warmUp(be, quick ? 2.0 : 4.0);
        List<Row> rows = new ArrayList<>();
        if (only == null || "sgemm".contains(only)) {
            rows.add(timeGemm(be, 1024, budget));
            report(rows.get(rows.size() - 1), json);
        }
        List<ConvShapes.Shape> shapes = new ArrayList<>(ConvShapes.generator());
        if (criticStride != 2) {
            shapes.addAll(ConvShapes.critic(1));
        }
        if (criticStride != 1) {
            shapes.addAll(ConvShapes.critic(2).subList(0, 3));
        }
        for (ConvShapes.Shape s : shapes) {
            if (only != null && !s.name().contains(only)) {
                continue;
            }
            for (Row r : timeConv(be, s, budget)) {
                rows.add(r);
                report(r, json);
            }
        }
        if (!json) {
            System.out.println(be.description());
        }
    }

    /**
     * Runs every kernel family on small shapes for a while: the Vector API code runs orders of magnitude slower
     * until C2 has compiled it, which would otherwise be charged to the first shapes measured.
     */
    private static void warmUp(CpuBackend be, double seconds) {
        List<ConvGeometry> gs = List.of(
                new ConvGeometry(1, 16, new int[] {16, 16, 16}, 32, new int[] {3, 3, 3}, new int[] {1, 1, 1},
                        new int[] {1, 1, 1}, new int[] {1, 1, 1}),
                new ConvGeometry(1, 16, new int[] {24, 24, 24}, 32, new int[] {3, 3, 3}, new int[] {2, 2, 2},
                        new int[] {1, 1, 1}, new int[] {1, 1, 1}),
                new ConvGeometry(1, 16, new int[] {20, 20, 20}, 1, new int[] {3, 3, 3}, new int[] {1, 1, 1},
                        new int[] {1, 1, 1}, new int[] {1, 1, 1}),
                new ConvGeometry(1, 1, new int[] {20, 20, 20}, 16, new int[] {3, 3, 3}, new int[] {1, 1, 1},
                        new int[] {1, 1, 1}, new int[] {1, 1, 1}));
        long end = System.nanoTime() + (long) (seconds * 1e9);
        Buffer a = org.cryoetgan.bench.jmh.BenchData.random(be, 256 * 256, 1);
        Buffer c = be.allocate(256 * 256);
        while (System.nanoTime() < end) {
            be.gemm(false, false, 256, 256, 256, 1f, a, 0, 256, a, 0, 256, 0f, c, 0, 256);
            for (ConvGeometry g : gs) {
                Buffer x = org.cryoetgan.bench.jmh.BenchData.random(be, (long) g.inChannels * g.inVolume(), 2);
                Buffer w = org.cryoetgan.bench.jmh.BenchData.random(be, (long) g.outChannels * g.patchSize(), 3);
                Buffer y = be.allocate((long) g.outChannels * g.outVolume());
                Buffer dw = be.allocate((long) g.outChannels * g.patchSize());
                be.conv3d(g, x, w, null, y);
                be.conv3dBackwardData(g, y, w, x);
                be.conv3dBackwardWeight(g, x, y, dw, null);
            }
        }
    }

    private static void report(Row r, boolean json) {
        if (json) {
            System.out.printf(Locale.ROOT,
                    "{\"name\": \"%s\", \"pass\": \"%s\", \"gflop\": %.4f, \"best_ms\": %.3f, \"median_ms\": %.3f,"
                            + " \"runs\": %d%s}%n", r.name, r.pass, r.flops / 1e9, r.bestMs, r.medianMs, r.runs,
                    r.geometry == null ? "" : ", \"geometry\": " + r.geometry);
        } else {
            System.out.printf(Locale.ROOT, "%-34s %-8s %8.3f GFLOP %10.2f ms %8.1f GFLOP/s  (median %.2f ms, %d runs)%n",
                    r.name, r.pass, r.flops / 1e9, r.bestMs, r.gflops(), r.medianMs, r.runs);
        }
        System.out.flush();
    }

    private static Row timeGemm(CpuBackend be, int n, double budget) {
        Buffer a = org.cryoetgan.bench.jmh.BenchData.random(be, (long) n * n, 1);
        Buffer b = org.cryoetgan.bench.jmh.BenchData.random(be, (long) n * n, 2);
        Buffer c = be.allocate((long) n * n);
        return time("sgemm " + n + "^3", "gemm", 2.0 * n * n * n, budget,
                () -> be.gemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n));
    }

    private static List<Row> timeConv(CpuBackend be, ConvShapes.Shape s, double budget) {
        ConvGeometry g = s.geometry();
        Buffer x = org.cryoetgan.bench.jmh.BenchData.random(be, (long) g.batch * g.inChannels * g.inVolume(), 3);
        Buffer w = org.cryoetgan.bench.jmh.BenchData.random(be, (long) g.outChannels * g.patchSize(), 4);
        Buffer dy = org.cryoetgan.bench.jmh.BenchData.random(be, (long) g.batch * g.outChannels * g.outVolume(), 5);
        Buffer y = be.allocate((long) g.batch * g.outChannels * g.outVolume());
        Buffer dx = be.allocate((long) g.batch * g.inChannels * g.inVolume());
        Buffer dw = be.allocate((long) g.outChannels * g.patchSize());
        double f = g.flops();
        List<Row> out = new ArrayList<>();
        out.add(time(s.name(), "fwd", f, budget, () -> be.conv3d(g, x, w, null, y)));
        out.add(time(s.name(), "bwdData", f, budget, () -> be.conv3dBackwardData(g, dy, w, dx)));
        out.add(time(s.name(), "bwdWeight", f, budget, () -> be.conv3dBackwardWeight(g, x, dy, dw, null)));
        String geo = String.format(Locale.ROOT, "{\"cin\": %d, \"cout\": %d, \"in\": %s, \"k\": %s, \"s\": %s,"
                        + " \"p\": %s, \"d\": %s, \"transposed\": %b}", g.inChannels, g.outChannels,
                java.util.Arrays.toString(g.in), java.util.Arrays.toString(g.kernel),
                java.util.Arrays.toString(g.stride), java.util.Arrays.toString(g.padding),
                java.util.Arrays.toString(g.dilation), s.transposed());
        List<Row> withGeo = new ArrayList<>();
        for (Row r : out) {
            withGeo.add(new Row(r.name, r.pass, r.flops, r.bestMs, r.medianMs, r.runs, geo));
        }
        return withGeo;
    }

    /**
     * Warm-up (at least 3 runs and half the budget: the JIT needs a few thousand tiles to compile the kernels
     * into their callers), then runs until the budget is spent (3 to 20 runs).
     */
    static Row time(String name, String pass, double flops, double budgetSeconds, Runnable body) {
        long warm = System.nanoTime();
        for (int i = 0; i < 3 || (i < 50 && (System.nanoTime() - warm) / 1e9 < budgetSeconds / 2); i++) {
            body.run();
        }
        List<Double> ms = new ArrayList<>();
        long start = System.nanoTime();
        while (ms.size() < 3 || (ms.size() < 20 && (System.nanoTime() - start) / 1e9 < budgetSeconds)) {
            long t0 = now();
            body.run();
            ms.add((now() - t0) / 1e6);
        }
        List<Double> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        return new Row(name, pass, flops, sorted.get(0), sorted.get(sorted.size() / 2), ms.size(), null);
    }
}
