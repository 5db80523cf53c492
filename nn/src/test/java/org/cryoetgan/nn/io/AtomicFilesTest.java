package org.cryoetgan.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writesAndReplacesWithoutLeavingTemporaryFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.bin");
        AtomicFiles.write(f, o -> o.write(new byte[] {1, 2}));
        AtomicFiles.write(f, o -> o.write(new byte[] {3}));
        assertEquals(1, Files.size(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void errorsNameTheTargetNotTheTemporaryFile(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out.mrc"));
        Files.writeString(folder.resolve("inside"), "x");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(folder, o -> o.write(1)));
        assertTrue(e.getMessage().startsWith(folder + ": cannot write (is a folder)"), e.getMessage());

        Path file = Files.writeString(dir.resolve("plain"), "x");
        e = assertThrows(IOException.class, () -> AtomicFiles.write(file.resolve("x.mrc"), o -> o.write(1)));
        assertTrue(e.getMessage().startsWith(file.resolve("x.mrc") + ": cannot write (" + file + " is a file"),
                e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
        try (Stream<Path> s = Files.list(folder)) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aNewFileGetsTheUmasksPermissionsAndAReplacedOneKeepsItsOwn(@TempDir Path dir) throws Exception {
        Path probe = Files.createFile(dir.resolve("probe"));
        Path f = dir.resolve("new.bin");
        AtomicFiles.write(f, o -> o.write(1));
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(f), "as any created file");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(f, o -> o.write(2));
        assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(f)));
    }
}
