package org.cryoetgan.cli;

import picocli.CommandLine.Option;

/** {@code --overwrite}: the explicit permission to replace existing output files. */
final class OverwriteOption {
    @Option(names = "--overwrite", description = "Replace existing output files (by default, an existing output"
            + " file or a non-empty output folder is an error).")
    boolean overwrite;
}
