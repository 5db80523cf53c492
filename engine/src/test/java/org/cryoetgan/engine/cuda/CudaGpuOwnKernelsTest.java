package org.cryoetgan.engine.cuda;

/** The GPU parity suite with cuBLAS and cuDNN switched off: the engine's own kernels only. */
class CudaGpuOwnKernelsTest extends CudaGpuTest {
    @Override
    GpuOptions options() {
        return GpuOptions.DEFAULT.ownKernelsOnly();
    }
}
