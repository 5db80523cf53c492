package org.cryoetgan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cryoetgan-cli classifier}: the CB3D subtomogram classifier used for evaluation. */
@Command(name = "classifier", mixinStandardHelpOptions = true,
        description = "Train or apply the CB3D 3-D CNN classifier (Che et al. 2018) used by the evaluation metrics.",
        subcommands = {ClassifierTrainCommand.class, ClassifierEvalCommand.class, CommandLine.HelpCommand.class})
final class ClassifierCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
