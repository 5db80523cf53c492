package org.cryoetgan.gan.train;

import java.io.IOException;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.cuda.CudaTestBackends;

/**
 * The penalties against torch on the engine's CUDA kernel emulator (the .cu kernels compiled with g++, launched as
 * on a GPU), convolutions in several vol2col chunks. Skipped (with the reason) only when g++ is missing.
 */
class CudaEmulationGradientPenaltyVsTorchTest extends GradientPenaltyVsTorchSuite {
    @Override
    protected Backend openBackend() throws IOException {
        return CudaTestBackends.emulated(CudaTestBackends.COLUMN_LIMIT);
    }
}
