package org.cryoetgan.gan.batch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In one JVM; the same against other processes is tested by the command line's GenerateAppendTest. */
class OutputLockTest {

    @TempDir
    Path dir;

    @Test
    void anExclusiveHolderKeepsEveryOtherJobOutAndSharedHoldersKeepOutOnlyExclusiveOnes() throws IOException {
        Path out = dir.resolve("out");
        try (OutputLock alone = OutputLock.exclusive(out)) {
            IOException e = assertThrows(IOException.class, () -> OutputLock.exclusive(out));
            assertTrue(e.getMessage().startsWith(out + " is being written by another job right now"), e.getMessage());
            assertThrows(IOException.class, () -> OutputLock.shared(out));
        }
        try (OutputLock a = OutputLock.shared(out); OutputLock b = OutputLock.shared(out)) {
            assertThrows(IOException.class, () -> OutputLock.exclusive(out));
            a.close();
            a.close();
            assertThrows(IOException.class, () -> OutputLock.exclusive(out), "b still holds it");
        }
        OutputLock.exclusive(out).close();
        assertTrue(Files.exists(out.resolve(FolderBookkeeping.JOB_LOCK)));
    }

    @Test
    void aJobBatchIntoAFolderThatAnotherJobWritesFailsBeforeWritingAnything() throws IOException {
        Path out = dir.resolve("maps");
        try (OutputLock other = OutputLock.exclusive(out)) {
            IOException e = assertThrows(IOException.class, () -> DensityBatch.run(
                    java.util.List.of(MapSources.membrane(org.cryoetgan.gan.structure.MembraneSettings.flat(47, 8,
                            94))), 1, new Augmentation(false, 0), 1, out, out.resolve("labels.csv"),
                    org.cryoetgan.gan.mrc.MrcWriteOptions.defaults(), BatchProgress.SILENT));
            assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
        }
        assertTrue(LabelledFolder.volumes(out).isEmpty() && Files.notExists(out.resolve("labels.csv")));
    }
}
