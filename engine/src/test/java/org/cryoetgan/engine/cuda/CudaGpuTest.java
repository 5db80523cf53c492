package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        CudaProbe.Result r = new CudaProbe(ordinal -> new JCudaDevice(ordinal)).open(0, options().ownKernelsOnly());
        assumeTrue(r.ok(), () -> "skipping the GPU parity suite: " + r.reason());
        CudaBackend probed = r.backend();
        // reopen with the small column limit so that convolutions are chunked as in the emulation suite
        CudaBackend b = new CudaBackend("cuda:0", probed.device(), COLUMN_LIMIT, options());
        System.out.println("GPU parity suite on " + b.description());
        return b;
    }
}
