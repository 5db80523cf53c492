package org.cryoetgan.cli;

import static org.cryoetgan.gan.train.TrainingSettings.ADVERSARIAL_LOSS;
import static org.cryoetgan.gan.train.TrainingSettings.GP_WEIGHT;
import static org.cryoetgan.gan.train.TrainingSettings.R1_WEIGHT;
import static org.cryoetgan.gan.train.TrainingSettings.WEIGHT_CLIPPING;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void demoTrainsOnTheBundledRelionSetThenEvaluatesResumesAndGenerates(@TempDir Path tmp) throws Exception {
        Path runDir = tmp.resolve("run");
        StringWriter err = new StringWriter();
        CliRun first = CliRun.of("train", "--out", runDir.toString(), "--critic-layers", "2",
                "--demo-per-class", "1", "--steps", "2", "--width", "2", "--critic-width", "2",
                "--residual-blocks", "1", "--sample-every", "2", "--checkpoint-every", "1");
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.exists(runDir.resolve("checkpoints/step-000002.safetensors")));
        assertTrue(Files.exists(runDir.resolve("samples/step-000002.png")));
        assertTrue(Files.exists(runDir.resolve("loss.png")));
        Path data = runDir.resolve("demo-data");
        assertEquals(70, mrcCount(data.resolve("S-train")), "the bundled RELION training split");
        assertEquals(49, mrcCount(data.resolve("S-test")), "the bundled RELION held-out split");
        assertEquals(7, mrcCount(data.resolve("D")), "one clean map per class");
        org.cryoetgan.gan.data.DataSources sources = org.cryoetgan.gan.data.DataSources.read(
                runDir.resolve("data.json"));
        assertEquals(List.of(data.resolve("S-train").toAbsolutePath().toString()), sources.subtomograms(),
                "the GAN trains on S-train only; S-test stays held out");
        JsonNode report = new ObjectMapper().readTree(runDir.resolve("evaluation/report.json").toFile());
        assertEquals(49, report.get("testSubtomograms").asInt());
        assertEquals(List.of("GAN", "simulator", "clean D", "S-train"),
                report.get("trainingSets").findValuesAsText("name"));
        assertTrue(report.get("metrics").isNull(), "the demo's evaluation runs without CB3D");
        assertTrue(first.out().contains("demo evaluation") && first.out().contains("| simulator — "), first.out());

        CliRun resumed = CliRun.of("train", "--resume", runDir.toString(), "--steps", "3");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(Files.exists(runDir.resolve("checkpoints/step-000003.safetensors")));
        assertEquals(3, new ObjectMapper().readTree(runDir.resolve("evaluation/report.json").toFile())
                .get("ganStep").asInt(), "a resumed demo run is evaluated again");

        assertEquals(1, run(err, "train", "--out", runDir.toString(), "--critic-layers", "2"));
        assertTrue(err.toString().contains("already holds a run"), err.toString());

        Path maps = tmp.resolve("maps");
        assertEquals(0, run(err, "density", "--demo", "apoferritin", "--per-model", "2", "--box", "28",
                "--out", maps.toString()), err.toString());
        Path out = tmp.resolve("gen");
        assertEquals(0, run(err, "generate", "--run", runDir.toString(), "--maps", maps.toString(), "--per-map", "2",
                "--out", out.toString()), err.toString());
        assertEquals(4, mrcCount(out));
        assertTrue(Files.readString(out.resolve("labels.csv")).contains("apoferritin"));
    }

    private static long mrcCount(Path folder) throws java.io.IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".mrc") || p.toString().endsWith(".mrc.gz")).count();
        }
    }

    @Test
    void wganGpTrainingRunsWithClippingOffAndAnUnknownLossIsOneClearLine(@TempDir Path tmp) throws Exception {
        Path runDir = tmp.resolve("gp");
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("train", "--out", runDir.toString(), "--box", "8",
                "--critic-layers", "2", "--steps", "1", "--width", "2", "--critic-width", "2",
                "--residual-blocks", "1", "--sample-every", "5", "--checkpoint-every", "1", "--loss", "wgan-gp",
                "--gp-weight", "5", "--r1-weight", "0.25"));
        args.addAll(ShapeFolders.trainingData(tmp.resolve("data"), 8));
        assertEquals(0, run(err, args.toArray(String[]::new)), err.toString());
        org.cryoetgan.gan.train.TrainingConfig c = org.cryoetgan.gan.train.TrainingConfig.read(
                runDir.resolve("config.json"));
        assertEquals(org.cryoetgan.gan.train.AdversarialLoss.WGAN_GP, c.get(ADVERSARIAL_LOSS));
        assertEquals(5.0, c.get(GP_WEIGHT));
        assertEquals(0.25, c.get(R1_WEIGHT));
        assertEquals(false, c.get(WEIGHT_CLIPPING), "a penalty turns clipping off unless --clipping is given");

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
        CliRun demoBox = CliRun.of("train", "--box", "16", "--out", tmp.resolve("r3").toString());
        assertTrue(demoBox.failedWithOneLine() && demoBox.err().contains("--box 16")
                && demoBox.err().contains("28³"), demoBox.err());
        CliRun none = CliRun.of("train", "--demo-per-class", "0", "--out", tmp.resolve("r5").toString());
        assertTrue(none.failedWithOneLine() && none.err().contains("--demo-per-class must be at least 1"), none.err());
        assertTrue(!Files.exists(tmp.resolve("r5")), "nothing written before the option is checked");
        CliRun half = CliRun.of("train", "--subtomograms", tmp.toString(), "--out", tmp.resolve("r4").toString());
        assertTrue(half.failedWithOneLine() && half.err().contains("no density maps"), half.err());
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
