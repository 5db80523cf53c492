package org.cryoetgan.engine.cuda;

/**
 * One grow-only scratch area for library calls (cuDNN workspaces): replaced by a larger block when a call needs
 * more, never shrunk, so steady-state training allocates nothing. Blocks come from the backend's
 * {@link CachingAllocator}, whose stream-ordered reuse makes replacing a block safe while work is queued.
 */
final class Workspace {
    private final CachingAllocator allocator;
    private CachingAllocator.Block block;
    private int growths;

    Workspace(CachingAllocator allocator) {
        this.allocator = allocator;
    }

    /** The address of at least {@code bytes} bytes (0 when none are needed and none are held). */
    synchronized long ensure(long bytes) {
        if (bytes > capacity()) {
            if (block != null) {
                allocator.free(block);
            }
            block = null;
            block = allocator.allocate(bytes);
            growths++;
        }
        return block == null ? 0 : block.address();
    }

    synchronized long capacity() {
        return block == null ? 0 : block.size();
    }

    /** How many times the workspace was (re)allocated. */
    synchronized int growths() {
        return growths;
    }

    synchronized void release() {
        if (block != null) {
            allocator.free(block);
            block = null;
        }
    }
}
