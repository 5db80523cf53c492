package org.cryoetgan.gan.mrc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken files give an MrcFormatException that names the file and the problem, without huge allocations. */
class MrcBadFilesTest {

    @TempDir
    Path dir;

    /** A little-endian header for nx×ny×nz of the given mode, followed by {@code dataBytes} zero bytes. */
    private static byte[] file(int nx, int ny, int nz, int mode, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(1024 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, nx).putInt(4, ny).putInt(8, nz).putInt(12, mode);
        b.putInt(28, nx).putInt(32, ny).putInt(36, nz);
        b.putInt(64, 1).putInt(68, 2).putInt(72, 3);
        b.put(208, (byte) 'M').put(209, (byte) 'A').put(210, (byte) 'P').put(211, (byte) ' ');
        b.put(212, (byte) 0x44).put(213, (byte) 0x44);
        return b.array();
    }

    private MrcFormatException failure(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        MrcFormatException e = assertThrows(MrcFormatException.class, () -> MrcReader.read(p));
        assertTrue(e.getMessage().contains(name), "message names the file: " + e.getMessage());
        return e;
    }

    private static void assertMentions(MrcFormatException e, String... words) {
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' in: " + e.getMessage());
        }
    }

    @Test
    void hundredByteFile() throws IOException {
        assertMentions(failure("tiny.mrc", new byte[100]), "100 bytes", "shorter than the 1024-byte MRC header");
    }

    @Test
    void headerOnlyFileClaimingAHugeVolume() throws IOException {
        assertMentions(failure("header_only.mrc", file(1000, 1000, 1000, 2, 0)), "truncated", "1000×1000×1000",
                "only 1024 bytes");
    }

    @Test
    void truncatedData() throws IOException {
        assertMentions(failure("truncated.mrc", file(10, 10, 10, 2, 3000)), "truncated", "5024 bytes in all", "only 4024");
    }

    @Test
    void unknownMode() throws IOException {
        assertMentions(failure("mode7.mrc", file(2, 2, 2, 7, 32)), "unknown data mode 7");
    }

    @Test
    void unsupportedComplexMode() throws IOException {
        assertMentions(failure("mode4.mrc", file(2, 2, 2, 4, 64)), "mode 4", "not supported");
    }

    @Test
    void negativeDimensions() throws IOException {
        assertMentions(failure("negative.mrc", file(-5, 4, 3, 2, 0)), "-5×4×3", "implausible");
    }

    @Test
    void absurdDimensionsAreRejectedBeforeAllocating() throws IOException {
        assertMentions(failure("absurd.mrc", file(1 << 20, 1 << 20, 1 << 20, 2, 0)), "exceed");
    }

    @Test
    void invalidAxisOrder() throws IOException {
        byte[] b = file(2, 2, 2, 2, 32);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(64, 2).putInt(68, 2);
        assertMentions(failure("axes.mrc", b), "MAPC/MAPR/MAPS = 2,2,3");
    }

    @Test
    void volumeStackWithIndivisibleSections() throws IOException {
        byte[] b = file(2, 2, 5, 2, 80);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(88, 401).putInt(36, 2);
        assertMentions(failure("stack.mrc", b), "not a multiple of MZ = 2");
    }

    @Test
    void compressedHeaderOnlyFileFailsWithoutAllocatingTheClaimedSize() throws IOException {
        Path p = dir.resolve("huge.mrc.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(file(1200, 1200, 1200, 2, 4096)); // claims 6.9 GB
        }
        MrcFormatException e = assertThrows(MrcFormatException.class, () -> MrcReader.read(p));
        assertMentions(e, "huge.mrc.gz", "truncated", "only 5120 bytes");
    }

    @Test
    void corruptGzipStream() throws IOException {
        Path good = MrcFixtures.written("mode2_le.mrc.gz");
        byte[] gz = Files.readAllBytes(good);
        MrcFormatException e = failure("cut.mrc.gz", Arrays.copyOf(gz, gz.length - 30));
        assertMentions(e, "cut.mrc.gz");
    }

    @Test
    void realTruncatedEmdbHeader() {
        Path p = MrcFixtures.real("sfftk_EMD-8174_truncated_header_only.map.gz");
        MrcFormatException e = assertThrows(MrcFormatException.class, () -> MrcReader.read(p));
        assertMentions(e, "sfftk_EMD-8174", "truncated", "301×401×71");
    }
}
