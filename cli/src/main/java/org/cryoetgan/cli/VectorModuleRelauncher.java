package org.cryoetgan.cli;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Restarts the JVM with {@code --add-modules jdk.incubator.vector} when the Vector API module is not
 * loaded, so that {@code java -jar cryoetgan-cli.jar} reaches the engine's SIMD kernels.
 */
final class VectorModuleRelauncher {

    static final String MODULE = "jdk.incubator.vector";
    static final String MARKER_PROPERTY = "cryoetgan.relaunched";

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
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            return p.waitFor();
        } catch (Exception e) {
            System.err.println("note: could not relaunch with --add-modules " + MODULE + " (" + e.getMessage()
                    + "); running on the plain-Java kernels");
            return -1;
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
