package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The parity suite on the kernel emulator: the unchanged .cu sources compiled with g++ and launched with exactly
 * the grids and arguments {@link CudaBackend} computes. Skipped (with the reason) when g++ is missing.
 */
class CudaEmulationTest extends CudaParitySuite {
    /** glibc's correctly rounded log/cos give the JVM's numbers bit for bit. */
    @Override
    double normalTolerance() {
        return 0;
    }

    @Override
    CudaBackend openGpu() throws IOException {
        Path exe = CudaEmulator.executable();
        assumeTrue(exe != null, () -> "skipping CUDA kernel emulation: " + CudaEmulator.failure());
        return new CudaBackend("cuda-emu", new EmulatedGpuDevice(exe), COLUMN_LIMIT);
    }
}
