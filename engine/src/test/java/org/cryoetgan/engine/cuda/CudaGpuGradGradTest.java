package org.cryoetgan.engine.cuda;

import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.ops.GradGradSuite;

/**
 * The second-order suite on a real GPU (device 0, cuBLAS and cuDNN where they load), convolutions of the own
 * kernels in several vol2col chunks. Skipped, with the reason, where no GPU works.
 */
class CudaGpuGradGradTest extends GradGradSuite {
    @Override
    protected Backend openBackend() {
        return CudaTestBackends.gpu("GPU second-order suite", GpuOptions.DEFAULT, CudaTestBackends.COLUMN_LIMIT);
    }
}
