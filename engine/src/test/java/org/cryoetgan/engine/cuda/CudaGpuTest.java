package org.cryoetgan.engine.cuda;

/**
 * The parity suite on a real GPU through JCuda (device 0), with cuBLAS and cuDNN where they load (see
 * {@link CudaGpuOwnKernelsTest} for the own kernels alone). Skipped, with the reason, where no GPU works, which
 * includes every build machine without one.
 */
class CudaGpuTest extends CudaParitySuite {
    /** The library options of this run. */
    GpuOptions options() {
        return GpuOptions.DEFAULT;
    }

    @Override
    CudaBackend openGpu() {
        // the small column limit chunks convolutions as in the emulation suite
        return CudaTestBackends.gpu("GPU parity suite", options(), COLUMN_LIMIT);
    }
}
