package org.cryoetgan.engine.cuda;

import java.io.IOException;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.ops.GradGradSuite;

/**
 * The second-order suite on the kernel emulator: the backward passes recorded with createGraph run as the CUDA
 * launches a GPU would see, convolutions in several vol2col chunks. Skipped (with the reason) only when g++ is
 * missing.
 */
class CudaEmulationGradGradTest extends GradGradSuite {
    @Override
    protected Backend openBackend() throws IOException {
        return CudaTestBackends.emulated(CudaTestBackends.COLUMN_LIMIT);
    }
}
