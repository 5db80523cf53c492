package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cryoetgan.gan.batch.OutputLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --append}, and jobs that meet in one output folder: in this JVM and, since file locks bind only
 * other processes, in separate JVMs.
 */
class GenerateAppendTest {

    @TempDir
    static Path tmp;
    static Path run;
    static Path maps;

    @BeforeAll
    static void trainATinyRunAndMakeMaps() throws java.io.IOException {
        run = tmp.resolve("run");
        List<String> args = new ArrayList<>(List.of("train", "--out", run.toString(), "--box", "8", "--critic-layers",
                "2", "--steps", "1", "--width", "2", "--critic-width", "2",
                "--residual-blocks", "1", "--sample-every", "5", "--checkpoint-every", "1"));
        args.addAll(ShapeFolders.trainingData(tmp.resolve("data"), 8));
        CliRun t = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, t.code(), t.err());
        maps = tmp.resolve("maps");
        CliRun d = CliRun.of("density", "--demo", "apoferritin", "--membrane", "--per-model", "1", "--box", "8",
                "--voxel", "47", "--resolution", "94", "--out", maps.toString());
        assertEquals(0, d.code(), d.err());
    }

    private static String[] generate(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--run", run.toString(), "--maps", maps.toString(),
                "--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Starts {@code cryoetgan-cli ARGS} in a JVM of its own, its stderr going to {@code log}. */
    private static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("CRYOETGAN_NO_RELAUNCH", "1");
        pb.environment().remove("SLURM_ARRAY_TASK_ID");
        return pb.start();
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static List<String> seeds(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",")[5]).toList();
    }

    private static long volumes(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".mrc")).count();
        }
    }

    /** Every volume in {@code dir} is listed exactly once in both label tables, and nothing else is. */
    private static void assertEveryVolumeListedOnce(Path dir) throws IOException {
        List<String> mrc;
        try (Stream<Path> s = Files.list(dir)) {
            mrc = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mrc")).sorted().toList();
        }
        List<String> csv = Files.readAllLines(dir.resolve("labels.csv"));
        List<String> listed = csv.subList(1, csv.size()).stream().map(l -> l.split(",")[0]).sorted().toList();
        assertEquals(mrc, listed, "labels.csv");
        List<String> star = Files.readAllLines(dir.resolve("particles.star")).stream().map(String::strip)
                .filter(l -> l.endsWith(".mrc") || l.contains(".mrc ")).map(l -> l.split("\\s+")[0]).sorted()
                .toList();
        assertEquals(mrc, star, "particles.star");
    }

    @Test
    void twoAppendingJobsInSeparateProcessesListEveryVolumeExactlyOnceWithSeedsOfTheirOwn() throws Exception {
        Path out = tmp.resolve("together");
        Process a = start(tmp.resolve("a.log"), generate(out, "--append", "--per-map", "8"));
        Process b = start(tmp.resolve("b.log"), generate(out, "--append", "--per-map", "8"));
        assertEquals(0, finish(a), () -> read(tmp.resolve("a.log")));
        assertEquals(0, finish(b), () -> read(tmp.resolve("b.log")));
        assertEquals(32, volumes(out));
        assertEveryVolumeListedOnce(out);
        assertEquals(32, new HashSet<>(seeds(out.resolve("labels.csv"))).size(), "32 distinct seeds");
    }

    @Test
    void aJobIntoAFolderThatAnotherProcessWritesFailsAtOnceNamingTheFolder() throws Exception {
        Path out = tmp.resolve("busy");
        try (OutputLock other = OutputLock.exclusive(out)) {
            for (String[] args : List.of(generate(out), generate(out, "--append"))) {
                Path log = tmp.resolve("busy.log");
                assertEquals(1, finish(start(log, args)), () -> read(log));
                String err = read(log).strip();
                assertTrue(err.startsWith("error: " + out + " is being written by another job right now")
                        && !err.contains("\n"), err);
            }
            CliRun density = CliRun.of("density", "--demo", "apoferritin", "--box", "8", "--out", out.toString());
            assertTrue(density.failedWithOneLine() && density.err().contains(out + " is being written"),
                    density.err());
        }
        assertEquals(0, volumes(out), "nothing written");
    }

    @Test
    void appendAddsToWhatGenerateWroteWhereASecondPlainJobIsRefused() throws Exception {
        Path out = tmp.resolve("grown");
        assertEquals(0, CliRun.of(generate(out, "--per-map", "2")).code());
        CliRun plain = CliRun.of(generate(out, "--per-map", "2"));
        assertTrue(plain.failedWithOneLine() && plain.err().contains("not empty"), plain.err());
        CliRun more = CliRun.of(generate(out, "--per-map", "3", "--append"));
        assertEquals(0, more.code(), more.err());
        assertTrue(more.out().contains("added 6 volumes"), more.out());
        assertEquals(10, volumes(out));
        assertEveryVolumeListedOnce(out);
        assertEquals(10, new HashSet<>(seeds(out.resolve("labels.csv"))).size());
    }

    @Test
    void appendRefusesOverwriteAndShards() {
        Path out = tmp.resolve("refused");
        CliRun both = CliRun.of(generate(out, "--append", "--overwrite"));
        assertTrue(both.failedWithOneLine() && both.err().contains("--append and --overwrite"), both.err());
        CliRun shard = CliRun.of(generate(out, "--append", "--shard", "1/2"));
        assertTrue(shard.failedWithOneLine() && shard.err().contains("--append cannot make one shard"), shard.err());
        assertTrue(Files.notExists(out));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
