package org.cryoetgan.gan.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cryoetgan.gan.data.LabelTable;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeSet;

/**
 * The generated volumes grouped by the density map they came from, in draw order, using the label table that
 * {@link org.cryoetgan.gan.generate.GenerationJob} writes (file, source map, sample number).
 */
final class GeneratedDraws {
    private final Map<String, List<Sample>> byMap;
    private final Map<String, String> mapOfFile = new HashMap<>();

    GeneratedDraws(LabelTable table, VolumeSet generated) {
        Map<String, Sample> byName = new HashMap<>();
        for (Sample s : generated.samples()) {
            byName.put(fileName(s.source()), s);
        }
        List<String> files = table.column("file");
        List<String> sources = table.column("source");
        List<String> samples = table.column("sample");
        Map<String, TreeMap<Integer, Sample>> grouped = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            Sample s = byName.get(files.get(i));
            if (s == null) {
                throw new IllegalStateException(files.get(i) + " is in the generation's label table but was not read");
            }
            grouped.computeIfAbsent(sources.get(i), k -> new TreeMap<>()).put(Integer.parseInt(samples.get(i)), s);
            mapOfFile.put(files.get(i), sources.get(i));
        }
        byMap = new LinkedHashMap<>();
        grouped.forEach((k, v) -> byMap.put(k, new ArrayList<>(v.values())));
    }

    /** The source maps, sorted. */
    List<String> maps() {
        return new ArrayList<>(byMap.keySet());
    }

    /** The draws of one map, in sample order. */
    List<Sample> draws(String map) {
        return byMap.get(map);
    }

    /** The source map of a generated volume. */
    String mapOf(Sample generated) {
        return mapOfFile.get(fileName(generated.source()));
    }

    /** The first draw of every map. */
    List<Sample> firstDraws() {
        return byMap.values().stream().map(l -> l.get(0)).toList();
    }

    static String fileName(String path) {
        return Path.of(path).getFileName().toString();
    }
}
