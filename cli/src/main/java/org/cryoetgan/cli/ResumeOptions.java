package org.cryoetgan.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * What {@code train --resume} accepts besides the run folder: a resumed run keeps its data and every setting of
 * its config.json, so only the step count and how the run is executed (threads, device, checkpoint retention)
 * may be given.
 */
final class ResumeOptions {

    /** The options {@code --resume} may be combined with. */
    static final Set<String> ALLOWED = Set.of("--resume", "--steps", "--threads", "--device", "--tf32",
            "--keep-checkpoints", "--keep-every", "--help", "--version");

    private ResumeOptions() {
    }

    /** Throws, naming every option given, when {@code parsed} holds an option that a resumed run cannot take. */
    static void refuseOthers(ParseResult parsed) {
        List<String> refused = parsed.matchedOptions().stream().map(OptionSpec::longestName)
                .filter(n -> !ALLOWED.contains(n)).distinct().toList();
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("--resume continues a run with its own data and settings: "
                    + String.join(", ", refused) + (refused.size() == 1 ? " is" : " are")
                    + " not allowed with it (only --steps may change, plus --threads, --device,"
                    + " --keep-checkpoints and --keep-every)");
        }
    }
}
