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
                TrainCommand.class,
                GenerateCommand.class,
                MetricsCommand.class,
                InspectCommand.class,
                DensityCommand.class,
                SimulateCommand.class,
                PreviewCommand.class,
                ClassifierCommand.class,
                EvaluateCommand.class,
                BenchmarkCommand.class,
                UncertaintyCommand.class,
                SelftestCommand.class,
                TimeStepCommand.class,
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
        LauncherWatch.startIfRelaunched();
        int relaunched = VectorModuleRelauncher.relaunchIfNeeded(Main.class, args);
        if (relaunched >= 0) {
            System.exit(relaunched);
        }
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::reportError)
                .setParameterExceptionHandler(Main::reportBadArguments);
        SettingOptions.addTo(cl.getSubcommands().get("train"));
        return cl;
    }

    /**
     * Prints an argument that picocli cannot read (an unknown option, a value of the wrong type) as one line naming
     * the option, with where to find the command's options, instead of the whole usage text.
     */
    static int reportBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String hint = e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                ? " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)" : "";
        cmd.getErr().println("error: " + e.getMessage().strip().replace('\n', ' ') + hint + "; see '"
                + cmd.getCommandSpec().qualifiedName() + " --help'");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * Prints a failed command's error as one clear line (the message names the file and the problem); the stack
     * trace only with {@code CRYOETGAN_DEBUG=1}.
     */
    static int reportError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        Throwable cause = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof java.nio.file.NoSuchFileException && !message.contains("no such file")) {
            message = message + ": no such file";
        } else if (cause instanceof java.nio.file.AccessDeniedException) {
            message = message + ": permission denied";
        }
        cmd.getErr().println("error: " + message);
        String debug = System.getenv("CRYOETGAN_DEBUG");
        if (debug != null && !debug.isEmpty() && !"0".equals(debug)) {
            e.printStackTrace(cmd.getErr());
        }
        return 1;
    }
}
