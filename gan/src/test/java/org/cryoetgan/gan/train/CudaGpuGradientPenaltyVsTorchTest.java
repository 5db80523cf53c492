package org.cryoetgan.gan.train;

import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.cuda.CudaTestBackends;
import org.cryoetgan.engine.cuda.GpuOptions;

/**
 * The penalties against torch on a real GPU (device 0, cuBLAS and cuDNN where they load). Skipped, with the reason,
 * where no GPU works.
 */
class CudaGpuGradientPenaltyVsTorchTest extends GradientPenaltyVsTorchSuite {
    @Override
    protected Backend openBackend() {
        return CudaTestBackends.gpu("GPU penalty test", GpuOptions.DEFAULT, CudaTestBackends.COLUMN_LIMIT);
    }
}
