package org.cryoetgan.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Process-wide counters of open tensors and live backend buffers. Tests use them to prove that scoped code
 * returns to its baseline; {@link #leakedBuffers()} counts buffers that were reclaimed by the garbage collector
 * instead of being closed (the leak net).
 */
public final class MemoryStats {
    private static final AtomicLong OPEN_TENSORS = new AtomicLong();
    private static final AtomicLong LIVE_BUFFERS = new AtomicLong();
    private static final AtomicLong LIVE_BYTES = new AtomicLong();
    private static final AtomicLong PEAK_BYTES = new AtomicLong();
    private static final AtomicLong LEAKED_BUFFERS = new AtomicLong();

    private MemoryStats() {
    }

    /** Tensors created and not yet closed (views included). */
    public static long openTensors() {
        return OPEN_TENSORS.get();
    }

    /** Backend buffers not yet released. */
    public static long liveBuffers() {
        return LIVE_BUFFERS.get();
    }

    /** Bytes held by live buffers. */
    public static long liveBytes() {
        return LIVE_BYTES.get();
    }

    /** Highest {@link #liveBytes()} seen since start or the last {@link #resetPeak()}. */
    public static long peakBytes() {
        return PEAK_BYTES.get();
    }

    public static void resetPeak() {
        PEAK_BYTES.set(LIVE_BYTES.get());
    }

    /** Buffers whose tensors became unreachable without being closed. */
    public static long leakedBuffers() {
        return LEAKED_BUFFERS.get();
    }

    static void tensorOpened() {
        OPEN_TENSORS.incrementAndGet();
    }

    static void tensorClosed() {
        OPEN_TENSORS.decrementAndGet();
    }

    static void bufferAllocated(long bytes) {
        LIVE_BUFFERS.incrementAndGet();
        long now = LIVE_BYTES.addAndGet(bytes);
        PEAK_BYTES.accumulateAndGet(now, Math::max);
    }

    static void bufferReleased(long bytes, boolean leaked) {
        LIVE_BUFFERS.decrementAndGet();
        LIVE_BYTES.addAndGet(-bytes);
        if (leaked) {
            LEAKED_BUFFERS.incrementAndGet();
        }
    }
}
