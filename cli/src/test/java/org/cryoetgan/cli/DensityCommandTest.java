package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DensityCommandTest {

    private static final String ATOM = "ATOM  %5d  CA  ALA A %3d    %8.3f%8.3f%8.3f  1.00  0.00           C%n";

    private static Path twoAtoms(Path dir, double apart) throws Exception {
        Path p = dir.resolve("pair.pdb");
        Files.writeString(p, String.format(ATOM, 1, 1, 0.0, 0.0, 0.0) + String.format(ATOM, 2, 2, apart, 0.0, 0.0));
        return p;
    }

    @Test
    void aModelLargerThanTheBoxIsReportedWithItsExtent(@TempDir Path dir) throws Exception {
        Path model = twoAtoms(dir, 300);
        CliRun r = CliRun.of("density", "--model", model.toString(), "--box", "8", "--voxel", "10", "--out",
                dir.resolve("big.mrc").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("pair.pdb reaches 150 Å from its centre (extent up to 300 Å)")
                && r.err().contains("80 Å wide") && r.err().contains("clipped"), r.err());

        CliRun fits = CliRun.of("density", "--model", twoAtoms(dir, 30).toString(), "--box", "8", "--voxel", "10",
                "--out", dir.resolve("small.mrc").toString());
        assertEquals(0, fits.code(), fits.err());
        assertFalse(fits.err().contains("clipped"), fits.err());
    }

    @Test
    void theDemosDomainDIsWhatDensityDemoAllWritesWithTheBenchmarksSettings(@TempDir Path dir) throws Exception {
        Path d = org.cryoetgan.gan.benchmark.DemoData.write(dir.resolve("demo"), 1, 5).density();
        Path cli = dir.resolve("cli");
        CliRun r = CliRun.of("density", "--demo", "all", "--per-model", "1", "--box", "28", "--voxel", "9.4",
                "--resolution", "20", "--seed", "5", "--out", cli.toString());
        assertEquals(0, r.code(), r.err());
        try (java.util.stream.Stream<Path> files = Files.list(cli)) {
            java.util.List<Path> maps = files.filter(p -> p.toString().endsWith(".mrc")).sorted().toList();
            assertEquals(7, maps.size());
            // the header's label text differs ("cryoetgan-cli" from the command line); the maps must not
            for (Path m : maps) {
                org.cryoetgan.gan.volume.Volume a = org.cryoetgan.gan.mrc.MrcReader.readVolume(m);
                org.cryoetgan.gan.volume.Volume b = org.cryoetgan.gan.mrc.MrcReader.readVolume(d.resolve(m.getFileName()));
                assertArrayEquals(a.data(), b.data(), m.getFileName() + " differs");
                assertEquals(a.voxelSize(), b.voxelSize());
            }
        }
        assertEquals(Files.readString(cli.resolve("labels.csv")), Files.readString(d.resolve("labels.csv")));
    }
}
