package org.cryoetgan.cli;

import java.util.Optional;

/**
 * In a JVM relaunched by {@link VectorModuleRelauncher}: exits this JVM when the launcher process is gone, so that
 * killing the launcher (even with SIGKILL, which runs none of its hooks) never leaves a training JVM running on
 * its own. A daemon thread polls the launcher's process handle, which also tells a reused process id apart.
 */
final class LauncherWatch {

    /** The system property that carries the launcher's process id to the relaunched JVM. */
    static final String PROPERTY = "cryoetgan.launcherPid";
    /** The exit status when the launcher has gone (that of SIGTERM). */
    static final int EXIT_STATUS = 143;
    private static final long POLL_MILLIS = 250;

    private LauncherWatch() {
    }

    /** Starts the watch when this JVM was relaunched with a launcher's process id; does nothing otherwise. */
    static void startIfRelaunched() {
        String pid = System.getProperty(PROPERTY);
        if (pid == null || pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> launcher;
        try {
            launcher = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + pid + " is not a process id");
        }
        if (launcher.isEmpty()) {
            launcherGone(pid);
        }
        ProcessHandle handle = launcher.get();
        Thread watch = new Thread(() -> {
            while (handle.isAlive()) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            launcherGone(pid);
        }, "launcher watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void launcherGone(String pid) {
        System.err.println("error: the launching JVM (pid " + pid + ") has exited; stopping");
        System.exit(EXIT_STATUS);
    }
}
