package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The parity suite on a real GPU through JCuda (device 0). Skipped, with the reason, where no GPU works, which
 * includes every build machine without one.
 */
class CudaGpuTest extends CudaParitySuite {
    @Override
    CudaBackend openGpu() {
        CudaProbe.Result r = new CudaProbe(ordinal -> new JCudaDevice(ordinal)).open(0);
        assumeTrue(r.ok(), () -> "skipping the GPU parity suite: " + r.reason());
        CudaBackend probed = r.backend();
        // reopen with the small column limit so that convolutions are chunked as in the emulation suite
        return new CudaBackend("cuda:0", probed.device(), COLUMN_LIMIT);
    }
}
