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

    void add(KernelKind kind, long elapsedNanos, double kindFlops) {
        nanos[kind.ordinal()] += elapsedNanos;
        calls[kind.ordinal()]++;
        flops[kind.ordinal()] += kindFlops;
    }

    /** Clears all counters. */
    public void reset() {
        java.util.Arrays.fill(nanos, 0);
        java.util.Arrays.fill(calls, 0);
        java.util.Arrays.fill(flops, 0);
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
