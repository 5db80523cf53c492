package org.cryoetgan.engine.cuda;

/** A CUDA driver call failed; {@link #result()} is the driver's {@code CUresult} code. */
public final class CudaException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int result;

    public CudaException(String message, int result) {
        super(message);
        this.result = result;
    }

    public int result() {
        return result;
    }
}
