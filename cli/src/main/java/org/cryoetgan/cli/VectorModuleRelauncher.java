package org.cryoetgan.cli;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Restarts the JVM with {@code --add-modules jdk.incubator.vector} when the Vector API module is not
 * loaded, so that {@code java -jar cryoetgan-cli.jar} reaches the engine's SIMD kernels.
 *
 * <p>The relaunched JVM lives and dies with this one: a SIGINT or SIGTERM to the launcher stops the child
 * (through a shutdown hook) before the launcher exits, and the child, told the launcher's process id, exits by
 * itself when the launcher disappears without running its hooks (SIGKILL); see {@link LauncherWatch}.
 */
final class VectorModuleRelauncher {

    static final String MODULE = "jdk.incubator.vector";
    static final String MARKER_PROPERTY = "cryoetgan.relaunched";
    private static final long STOP_GRACE_SECONDS = 10;

    private VectorModuleRelauncher() {
    }

    /** True when the Vector API module is resolved in the boot layer of this JVM. */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    static boolean optedOut() {
        String env = System.getenv("CRYOETGAN_NO_RELAUNCH");
        return Boolean.getBoolean("cryoetgan.noRelaunch")
                || (env != null && !env.isEmpty() && !"0".equals(env) && !"false".equalsIgnoreCase(env));
    }

    /**
     * Relaunches when needed and possible.
     *
     * @return the child's exit code, or -1 when this JVM should carry on itself
     */
    static int relaunchIfNeeded(Class<?> mainClass, String[] args) {
        if (vectorModulePresent() || optedOut() || Boolean.getBoolean(MARKER_PROPERTY)) {
            return -1;
        }
        List<String> command = relaunchCommand(mainClass, args);
        if (command == null) {
            return -1;
        }
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (Exception e) {
            System.err.println("note: could not relaunch with --add-modules " + MODULE + " (" + e.getMessage()
                    + "); running on the plain-Java kernels");
            return -1;
        }
        Thread stopChild = new Thread(() -> stop(child), "stop relaunched JVM");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(child);
            return 130;
        }
    }

    /** Asks the child to stop (SIGTERM, so that it runs its own hooks), then kills it if it lingers. */
    static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(STOP_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The command line of the relaunched JVM, or null when this JVM's own command cannot be rebuilt. */
    static List<String> relaunchCommand(Class<?> mainClass, String[] args) {
        String javaHome = System.getProperty("java.home");
        File java = new File(new File(javaHome, "bin"), isWindows() ? "java.exe" : "java");
        if (!java.canExecute()) {
            return null;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.getPath());
        cmd.add("--add-modules");
        cmd.add(MODULE);
        cmd.add("-D" + MARKER_PROPERTY + "=true");
        cmd.add("-D" + LauncherWatch.PROPERTY + "=" + ProcessHandle.current().pid());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib:jdwp")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().contains("win");
    }
}
