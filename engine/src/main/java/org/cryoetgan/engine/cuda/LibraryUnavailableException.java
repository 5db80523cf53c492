package org.cryoetgan.engine.cuda;

/** An optional GPU library cannot be used; the message is the reason as the user reads it. */
public final class LibraryUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LibraryUnavailableException(String reason) {
        super(reason);
    }
}
