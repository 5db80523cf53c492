package org.cryoetgan.gan.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled RELION set's recipe, file list and provenance, read from the classpath. */
class DemoSubtomogramsTest {

    @Test
    void recipeIsTheBenchmarksAtTenAndSevenPerClass() {
        DemoSubtomograms.Recipe r = DemoSubtomograms.recipe();
        assertEquals(28, r.box());
        assertEquals(9.4, r.voxelSize(), 1e-9);
        assertEquals(20.0, r.mapResolution(), 1e-9);
        assertEquals(DemoModels.names().stream().sorted().toList(), r.classes(), "the seven bundled models");
        assertEquals(Map.of(DemoSubtomograms.TRAIN, 70, DemoSubtomograms.TEST, 49), r.counts());
        assertEquals(7, r.seed());
    }

    @Test
    void fileListNamesEveryVolumeOnceEachIsGzippedAndTheWholeSetStaysUnderFiveMegabytes() throws IOException {
        List<String> files = DemoSubtomograms.files();
        assertEquals(files.size(), new java.util.HashSet<>(files).size(), "no file listed twice");
        assertEquals(70, files.stream().filter(f -> f.startsWith("S-train/") && f.endsWith(".mrc.gz")).count());
        assertEquals(49, files.stream().filter(f -> f.startsWith("S-test/") && f.endsWith(".mrc.gz")).count());
        assertTrue(files.containsAll(List.of("S-train/labels.csv", "S-test/labels.csv", "stats.json",
                DemoSubtomograms.PROVENANCE)), files.toString());
        long bytes = 0;
        for (String f : files) {
            try (InputStream in = DemoSubtomograms.open(f)) {
                byte[] b = in.readAllBytes();
                bytes += b.length;
                if (f.endsWith(".gz")) {
                    assertTrue(b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b, f + " is not gzip");
                }
            }
        }
        assertTrue(bytes <= 5_000_000, "the bundled set is " + bytes + " bytes, over its 5 MB budget");
    }

    @Test
    void provenanceSaysHowTheSetWasMade() throws IOException {
        String text;
        try (InputStream in = DemoSubtomograms.open(DemoSubtomograms.PROVENANCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String must : new String[] {"tools/benchmark/make_demo_set.sh", "--seed 7", "RELION 3.1.3",
            "relion_project", "relion_reconstruct", "PROVENANCE.md"}) {
            assertTrue(text.contains(must), must);
        }
    }
}
