package org.cryoetgan.gan.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark's output folder: refused when it already holds files, unless overwriting, in which case only what a
 * benchmark writes there (its stage folders, reports and montages) is removed first, except a reused run inside it.
 */
final class OutputFolder {
    private OutputFolder() {
    }

    /** @param keep a path inside {@code out} to leave in place (a reused run), or null */
    static void prepare(Path out, boolean overwrite, List<String> stageFolders, Path keep) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IOException(out + ": --out exists and is not a folder");
        }
        if (!Files.isDirectory(out) || isEmpty(out)) {
            Files.createDirectories(out);
            return;
        }
        if (!overwrite) {
            throw new IOException(out + ": the output folder is not empty (use --overwrite to replace a benchmark's"
                    + " results there, or another --out)");
        }
        for (String f : stageFolders) {
            Path folder = out.resolve(f).toAbsolutePath().normalize();
            if (keep == null || !keep.toAbsolutePath().normalize().startsWith(folder)) {
                deleteTree(folder);
            }
        }
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.equals("report.md") || n.equals("report.json") || (n.startsWith("montage") && n.endsWith(".png"))) {
                    Files.delete(p);
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Deletes a file or folder tree; nothing when it does not exist. */
    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
