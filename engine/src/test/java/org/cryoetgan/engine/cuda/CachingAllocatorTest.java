package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The caching allocator against a fake device with a fixed capacity. */
class CachingAllocatorTest {

    /** Hands out increasing addresses and fails beyond {@code capacity} bytes in use. */
    static final class FakeDevice implements DeviceMemory {
        final long capacity;
        final Map<Long, Long> live = new HashMap<>();
        long used;
        long next = 0x10000;
        int mallocs;
        int frees;

        FakeDevice(long capacity) {
            this.capacity = capacity;
        }

        @Override
        public long malloc(long bytes) {
            if (used + bytes > capacity) {
                throw new DeviceOutOfMemoryException("fake device full");
            }
            mallocs++;
            used += bytes;
            long a = next;
            next += bytes;
            live.put(a, bytes);
            return a;
        }

        @Override
        public void free(long address) {
            Long b = live.remove(address);
            if (b == null) {
                throw new IllegalStateException("bad free");
            }
            frees++;
            used -= b;
        }
    }

    @Test
    void roundsToGranules() {
        assertEquals(512, CachingAllocator.roundUp(0));
        assertEquals(512, CachingAllocator.roundUp(1));
        assertEquals(512, CachingAllocator.roundUp(512));
        assertEquals(1024, CachingAllocator.roundUp(513));
        assertThrows(IllegalArgumentException.class, () -> CachingAllocator.roundUp(-1));
    }

    @Test
    void reusesFreedBlocksAndCounts() {
        FakeDevice dev = new FakeDevice(1 << 30);
        CachingAllocator a = new CachingAllocator(dev);
        CachingAllocator.Block b1 = a.allocate(1000);
        assertEquals(1024, b1.size());
        assertEquals(1024, a.liveBytes());
        a.free(b1);
        assertEquals(0, a.liveBytes());
        assertEquals(1024, a.reservedBytes());
        CachingAllocator.Block b2 = a.allocate(1020);
        assertEquals(b1.address(), b2.address(), "same bucket: reused");
        assertEquals(1, dev.mallocs);
        assertEquals(1, a.cacheHits());
        CachingAllocator.Block big = a.allocate(3 << 20);
        assertEquals(3 << 20, a.peakLiveBytes() - 1024);
        a.free(big);
        CachingAllocator.Block tooSmallForBig = a.allocate(1 << 20);
        assertNotEquals(big.address(), tooSmallForBig.address(), "a 3 MiB block is not wasted on 1 MiB");
        CachingAllocator.Block fits = a.allocate((3 << 20) - 4096);
        assertEquals(big.address(), fits.address(), "best fit within a quarter");
        assertThrows(IllegalStateException.class, () -> {
            a.free(b2);
            a.free(b2);
        });
    }

    @Test
    void emptiesTheCacheAndRetriesWhenOutOfMemory() {
        FakeDevice dev = new FakeDevice(10_000);
        CachingAllocator a = new CachingAllocator(dev);
        CachingAllocator.Block x = a.allocate(4000);
        CachingAllocator.Block y = a.allocate(4000);
        a.free(x);
        a.free(y);
        assertEquals(8192, a.reservedBytes());
        CachingAllocator.Block z = a.allocate(6000);  // no cached block fits and the device is full: retry
        assertEquals(1, a.oomRetries());
        assertEquals(2, dev.frees);
        assertEquals(6144, a.reservedBytes());
        assertEquals(6144, a.liveBytes());
        DeviceOutOfMemoryException e = assertThrows(DeviceOutOfMemoryException.class, () -> a.allocate(8000));
        assertTrue(e.getMessage().contains("6144 bytes live"), e.getMessage());
        a.free(z);
        a.emptyCache();
        assertEquals(0, a.reservedBytes());
        assertTrue(dev.live.isEmpty());
        assertEquals(6144, a.peakReservedBytes() - 2048);
    }

    @Test
    void smallAndLargePoolsAreSeparate() {
        FakeDevice dev = new FakeDevice(1L << 32);
        CachingAllocator a = new CachingAllocator(dev);
        CachingAllocator.Block small = a.allocate(CachingAllocator.SMALL_LIMIT);
        a.free(small);
        CachingAllocator.Block large = a.allocate(CachingAllocator.SMALL_LIMIT + 1);
        assertNotEquals(small.address(), large.address());
        a.resetPeaks();
        assertEquals(a.liveBytes(), a.peakLiveBytes());
    }
}
