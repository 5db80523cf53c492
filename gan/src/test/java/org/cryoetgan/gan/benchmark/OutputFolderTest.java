package org.cryoetgan.gan.benchmark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A non-empty output is refused; overwriting removes only what a benchmark writes, and never a reused run. */
class OutputFolderTest {
    @TempDir
    Path dir;

    @Test
    void refusesANonEmptyFolderAndOverwritesOnlyBenchmarkOutput() throws IOException {
        Path out = dir.resolve("out");
        BenchmarkRun.prepareOutput(out, false, null);
        assertTrue(Files.isDirectory(out));
        Files.createDirectories(out.resolve("generated"));
        Files.writeString(out.resolve("generated/a.mrc"), "x");
        Files.createDirectories(out.resolve("gan-run"));
        Files.writeString(out.resolve("gan-run/config.json"), "{}");
        Files.writeString(out.resolve("report.md"), "old");
        Files.writeString(out.resolve("montage-a.png"), "old");
        Files.writeString(out.resolve("notes.txt"), "the user's");
        IOException e = assertThrows(IOException.class, () -> BenchmarkRun.prepareOutput(out, false, null));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());

        BenchmarkRun.prepareOutput(out, true, out.resolve("gan-run"));
        assertFalse(Files.exists(out.resolve("generated")));
        assertFalse(Files.exists(out.resolve("report.md")));
        assertFalse(Files.exists(out.resolve("montage-a.png")));
        assertTrue(Files.exists(out.resolve("gan-run/config.json")), "the reused run stays");
        assertTrue(Files.exists(out.resolve("notes.txt")), "files a benchmark does not write stay");

        BenchmarkRun.prepareOutput(out, true, null);
        assertFalse(Files.exists(out.resolve("gan-run")));
    }

    @Test
    void aFileIsNotAnOutputFolder() throws IOException {
        Path f = Files.writeString(dir.resolve("f"), "x");
        assertThrows(IOException.class, () -> BenchmarkRun.prepareOutput(f, true, null));
    }
}
