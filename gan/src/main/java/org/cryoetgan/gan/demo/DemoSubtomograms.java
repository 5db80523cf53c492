package org.cryoetgan.gan.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's "experimental" subtomograms: a small set made with RELION 3.1 by the realistic benchmark's recipe
 * ({@code tools/benchmark/make_realistic.py}), bundled in the jar under {@code demo/relion/} with its
 * {@code PROVENANCE.md} (the command, seed, RELION version). It is laid out as a benchmark data folder without
 * {@code D/}: {@code S-train/} and {@code S-test/}, each with its volumes (float16 MRC, gzipped) and a
 * {@code labels.csv}, plus the generator's {@code stats.json}. {@code files.txt} lists every file of the bundle.
 */
public final class DemoSubtomograms {
    /** The split the GAN trains on. */
    public static final String TRAIN = "S-train";
    /** The held-out split the demo's evaluation tests on. */
    public static final String TEST = "S-test";
    /** The provenance file, relative to the bundle's root. */
    public static final String PROVENANCE = "PROVENANCE.md";

    private static final String ROOT = "/org/cryoetgan/gan/demo/relion/";
    private static final String MANIFEST = "files.txt";
    private static final String STATS = "stats.json";

    private DemoSubtomograms() {
    }

    /**
     * How the bundled set was made, as its {@code stats.json} records it.
     *
     * @param box           volume edge in voxels
     * @param voxelSize     Å per voxel
     * @param mapResolution resolution (Å) of the benchmark's clean maps, domain D, made with {@code density}
     * @param classes       the class labels, sorted
     * @param counts        volumes per split ({@link #TRAIN}, {@link #TEST})
     * @param seed          the generator's seed
     */
    public record Recipe(int box, double voxelSize, double mapResolution, List<String> classes,
                         Map<String, Integer> counts, long seed) {
    }

    /** The recipe of the bundled set. */
    public static Recipe recipe() {
        try (InputStream in = open(STATS)) {
            JsonNode s = new ObjectMapper().readTree(in);
            List<String> classes = new ArrayList<>();
            s.get("classes").forEach(c -> classes.add(c.asText()));
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String split : List.of(TRAIN, TEST)) {
                counts.put(split, s.get("counts").get(split).asInt());
            }
            return new Recipe(s.get("box").asInt(), s.get("voxel_A").asDouble(), s.get("map_resolution_A").asDouble(),
                    List.copyOf(classes), Map.copyOf(counts), s.get("seed").asLong());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("bundled resource " + ROOT + STATS + " is unreadable: " + e, e);
        }
    }

    /** Every file of the bundle, relative to its root (e.g. {@code S-test/p97_0003.mrc.gz}), as listed in files.txt. */
    public static List<String> files() {
        List<String> out = new ArrayList<>();
        try (InputStream in = open(MANIFEST);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Copies the whole bundle into {@code folder} (created if missing), keeping its layout. */
    public static void copyTo(Path folder) throws IOException {
        for (String f : files()) {
            Path target = folder.resolve(f);
            Files.createDirectories(target.getParent());
            try (InputStream in = open(f)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** One file of the bundle, relative to its root. */
    public static InputStream open(String relative) throws IOException {
        InputStream in = DemoSubtomograms.class.getResourceAsStream(ROOT + relative);
        if (in == null) {
            throw new IOException("bundled resource " + ROOT + relative + " is missing from the jar");
        }
        return in;
    }
}
