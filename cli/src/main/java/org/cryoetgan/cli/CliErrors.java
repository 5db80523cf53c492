package org.cryoetgan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns I/O and input errors into one "error: ..." line on stderr and exit status 1, instead of a stack trace. */
final class CliErrors {

    private CliErrors() {
    }

    /** Work that may fail on bad input files. */
    @FunctionalInterface
    interface Work {
        int run() throws IOException;
    }

    static int reportingIoErrors(Work work) {
        try {
            return work.run();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | java.util.NoSuchElementException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
