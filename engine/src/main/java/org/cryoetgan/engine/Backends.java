package org.cryoetgan.engine;

import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.cpu.CpuBackend;

/**
 * The process-wide default backend that tensor factories use. The CPU backend is created on first use with
 * the thread count from the {@code cryoetgan.threads} system property or {@code CRYOETGAN_THREADS} (default: all
 * available processors).
 */
public final class Backends {
    private static volatile Backend defaultBackend;
    private static volatile CpuBackend cpu;

    private Backends() {
    }

    /** The shared CPU backend. */
    public static CpuBackend cpu() {
        CpuBackend c = cpu;
        if (c == null) {
            synchronized (Backends.class) {
                if (cpu == null) {
                    cpu = new CpuBackend(CpuBackend.configuredThreads());
                }
                c = cpu;
            }
        }
        return c;
    }

    public static Backend getDefault() {
        Backend b = defaultBackend;
        return b == null ? cpu() : b;
    }

    public static void setDefault(Backend backend) {
        defaultBackend = backend;
    }
}
