package org.cryoetgan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cryoetgan-cli metrics}: the group of evaluation metrics; one subcommand per metric. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Evaluation metrics on volumes.",
        subcommands = {SsimCommand.class, CommandLine.HelpCommand.class})
final class MetricsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
