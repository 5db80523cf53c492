package org.cryoetgan.gan.timing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.profile.KernelProfile;
import org.cryoetgan.engine.profile.ProfilingBackend;

/**
 * One measured run: while open, the default backend is a {@link ProfilingBackend} around the previous default
 * (timed per kernel only when profiling), so that the networks built inside run on it. Repetitions before
 * {@link #beginMeasuring()} are the warm-up; each {@link #lap()} after it ends one measured repetition.
 */
final class Measurement implements AutoCloseable {
    private static final int SLOWEST = 8;
    private final Backend previous;
    private final ProfilingBackend backend;
    private final boolean profiled;
    private final JvmMeter meter = new JvmMeter();
    private final List<Double> millis = new ArrayList<>();
    private boolean measuring;
    private int repetitions;
    private long last;

    Measurement(boolean profiled) {
        this.previous = Backends.getDefault();
        this.profiled = profiled;
        this.backend = new ProfilingBackend(previous, profiled, false);
        Backends.setDefault(backend);
        this.last = System.nanoTime();
    }

    /** Ends the warm-up: clears the counters and starts the clock of the first measured repetition. */
    void beginMeasuring() {
        backend.synchronize();
        System.gc();
        backend.profile().reset();
        meter.start();
        measuring = true;
        last = System.nanoTime();
    }

    /** Marks the start of the next repetition without counting the time since the last lap (warm-up only). */
    void restartClock() {
        last = System.nanoTime();
    }

    /** Ends one repetition; counted when measuring. */
    void lap() {
        backend.synchronize();
        long now = System.nanoTime();
        if (measuring) {
            millis.add((now - last) * 1e-6);
            repetitions++;
        }
        last = now;
    }

    StepTiming result(String label) {
        if (repetitions == 0) {
            throw new IllegalStateException("nothing was measured");
        }
        KernelProfile p = backend.profile();
        Map<String, Double> slowest = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : p.slowestConvolutions(SLOWEST)) {
            slowest.put(String.format(java.util.Locale.ROOT, "%s (%.0f calls)", e.getKey(), e.getValue()[1]),
                    e.getValue()[0]);
        }
        return new StepTiming(label, millis, meter.peakHeapBytes(), meter.gcSeconds(),
                p.convolutionFlops() / repetitions, profiled ? p.secondsByKind() : Map.of(), slowest);
    }

    @Override
    public void close() {
        Backends.setDefault(previous);
    }
}
