package org.cryoetgan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cryoetgan.gan.batch.FolderBookkeeping;

/**
 * Checks made on a command's outputs before any work starts: the output can be written where it is asked for, and
 * nothing already there is replaced unless the user said {@code --overwrite}.
 */
final class OutputTargets {

    private OutputTargets() {
    }

    /** {@code file} can be created (its folder is or can be made writable) and, unless {@code overwrite}, is new. */
    static void checkFile(Path file, boolean overwrite) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a folder, not a file");
        }
        if (Files.exists(file) && !overwrite) {
            throw new IllegalArgumentException(file + " already exists: use --overwrite to replace it");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            checkWritable(parent);
        }
    }

    /**
     * {@code dir} is a folder that can be written (or created) and, unless {@code overwrite}, holds none of the
     * files named {@code mine} and nothing else but names that {@code ignored} accepts (outputs of other parts of
     * the same job, such as other shards') and cryoetgan's {@linkplain FolderBookkeeping hidden bookkeeping files}.
     */
    static void checkFolder(Path dir, boolean overwrite, List<String> mine, java.util.function.Predicate<String> ignored) {
        checkWritable(dir);
        if (overwrite || !Files.isDirectory(dir)) {
            return;
        }
        for (String name : mine) {
            if (Files.exists(dir.resolve(name))) {
                throw new IllegalArgumentException(dir.resolve(name) + " already exists: use --overwrite to replace"
                        + " it, or another --out");
            }
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.map(p -> p.getFileName().toString())
                    .anyMatch(name -> !ignored.test(name) && !FolderBookkeeping.isBookkeeping(name))) {
                throw new IllegalArgumentException(dir + " is not empty: use --overwrite to write into it (files of"
                        + " the same names are replaced), or another --out");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot list the folder (" + e.getMessage() + ")");
        }
    }

    /** {@code dir} is a folder that can be written (or created) and, unless {@code overwrite}, empty or missing. */
    static void checkFolder(Path dir, boolean overwrite) {
        checkFolder(dir, overwrite, List.of(), name -> false);
    }

    /** {@code dir} is (or, created, would be) a writable folder: it or its nearest existing ancestor is one. */
    static void checkWritable(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException(dir + ": " + p + " is a file, not a folder");
        }
        if (!Files.isWritable(p)) {
            throw new IllegalArgumentException(dir + ": " + p + " is not writable (permission denied)");
        }
    }
}
