package org.cryoetgan.engine.cuda;

/**
 * Raw device memory as the {@link CachingAllocator} sees it: whole allocations by byte count, identified by their
 * device address. Implemented by the CUDA driver ({@code cuMemAlloc}/{@code cuMemFree}), by the kernel emulator
 * of the tests, and by fakes.
 */
public interface DeviceMemory {

    /**
     * Allocates {@code bytes} bytes and returns the device address.
     *
     * @throws DeviceOutOfMemoryException when the device has no room (other failures are other exceptions)
     */
    long malloc(long bytes);

    /** Returns an allocation made by {@link #malloc}. */
    void free(long address);
}
