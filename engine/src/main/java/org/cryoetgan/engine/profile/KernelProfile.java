package org.cryoetgan.engine.profile;

import java.util.EnumMap;
import java.util.Map;

/**
 * Wall time, call count and floating-point operations per {@link KernelKind}, as accumulated by a
 * {@link ProfilingBackend}. Floating-point operations are counted for convolutions (each of the three passes does
 * the forward pass's multiply-adds) and gemm; the other kinds count none. Not thread-safe: a backend is driven
 * from one thread.
 */
public final class KernelProfile {
    private final long[] nanos = new long[KernelKind.values().length];
    private final long[] calls = new long[KernelKind.values().length];
    private final double[] flops = new double[KernelKind.values().length];
    private final Map<String, double[]> convolutions = new java.util.HashMap<>();

    void add(KernelKind kind, long elapsedNanos, double kindFlops) {
        nanos[kind.ordinal()] += elapsedNanos;
        calls[kind.ordinal()]++;
        flops[kind.ordinal()] += kindFlops;
    }

    /** Adds a timed convolution pass to the per-shape account as well. */
    void addConvolution(KernelKind kind, String geometry, long elapsedNanos) {
        double[] a = convolutions.computeIfAbsent(kind.name().toLowerCase(java.util.Locale.ROOT) + " " + geometry,
                k -> new double[2]);
        a[0] += elapsedNanos * 1e-9;
        a[1]++;
    }

    /**
     * The {@code limit} convolution passes (kind and geometry) that took the most time, with their seconds and
     * calls, slowest first; empty unless timed.
     */
    public java.util.List<Map.Entry<String, double[]>> slowestConvolutions(int limit) {
        return convolutions.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                .limit(limit).map(e -> Map.entry(e.getKey(), e.getValue().clone())).toList();
    }

    /** Clears all counters. */
    public void reset() {
        java.util.Arrays.fill(nanos, 0);
        java.util.Arrays.fill(calls, 0);
        java.util.Arrays.fill(flops, 0);
        convolutions.clear();
    }

    /** Seconds spent in kernels of {@code kind}. */
    public double seconds(KernelKind kind) {
        return nanos[kind.ordinal()] * 1e-9;
    }

    /** Calls of kernels of {@code kind}. */
    public long calls(KernelKind kind) {
        return calls[kind.ordinal()];
    }

    /** Floating-point operations of kernels of {@code kind}. */
    public double flops(KernelKind kind) {
        return flops[kind.ordinal()];
    }

    /** Floating-point operations of the three convolution passes together. */
    public double convolutionFlops() {
        return flops(KernelKind.CONV_FORWARD) + flops(KernelKind.CONV_BACKWARD_DATA)
                + flops(KernelKind.CONV_BACKWARD_WEIGHT);
    }

    /** Seconds in all kernels. */
    public double totalSeconds() {
        long t = 0;
        for (long n : nanos) {
            t += n;
        }
        return t * 1e-9;
    }

    /** Seconds per kind, for the kinds that were called, in the enum's order. */
    public Map<KernelKind, Double> secondsByKind() {
        Map<KernelKind, Double> out = new EnumMap<>(KernelKind.class);
        for (KernelKind k : KernelKind.values()) {
            if (calls[k.ordinal()] > 0) {
                out.put(k, seconds(k));
            }
        }
        return out;
    }
}
