package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.ShapeVolumes;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchmark} end to end at tiny sizes: a few training steps, a few 12³ volumes of two shape classes. */
class BenchmarkCommandTest {
    private static final String[] TINY_TRAIN = {"--preset", "demo", "--box", "12", "--steps", "2", "--width", "2",
        "--critic-width", "2", "--critic-layers", "2", "--residual-blocks", "1", "--sample-every", "2",
        "--checkpoint-every", "2", "--val-fraction", "0"};
    private static final String[] TINY_CB3D = {"--cb3d-width", "2", "--cb3d-fc", "8", "--cb3d-epochs", "1",
        "--per-map", "2", "--ssim-references", "2", "--collapse-maps", "4"};

    @TempDir
    Path dir;

    /** One flat folder of MRC files with a labels.csv, as the data script and {@code density} write them. */
    private static void flatFolder(Path folder, int perClass, double noise, long seed) throws IOException {
        Files.createDirectories(folder);
        StringBuilder csv = new StringBuilder("file,label\n");
        int i = 0;
        for (Sample s : ShapeVolumes.set(12, perClass, noise, seed).samples()) {
            String name = String.format("%s_%04d.mrc", s.label(), i++);
            MrcWriter.write(folder.resolve(name), s.volume());
            csv.append(name).append(',').append(s.label()).append('\n');
        }
        Files.writeString(folder.resolve("labels.csv"), csv);
    }

    private Path dataSet() throws IOException {
        Path data = dir.resolve("data");
        flatFolder(data.resolve("D"), 4, 0, 1);
        flatFolder(data.resolve("S-train"), 4, 0.5, 2);
        flatFolder(data.resolve("S-test"), 4, 0.5, 3);
        return data;
    }

    private static String[] args(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @Test
    void runsTheProtocolAndWritesEveryStageAndTheReports() throws Exception {
        Path data = dataSet();
        Path out = dir.resolve("bench");
        CliRun r = CliRun.of(args(new String[] {"benchmark", "--data", data.toString(), "--out", out.toString()},
                TINY_CB3D, TINY_TRAIN));
        assertEquals(0, r.code(), r.err() + r.out());
        for (String f : new String[] {"gan-run/config.json", "generated/labels.csv", "simulated/labels.csv",
            "evaluation/report.json", "report.md", "report.json", "montage-sphere.png", "montage-slab.png"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        try (var files = Files.list(out.resolve("generated"))) {
            assertEquals(16, files.filter(p -> p.toString().endsWith(".mrc")).count(), "8 maps x 2 draws");
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode rows = json.get("trainingSets");
        assertEquals(4, rows.size());
        assertEquals("[\"GAN\",\"simulator\",\"clean D\",\"S-train\"]",
                new ObjectMapper().writeValueAsString(rows.findValuesAsText("name")));
        for (JsonNode row : rows) {
            double inv = row.get("invariantAccuracy").asDouble(-1);
            double cnn = row.get("cb3dAccuracy").asDouble(-1);
            assertTrue(inv >= 0 && inv <= 1 && cnn >= 0 && cnn <= 1, row.toString());
        }
        JsonNode sTrain = rows.get(3);
        assertTrue(sTrain.get("invariantAccuracy").asDouble() >= 0.75,
                "noisy spheres and slabs are easy in-domain: " + sTrain);
        assertEquals(2, json.get("ganStep").asInt());
        JsonNode collapse = json.get("collapse");
        assertEquals(4, collapse.get("outputs").get("maps").asInt());
        assertEquals(2, collapse.get("outputs").get("draws").asInt());
        assertEquals(16, collapse.get("inDomainTrain").asInt() + collapse.get("inDomainTest").asInt());
        assertTrue(json.get("metrics").get("sets").get(0).get("fid").isNumber(), json.get("metrics").toString());
        for (String stage : new String[] {"load data", "train GAN", "generate", "simulate", "invariant yardstick",
            "CB3D yardstick and metrics", "collapse check", "montages"}) {
            assertTrue(json.get("minutes").has(stage), stage);
        }
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| S-train — ") && md.contains("## Mode-collapse check"), md);
        assertTrue(r.out().contains("| GAN — "), r.out());

        CliRun again = CliRun.of("benchmark", "--data", data.toString(), "--out", out.toString());
        assertTrue(again.failedWithOneLine() && again.err().contains("--overwrite"), again.err());

        CliRun reuse = CliRun.of(args(new String[] {"benchmark", "--data", data.toString(), "--out", out.toString(),
            "--overwrite", "--run", out.resolve("gan-run").toString(), "--no-cb3d"}, TINY_CB3D));
        assertEquals(0, reuse.code(), reuse.err());
        String reusedMd = Files.readString(out.resolve("report.md"));
        assertTrue(reusedMd.contains("was reused") && reusedMd.contains("CB3D was not run"), reusedMd);
        assertTrue(reusedMd.contains("| training set | n | invariant features |\n"), "no CB3D column: " + reusedMd);
        JsonNode reused = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertTrue(!reused.get("minutes").has("train GAN"));
        assertTrue(!reused.get("minutes").has("CB3D yardstick and metrics") && reused.get("metrics").isNull(),
                reused.toString());
        assertTrue(reused.get("trainingSets").get(0).get("cb3dAccuracy").isNull());
        assertTrue(!Files.exists(out.resolve("evaluation/report.json")), "--overwrite removed the old evaluation");
        assertEquals(json.get("trainingSets").get(1).get("invariantAccuracy").asDouble(),
                reused.get("trainingSets").get(1).get("invariantAccuracy").asDouble(), 0,
                "the simulator stage is deterministic");
    }

    @Test
    void badInputGivesOneClearLineBeforeAnyWork() throws Exception {
        Path data = dataSet();
        Path out = dir.resolve("o");
        CliRun noFolder = CliRun.of("benchmark", "--data", dir.resolve("none").toString(), "--out", out.toString());
        assertTrue(noFolder.failedWithOneLine() && noFolder.err().contains("none"), noFolder.err());

        Files.createDirectories(dir.resolve("partial/D"));
        CliRun partial = CliRun.of("benchmark", "--data", dir.resolve("partial").toString(), "--out", out.toString());
        assertTrue(partial.failedWithOneLine() && partial.err().contains("no S-train/ folder"), partial.err());

        CliRun badTrain = CliRun.of("benchmark", "--data", data.toString(), "--out", out.toString(), "--stepz", "3");
        assertTrue(badTrain.failedWithOneLine() && badTrain.err().contains("--stepz"), badTrain.err());

        CliRun owned = CliRun.of("benchmark", "--data", data.toString(), "--out", out.toString(), "--density", "x");
        assertTrue(owned.failedWithOneLine() && owned.err().contains("--density"), owned.err());

        CliRun perMap = CliRun.of("benchmark", "--data", data.toString(), "--out", out.toString(), "--per-map", "1");
        assertTrue(perMap.failedWithOneLine() && perMap.err().contains("--per-map"), perMap.err());
        assertTrue(!Files.exists(out), "nothing written before the input is checked");
    }
}
