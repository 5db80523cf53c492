package org.cryoetgan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.ops.Convolution;
import org.cryoetgan.engine.ops.Movement;
import org.cryoetgan.engine.ops.Normalization;
import org.cryoetgan.engine.ops.Padding;

/**
 * Whole-network forward+backward timings composed directly from engine ops (the nn module is not used): the
 * CryoETGAN generator (c7s1-32, d64, d128, 6 residual blocks, noise channel, u64, u32, c7s1-1; instance norm
 * without affine parameters, no dropout) and the critic (C64, C128, C256, 256→1, 4³ convs with padding 1,
 * LeakyReLU 0.2, instance norm except on the first; no spectral norm) at stride 1 or 2. The loss is the sum of the
 * output; gradients are taken for all weights and biases, not for the input. Mirrors {@code compare_pytorch.py}.
 * Options: {@code --size N} (40), {@code --net generator|critic1|critic2|all}, {@code --runs R}, {@code --json}.
 * Threads come from {@code -Dcryoetgan.threads}.
 */
public final class NetworkTiming {
    private NetworkTiming() {
    }

    /** Parameters of one conv: weight and bias, gradients on. */
    private record Conv(Tensor w, Tensor b) {
        static Conv of(RandomGenerator rng, int... wShape) {
            int fanIn = wShape[1] * wShape[2] * wShape[3] * wShape[4];
            float std = (float) (1 / Math.sqrt(fanIn));
            int biasSize = wShape[0];
            return Scope.unscoped(() -> new Conv(Tensor.normal(rng, 0, std, wShape).requiresGrad(true),
                    Tensor.normal(rng, 0, std, biasSize).requiresGrad(true)));
        }

        /** A transposed conv weight is C_in × C_out × k³; its bias has C_out entries. */
        static Conv transposed(RandomGenerator rng, int cin, int cout, int k) {
            float std = (float) (1 / Math.sqrt(cin * k * k * k));
            return Scope.unscoped(() -> new Conv(Tensor.normal(rng, 0, std, cin, cout, k, k, k).requiresGrad(true),
                    Tensor.normal(rng, 0, std, cout).requiresGrad(true)));
        }
    }

    private static Tensor norm(Tensor x) {
        return Normalization.instanceNorm3d(x, null, null, 1e-5f);
    }

