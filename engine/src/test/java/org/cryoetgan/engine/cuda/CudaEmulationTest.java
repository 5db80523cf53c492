package org.cryoetgan.engine.cuda;


import java.io.IOException;

/**
 * The parity suite on the kernel emulator: the unchanged .cu sources compiled with g++ and launched with exactly
 * the grids and arguments {@link CudaBackend} computes. Skipped (with the reason) only when g++ is missing; a failed build fails the tests.
 */
class CudaEmulationTest extends CudaParitySuite {
    /** glibc's correctly rounded log/cos give the JVM's numbers bit for bit. */
    @Override
    double normalTolerance() {
        return 0;
    }

    @Override
    CudaBackend openGpu() throws IOException {
        return CudaTestBackends.emulated(COLUMN_LIMIT);
    }
}
