package org.cryoetgan.gan.timing;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The JVM's heap and garbage-collection counters over a measured stretch: {@link #start()} resets the heap
 * pools' peaks and notes the collectors' accumulated time; afterwards {@link #peakHeapBytes()} is the sum of the
 * heap pools' peak usage since then (an upper bound of the peak of heap in use, as pools peak at different
 * moments) and {@link #gcSeconds()} the collection time since then.
 */
final class JvmMeter {
    private long gcMillisAtStart;

    void start() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        gcMillisAtStart = gcMillis();
    }

    long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    double gcSeconds() {
        return (gcMillis() - gcMillisAtStart) * 1e-3;
    }

    private static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }
}
