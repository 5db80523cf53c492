package org.cryoetgan.engine.cuda;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PyTorch-style caching allocator over {@link DeviceMemory}. Requests are rounded up to multiples of
 * {@value #ROUND} bytes; released blocks are kept in one of two pools (small: at most {@value #SMALL_LIMIT} bytes,
 * large: the rest) and handed out again to a later request of the same pool whose rounded size they cover
 * without wasting more than a quarter of it (best fit). Blocks are never split or merged. When the device reports
 * out-of-memory, every cached block is returned to the device and the allocation is retried once.
 *
 * <p>All work is submitted to a single stream, so a block freed while kernels that use it are still queued can be
 * reused at once: later kernels run after them. Thread-safe; {@link #free} never touches the device, so it may
 * run on a cleaner thread.
 */
public final class CachingAllocator {
    /** Granularity of block sizes in bytes. */
    public static final long ROUND = 512;
    /** Largest block of the small pool. */
    public static final long SMALL_LIMIT = 1L << 20;

    /** A block of device memory handed to a user. */
    public static final class Block {
        private final long address;
        private final long size;
        private boolean live;

        Block(long address, long size) {
            this.address = address;
            this.size = size;
        }

        /** Device address of the first byte. */
        public long address() {
            return address;
        }

        /** Size in bytes (the rounded request). */
        public long size() {
            return size;
        }
    }

    private final DeviceMemory device;
    private final TreeMap<Long, ArrayDeque<Block>> smallPool = new TreeMap<>();
    private final TreeMap<Long, ArrayDeque<Block>> largePool = new TreeMap<>();
    private long liveBytes;
    private long reservedBytes;
    private long peakLiveBytes;
    private long peakReservedBytes;
    private long deviceAllocations;
    private long cacheHits;
    private long retries;

    public CachingAllocator(DeviceMemory device) {
        this.device = device;
    }

    /** {@code bytes} rounded up to the block granularity (at least one granule). */
    public static long roundUp(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative allocation: " + bytes);
        }
        return Math.max(ROUND, (bytes + ROUND - 1) / ROUND * ROUND);
    }

    /** A block of at least {@code bytes} bytes, from the cache when possible. */
    public synchronized Block allocate(long bytes) {
        long size = roundUp(bytes);
        TreeMap<Long, ArrayDeque<Block>> pool = poolFor(size);
        Map.Entry<Long, ArrayDeque<Block>> fit = pool.ceilingEntry(size);
        if (fit != null && fit.getKey() <= size + size / 4) {
            Block b = fit.getValue().pop();
            if (fit.getValue().isEmpty()) {
                pool.remove(fit.getKey());
            }
            cacheHits++;
            return handOut(b);
        }
        long address;
        try {
            address = device.malloc(size);
        } catch (DeviceOutOfMemoryException first) {
            retries++;
            emptyCache();
            try {
                address = device.malloc(size);
            } catch (DeviceOutOfMemoryException second) {
                throw new DeviceOutOfMemoryException("out of device memory allocating " + size + " bytes ("
                        + liveBytes + " bytes live in tensors, cache emptied and retried): " + second.getMessage());
            }
        }
        deviceAllocations++;
        reservedBytes += size;
        peakReservedBytes = Math.max(peakReservedBytes, reservedBytes);
        return handOut(new Block(address, size));
    }

    private Block handOut(Block b) {
        b.live = true;
        liveBytes += b.size;
        peakLiveBytes = Math.max(peakLiveBytes, liveBytes);
        return b;
    }

    private TreeMap<Long, ArrayDeque<Block>> poolFor(long size) {
        return size <= SMALL_LIMIT ? smallPool : largePool;
    }

    /** Returns a block to the cache (not to the device). */
    public synchronized void free(Block b) {
        if (!b.live) {
            throw new IllegalStateException("block at " + Long.toHexString(b.address) + " freed twice");
        }
        b.live = false;
        liveBytes -= b.size;
        poolFor(b.size).computeIfAbsent(b.size, s -> new ArrayDeque<>()).push(b);
    }

    /** Returns every cached (free) block to the device; live blocks are untouched. */
    public synchronized void emptyCache() {
        for (TreeMap<Long, ArrayDeque<Block>> pool : java.util.List.of(smallPool, largePool)) {
            for (ArrayDeque<Block> blocks : pool.values()) {
                for (Block b : blocks) {
                    device.free(b.address);
                    reservedBytes -= b.size;
                }
            }
            pool.clear();
        }
    }

    /** Bytes in blocks handed out and not yet freed. */
    public synchronized long liveBytes() {
        return liveBytes;
    }

    /** Bytes obtained from the device: live plus cached. */
    public synchronized long reservedBytes() {
        return reservedBytes;
    }

    public synchronized long peakLiveBytes() {
        return peakLiveBytes;
    }

    public synchronized long peakReservedBytes() {
        return peakReservedBytes;
    }

    /** Starts a new peak measurement at the current values. */
    public synchronized void resetPeaks() {
        peakLiveBytes = liveBytes;
        peakReservedBytes = reservedBytes;
    }

    /** Calls to {@link DeviceMemory#malloc} that succeeded. */
    public synchronized long deviceAllocations() {
        return deviceAllocations;
    }

    /** Allocations served from the cache. */
    public synchronized long cacheHits() {
        return cacheHits;
    }

    /** Allocations that hit out-of-memory and were retried after emptying the cache. */
    public synchronized long oomRetries() {
        return retries;
    }

    @Override
    public synchronized String toString() {
        return String.format("allocator[live %d B, reserved %d B, peak live %d B, peak reserved %d B, %d device "
                + "allocations, %d cache hits]", liveBytes, reservedBytes, peakLiveBytes, peakReservedBytes,
                deviceAllocations, cacheHits);
    }
}
