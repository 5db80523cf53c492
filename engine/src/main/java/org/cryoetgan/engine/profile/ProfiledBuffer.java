package org.cryoetgan.engine.profile;

import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.backend.Buffer;

/** A buffer of the wrapped backend that names the {@link ProfilingBackend} as its owner. */
final class ProfiledBuffer implements Buffer {
    private final Buffer inner;
    private final ProfilingBackend owner;

    ProfiledBuffer(Buffer inner, ProfilingBackend owner) {
        this.inner = inner;
        this.owner = owner;
    }

    Buffer inner() {
        return inner;
    }

    @Override
    public long numel() {
        return inner.numel();
    }

    @Override
    public Backend backend() {
        return owner;
    }

    @Override
    public void release() {
        inner.release();
    }
}
