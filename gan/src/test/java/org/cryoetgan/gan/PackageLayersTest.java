package org.cryoetgan.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of gan form layers, lowest first: a package may name only packages of lower layers, so that
 * packages of one layer are independent of each other and no import points upwards (ARCHITECTURE.md). Checked
 * on the text of the main sources; a new package must be given a layer here.
 */
class PackageLayersTest {
    /** Lowest first. */
    static final List<Set<String>> LAYERS = List.of(
            Set.of("volume", "settings"),
            Set.of("mrc", "structure", "viz", "metrics"),
            Set.of("demo", "sim"),
            Set.of("data"),
            Set.of("batch", "model", "classify", "invariant"),
            Set.of("train", "evaluate"),
            Set.of("generate", "timing"),
            Set.of("uncertainty"),
            Set.of("benchmark"));
    private static final String PREFIX = "org.cryoetgan.gan";
    private static final Path MAIN = Path.of("src/main/java/org/cryoetgan/gan");

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    /** Every mention by a package of a package that is not in a lower layer, as readable lines. */
    static List<String> violations(Map<Path, Set<String>> mentions) {
        List<String> out = new ArrayList<>();
        mentions.forEach((file, named) -> {
            String pkg = file.getNameCount() > 1 ? file.getName(0).toString() : "";
            for (String other : named) {
                if (other.equals(pkg)) {
                    continue;
                }
                int from = layer(pkg);
                int to = layer(other);
                if (to < 0 || from <= to) {
                    out.add(file + " names " + PREFIX + "." + other + " (layer " + to + "), but " + pkg
                            + " is in layer " + from + ": only lower layers may be named");
                }
            }
        });
        return out;
    }

    @Test
    void everyPackageHasALayer() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(MAIN)) {
            dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        Set<String> layered = new TreeSet<>();
        LAYERS.forEach(layered::addAll);
        assertEquals(layered, packages, "the packages under " + MAIN + " and those given a layer");
        try (Stream<Path> files = Files.list(MAIN)) {
            assertTrue(files.noneMatch(Files::isRegularFile), "no classes in " + PREFIX + " itself");
        }
    }

    @Test
    void noPackageNamesAPackageOfItsOwnOrAHigherLayer() {
        List<String> v = violations(SourceMentions.under(MAIN, PREFIX));
        assertTrue(v.isEmpty(), v.size() + " upward or sideways mentions:\n  " + String.join("\n  ", v));
    }

    @Test
    void theCheckSeesImportsWildcardsStaticImportsAndFullNames() {
        String source = "package " + PREFIX + ".data;\nimport " + PREFIX + ".train.TrainingConfig;\nimport "
                + PREFIX + ".model.*;\nimport static " + PREFIX + ".generate.Shard.of;\nimport " + PREFIX
                + ".volume.Volume;\nclass X { Object o = " + PREFIX + ".batch.MapSources.class; }\n";
        Set<String> named = SourceMentions.in(source, PREFIX);
        assertEquals(Set.of("data", "train", "model", "generate", "volume", "batch"), named);
        List<String> v = violations(Map.of(Path.of("data", "X.java"), named));
        assertEquals(4, v.size(), String.join("\n", v));
        assertTrue(v.stream().anyMatch(l -> l.contains(".train ")) && v.stream().noneMatch(l -> l.contains(".volume ")));
    }
}
