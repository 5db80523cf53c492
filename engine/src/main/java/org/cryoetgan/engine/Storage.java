package org.cryoetgan.engine;

import java.lang.ref.Cleaner;
import org.cryoetgan.engine.backend.Buffer;

/**
 * Reference-counted owner of one backend {@link Buffer}, shared by a tensor and its views. The buffer is
 * released when the last tensor using it is closed; if every such tensor becomes unreachable without being
 * closed, a {@link Cleaner} releases it and counts a leak.
 */
final class Storage {
    private static final Cleaner CLEANER = Cleaner.create();

    /** The part that the cleaner may touch: it must not reference the Storage itself. */
    private static final class Releaser implements Runnable {
        private final Buffer buffer;
        /** Captured up front: a released buffer may report 0 elements. */
        private final long bytes;
        private boolean released;
        private boolean explicit;

        Releaser(Buffer buffer) {
            this.buffer = buffer;
            this.bytes = buffer.numel() * Float.BYTES;
        }

        @Override
        public synchronized void run() {
            if (!released) {
                released = true;
                buffer.release();
                MemoryStats.bufferReleased(bytes, !explicit);
            }
        }
    }

    final Buffer buffer;
    private final Releaser releaser;
    private final Cleaner.Cleanable cleanable;
    private int refs;

    Storage(Buffer buffer) {
        this.buffer = buffer;
        this.releaser = new Releaser(buffer);
        this.refs = 1;
        MemoryStats.bufferAllocated(buffer.numel() * Float.BYTES);
        this.cleanable = CLEANER.register(this, releaser);
    }

    synchronized void retain() {
        if (refs <= 0) {
            throw new IllegalStateException("storage already released");
        }
        refs++;
    }

    void release() {
        boolean last;
        synchronized (this) {
            last = --refs == 0;
        }
        if (last) {
            synchronized (releaser) {
                releaser.explicit = true;
            }
            cleanable.clean();
        }
    }
}
