package org.cryoetgan.gan.mrc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the MRC reader: files of every writable mode and both byte orders, plain and gzipped, with
 * mutated header fields, random bytes, truncations and trailing data. Every file is either read or refused with an
 * {@link IOException} whose one-line message names the file; no other exception escapes.
 */
class MrcFuzzTest {
    private static final int CASES = 400;
    /** Header words worth aiming at: sizes, mode, starts, sampling, cell, axis order, ISPG, NSYMBT, origin. */
    private static final int[] WORDS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16, 17, 18, 22, 23, 49, 50, 51};

    @TempDir
    Path dir;

    private static List<byte[]> bases(Path dir) throws IOException {
        List<byte[]> out = new ArrayList<>();
        Random r = new Random(7);
        float[] v = new float[6 * 5 * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * 20);
        }
        Volume vol = new Volume(6, 5, 4, v, new Vec3(9.4, 9.4, 12), new Vec3(1, 2, 3));
        for (MrcMode m : MrcMode.values()) {
            if (!m.isWritable()) {
                continue;
            }
            for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                Path p = dir.resolve("base.mrc");
                MrcWriter.write(p, vol, MrcWriteOptions.defaults().withMode(m).withByteOrder(order));
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static byte[] mutate(byte[] base, Random r) {
        byte[] b = base.clone();
        ByteBuffer header = ByteBuffer.wrap(b).order(r.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            switch (r.nextInt(5)) {
                case 0 -> header.putInt(4 * WORDS[r.nextInt(WORDS.length)], extremeInt(r));
                case 1 -> header.putFloat(4 * WORDS[r.nextInt(WORDS.length)], extremeFloat(r));
                case 2 -> b[r.nextInt(Math.min(b.length, 1024))] = (byte) r.nextInt(256);
                case 3 -> b[1024 + r.nextInt(b.length - 1024)] = (byte) r.nextInt(256);
                default -> header.putInt(4 * r.nextInt(256), r.nextInt());
            }
        }
        switch (r.nextInt(4)) {
            case 0 -> b = Arrays.copyOf(b, r.nextInt(b.length));
            case 1 -> b = Arrays.copyOf(b, b.length + 1 + r.nextInt(64));
            default -> {
            }
        }
        return b;
    }

    private static int extremeInt(Random r) {
        int[] values = {0, -1, 1, 2, 3, 4, 6, 12, 101, 401, 1 << 16, 1 << 20, Integer.MAX_VALUE, Integer.MIN_VALUE};
        return r.nextBoolean() ? values[r.nextInt(values.length)] : r.nextInt(2000) - 1000;
    }

    private static float extremeFloat(Random r) {
        float[] values = {0f, -0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-30f, 1e30f};
        return values[r.nextInt(values.length)];
    }

    private static byte[] gzip(byte[] b, Random r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        byte[] z = out.toByteArray();
        return r.nextInt(3) == 0 ? Arrays.copyOf(z, 2 + r.nextInt(z.length - 2)) : z;
    }

    @Test
    void everyMutatedFileIsReadOrRefusedWithOneLineNamingIt() throws Exception {
        List<byte[]> bases = bases(dir);
        Random r = new Random(20261201L);
        int read = 0;
        int refused = 0;
        for (int c = 0; c < CASES; c++) {
            byte[] b = mutate(bases.get(r.nextInt(bases.size())), r);
            boolean gz = r.nextInt(4) == 0;
            Path p = dir.resolve("case-" + c + (gz ? ".mrc.gz" : ".mrc"));
            Files.write(p, gz ? gzip(b, r) : b);
            try {
                MrcData data = MrcReader.read(p);
                MrcSummary.of(p, data).toText();
                MrcReader.readHeader(p);
                try {
                    MrcReader.readVolume(p);
                } catch (MrcFormatException e) {
                    checkMessage(p, e);
                }
                read++;
            } catch (IOException e) {
                checkMessage(p, e);
                refused++;
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("case " + c + " (" + p.getFileName() + "): " + e, e);
            }
            Files.delete(p);
        }
        assertTrue(read > CASES / 10 && refused > CASES / 10, "read " + read + ", refused " + refused);
    }

    private static void checkMessage(Path p, IOException e) {
        String m = e.getMessage();
        assertTrue(m != null && m.contains(p.toString()), () -> p.getFileName() + ": message names no file: " + m);
        assertFalse(m.contains("\n"), () -> p.getFileName() + ": message is not one line: " + m);
    }
}
