package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code time-step}: one step of a tiny configuration, one tiny CB3D epoch, and the JSON lines they append. */
class TimeStepCommandTest {

    @Test
    void timesOneStepAndAppendsJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("t.jsonl");
        CliRun r = CliRun.of("time-step", "--device", "cpu", "--box", "8", "--width", "2", "--critic-width", "2",
                "--critic-stride", "1", "--loss", "wgan-gp", "--steps", "1", "--warmup", "0", "--profile",
                "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("step box=8 width=2 critic=2 s1 b1 wgan-gp: median "), r.out());
        assertTrue(r.out().contains("conv_backward_weight") && r.out().contains("slowest convolution"), r.out());
        List<String> lines = Files.readAllLines(json);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"conv_flops\":") && lines.get(0).contains("\"kernel_s\":{\"conv_forward\""),
                lines.get(0));
    }

    @Test
    void timesOneClassifierEpoch(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("c.jsonl");
        CliRun r = CliRun.of("time-step", "--device", "cpu", "--cb3d", "--box", "4", "--volumes", "2", "--batch", "2",
                "--steps", "1", "--warmup", "1", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("cb3d epoch box=4 n=2 b2: median "), r.out());
        assertTrue(Files.readString(json).contains("\"kernel_s\":{}"));
    }

    @Test
    void anUnknownLossIsAOneLineError() {
        CliRun r = CliRun.of("time-step", "--device", "cpu", "--loss", "lsgan", "--steps", "1", "--warmup", "0");
        assertTrue(r.failedWithOneLine(), r.err());
    }
}
