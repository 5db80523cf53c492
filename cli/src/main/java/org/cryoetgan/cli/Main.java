package org.cryoetgan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code cryoetgan-cli.jar}. Wiring only: every command lives in its own file.
 *
 * <p>The engine's fast CPU kernels use the incubating Vector API ({@code jdk.incubator.vector}), which a jar
 * manifest cannot add. When the module is absent, {@link VectorModuleRelauncher} restarts the JVM once with
 * {@code --add-modules jdk.incubator.vector}; set {@code CRYOETGAN_NO_RELAUNCH=1} (or
 * {@code -Dcryoetgan.noRelaunch=true}) to opt out and run on the plain-Java fallback.
 */
@Command(name = "cryoetgan-cli",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "CryoETGAN: realistic, labelled cryo-ET subtomograms from density maps.",
        subcommands = {
                InfoCommand.class,
                InspectCommand.class,
                DensityCommand.class,
                SimulateCommand.class,
                PreviewCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        int relaunched = VectorModuleRelauncher.relaunchIfNeeded(Main.class, args);
        if (relaunched >= 0) {
            System.exit(relaunched);
        }
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line, also used by tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
