package org.cryoetgan.gan.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.viz.Montage;

/**
 * PNG montages of a few volumes per class: the first {@code perSet} real volumes of the class, then the same
 * number from each compared set, each row showing the central XY, XZ and YZ sections.
 */
public final class SampleMontages {
    private SampleMontages() {
    }

    /**
     * Writes {@code samples-<class>.png} per real class (or {@code samples.png} for unlabelled data) into
     * {@code dir}; returns the file names written.
     */
    public static List<String> write(Path dir, VolumeSet real, Map<String, VolumeSet> sets, int perSet)
            throws IOException {
        Map<String, VolumeSet> all = new java.util.LinkedHashMap<>();
        all.put("real", real);
        all.putAll(sets);
        return write(dir, "samples", real.labels(), all, perSet);
    }

    /**
     * Writes {@code <prefix>-<class>.png} per class (or {@code <prefix>.png} when {@code classes} is empty) with
     * the first {@code perSet} volumes of the class from each set, in the map's order; returns the file names.
     */
    public static List<String> write(Path dir, String prefix, List<String> classes, Map<String, VolumeSet> sets,
                                     int perSet) throws IOException {
        List<String> written = new ArrayList<>();
        for (String c : classes.isEmpty() ? List.of("") : classes) {
            List<Montage.Entry> entries = new ArrayList<>();
            for (Map.Entry<String, VolumeSet> e : sets.entrySet()) {
                add(entries, e.getKey(), e.getValue(), c, perSet);
            }
            String name = c.isEmpty() ? prefix + ".png" : prefix + "-" + safe(c) + ".png";
            new Montage().write(dir.resolve(name), entries);
            written.add(name);
        }
        return written;
    }

    private static void add(List<Montage.Entry> entries, String setName, VolumeSet set, String cls, int perSet) {
        int n = 0;
        for (Sample s : set.samples()) {
            if (n < perSet && (cls.isEmpty() || cls.equals(s.label()))) {
                n++;
                entries.add(new Montage.Entry(setName + " " + (cls.isEmpty() ? "" : cls + " ") + n, s.volume()));
            }
        }
    }

    private static String safe(String label) {
        return label.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
