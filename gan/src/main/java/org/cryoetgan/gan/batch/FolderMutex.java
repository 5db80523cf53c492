package org.cryoetgan.gan.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A short exclusive hold on the files that several jobs writing one folder share (its label tables and
 * numbering), taken while one job reads or changes them: the other jobs wait. Other processes are kept out by a
 * {@link FileChannel#lock() file lock} on {@value FolderBookkeeping#LABELS_LOCK} in the folder, other threads of
 * this JVM by a lock of their own (file locks are held per process); a thread that already holds it passes
 * straight through.
 */
public final class FolderMutex {

    /** What runs while the folder is held. */
    @FunctionalInterface
    public interface Action<T> {
        T run() throws IOException;
    }

    private static final Map<Path, ReentrantLock> THREAD_LOCKS = new ConcurrentHashMap<>();

    private FolderMutex() {
    }

    /** Runs {@code action} holding {@code dir} (created if missing); waits while another job holds it. */
    public static <T> T hold(Path dir, Action<T> action) throws IOException {
        Files.createDirectories(dir);
        Path key = dir.toRealPath();
        ReentrantLock local = THREAD_LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        try {
            if (local.getHoldCount() > 1) {
                return action.run();
            }
            // only one channel of this JVM is open on the lock file at a time: closing it releases only its lock
            try (FileChannel ch = FileChannel.open(key.resolve(FolderBookkeeping.LABELS_LOCK),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                return action.run();
            }
        } finally {
            local.unlock();
        }
    }
}
