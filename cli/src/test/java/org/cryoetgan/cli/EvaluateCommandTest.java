package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} end to end on tiny MRC folders. */
class EvaluateCommandTest {
    private static final String[] TINY = {"--width", "4", "--fc", "32", "--dropout", "0.1", "--epochs", "6"};

    @TempDir
    Path dir;

    private static String[] with(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void writesTheReportTableAndMontagesTrainingAClassifierWhenNoneIsGiven() throws Exception {
        Path real = ShapeFolders.write(dir.resolve("real"), 12, 8, 0.3, 1);
        Path gen = ShapeFolders.write(dir.resolve("gen"), 12, 8, 0.4, 2);
        Path base = ShapeFolders.write(dir.resolve("base"), 12, 8, 1.5, 3);
        Path out = dir.resolve("report");
        CliRun r = CliRun.of(with(new String[] {"evaluate", "--real", real.toString(), "--generated", gen.toString(),
            "--baseline", base.toString(), "--out", out.toString()}, TINY));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("no classifier given"), r.out());
        assertTrue(r.out().contains("| generated | 16 |") && r.out().contains("| baseline | 16 |"), r.out());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("trained on the real data by this evaluation"), md);
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode g = json.get("sets").get(0);
        JsonNode b = json.get("sets").get(1);
        assertTrue(g.get("ssim").get("mean").asDouble() > b.get("ssim").get("mean").asDouble(), json.toString());
        assertTrue(g.get("fid").asDouble() < b.get("fid").asDouble(), json.toString());
        for (String c : new String[] {"sphere", "slab"}) {
            int height = ImageIO.read(out.resolve("samples-" + c + ".png").toFile()).getHeight();
            assertTrue(height > 9 * 120, "nine rows of 120 px panels: three real, three generated, three baseline; "
                    + height);
        }
        assertTrue(Files.exists(out.resolve("classifier/weights.safetensors")));

        Path again = dir.resolve("again");
        CliRun reuse = CliRun.of("evaluate", "--real", real.toString(), "--generated", gen.toString(), "--classifier",
                out.resolve("classifier").toString(), "--out", again.toString(), "--width", "4", "--fc", "32",
                "--epochs", "2");
        assertEquals(0, reuse.code(), reuse.err());
        assertTrue(!reuse.out().contains("no classifier given"), reuse.out());
        JsonNode j2 = new ObjectMapper().readTree(again.resolve("report.json").toFile());
        assertEquals(1, j2.get("sets").size());
        assertEquals(json.get("sets").get(0).get("fid").asDouble(), j2.get("sets").get(0).get("fid").asDouble(), 1e-9,
                "the same classifier gives the same FID");
    }

    @Test
    void readsTheLabelTableThatGenerateWritesIntoAFlatFolder() throws Exception {
        Path real = ShapeFolders.write(dir.resolve("real"), 12, 6, 0.3, 1);
        Path flat = Files.createDirectories(dir.resolve("flat"));
        StringBuilder csv = new StringBuilder("file,label,class,source,sample,seed\n");
        try (var files = Files.walk(ShapeFolders.write(dir.resolve("gen"), 12, 6, 0.4, 2))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.copy(p, flat.resolve(p.getFileName()));
                csv.append(p.getFileName()).append(',').append(p.getParent().getFileName()).append(",1,m.mrc,0,0\n");
            }
        }
        Files.writeString(flat.resolve("labels.csv"), csv);
        Path out = dir.resolve("report");
        CliRun r = CliRun.of(with(new String[] {"evaluate", "--real", real.toString(), "--generated", flat.toString(),
            "--out", out.toString()}, TINY));
        assertEquals(0, r.code(), r.err());
        JsonNode g = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("sets").get(0);
        assertEquals("[\"slab\",\"sphere\"]", g.get("classes").toString(), "labels from labels.csv");
        assertTrue(g.get("accuracyRealToGenerated").isNumber(), g.toString());
    }

    @Test
    void aNonEmptyReportFolderIsRefusedAtOnceUnlessOverwrite() throws Exception {
        Path real = ShapeFolders.write(dir.resolve("real"), 8, 2, 0.1, 1);
        Path gen = ShapeFolders.write(dir.resolve("gen"), 8, 2, 0.1, 2);
        Path out = Files.createDirectories(dir.resolve("report"));
        Files.writeString(out.resolve("report.md"), "an earlier report");
        CliRun again = CliRun.of("evaluate", "--real", real.toString(), "--generated", gen.toString(),
                "--out", out.toString());
        assertTrue(again.failedWithOneLine(), again.err());
        assertTrue(again.err().contains(out + " is not empty") && again.err().contains("--overwrite"), again.err());
        assertEquals("an earlier report", Files.readString(out.resolve("report.md")));
        CliRun overwrite = CliRun.of("evaluate", "--real", real.toString(), "--generated", gen.toString(),
                "--out", out.toString(), "--overwrite");
        assertTrue(overwrite.failedWithOneLine() && overwrite.err().contains("--k 5 needs more than 5 volumes"),
                "past the output check, to the next: " + overwrite.err());
    }

    @Test
    void badInputGivesOneClearLine() throws Exception {
        Path real = ShapeFolders.write(dir.resolve("real"), 12, 3, 0.3, 1);
        Path out = dir.resolve("r");
        CliRun missing = CliRun.of("evaluate", "--real", real.toString(), "--generated", dir.resolve("nope").toString(),
                "--out", out.toString());
        assertTrue(missing.failedWithOneLine() && missing.err().contains("nope"), missing.err());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun none = CliRun.of("evaluate", "--real", real.toString(), "--generated", empty.toString(),
                "--out", out.toString());
        assertTrue(none.failedWithOneLine() && none.err().contains("no generated volumes found"), none.err());

        Path small = Files.createDirectories(dir.resolve("small/sphere"));
        MrcWriter.write(small.resolve("a.mrc"), Volume.cube(8, 10));
        CliRun sizes = CliRun.of(with(new String[] {"evaluate", "--real", real.toString(), "--generated",
            dir.resolve("small").toString(), "--out", out.toString()}, TINY));
        assertTrue(sizes.failedWithOneLine(), sizes.err());
        assertTrue(sizes.err().contains("8³") && sizes.err().contains("12³"), sizes.err());
    }
}
