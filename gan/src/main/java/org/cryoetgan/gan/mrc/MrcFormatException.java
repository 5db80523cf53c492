package org.cryoetgan.gan.mrc;

import java.io.IOException;
import java.nio.file.Path;

/** An MRC file that cannot be read: the message names the file and the problem. */
public final class MrcFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public MrcFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public MrcFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
