package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad option values are refused before any work with one line that names the option. */
class OptionValidationTest {

    @TempDir
    Path dir;

    private void refused(String option, String... args) {
        CliRun r = CliRun.of(args);
        assertTrue(r.failedWithOneLine(), () -> String.join(" ", args) + " -> " + r.code() + " " + r.err());
        assertTrue(r.err().contains(option), () -> String.join(" ", args) + " -> " + r.err());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing is written");
    }

    @Test
    void densityCountsSizesAndLengths() {
        String out = dir.resolve("out").toString();
        refused("--per-model must be at least 1, got -1", "density", "--demo", "apoferritin", "--per-model", "-1",
                "--out", out);
        refused("--box must be between 1 and 1024, got 100000", "density", "--demo", "apoferritin", "--box",
                "100000", "--out", out);
        refused("--voxel must be a number > 0, got NaN", "density", "--demo", "apoferritin", "--voxel", "NaN",
                "--out", out);
        refused("--max-shift", "density", "--demo", "apoferritin", "--max-shift", "-1", "--out", out);
    }

    @Test
    void simulationAndPreviewSettings() throws Exception {
        Path map = dir.resolve("m.mrc");
        MrcWriter.write(map, new Volume(4, 4, 4, new float[64], Vec3.of(10), Vec3.ZERO));
        String out = dir.resolve("out").toString();
        refused("--snr must be > 0", "simulate", "--map", map.toString(), "--snr", "NaN", "--out", out);
        refused("--per-map must be at least 1", "simulate", "--map", map.toString(), "-n", "0", "--out", out);
        refused("--amplitude-contrast", "simulate", "--map", map.toString(), "--amplitude-contrast", "2",
                "--out", out);
        refused("--high must be between 0 and 100, got 150", "preview", map.toString(), "--high", "150",
                "--out", out);
        refused("--low (50.0) must be below --high (10.0)", "preview", map.toString(), "--low", "50", "--high", "10",
                "--out", out);
    }

    @Test
    void trainingWeightsAndSchedules() {
        String out = dir.resolve("out").toString();
        refused("--cycle-weight", "train", "--box", "8", "--cycle-weight", "NaN", "--out", out);
        refused("--decay-from", "train", "--box", "8", "--decay-from", "-3", "--out", out);
        refused("--keep-checkpoints", "train", "--box", "8", "--keep-checkpoints", "-2", "--out", out);
        refused("--input-snr, --input-defocus and --input-per-map need --simulate-input", "train", "--box", "8",
                "--no-simulate-input", "--input-snr", "0.3", "--out", out);
        refused("--input-snr (inputSimulation.snr) must be positive", "train", "--box", "8", "--simulate-input",
                "--input-snr", "-1", "--out", out);
        refused("--input-defocus takes MIN:MAX", "train", "--box", "8", "--simulate-input", "--input-defocus", "-3",
                "--out", out);
        refused("--generator-average (generatorAverage) must be in [0, 1), got 1.0", "train", "--box", "8",
                "--generator-average", "1", "--out", out);
        refused("--select-samples (selectSamples) must be >= 10", "train", "--box", "8", "--select-every", "100",
                "--select-samples", "5", "--out", out);
    }

    @Test
    void evaluateRefusesAKLargerThanASet() throws Exception {
        Path real = ShapeFolders.write(dir.resolve("real"), 8, 2, 0.1, 1);
        Path gen = ShapeFolders.write(dir.resolve("gen"), 8, 2, 0.1, 2);
        refused("--k 5 needs more than 5 volumes", "evaluate", "--real", real.toString(), "--generated",
                gen.toString(), "--out", dir.resolve("out").toString());
    }
}
