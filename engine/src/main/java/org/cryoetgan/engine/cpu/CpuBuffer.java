package org.cryoetgan.engine.cpu;

import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.backend.Buffer;

/** Host memory of the CPU backend: one float array. */
public final class CpuBuffer implements Buffer {
    private final CpuBackend backend;
    private float[] data;

    CpuBuffer(CpuBackend backend, float[] data) {
        this.backend = backend;
        this.data = data;
    }

    /** The array behind this buffer (CPU kernels only). */
    public float[] data() {
        if (data == null) {
            throw new IllegalStateException("buffer was released");
        }
        return data;
    }

    @Override
    public long numel() {
        return data == null ? 0 : data.length;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public void release() {
        // the array goes back to the backend's pool; dropping the reference makes use-after-free loud
        float[] d;
        synchronized (this) {
            d = data;
            data = null;
        }
        if (d != null) {
            backend.recycle(d);
        }
    }

    /** The array of a buffer that must belong to the CPU backend. */
    static float[] of(Buffer b) {
        if (!(b instanceof CpuBuffer)) {
            throw new IllegalArgumentException("buffer of backend " + b.backend().name() + " given to the CPU backend");
        }
        return ((CpuBuffer) b).data();
    }
}
