package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cryoetgan.gan.demo.DemoModels;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inspect, density, simulate and preview commands, run in-process. */
class VolumeCommandsTest {

    @TempDir
    Path dir;

    private Path sampleMrc() throws IOException {
        Volume v = new Volume(4, 3, 2, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
            21, 22, 23, 24}, Vec3.of(9.4), new Vec3(1, 2, 3));
        Path p = dir.resolve("sample.mrc");
        MrcWriter.write(p, v);
        return p;
    }

    @Test
    void inspectPrintsHeaderAndStatistics() throws IOException {
        CliRun r = CliRun.of("inspect", sampleMrc().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 × 3 × 2"), r.out());
        assertTrue(r.out().contains("mode 2 (FLOAT32)"), r.out());
        assertTrue(r.out().contains("mean 12.5"), r.out());
    }

    @Test
    void inspectExitsWith3WhenItWarnsAnd0WhenEveryFileIsClean() throws IOException {
        Path clean = sampleMrc();
        Path longer = dir.resolve("longer.mrc");
        Files.copy(clean, longer);
        Files.write(longer, new byte[16], java.nio.file.StandardOpenOption.APPEND);
        CliRun warned = CliRun.of("inspect", clean.toString(), longer.toString());
        assertEquals(3, warned.code(), warned.out());
        assertTrue(warned.out().contains("WARNING    16 bytes after the data the header describes"), warned.out());
        CliRun json = CliRun.of("inspect", "--json", longer.toString());
        assertEquals(3, json.code(), json.out());
        assertEquals(0, CliRun.of("inspect", clean.toString()).code());
        Path bad = Files.write(dir.resolve("bad.mrc"), new byte[100]);
        assertEquals(1, CliRun.of("inspect", longer.toString(), bad.toString()).code(), "unreadable outranks warned");
        String help = CliRun.of("inspect", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Exit status: 0 when every file was read without warnings; 1 when any file could"
                + " not be read") && help.contains("3 when every file was read but some printed a WARNING"), help);
    }

    @Test
    void inspectJsonIsOneObjectPerFileAndReportsBadFiles() throws IOException {
        Path bad = dir.resolve("bad.mrc");
        Files.write(bad, new byte[100]);
        CliRun r = CliRun.of("inspect", "--json", sampleMrc().toString(), bad.toString());
        assertEquals(1, r.code(), "a bad file makes the exit status 1");
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length);
        JsonNode ok = new ObjectMapper().readTree(lines[0]);
        assertEquals(4, ok.get("nx").asInt());
        assertEquals(9.4, ok.get("voxel_size").get(0).asDouble(), 1e-5);
        assertEquals(24.0, ok.get("max").asDouble());
        assertEquals(3.0, ok.get("origin").get(2).asDouble(), 1e-6);
        JsonNode err = new ObjectMapper().readTree(lines[1]);
        assertTrue(err.get("error").asText().contains("shorter than the 1024-byte MRC header"));
        assertTrue(r.err().contains("bad.mrc"));
    }

    @Test
    void densitySimulatePreviewPipeline() throws IOException {
        Path model = dir.resolve("2cg9.pdb.gz");
        try (InputStream in = DemoModels.openStream("hsp90-sba1")) {
            Files.copy(in, model);
        }
        Path map = dir.resolve("map.mrc");
        CliRun d = CliRun.of("density", "--model", model.toString(), "--voxel", "9.4", "--resolution", "20", "--box", "32",
                "--out", map.toString());
        assertEquals(0, d.code(), d.err());
        Volume v = MrcReader.readVolume(map);
        assertEquals(32, v.nx());
        assertEquals(9.4, v.voxelSize().x(), 1e-5);
        assertTrue(v.stats().max() > 0);
        Path half = dir.resolve("half.mrc");
        assertEquals(0, CliRun.of("density", "--model", model.toString(), "--box", "32", "--float16", "--out", half.toString()).code());
        assertEquals(12, MrcReader.read(half).header().mode());
        assertEquals(v.stats().max(), MrcReader.readVolume(half).stats().max(), 1e-3 * v.stats().max());

        Path maps = dir.resolve("maps");
        CliRun b = CliRun.of("density", "--demo", "apoferritin", "--membrane", "--per-model", "2", "--box", "24", "--out", maps.toString());
        assertEquals(0, b.code(), b.err());
        assertEquals(5, Files.readAllLines(maps.resolve("labels.csv")).size());

        Path sims = dir.resolve("sims");
        CliRun s = CliRun.of("simulate", "--map", maps.toString(), "--out", sims.toString(), "-n", "1", "--labels", "labels.star",
                "--defocus", "-5:-3");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("4/4 (100%)"), "plain progress lines when not on a terminal: " + s.out());
        String star = Files.readString(sims.resolve("labels.star"));
        assertTrue(star.contains("apoferritin_0001.mrc") && star.contains("membrane"), star);

        Path png = dir.resolve("montage.png");
        CliRun p = CliRun.of("preview", map.toString(), sims.resolve("apoferritin_0000.mrc").toString(), "--out", png.toString());
        assertEquals(0, p.code(), p.err());
        assertEquals(2 * (32 * 4 + 6) + 6 + 22, ImageIO.read(png.toFile()).getHeight(), "two rows of 128-pixel panels");
    }

    @Test
    void errorsAreOneLineNotAStackTrace() {
        CliRun r = CliRun.of("preview", dir.resolve("missing.mrc").toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
    }

    @Test
    void helpStatesUnits() {
        CliRun r = CliRun.of("density", "--help");
        assertTrue(r.out().contains("ångström"), r.out());
        assertTrue(CliRun.of("simulate", "--help").out().contains("SNR = variance of the signal / variance of the noise"));
        assertTrue(List.of(CliRun.of("--help").out().split("\\s+")).containsAll(List.of("inspect", "density", "simulate", "preview")));
    }
}
