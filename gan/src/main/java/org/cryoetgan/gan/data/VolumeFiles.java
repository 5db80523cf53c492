package org.cryoetgan.gan.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.volume.Volume;

/**
 * Finds and reads the volumes of a data set: each argument is an MRC file or a folder searched recursively
 * for {@code .mrc}, {@code .map}, {@code .rec}, {@code .ccp4} files (optionally gzipped), in sorted order.
 * Labels come from an optional map (file name → label), else from a {@code labels.csv}/{@code labels.star} in
 * the file's folder (as {@code density}, {@code simulate} and {@code generate} write them), else from the name of
 * the file's parent folder when the files are grouped in per-class folders, else they are empty.
 */
public final class VolumeFiles {
    private VolumeFiles() {
    }

    /** Whether a file name looks like a volume this project reads. */
    public static boolean isVolumeFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        return n.endsWith(".mrc") || n.endsWith(".map") || n.endsWith(".rec") || n.endsWith(".ccp4")
                || n.endsWith(".mrcs");
    }

    /** The volume files named by the arguments (files as given, folders searched), failing on missing paths. */
    public static List<Path> list(List<Path> arguments) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path a : arguments) {
            if (Files.isDirectory(a)) {
                try (Stream<Path> s = Files.walk(a)) {
                    s.filter(Files::isRegularFile).filter(VolumeFiles::isVolumeFile).sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(a)) {
                out.add(a);
            } else {
                throw new java.nio.file.NoSuchFileException(a.toString(), null, "no such file or folder");
            }
        }
        return out;
    }

    /**
     * Reads every volume; all problems are collected and reported together before any training starts.
     *
     * @param domain  name used in messages ("density maps")
     * @param labels  file name → label, or null
     */
    public static VolumeSet read(String domain, List<Path> arguments, Map<String, String> labels) throws IOException {
        List<Path> files = list(arguments);
        if (files.isEmpty()) {
            throw new IOException("no " + domain + " found in " + arguments
                    + " (looked for .mrc, .map, .rec, .ccp4, .mrcs, optionally .gz)");
        }
        List<Sample> samples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<Path, Map<String, String>> folderLabels = new java.util.HashMap<>();
        for (Path f : files) {
            try {
                Volume v = MrcReader.readVolume(f);
                Map<String, String> written = folderLabels.computeIfAbsent(f.toAbsolutePath().getParent(),
                        VolumeFiles::writtenLabels);
                String label = labels != null && labels.containsKey(f.getFileName().toString())
                        ? labels.get(f.getFileName().toString())
                        : written.getOrDefault(f.getFileName().toString(), label(f, arguments, null));
                samples.add(new Sample(v, label, f.toString()));
            } catch (IOException | RuntimeException e) {
                problems.add(e.getMessage() == null ? f + ": " + e : e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(problems.size() + " of " + files.size() + " " + domain + " could not be read:\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(10, problems.size())))
                    + (problems.size() > 10 ? "\n  ..." : ""));
        }
        return new VolumeSet(domain, samples);
    }

    private static Map<String, String> writtenLabels(Path folder) {
        try {
            return LabelTable.readLabels(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(folder + ": unreadable label table: " + e.getMessage(), e);
        }
    }

    private static String label(Path f, List<Path> roots, Map<String, String> labels) {
        if (labels != null) {
            String l = labels.get(f.getFileName().toString());
            if (l != null) {
                return l;
            }
        }
        Path parent = f.toAbsolutePath().getParent();
        for (Path r : roots) {
            if (Files.isDirectory(r) && !parent.equals(r.toAbsolutePath()) && parent.startsWith(r.toAbsolutePath())) {
                return parent.getFileName().toString();
            }
        }
        return "";
    }

    /** Reads a two-column CSV (file name, label; header optional) into a map. */
    public static Map<String, String> readLabels(Path csv) throws IOException {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        if (Files.isDirectory(csv)) {
            throw new IOException(csv + ": is a folder, not a label CSV");
        }
        int line = 0;
        for (String l : Files.readAllLines(csv)) {
            line++;
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("[,\t]");
            if (parts.length < 2) {
                throw new IOException(csv + ":" + line + ": expected 'file,label', got '" + l + "'");
            }
            String file = Path.of(parts[0].trim()).getFileName().toString();
            if (line == 1 && file.equalsIgnoreCase("file")) {
                continue;
            }
            m.put(file, parts[1].trim());
        }
        return m;
    }
}
