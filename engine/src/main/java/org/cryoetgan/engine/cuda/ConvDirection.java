package org.cryoetgan.engine.cuda;

/**
 * The three convolution passes as cuDNN names them, with the operand order of {@link ConvLibrary#run}: forward
 * (x, w → y), backward data (w, dy → dx; also the forward pass of a transposed convolution) and backward filter
 * (x, dy → dw).
 */
public enum ConvDirection {
    FORWARD, BACKWARD_DATA, BACKWARD_FILTER
}
