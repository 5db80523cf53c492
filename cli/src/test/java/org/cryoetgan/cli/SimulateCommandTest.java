package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cryoetgan.gan.mrc.MrcReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @Test
    void oneMapIntoAnMrcPathWritesThatFileAsTheBatchsFirstSample(@TempDir Path dir) throws Exception {
        Path map = dir.resolve("one.mrc");
        assertEquals(0, CliRun.of("density", "--demo", "apoferritin", "--box", "8", "--voxel", "47", "--resolution",
                "94", "--out", dir.resolve("maps").toString()).code());
        Files.copy(dir.resolve("maps/apoferritin_0000.mrc"), map);
        Path one = dir.resolve("one-sim.mrc");
        CliRun r = CliRun.of("simulate", "--map", map.toString(), "--mode", "FOURIER", "--out", one.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(one), "a file, not a folder");

        Path batch = dir.resolve("batch");
        assertEquals(0, CliRun.of("simulate", "--map", map.toString(), "--mode", "FOURIER", "--out",
                batch.toString()).code());
        assertArrayEquals(MrcReader.readVolume(batch.resolve("one_0000.mrc")).data(),
                MrcReader.readVolume(one).data(), 0f);

        CliRun many = CliRun.of("simulate", "--map", map.toString(), "-n", "3", "--out",
                dir.resolve("three.mrc").toString());
        assertTrue(many.failedWithOneLine() && many.err().contains("--per-map 1"), many.err());
    }
}
