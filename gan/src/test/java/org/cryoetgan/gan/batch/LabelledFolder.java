package org.cryoetgan.gan.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Test checks of an output folder against its label tables: every volume listed, once, and nothing else. */
public final class LabelledFolder {

    private LabelledFolder() {
    }

    /** The MRC files in {@code dir}, sorted. */
    public static List<String> volumes(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mrc")).sorted().toList();
        }
    }

    /** The first cell of every row of a CSV or STAR label table, in file order. */
    public static List<String> listedFiles(Path table) throws IOException {
        List<String> lines = Files.readAllLines(table);
        List<String> files = new ArrayList<>();
        boolean star = table.toString().endsWith(".star");
        for (String line : star ? lines : lines.subList(1, lines.size())) {
            String t = line.strip();
            if (star && (t.isEmpty() || t.startsWith("#") || t.startsWith("_") || t.startsWith("data_")
                    || t.equals("loop_"))) {
                continue;
            }
            files.add(t.split(star ? "\\s+" : ",")[0]);
        }
        return files;
    }

    /** Every table in {@code tables} (names in {@code dir}) lists each volume of {@code dir} exactly once. */
    public static void assertEveryVolumeListedOnce(Path dir, String... tables) throws IOException {
        List<String> volumes = volumes(dir);
        for (String name : tables) {
            List<String> listed = listedFiles(dir.resolve(name));
            assertEquals(listed.size(), new TreeSet<>(listed).size(), name + " lists a file twice: " + listed);
            assertEquals(volumes, new ArrayList<>(new TreeSet<>(listed)), name + " against the volumes in " + dir);
        }
    }
}
