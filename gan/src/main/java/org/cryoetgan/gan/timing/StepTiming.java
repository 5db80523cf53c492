package org.cryoetgan.gan.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cryoetgan.engine.profile.KernelKind;

/**
 * The timings of repeated training steps (or classifier epochs) of one configuration: the wall time of each
 * measured repetition after the warm-up, the peak of the JVM heap in use and the garbage-collection time over them,
 * the convolution floating-point operations of one repetition, and, when profiled, the seconds per kernel kind
 * over all measured repetitions.
 *
 * @param label            the configuration, e.g. {@code step box=28 width=16 critic=32 s2 b1 wasserstein}
 * @param millis           wall time of each measured repetition
 * @param peakHeapBytes    sum of the heap pools' peak usage over the measured repetitions
 * @param gcSeconds        garbage-collection time over the measured repetitions
 * @param convFlops        convolution floating-point operations of one repetition (three passes each)
 * @param kernelSeconds    seconds per kernel kind over the measured repetitions (empty unless profiled)
 * @param slowestConvolutions the convolution passes that took the most time (kind and geometry), with their seconds
 *                         over the measured repetitions (empty unless profiled)
 */
public record StepTiming(String label, List<Double> millis, long peakHeapBytes, double gcSeconds, double convFlops,
                         Map<KernelKind, Double> kernelSeconds, Map<String, Double> slowestConvolutions) {

    public StepTiming {
        millis = List.copyOf(millis);
        kernelSeconds = Map.copyOf(kernelSeconds);
        slowestConvolutions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(slowestConvolutions));
    }

    /** The median wall time in ms (the mean of the middle two for an even count). */
    public double medianMillis() {
        List<Double> s = new ArrayList<>(millis);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The slowest measured repetition in ms. */
    public double maxMillis() {
        return millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Seconds of all measured repetitions together. */
    public double totalSeconds() {
        return millis.stream().mapToDouble(Double::doubleValue).sum() * 1e-3;
    }

    /** One JSON object on one line. */
    public String toJson() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "{\"label\":\"%s\",\"median_ms\":%.3f,\"max_ms\":%.3f,\"ms\":[", label,
                medianMillis(), maxMillis()));
        for (int i = 0; i < millis.size(); i++) {
            b.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "%.3f", millis.get(i)));
        }
        b.append(String.format(Locale.ROOT, "],\"peak_heap_bytes\":%d,\"gc_s\":%.3f,\"conv_flops\":%.6e",
                peakHeapBytes, gcSeconds, convFlops));
        b.append(",\"kernel_s\":{");
        boolean first = true;
        for (KernelKind k : KernelKind.values()) {
            Double s = kernelSeconds.get(k);
            if (s != null) {
                b.append(first ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.4f",
                        k.name().toLowerCase(Locale.ROOT), s));
                first = false;
            }
        }
        return b.append("}}").toString();
    }

    /** A few lines for a terminal: the times, and the share of each kernel kind and of GC when profiled. */
    public String summary() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%s: median %.1f ms, max/median %.2f, %d runs, peak heap %.0f MB, GC %.2f s, conv %.2f GFLOP/step"
                        + " (%.1f GFLOP/s at the median)%n",
                label, medianMillis(), maxMillis() / medianMillis(), millis.size(), peakHeapBytes / 1e6, gcSeconds,
                convFlops / 1e9, convFlops / medianMillis() / 1e6));
        if (!kernelSeconds.isEmpty()) {
            double total = totalSeconds();
            double inKernels = 0;
            for (KernelKind k : KernelKind.values()) {
                Double s = kernelSeconds.get(k);
                if (s != null) {
                    inKernels += s;
                    b.append(String.format(Locale.ROOT, "  %-22s %6.1f%%%n", k.name().toLowerCase(Locale.ROOT),
                            100 * s / total));
                }
            }
            b.append(String.format(Locale.ROOT, "  %-22s %6.1f%%%n", "outside kernels", 100 * (total - inKernels) / total));
            b.append(String.format(Locale.ROOT, "  %-22s %6.1f%% (overlaps the above)%n", "gc", 100 * gcSeconds / total));
            if (!slowestConvolutions.isEmpty()) {
                b.append("  slowest convolution passes:").append(System.lineSeparator());
                slowestConvolutions.forEach((name, sec) -> b.append(String.format(Locale.ROOT, "  %6.1f%%  %s%n",
                        100 * sec / total, name)));
            }
        }
        return b.toString();
    }
}
