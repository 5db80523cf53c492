package org.cryoetgan.gan.mrc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.cryoetgan.gan.volume.VolumeStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MrcWriterTest {

    @TempDir
    Path dir;

    private static Volume sample() {
        Random r = new Random(7);
        Volume v = new Volume(6, 5, 4, new float[120], new Vec3(9.4, 9.5, 9.6), new Vec3(-5, 6, 7.5));
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] = (float) r.nextGaussian();
        }
        return v;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"FLOAT32,LE,x.mrc", "FLOAT32,BE,x.mrc", "FLOAT16,LE,x.mrc", "FLOAT16,BE,x.mrc", "FLOAT32,LE,x.mrc.gz"})
    void roundTrip(MrcMode mode, String order, String name) throws IOException {
        Volume v = sample();
        ByteOrder bo = order.equals("LE") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        Path p = dir.resolve(name);
        MrcWriter.write(p, v, MrcWriteOptions.defaults().withMode(mode).withByteOrder(bo).withLabel("round trip"));
        MrcData d = MrcReader.read(p);
        MrcHeader h = d.header();
        assertEquals(mode.code(), h.mode());
        assertEquals(bo, h.byteOrder());
        assertTrue(h.stampTrusted());
        assertEquals("MAP ", h.mapWord());
        assertEquals("round trip", h.labels().get(0));
        assertEquals(20141, h.nversion());
        assertEquals(v.voxelSize().x(), d.volume().voxelSize().x(), 1e-5);
        assertEquals(v.voxelSize().z(), d.volume().voxelSize().z(), 1e-5);
        assertEquals(v.origin(), d.volume().origin());
        float[] want = v.data().clone();
        if (mode == MrcMode.FLOAT16) {
            for (int i = 0; i < want.length; i++) {
                want[i] = Half.round(want[i]);
            }
        }
        assertArrayEquals(want, d.volume().data());
        VolumeStats s = VolumeStats.of(want);
        assertEquals((float) s.min(), h.dmin());
        assertEquals((float) s.max(), h.dmax());
        assertEquals((float) s.mean(), h.dmean());
        assertEquals((float) s.rms(), h.rms());
    }

    @Test
    void headerBytesFollowMrc2014() throws IOException {
        Path p = dir.resolve("h.mrc");
        MrcWriter.write(p, sample());
        byte[] b = Files.readAllBytes(p);
        assertEquals(1024 + 120 * 4, b.length);
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(6, h.getInt(0));
        assertEquals(2, h.getInt(12));
        assertEquals(6, h.getInt(28));
        assertEquals(6 * 9.4f, h.getFloat(40), 1e-4);
        assertEquals(90f, h.getFloat(52));
        assertEquals(3, h.getInt(72));
        assertEquals(1, h.getInt(88));
        assertEquals(0x44, b[212]);
        assertEquals(0x44, b[213]);
        assertEquals('M', b[208]);
    }

    @Test
    void leavesNoTemporaryFiles() throws IOException {
        MrcWriter.write(dir.resolve("a.mrc"), sample());
        MrcWriter.write(dir.resolve("a.mrc"), sample());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void mrcAndLabelFilesGetTheUmasksPermissionsNotOwnerOnly() throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        Path mrc = dir.resolve("v.mrc");
        MrcWriter.write(mrc, new Volume(2, 2, 2, new float[8], Vec3.of(1), Vec3.ZERO));
        MrcWriter.write(dir.resolve("v.mrc.gz"), new Volume(2, 2, 2, new float[8], Vec3.of(1), Vec3.ZERO));
        org.cryoetgan.gan.data.LabelTable t = new org.cryoetgan.gan.data.LabelTable(
                java.util.List.of(new org.cryoetgan.gan.data.LabelTable.Column("file", "rlnImageName")));
        t.add("v.mrc");
        t.write(dir.resolve("labels.csv"));
        t.write(dir.resolve("labels.star"));
        for (String name : new String[] {"v.mrc", "v.mrc.gz", "labels.csv", "labels.star"}) {
            assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(dir.resolve(name)), name);
        }
        assertEquals(8, MrcReader.readVolume(dir.resolve("v.mrc.gz")).data().length);
    }
}
