package org.cryoetgan.nn;

/** Thrown by a strict {@link Module#loadStateDict} when the state does not match the module exactly. */
public final class StateDictException extends IllegalArgumentException {
    private final transient LoadReport report;

    public StateDictException(String message, LoadReport report) {
        super(message + ": " + report.describe());
        this.report = report;
    }

    /** The names that did not match. */
    public LoadReport report() {
        return report;
    }
}
