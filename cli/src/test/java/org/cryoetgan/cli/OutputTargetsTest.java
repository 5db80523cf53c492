package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands refuse, before any work, to replace existing outputs without --overwrite or to write where they cannot. */
class OutputTargetsTest {

    @TempDir
    Path dir;

    private static final String[] DENSITY = {"density", "--demo", "apoferritin", "--per-model", "1", "--box", "8",
        "--voxel", "47", "--resolution", "94"};

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void aSecondBatchIntoTheSameFolderIsRefusedUnlessOverwrite() throws Exception {
        Path maps = dir.resolve("maps");
        assertEquals(0, CliRun.of(with(DENSITY, "--out", maps.toString())).code());
        byte[] labels = Files.readAllBytes(maps.resolve("labels.csv"));
        CliRun again = CliRun.of(with(DENSITY, "--seed", "7", "--out", maps.toString()));
        assertTrue(again.failedWithOneLine(), again.err());
        assertTrue(again.err().contains(maps + " is not empty") && again.err().contains("--overwrite"), again.err());
        assertTrue(java.util.Arrays.equals(labels, Files.readAllBytes(maps.resolve("labels.csv"))));
        assertEquals(0, CliRun.of(with(DENSITY, "--seed", "7", "--overwrite", "--out", maps.toString())).code());

        Path sims = dir.resolve("sims");
        String[] simulate = {"simulate", "--map", maps.toString(), "--mode", "FOURIER", "--out", sims.toString()};
        assertEquals(0, CliRun.of(simulate).code());
        CliRun s = CliRun.of(simulate);
        assertTrue(s.failedWithOneLine() && s.err().contains("not empty"), s.err());
    }

    @Test
    void existingFilesAreNotReplacedWithoutOverwrite() throws Exception {
        Path mrc = dir.resolve("v.mrc");
        MrcWriter.write(mrc, new Volume(4, 4, 4, new float[64], Vec3.of(10), Vec3.ZERO));
        Path png = Files.writeString(dir.resolve("old.png"), "precious");
        CliRun p = CliRun.of("preview", mrc.toString(), "--out", png.toString());
        assertTrue(p.failedWithOneLine() && p.err().contains(png + " already exists"), p.err());
        assertEquals("precious", Files.readString(png));
        assertEquals(0, CliRun.of("preview", mrc.toString(), "--out", png.toString(), "--overwrite").code());

        Path map = dir.resolve("map.mrc");
        Files.writeString(map, "keep");
        Path model = dir.resolve("model.pdb");
        Files.writeString(model, "ATOM      1  CA  ALA A   1       0.000   0.000   0.000  1.00  0.00           C\n");
        CliRun d = CliRun.of("density", "--model", model.toString(), "--box", "8", "--out", map.toString());
        assertTrue(d.failedWithOneLine() && d.err().contains(map + " already exists"), d.err());
        assertEquals("keep", Files.readString(map));
    }

    @Test
    void anOutputUnderAFileOrInAReadOnlyFolderFailsAtOnceNamingIt() throws Exception {
        Path mrc = dir.resolve("v.mrc");
        MrcWriter.write(mrc, new Volume(4, 4, 4, new float[64], Vec3.of(10), Vec3.ZERO));
        Path file = Files.writeString(dir.resolve("plain"), "x");
        CliRun p = CliRun.of("preview", mrc.toString(), "--out", file.resolve("m.png").toString());
        assertTrue(p.failedWithOneLine() && p.err().contains(file + " is a file"), p.err());

        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(locked)) {
                return; // running as root: permissions do not bind
            }
            CliRun r = CliRun.of("preview", mrc.toString(), "--out", locked.resolve("m.png").toString());
            assertTrue(r.failedWithOneLine() && r.err().contains("not writable"), r.err());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
