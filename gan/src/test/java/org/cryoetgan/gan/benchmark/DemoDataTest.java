package org.cryoetgan.gan.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.demo.DemoModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's data folder: the bundled RELION set loads as a benchmark data set, with D made from the models. */
class DemoDataTest {
    @TempDir
    Path dir;

    private static Map<String, Long> perClass(VolumeSet s) {
        return s.samples().stream().collect(Collectors.groupingBy(Sample::label, Collectors.counting()));
    }

    @Test
    void theBundledSetLoadsWithItsClassesCountsBoxAndVoxelSize() throws IOException {
        BenchmarkData data = DemoData.write(dir.resolve("demo"), 2, 5);
        BenchmarkData.Loaded sets = data.load();
        List<String> classes = DemoModels.names().stream().sorted().toList();
        assertEquals(classes, sets.train().labels());
        assertEquals(classes, sets.test().labels());
        assertEquals(classes, sets.density().labels());
        Map<String, Long> ten = classes.stream().collect(Collectors.toMap(Function.identity(), c -> 10L));
        Map<String, Long> seven = classes.stream().collect(Collectors.toMap(Function.identity(), c -> 7L));
        Map<String, Long> two = classes.stream().collect(Collectors.toMap(Function.identity(), c -> 2L));
        assertEquals(ten, perClass(sets.train()));
        assertEquals(seven, perClass(sets.test()));
        assertEquals(two, perClass(sets.density()));
        for (VolumeSet s : List.of(sets.train(), sets.test(), sets.density())) {
            assertEquals(28, s.box(), s.domain());
            for (Sample v : s.samples()) {
                assertEquals(9.4, v.volume().voxelSize().x(), 1e-5, v.source());
            }
        }
        assertTrue(Files.isRegularFile(data.root().resolve("PROVENANCE.md")));
        assertTrue(Files.isRegularFile(data.root().resolve("stats.json")));
    }

    @Test
    void aSecondRunReplacesItsOwnFolderButNoOtherNonEmptyOne() throws IOException {
        Path root = dir.resolve("demo");
        DemoData.write(root, 1, 5);
        Files.writeString(root.resolve("D/stray.mrc"), "not a volume");
        DemoData.write(root, 1, 5);
        assertTrue(!Files.exists(root.resolve("D/stray.mrc")), "the old demo folder was replaced");

        Path other = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(other.resolve("notes.txt"), "keep");
        IOException e = assertThrows(IOException.class, () -> DemoData.write(other, 1, 5));
        assertTrue(e.getMessage().contains(other.toString()) && e.getMessage().contains("not written by the demo"),
                e.getMessage());
        assertEquals("keep", Files.readString(other.resolve("notes.txt")));
    }
}
