package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainGenerateCommandTest {

    private static int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine().setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void demoTrainingThenGenerationThenResumeWorkFromTheCommandLine(@TempDir Path tmp) throws Exception {
        Path runDir = tmp.resolve("run");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "train", "--out", runDir.toString(), "--box", "8", "--critic-layers", "2",
                "--demo-per-class", "1", "--steps", "2", "--width", "2", "--critic-width", "2",
                "--residual-blocks", "1", "--sample-every", "2", "--checkpoint-every", "1"), err.toString());
        assertTrue(Files.exists(runDir.resolve("checkpoints/step-000002.safetensors")));
        assertTrue(Files.exists(runDir.resolve("samples/step-000002.png")));
        assertTrue(Files.exists(runDir.resolve("loss.png")));
        assertTrue(Files.readString(runDir.resolve("data.json")).contains("demoPerClass"));

        assertEquals(0, run(err, "train", "--resume", runDir.toString(), "--steps", "3"), err.toString());
        assertTrue(Files.exists(runDir.resolve("checkpoints/step-000003.safetensors")));

        assertEquals(1, run(err, "train", "--out", runDir.toString(), "--box", "8", "--critic-layers", "2"));
        assertTrue(err.toString().contains("already holds a run"), err.toString());

        Path maps = tmp.resolve("maps");
        assertEquals(0, run(err, "density", "--demo", "apoferritin", "--per-model", "2", "--box", "8",
                "--voxel", "47", "--resolution", "94", "--out", maps.toString()), err.toString());
        Path out = tmp.resolve("gen");
        assertEquals(0, run(err, "generate", "--run", runDir.toString(), "--maps", maps.toString(), "--per-map", "2",
                "--out", out.toString()), err.toString());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(4, s.filter(p -> p.toString().endsWith(".mrc")).count());
        }
        assertTrue(Files.readString(out.resolve("labels.csv")).contains("apoferritin"));
    }

    @Test
    void wganGpTrainingRunsWithClippingOffAndAnUnknownLossIsOneClearLine(@TempDir Path tmp) throws Exception {
        Path runDir = tmp.resolve("gp");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "train", "--out", runDir.toString(), "--box", "8", "--critic-layers", "2",
                "--demo-per-class", "1", "--steps", "1", "--width", "2", "--critic-width", "2",
                "--residual-blocks", "1", "--sample-every", "5", "--checkpoint-every", "1", "--loss", "wgan-gp",
                "--gp-weight", "5", "--r1-weight", "0.25"), err.toString());
        org.cryoetgan.gan.train.TrainingConfig c = org.cryoetgan.gan.train.TrainingConfig.read(
                runDir.resolve("config.json"));
        assertEquals(org.cryoetgan.gan.train.AdversarialLoss.WGAN_GP, c.adversarialLoss);
        assertEquals(5.0, c.gpWeight);
        assertEquals(0.25, c.r1Weight);
        assertEquals(false, c.weightClipping, "a penalty turns clipping off unless --clipping is given");

        StringWriter bad = new StringWriter();
        assertEquals(2, run(bad, "train", "--loss", "wgan-pg", "--out", tmp.resolve("x").toString()));
        assertTrue(bad.toString().contains("--loss") && bad.toString().contains("wgan-pg"), bad.toString());
    }

    @Test
    void badTrainingInputGivesOneClearLine(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        assertEquals(1, run(err, "train", "--density", tmp.resolve("missing").toString(), "--subtomograms",
                tmp.toString(), "--out", tmp.resolve("r").toString()));
        assertTrue(err.toString().startsWith("error: ") && err.toString().contains("missing"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(1, run(err2, "train", "--box", "30", "--out", tmp.resolve("r2").toString()));
        assertTrue(err2.toString().contains("multiple of 4"), err2.toString());
    }

    @Test
    void helpDocumentsEveryOptionWithDefaults() {
        String train = Main.commandLine().getSubcommands().get("train").getUsageMessage();
        for (String opt : new String[] {"--density", "--subtomograms", "--resume", "--preset", "--steps", "--lr",
            "--critic-stride", "--loss", "--cycle-weight", "--density-noise", "spectral-norm", "clipping"}) {
            assertTrue(train.contains(opt), opt);
        }
        String gen = Main.commandLine().getSubcommands().get("generate").getUsageMessage();
        for (String opt : new String[] {"--run", "--maps", "--per-map", "--out", "--shard", "--mc-dropout"}) {
            assertTrue(gen.contains(opt), opt);
        }
        assertTrue(gen.contains("default: 10"), gen);
    }
}
