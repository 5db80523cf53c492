package org.cryoetgan.gan.train;

/** Thrown when a loss becomes NaN or infinite; the run stops and keeps its last good checkpoint. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
