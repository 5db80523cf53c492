package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classifier train} and {@code classifier eval} on tiny MRC folders. */
class ClassifierCommandTest {
    private static final String[] TINY = {"--width", "4", "--fc", "32", "--dropout", "0.1", "--epochs", "12"};

    @TempDir
    Path dir;

    private CliRun train(Path data, Path out) {
        String[] args = new String[6 + TINY.length];
        System.arraycopy(new String[] {"classifier", "train", "--data", data.toString(), "--out", out.toString()}, 0,
                args, 0, 6);
        System.arraycopy(TINY, 0, args, 6, TINY.length);
        return CliRun.of(args);
    }

    @Test
    void trainsSavesAndEvaluatesWithAConfusionMatrix() throws Exception {
        Path data = ShapeFolders.write(dir.resolve("train"), 12, 16, 0.3, 1);
        Path test = ShapeFolders.write(dir.resolve("test"), 12, 6, 0.3, 2);
        Path model = dir.resolve("model");
        CliRun t = train(data, model);
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("epoch  12"), t.out());
        assertTrue(Files.exists(model.resolve("weights.safetensors")) && Files.exists(model.resolve("classifier.json")));

        CliRun e = CliRun.of("classifier", "eval", "--model", model.toString(), "--data", test.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().startsWith("accuracy "), e.out());
        assertTrue(e.out().contains("sphere") && e.out().contains("slab") && e.out().contains("true\\pred"), e.out());

        CliRun j = CliRun.of("classifier", "eval", "--model", model.toString(), "--data", test.toString(), "--json");
        assertEquals(0, j.code(), j.err());
        JsonNode n = new ObjectMapper().readTree(j.out());
        assertEquals(12, n.get("total").asInt());
        assertTrue(n.get("accuracy").asDouble() >= 0.75, j.out());
        assertTrue(e.out().startsWith(String.format("accuracy %.4f", n.get("accuracy").asDouble())), e.out());
        assertEquals(2, n.get("counts").size());
    }

    @Test
    void aValidationSetIsScoredAfterEveryEpochAndMustMatchTheBox() throws Exception {
        Path data = ShapeFolders.write(dir.resolve("train"), 12, 8, 0.3, 1);
        Path test = ShapeFolders.write(dir.resolve("test"), 12, 5, 0.3, 2);
        CliRun t = CliRun.of("classifier", "train", "--data", data.toString(), "--validation", test.toString(),
                "--out", dir.resolve("m").toString(), "--width", "4", "--fc", "32", "--epochs", "2");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("on 16 volumes") && t.out().contains("validating on 10 volumes"), t.out());
        assertTrue(t.out().lines().filter(l -> l.startsWith("epoch") && !l.endsWith("-")).count() == 2, t.out());

        Path small = ShapeFolders.write(dir.resolve("small"), 8, 2, 0.3, 3);
        CliRun sizes = CliRun.of("classifier", "train", "--data", data.toString(), "--validation", small.toString(),
                "--out", dir.resolve("m2").toString(), "--width", "4", "--fc", "32", "--epochs", "1");
        assertTrue(sizes.failedWithOneLine(), sizes.err());
        assertTrue(sizes.err().contains("--validation") && sizes.err().contains("8³"), sizes.err());
    }

    @Test
    void badInputGivesOneClearLine() throws Exception {
        CliRun missing = train(dir.resolve("nowhere"), dir.resolve("m"));
        assertTrue(missing.failedWithOneLine(), missing.err());
        assertTrue(missing.err().contains("nowhere"), missing.err());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun none = train(empty, dir.resolve("m"));
        assertTrue(none.failedWithOneLine(), none.err());
        assertTrue(none.err().contains("no labelled volumes found"), none.err());

        Path mixed = ShapeFolders.write(dir.resolve("mixed"), 12, 2, 0.3, 1);
        MrcWriter.write(mixed.resolve("sphere/odd.mrc"), Volume.cube(8, 10));
        CliRun sizes = train(mixed, dir.resolve("m"));
        assertTrue(sizes.failedWithOneLine(), sizes.err());
        assertTrue(sizes.err().contains("8³") && sizes.err().contains("12³"), sizes.err());

        CliRun noModel = CliRun.of("classifier", "eval", "--model", empty.toString(), "--data", mixed.toString());
        assertTrue(noModel.failedWithOneLine(), noModel.err());
        assertTrue(noModel.err().contains("not a classifier folder"), noModel.err());
    }
}
