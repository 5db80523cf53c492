package org.cryoetgan.engine.cuda;

import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.backend.Buffer;

/** Device memory of the CUDA backend: one block of its caching allocator. */
public final class CudaBuffer implements Buffer {
    private final CudaBackend backend;
    private final long numel;
    private CachingAllocator.Block block;

    CudaBuffer(CudaBackend backend, CachingAllocator.Block block, long numel) {
        this.backend = backend;
        this.block = block;
        this.numel = numel;
    }

    /** Device address of element {@code offset}. */
    public synchronized long address(long offset) {
        if (block == null) {
            throw new IllegalStateException("buffer was released");
        }
        return block.address() + offset * Float.BYTES;
    }

    @Override
    public long numel() {
        return numel;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public void release() {
        CachingAllocator.Block b;
        synchronized (this) {
            b = block;
            block = null;
        }
        if (b != null) {
            backend.allocator().free(b);
        }
    }
}
