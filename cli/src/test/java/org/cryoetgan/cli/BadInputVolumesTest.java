package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volumes with NaN voxels or no voxel size are refused by the commands that read them, before any output. */
class BadInputVolumesTest {

    @TempDir
    Path dir;

    private Path map(String name, float nanAt, double voxel) throws Exception {
        float[] v = new float[8 * 8 * 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i);
        }
        if (nanAt >= 0) {
            v[(int) nanAt] = Float.NaN;
        }
        Path p = dir.resolve("maps").resolve(name);
        Files.createDirectories(p.getParent());
        MrcWriter.write(p, new Volume(8, 8, 8, v, Vec3.of(voxel), Vec3.ZERO));
        return p;
    }

    @Test
    void aBatchWithOneNanMapStopsBeforeWritingAnything() throws Exception {
        map("a.mrc", -1, 20);
        Path bad = map("b.mrc", 100, 20);
        map("c.mrc", -1, 20);
        Path out = dir.resolve("sims");
        CliRun r = CliRun.of("simulate", "--map", dir.resolve("maps").toString(), "--mode", "FOURIER",
                "--out", out.toString());
        assertTrue(r.failedWithOneLine(), r.err());
        assertTrue(r.err().contains(bad + ": 1 NaN voxel"), r.err());
        assertTrue(Files.notExists(out), "nothing is written");
    }

    @Test
    void aZeroVoxelSizeIsRefusedAndInspectFlagsBoth() throws Exception {
        Path zero = map("zero.mrc", -1, 0);
        CliRun p = CliRun.of("preview", zero.toString(), "--out", dir.resolve("m.png").toString());
        assertTrue(p.failedWithOneLine() && p.err().contains(zero + ": voxel size 0.000"), p.err());
        assertTrue(Files.notExists(dir.resolve("m.png")));

        Path nan = map("nan.mrc", 3, 20);
        CliRun i = CliRun.of("inspect", zero.toString(), nan.toString());
        assertEquals(InspectCommand.WARNINGS, i.code(), i.err());
        assertTrue(i.out().contains("WARNING    voxel size 0.000") && i.out().contains("WARNING    1 NaN voxel"),
                i.out());
    }
}
