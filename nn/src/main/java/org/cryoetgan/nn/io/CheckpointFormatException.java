package org.cryoetgan.nn.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a valid (or not a supported) safetensors file or checkpoint; the message names the file. */
public final class CheckpointFormatException extends IOException {

    public CheckpointFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
