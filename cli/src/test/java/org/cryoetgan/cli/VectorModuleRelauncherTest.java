package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relaunched JVM dies with its launcher, however the launcher is stopped. */
class VectorModuleRelauncherTest {

    @Test
    void sigkillToTheLauncherStopsTheRelaunchedTraining(@TempDir Path tmp) throws Exception {
        killLauncherDuringTraining(tmp, Process::destroyForcibly);
    }

    @Test
    void sigtermToTheLauncherStopsTheRelaunchedTraining(@TempDir Path tmp) throws Exception {
        killLauncherDuringTraining(tmp, Process::destroy);
    }

    private static void killLauncherDuringTraining(Path tmp, Consumer<Process> kill) throws Exception {
        Path log = tmp.resolve("log.txt");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "train", "--out", tmp.resolve("run").toString(), "--box", "8",
                "--critic-layers", "2", "--steps", "1000000", "--width", "2",
                "--critic-width", "2", "--residual-blocks", "1", "--threads", "1"));
        command.addAll(ShapeFolders.trainingData(tmp.resolve("data"), 8));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("CRYOETGAN_NO_RELAUNCH");
        Process launcher = pb.start();
        ProcessHandle child = null;
        try {
            child = relaunchedChild(launcher, log);
            awaitOutput(log, "training on", child);
            kill.accept(launcher);
            assertTrue(launcher.waitFor(10, TimeUnit.SECONDS), "the launcher did not stop");
            ProcessHandle c = child;
            assertTrue(waitUntil(() -> !c.isAlive(), 5_000),
                    "the relaunched JVM " + child.pid() + " still runs 5 s after its launcher was killed");
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
            launcher.destroyForcibly();
        }
    }

    private static ProcessHandle relaunchedChild(Process launcher, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<ProcessHandle> child = launcher.children()
                    .filter(h -> h.info().arguments().map(a -> List.of(a).contains("--add-modules")).orElse(false))
                    .findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            assertTrue(launcher.isAlive(), () -> "the launcher exited early: " + read(log));
            Thread.sleep(50);
        }
        return fail("no relaunched JVM appeared: " + read(log));
    }

    private static void awaitOutput(Path log, String text, ProcessHandle child) throws Exception {
        assertTrue(waitUntil(() -> read(log).contains(text) || !child.isAlive(), 120_000), read(log));
        assertTrue(child.isAlive(), () -> "the relaunched JVM stopped by itself: " + read(log));
        assertFalse(read(log).contains("error:"), () -> read(log));
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition, long millis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }
}