    /** The generator; returns a function computing the loss of one forward pass. */
    static Supplier<Tensor> generator(RandomGenerator rng, int n) {
        Conv c1 = Conv.of(rng, 32, 1, 7, 7, 7);
        Conv d1 = Conv.of(rng, 64, 32, 3, 3, 3);
        Conv d2 = Conv.of(rng, 128, 64, 3, 3, 3);
        List<Conv> res = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            res.add(Conv.of(rng, 128, 128, 3, 3, 3));
        }
        Conv u1 = Conv.transposed(rng, 129, 64, 3);
        Conv u2 = Conv.transposed(rng, 64, 32, 3);
        Conv c2 = Conv.of(rng, 1, 32, 7, 7, 7);
        Tensor x = Scope.unscoped(() -> Tensor.randn(rng, 1, 1, n, n, n));
        return () -> {
            Tensor h = Convolution.conv3d(Padding.pad3d(x, PadMode.REFLECT, 3), c1.w, c1.b, 1, 0);
            h = norm(h).relu();
            h = norm(Convolution.conv3d(h, d1.w, d1.b, 2, 1)).relu();
            h = norm(Convolution.conv3d(h, d2.w, d2.b, 2, 1)).relu();
            for (int i = 0; i < 12; i += 2) {
                Tensor r = norm(Convolution.conv3d(Padding.pad3d(h, PadMode.REFLECT, 1), res.get(i).w,
                        res.get(i).b, 1, 0)).relu();
                r = norm(Convolution.conv3d(Padding.pad3d(r, PadMode.REFLECT, 1), res.get(i + 1).w,
                        res.get(i + 1).b, 1, 0));
                h = h.add(r);
            }
            Tensor noise = Tensor.randn(rng, 1, 1, h.size(2), h.size(3), h.size(4));
            h = Movement.concat(1, h, noise);
            h = norm(Convolution.convTranspose3d(h, u1.w, u1.b, 2, 1, 1)).relu();
            h = norm(Convolution.convTranspose3d(h, u2.w, u2.b, 2, 1, 1)).relu();
            h = Convolution.conv3d(Padding.pad3d(h, PadMode.REFLECT, 3), c2.w, c2.b, 1, 0).tanh();
            return h.sum();
        };
    }

    /** The critic at the given stride (the last conv is always stride 1). */
    static Supplier<Tensor> critic(RandomGenerator rng, int n, int stride) {
        Conv a = Conv.of(rng, 64, 1, 4, 4, 4);
        Conv b = Conv.of(rng, 128, 64, 4, 4, 4);
        Conv c = Conv.of(rng, 256, 128, 4, 4, 4);
        Conv d = Conv.of(rng, 1, 256, 4, 4, 4);
        Tensor x = Scope.unscoped(() -> Tensor.randn(rng, 1, 1, n, n, n));
        return () -> {
            Tensor h = Convolution.conv3d(x, a.w, a.b, stride, 1).leakyRelu(0.2f);
            h = norm(Convolution.conv3d(h, b.w, b.b, stride, 1)).leakyRelu(0.2f);
            h = norm(Convolution.conv3d(h, c.w, c.b, stride, 1)).leakyRelu(0.2f);
            return Convolution.conv3d(h, d.w, d.b, 1, 1).sum();
        };
    }

    /** CPU time of the whole process (all threads), ns. */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Times forward+backward, returns {best wall, median wall, best process CPU} in ms after warm-up. On a loaded
     * machine the CPU time (core-milliseconds over all threads) is the steadier figure.
     */
    static double[] time(Supplier<Tensor> loss, int runs, int warm) {
        List<Double> ms = new ArrayList<>();
        double bestCpu = Double.MAX_VALUE;
        for (int i = 0; i < warm + runs; i++) {
            long t0 = System.nanoTime();
            long c0 = processCpu();
            try (Scope s = Scope.open()) {
                loss.get().backward();
            }
            if (i >= warm) {
                ms.add((System.nanoTime() - t0) / 1e6);
                bestCpu = Math.min(bestCpu, (processCpu() - c0) / 1e6);
            }
        }
        ms.sort(null);
        return new double[] {ms.get(0), ms.get(ms.size() / 2), bestCpu};
    }

    public static void main(String[] args) {
        int n = 40;
        int runs = 5;
        String net = "all";
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> n = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--net" -> net = args[++i];
                case "--json" -> json = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RandomGenerator rng = new RandomGenerator(7);
        List<String> nets = net.equals("all") ? List.of("generator", "critic1", "critic2") : List.of(net);
        for (String name : nets) {
            Supplier<Tensor> loss = switch (name) {
                case "generator" -> generator(rng, n);
                case "critic1" -> critic(rng, n, 1);
                case "critic2" -> critic(rng, n, 2);
                default -> throw new IllegalArgumentException("unknown net " + name);
            };
            int warm = name.equals("critic1") ? 3 : 8;
            double[] t = time(loss, name.equals("critic1") ? Math.min(runs, 3) : runs, warm);
            if (json) {
                System.out.printf(Locale.ROOT, "{\"net\": \"%s\", \"size\": %d, \"best_ms\": %.2f, \"median_ms\": %.2f,"
                        + " \"best_cpu_ms\": %.2f}%n", name, n, t[0], t[1], t[2]);
            } else {
                System.out.printf(Locale.ROOT, "%-10s %d^3 forward+backward: best %.1f ms, median %.1f ms, best process"
                        + " CPU %.1f ms%n", name, n, t[0], t[1], t[2]);
            }
        }
    }
}
