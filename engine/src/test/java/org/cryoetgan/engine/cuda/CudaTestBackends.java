package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;

/**
 * The CUDA backends of the tests, for suites in any package or module (through the engine's test jar): on the
 * kernel emulator, or on a real GPU. Each skips the calling test class, with the reason, where it cannot open.
 */
public final class CudaTestBackends {
    /** Floats per vol2col chunk in the suites: small enough to split their convolutions into several chunks. */
    public static final long COLUMN_LIMIT = 3000;

    private CudaTestBackends() {
    }

    /**
     * A backend on a fresh emulator process (the unchanged .cu sources compiled with g++, see {@link CudaEmulator})
     * with vol2col chunks of at most {@code columnLimit} floats. Skips only when g++ is missing; a failed build
     * fails.
     */
    public static CudaBackend emulated(long columnLimit) throws IOException {
        return new CudaBackend("cuda-emu", new EmulatedGpuDevice(CudaEmulator.executableOrSkip()), columnLimit);
    }

    /**
     * A backend on device 0 through JCuda with {@code options} and vol2col chunks of at most {@code columnLimit}
     * floats; skips, naming {@code suite} and the reason, where no GPU works, which includes every build machine
     * without one.
     */
    public static CudaBackend gpu(String suite, GpuOptions options, long columnLimit) {
        CudaProbe.Result r = new CudaProbe(ordinal -> new JCudaDevice(ordinal)).open(0, options.ownKernelsOnly());
        assumeTrue(r.ok(), () -> "skipping the " + suite + ": " + r.reason());
        CudaBackend b = new CudaBackend("cuda:0", r.backend().device(), columnLimit, options);
        System.out.println(suite + " on " + b.description());
        return b;
    }
}
