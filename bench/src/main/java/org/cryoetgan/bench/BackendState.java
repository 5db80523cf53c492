package org.cryoetgan.bench;

import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.Devices;
import org.cryoetgan.engine.backend.Backend;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The {@code backend} parameter of the benchmarks ({@code cpu}, {@code cuda}): a benchmark takes this state, builds
 * its tensors on {@link #backend()} (also made the engine's default for the trial) and calls {@link #sync()} at the
 * end of every measured call, because GPU launches are asynchronous and would otherwise be timed as queued, not
 * run. Where no GPU works, the {@code cuda} trials stop in their setup with the reason (JMH reports them and goes
 * on with the others); {@code -p backend=cpu} leaves them out.
 */
@State(Scope.Benchmark)
public class BackendState {
    @Param({"cpu", "cuda"})
    public String backend;

    private Backend selected;
    private Backend previousDefault;

    @Setup(Level.Trial)
    public void select() {
        try {
            selected = Devices.select(backend, notice -> { });
        } catch (IllegalStateException e) {
            throw new IllegalStateException("skipping backend=" + backend + ": " + e.getMessage(), e);
        }
        previousDefault = Backends.getDefault();
        Backends.setDefault(selected);
        System.out.println("# backend: " + selected.description());
    }

    @TearDown(Level.Trial)
    public void restore() {
        Backends.setDefault(previousDefault);
    }

    /** The backend of this trial. */
    public Backend backend() {
        return selected;
    }

    /** Waits for the work queued by the measured call (nothing to wait for on the CPU). */
    public void sync() {
        selected.synchronize();
    }
}
