package org.cryoetgan.gan.batch;

/**
 * The hidden files cryoetgan keeps in an output folder, all named {@code .cryoetgan-*}: the lock of the job writing
 * the folder ({@link OutputLock}), the lock of its shared label tables ({@link FolderMutex}) and the numbers that
 * {@code generate} has handed out there. They are not outputs: a folder holding only them counts as empty.
 */
public final class FolderBookkeeping {

    /** Held by the jobs writing the folder, see {@link OutputLock}. */
    public static final String JOB_LOCK = ".cryoetgan-job.lock";

    /** Held while a job changes the folder's label tables or numbering, see {@link FolderMutex}. */
    public static final String LABELS_LOCK = ".cryoetgan-labels.lock";

    /** The sample, map and class numbers {@code generate} has used in the folder. */
    public static final String GENERATE_NUMBERS = ".cryoetgan-generate";

    private static final String PREFIX = ".cryoetgan-";

    private FolderBookkeeping() {
    }

    /** Whether a file name in an output folder is one of these files rather than an output. */
    public static boolean isBookkeeping(String fileName) {
        return fileName.startsWith(PREFIX);
    }
}
