package org.cryoetgan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.Devices;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.nn.optim.Adam;

/**
 * Whole-network timings of the {@link Networks} on one device: forward+backward of the generator and the critic
 * (loss = sum of the output; gradients for all weights and biases, not for the input), and one training step
 * ({@code step}: generator forward, the stride-2 critic on the generated and on a real batch, WGAN loss
 * mean D(fake) − mean D(real), backward through both networks, one Adam update of all their parameters). Every
 * iteration ends with a device synchronisation, so GPU work is timed as run, not as queued. Mirrors
 * {@code compare_pytorch.py}.
 * Options (lists comma-separated, all combinations timed): {@code --size N} (40), {@code --batch B} (1),
 * {@code --net generator|critic1|critic2|step|all}, {@code --runs R} (5), {@code --warm W} (8, 3 for the step and
 * the CPU's critic1), {@code --device auto|cpu|cuda} (default: the engine's default backend), {@code --json}.
 * Threads come from {@code -Dcryoetgan.threads}; the GPU libraries from {@code -Dcryoetgan.cudnn/cublas}.
 */
public final class NetworkTiming {
    private NetworkTiming() {
    }

    /** CPU time of the whole process (all threads), ns. */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Times {@code iteration}, returns {best wall, median wall, best process CPU} in ms after warm-up. On a loaded
     * machine the CPU time (core-milliseconds over all threads) is the steadier figure.
     */
    static double[] time(Runnable iteration, Backend backend, int runs, int warm) {
        List<Double> ms = new ArrayList<>();
        double bestCpu = Double.MAX_VALUE;
        for (int i = 0; i < warm + runs; i++) {
            long t0 = System.nanoTime();
            long c0 = processCpu();
            try (Scope s = Scope.open()) {
                iteration.run();
            }
            backend.synchronize();
            if (i >= warm) {
                ms.add((System.nanoTime() - t0) / 1e6);
                bestCpu = Math.min(bestCpu, (processCpu() - c0) / 1e6);
            }
        }
        ms.sort(null);
        return new double[] {ms.get(0), ms.get(ms.size() / 2), bestCpu};
    }

    /** One iteration of {@code name} on a batch of {@code batch} volumes of {@code n}³. */
    static Runnable iteration(String name, RandomGenerator rng, int n, int batch) {
        Tensor x = Scope.unscoped(() -> Tensor.randn(rng, batch, 1, n, n, n));
        switch (name) {
            case "generator":
            case "critic1":
            case "critic2": {
                Networks.Net net = name.equals("generator") ? Networks.generator(rng)
                        : Networks.critic(rng, name.equals("critic1") ? 1 : 2);
                return () -> net.forward().apply(x).sum().backward();
            }
            case "step": {
                Networks.Net g = Networks.generator(rng);
                Networks.Net d = Networks.critic(rng, 2);
                Tensor real = Scope.unscoped(() -> Tensor.randn(rng, batch, 1, n, n, n));
                List<Tensor> params = new ArrayList<>(g.params());
                params.addAll(d.params());
                Adam adam = new Adam(params, 1e-4);
                return () -> {
                    adam.zeroGrad();
                    Tensor fake = g.forward().apply(x);
                    d.forward().apply(fake).mean().sub(d.forward().apply(real).mean()).backward();
                    adam.step();
                };
            }
            default:
                throw new IllegalArgumentException("unknown net " + name + ": use generator, critic1, critic2, step "
                        + "or all");
        }
    }

    /** The integers of a comma-separated list. */
    private static List<Integer> ints(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    public static void main(String[] args) {
        List<Integer> sizes = List.of(40);
        List<Integer> batches = List.of(1);
        int runs = 5;
        Integer warm = null;
        String net = "all";
        String device = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> sizes = ints(args[++i]);
                case "--batch" -> batches = ints(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                case "--net" -> net = args[++i];
                case "--device" -> device = args[++i];
                case "--json" -> json = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (device != null) {
            Backends.setDefault(Devices.select(device));
        }
        Backend backend = Backends.getDefault();
        RandomGenerator rng = new RandomGenerator(7);
        List<String> nets = net.equals("all") ? List.of("generator", "critic1", "critic2", "step")
                : List.of(net.split(","));
        for (int batch : batches) {
            for (int n : sizes) {
                for (String name : nets) {
                    Runnable it = iteration(name, rng, n, batch);
                    boolean slow = name.equals("critic1") && backend.name().equals("cpu");
                    int w = warm != null ? warm : slow || name.equals("step") ? 3 : 8;
                    double[] t = time(it, backend, slow ? Math.min(runs, 3) : runs, w);
                    print(json, name, n, batch, backend, t);
                }
            }
        }
    }

    private static void print(boolean json, String name, int n, int batch, Backend backend, double[] t) {
        if (json) {
            System.out.printf(Locale.ROOT, "{\"net\": \"%s\", \"size\": %d, \"batch\": %d, \"device\": \"%s\", "
                    + "\"best_ms\": %.2f, \"median_ms\": %.2f, \"best_cpu_ms\": %.2f}%n", name, n, batch,
                    backend.description().replace("\\", "\\\\").replace("\"", "'"), t[0], t[1], t[2]);
        } else {
            System.out.printf(Locale.ROOT, "%-10s %d^3 batch %d: best %.1f ms, median %.1f ms, best process CPU %.1f "
                    + "ms%n", name, n, batch, t[0], t[1], t[2]);
        }
    }
}
