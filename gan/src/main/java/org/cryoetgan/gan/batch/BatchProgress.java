package org.cryoetgan.gan.batch;

/** Told after each item of a batch job; the command line turns it into a progress bar. */
@FunctionalInterface
public interface BatchProgress {

    /** {@code done} of {@code total} items are finished; {@code item} names the last one. */
    void update(int done, int total, String item);

    /** Reports nothing. */
    BatchProgress SILENT = (done, total, item) -> { };
}
