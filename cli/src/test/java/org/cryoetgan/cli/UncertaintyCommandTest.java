package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code uncertainty} on a run trained for two steps by the {@code train} command. */
class UncertaintyCommandTest {

    @TempDir
    Path dir;

    private Path train(String dropout) throws Exception {
        Path maps = ShapeFolders.write(dir.resolve("maps"), 8, 2, 0.0, 1);
        Path subs = ShapeFolders.write(dir.resolve("subs"), 8, 2, 0.5, 2);
        Path run = dir.resolve("run-" + dropout);
        CliRun t = CliRun.of("train", "--density", maps.toString(), "--subtomograms", subs.toString(), "--out",
                run.toString(), "--preset", "demo", "--box", "8", "--steps", "2", "--width", "4", "--residual-blocks",
                "1", "--critic-width", "4", "--critic-layers", "2", "--dropout", dropout, "--val-fraction", "0");
        assertEquals(0, t.code(), t.err());
        return run;
    }

    @Test
    void writesMeanAndStdMapsAndAnOverlay() throws Exception {
        Path run = train("0.5");
        Path map = Files.list(dir.resolve("maps/sphere")).findFirst().orElseThrow();
        Path out = dir.resolve("unc");
        CliRun r = CliRun.of("uncertainty", "--run", run.toString(), "--map", map.toString(), "--samples", "4",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("notice"), r.out());
        assertTrue(r.out().contains("4 samples") && r.out().contains("1 dropout layers active"), r.out());
        Volume std = MrcReader.readVolume(out.resolve("std.mrc"));
        double positive = 0;
        for (float v : std.data()) {
            positive += v > 0 ? 1 : 0;
        }
        assertTrue(positive / std.data().length > 0.9, "std > 0 almost everywhere");
        assertTrue(Files.size(out.resolve("uncertainty.png")) > 1000);
    }

    @Test
    void aRunWithoutDropoutGetsANoticeAndBadInputOneLine() throws Exception {
        Path run = train("0");
        Path map = Files.list(dir.resolve("maps/slab")).findFirst().orElseThrow();
        CliRun r = CliRun.of("uncertainty", "--run", run.toString(), "--map", map.toString(), "--samples", "3",
                "--out", dir.resolve("unc").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("notice: this run was trained without dropout")
                && r.out().contains("--dropout > 0"), r.out());

        CliRun noRun = CliRun.of("uncertainty", "--run", dir.resolve("missing").toString(), "--map", map.toString(),
                "--out", dir.resolve("x").toString());
        assertTrue(noRun.failedWithOneLine() && noRun.err().contains("missing"), noRun.err());

        Path big = dir.resolve("big.mrc");
        MrcWriter.write(big, Volume.cube(16, 10));
        CliRun wrong = CliRun.of("uncertainty", "--run", run.toString(), "--map", big.toString(),
                "--out", dir.resolve("y").toString());
        assertTrue(wrong.failedWithOneLine() && wrong.err().contains("8³"), wrong.err());
    }
}
