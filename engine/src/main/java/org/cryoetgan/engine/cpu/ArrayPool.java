package org.cryoetgan.engine.cpu;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Recycles the float arrays of released CPU buffers by exact length. A training step allocates the same shapes
 * every time, so after the first step almost every tensor reuses an array instead of asking the JVM for a new,
 * zero-filled one (which costs both the zeroing and the garbage collection). Recycled arrays hold stale data:
 * the backend contract says new buffers are undefined. With {@code -Dcryoetgan.poisonRecycled=true} (set in the
 * tests) recycled arrays are filled with NaN, so a kernel that wrongly relies on zeroed memory fails loudly.
 * Arrays shorter than {@link #MIN_LENGTH} are not pooled; the pool keeps at most {@code capacityBytes}.
 */
final class ArrayPool {
    static final int MIN_LENGTH = 4096;
    private static final boolean POISON = Boolean.getBoolean("cryoetgan.poisonRecycled");

    private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
    private final long capacityBytes;
    private long heldBytes;
    private long hits;
    private long misses;

    ArrayPool(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** The default capacity: a quarter of the maximum heap. */
    static long defaultCapacity() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** An array of exactly {@code length} floats, recycled when one is free. */
    float[] take(int length) {
        if (length >= MIN_LENGTH) {
            float[] a = null;
            synchronized (this) {
                ArrayDeque<float[]> q = free.get(length);
                if (q != null && !q.isEmpty()) {
                    a = q.pop();
                    heldBytes -= 4L * length;
                    hits++;
                } else {
                    misses++;
                }
            }
            if (a != null) {
                if (POISON) {
                    java.util.Arrays.fill(a, Float.NaN);
                }
                return a;
            }
        }
        return new float[length];
    }

    /** Returns an array for reuse; dropped when the pool is full. */
    void give(float[] a) {
        if (a.length < MIN_LENGTH) {
            return;
        }
        synchronized (this) {
            if (heldBytes + 4L * a.length > capacityBytes) {
                return;
            }
            free.computeIfAbsent(a.length, k -> new ArrayDeque<>()).push(a);
            heldBytes += 4L * a.length;
        }
    }

    /** Drops every pooled array. */
    synchronized void clear() {
        free.clear();
        heldBytes = 0;
    }

    synchronized long heldBytes() {
        return heldBytes;
    }

    /** Allocations served from the pool. */
    synchronized long hits() {
        return hits;
    }

    /** Pool-sized allocations that needed a new array. */
    synchronized long misses() {
        return misses;
    }
}
