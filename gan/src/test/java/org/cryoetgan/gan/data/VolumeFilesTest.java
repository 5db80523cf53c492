package org.cryoetgan.gan.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeFilesTest {
    private static void cube(Path p, int n) throws IOException {
        Files.createDirectories(p.getParent());
        MrcWriter.write(p, new Volume(n, n, n));
    }

    @Test
    void labelsComeFromTheCsvThenAWrittenLabelTableThenTheClassFolder(@TempDir Path tmp) throws IOException {
        cube(tmp.resolve("flat/a.mrc"), 4);
        cube(tmp.resolve("flat/b.mrc"), 4);
        Files.writeString(tmp.resolve("flat/labels.csv"), "file,label\na.mrc,ribosome\nb.mrc,membrane\n");
        cube(tmp.resolve("classes/tric/c.mrc"), 4);
        VolumeSet set = VolumeFiles.read("maps", List.of(tmp.resolve("flat"), tmp.resolve("classes")),
                Map.of("b.mrc", "override"));
        Map<String, String> byFile = new java.util.HashMap<>();
        for (Sample smp : set.samples()) {
            byFile.put(Path.of(smp.source()).getFileName().toString(), smp.label());
        }
        assertEquals(Map.of("a.mrc", "ribosome", "b.mrc", "override", "c.mrc", "tric"), byFile);
    }

    @Test
    void emptyFoldersAndMixedSizesAreRejectedWithTheFileNamed(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> VolumeFiles.read("maps", List.of(tmp.resolve("empty")), null));
        assertTrue(e.getMessage().contains("no maps found"), e.getMessage());
        cube(tmp.resolve("mixed/a.mrc"), 4);
        cube(tmp.resolve("mixed/b.mrc"), 6);
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> VolumeFiles.read("maps", List.of(tmp.resolve("mixed")), null));
        assertTrue(m.getMessage().contains("b.mrc") && m.getMessage().contains("6³"), m.getMessage());
        Files.createDirectories(tmp.resolve("bad"));
        cube(tmp.resolve("bad/good.mrc"), 4);
        Files.writeString(tmp.resolve("bad/broken.mrc"), "not an mrc file");
        IOException b = assertThrows(IOException.class, () -> VolumeFiles.read("maps", List.of(tmp.resolve("bad")), null));
        assertTrue(b.getMessage().contains("1 of 2") && b.getMessage().contains("broken.mrc"), b.getMessage());
    }
}
