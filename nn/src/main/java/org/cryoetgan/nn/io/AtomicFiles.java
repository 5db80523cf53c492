package org.cryoetgan.nn.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that readers see either the old or the complete new content: the data go to a temporary
 * file in the same directory, are forced to disk, and the temporary file is renamed over the target
 * atomically.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes the content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target}; a file-system error names {@code target} (never the temporary file) and the reason.
     */
    public static void write(Path target, Writer writer) throws IOException {
        try {
            writeVia(target, writer);
        } catch (java.nio.file.FileSystemException e) {
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such folder"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? e.getFile() + " is a file, not a folder"
                    : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            throw new IOException(target + ": cannot write (" + reason + ")", e);
        }
    }

    private static void writeVia(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        if (Files.isDirectory(abs)) {
            throw new java.nio.file.FileSystemException(abs.toString(), null, "is a folder");
        }
        Path tmp = createTemporary(dir, abs.getFileName().toString());
        try {
            keepPermissions(abs, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                writer.write(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new empty file {@code .NAME.RANDOM.tmp} in {@code dir}, created with the default permissions (those the
     * umask gives, unlike {@link Files#createTempFile}'s owner-only ones).
     */
    private static Path createTemporary(Path dir, String name) throws IOException {
        while (true) {
            long random = java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
            try {
                return Files.createFile(dir.resolve("." + name + "." + random + ".tmp"));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another writer drew the same number: draw again
            }
        }
    }

    /** A file that is replaced keeps its permissions; a new one keeps the umask's, which it was created with. */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix") || !Files.exists(target)) {
            return;
        }
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
    }
}
