package org.cryoetgan.gan.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Marks an output folder as being written by a job for as long as the job runs, with a {@link FileChannel} lock
 * on {@value FolderBookkeeping#JOB_LOCK} in the folder. A job that must be the folder's only writer takes it
 * {@linkplain #exclusive exclusively}; jobs that may write the folder together (the shards of one
 * {@code generate}, or {@code generate --append} jobs) take it {@linkplain #shared shared}. Taking it never waits:
 * when another job holds it the other way, it fails at once with a message naming the folder.
 *
 * <p>File locks belong to the whole JVM and closing any channel on the file releases them all, so the JVM keeps
 * one channel per folder and counts its own shared holders.
 */
public final class OutputLock implements AutoCloseable {

    /** The lock this JVM holds on one folder: its channel, and how many of its jobs hold it. */
    private static final class Held {
        final FileChannel channel;
        final boolean shared;
        int holders = 1;

        Held(FileChannel channel, boolean shared) {
            this.channel = channel;
            this.shared = shared;
        }
    }

    private static final Map<Path, Held> HELD = new HashMap<>();

    private final Path key;
    private boolean open = true;

    private OutputLock(Path key) {
        this.key = key;
    }

    /** Takes {@code dir} (created if missing) for a job that must write it alone. */
    public static OutputLock exclusive(Path dir) throws IOException {
        return take(dir, false);
    }

    /** Takes {@code dir} (created if missing) for a job that writes it together with other sharing jobs. */
    public static OutputLock shared(Path dir) throws IOException {
        return take(dir, true);
    }

    private static OutputLock take(Path dir, boolean shared) throws IOException {
        Files.createDirectories(dir);
        Path key = dir.toRealPath();
        synchronized (HELD) {
            Held held = HELD.get(key);
            if (held != null) {
                if (!(shared && held.shared)) {
                    throw busy(dir, shared);
                }
                held.holders++;
                return new OutputLock(key);
            }
            FileChannel ch = FileChannel.open(key.resolve(FolderBookkeeping.JOB_LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock(0, 1, shared);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            if (lock == null) {
                ch.close();
                throw busy(dir, shared);
            }
            HELD.put(key, new Held(ch, shared));
            return new OutputLock(key);
        }
    }

    private static IOException busy(Path dir, boolean shared) {
        return new IOException(dir + " is being written by another job right now (it holds "
                + dir.resolve(FolderBookkeeping.JOB_LOCK) + "): wait until it ends, or use another --out"
                + (shared ? "" : "; jobs meant to write one folder together take generate --append"));
    }

    /** Releases this job's hold; the file lock goes when the JVM's last holder of the folder releases it. */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (!open) {
                return;
            }
            open = false;
            Held held = HELD.get(key);
            if (--held.holders == 0) {
                HELD.remove(key);
                held.channel.close();
            }
        }
    }
}
