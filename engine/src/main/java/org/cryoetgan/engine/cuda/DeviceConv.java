package org.cryoetgan.engine.cuda;

import org.cryoetgan.engine.backend.ConvGeometry;

/**
 * The three passes of a 3-D convolution on device addresses, with the meaning (and overwrite semantics) of the
 * Backend's conv3d methods; a zero bias/dbias address means none. Implemented by the engine's own kernels
 * ({@link CudaConv3d}) and by cuDNN ({@link CudnnConv3d}).
 */
interface DeviceConv {

    /** Which implementation this is, for messages. */
    String label();

    void forward(ConvGeometry g, long x, long w, long bias, long y);

    void backwardData(ConvGeometry g, long dy, long w, long dx);

    void backwardWeight(ConvGeometry g, long x, long dy, long dw, long dbias);
}
