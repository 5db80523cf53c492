package org.cryoetgan.cli;

import picocli.CommandLine.Option;

/** Options shared by the commands that write labelled batches of volumes ({@code density}, {@code simulate}). */
final class BatchOutputOptions {
    @Option(names = "--no-rotation", description = "Keep every volume in its source's orientation (batch mode rotates uniformly at random).")
    boolean noRotation;

    @Option(names = "--max-shift", defaultValue = "0", description = "Random shift up to this many Å per axis (default ${DEFAULT-VALUE}).")
    double maxShift;

    @Option(names = "--labels", defaultValue = "labels.csv", paramLabel = "FILE",
            description = "Label file name in --out; .star for RELION STAR, else CSV (default ${DEFAULT-VALUE}).")
    String labels;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @picocli.CommandLine.Mixin
    OverwriteOption overwrite = new OverwriteOption();

    /** Checks the shared options' values. */
    void check() {
        OptionChecks.nonNegative("--max-shift", maxShift);
    }

    @Option(names = "--float16", description = "Write MRC mode 12 (half precision) instead of mode 2 (float32).")
    boolean float16;
}
