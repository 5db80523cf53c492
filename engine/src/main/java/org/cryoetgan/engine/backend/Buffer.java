package org.cryoetgan.engine.backend;

/**
 * A block of float32 memory owned by a {@link Backend}. The op layer never reads it directly: it asks the
 * backend to run kernels on it or to copy it to the host.
 */
public interface Buffer {
    /** Number of float elements. */
    long numel();

    /** The backend that owns this memory. */
    Backend backend();

    /** Returns the memory to the backend. Idempotent. */
    void release();
}
