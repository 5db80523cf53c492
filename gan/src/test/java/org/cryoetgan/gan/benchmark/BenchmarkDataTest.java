package org.cryoetgan.gan.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder's checks: its three folders, labels, one box size, S-test's classes present in D. */
class BenchmarkDataTest {
    @TempDir
    Path dir;

    private void folder(String name, int box, String... labels) throws IOException {
        Path f = Files.createDirectories(dir.resolve(name));
        StringBuilder csv = new StringBuilder("file,label\n");
        for (int i = 0; i < labels.length; i++) {
            MrcWriter.write(f.resolve("v" + i + ".mrc"), Volume.cube(box, 10));
            csv.append("v").append(i).append(".mrc,").append(labels[i]).append('\n');
        }
        Files.writeString(f.resolve("labels.csv"), csv);
    }

    @Test
    void loadsTheThreeFolders() throws IOException {
        folder("D", 8, "a", "b");
        folder("S-train", 8, "a", "b", "a");
        folder("S-test", 8, "b", "a");
        BenchmarkData.Loaded l = BenchmarkData.at(dir).load();
        assertEquals(2, l.density().size());
        assertEquals(3, l.train().size());
        assertEquals(2, l.test().labels().size());
    }

    @Test
    void namesTheProblem() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> BenchmarkData.at(dir));
        assertTrue(missing.getMessage().contains("no D/ folder"), missing.getMessage());
        folder("D", 8, "a", "b");
        folder("S-train", 8, "a", "b");
        folder("S-test", 8, "a", "c");
        IOException unknown = assertThrows(IOException.class, () -> BenchmarkData.at(dir).load());
        assertTrue(unknown.getMessage().contains("class c"), unknown.getMessage());
        folder("S-test", 12, "a", "b");
        IOException size = assertThrows(IOException.class, () -> BenchmarkData.at(dir).load());
        assertTrue(size.getMessage().contains("12³") && size.getMessage().contains("8³"), size.getMessage());
        folder("S-test", 8, "a", "a");
        IOException oneClass = assertThrows(IOException.class, () -> BenchmarkData.at(dir).load());
        assertTrue(oneClass.getMessage().contains("at least two classes"), oneClass.getMessage());
    }
}
