package org.cryoetgan.gan.mrc;

import static org.cryoetgan.gan.mrc.MrcFixtures.NX;
import static org.cryoetgan.gan.mrc.MrcFixtures.NY;
import static org.cryoetgan.gan.mrc.MrcFixtures.NZ;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.cryoetgan.gan.volume.VolumeStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads files written by Python's mrcfile (tools/mrc_fixtures.py) in every mode and byte order. */
class MrcReaderInteropTest {

    @ParameterizedTest(name = "mode {0}, {1}")
    @CsvSource({"0,le", "0,be", "1,le", "1,be", "2,le", "2,be", "6,le", "6,be", "12,le", "12,be"})
    void readsEveryModeInBothByteOrders(int mode, String order) throws IOException {
        MrcData d = MrcReader.read(MrcFixtures.written("mode" + mode + "_" + order + ".mrc"));
        MrcHeader h = d.header();
        assertEquals(mode, h.mode());
        assertEquals(order.equals("le") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, h.byteOrder());
        assertTrue(h.stampTrusted());
        assertGrid(d.volume(), mode, 0);
        VolumeStats s = d.volume().stats();
        assertEquals(h.dmin(), s.min(), 1e-6 * Math.abs(s.min()) + 1e-6, "DMIN written by mrcfile");
        assertEquals(h.dmax(), s.max(), 1e-6 * Math.abs(s.max()) + 1e-6, "DMAX");
        assertEquals(h.dmean(), s.mean(), 1e-4 * Math.abs(s.mean()) + 1e-4, "DMEAN");
        assertEquals(h.rms(), s.rms(), 1e-3 * s.rms(), "RMS");
    }

    static void assertGrid(Volume v, int mode, float offset) {
        assertEquals(NX, v.nx());
        assertEquals(NY, v.ny());
        assertEquals(NZ, v.nz());
        assertEquals(new Vec3(1.5, 2.0, 2.5), v.voxelSize());
        assertEquals(new Vec3(10, -20, 30), v.origin());
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    assertEquals(MrcFixtures.expected(mode, x, y, z) + offset, v.get(x, y, z), 0.0,
                            "voxel " + x + "," + y + "," + z);
                }
            }
        }
    }

    @Test
    void imageStackKeepsItsImages() throws IOException {
        MrcData d = MrcReader.read(MrcFixtures.written("image_stack.mrc"));
        assertTrue(d.header().isImageStack());
        assertEquals(1, d.header().mz());
        List<Volume> images = d.images();
        assertEquals(NZ, images.size());
        for (int z = 0; z < NZ; z++) {
            Volume img = images.get(z);
            assertEquals(1, img.nz());
            assertEquals(MrcFixtures.expected(2, 3, 2, z), img.get(3, 2, 0));
        }
    }

    @Test
    void volumeStackSplitsIntoVolumesOfMzSections() throws IOException {
        MrcData d = MrcReader.read(MrcFixtures.written("volume_stack.mrc"));
        assertTrue(d.header().isVolumeStack());
        assertEquals(401, d.header().ispg());
        List<Volume> vols = d.volumes();
        assertEquals(2, vols.size());
        assertGrid(vols.get(0), 2, 0);
        assertEquals(100 + MrcFixtures.expected(2, 4, 3, 2), vols.get(1).get(4, 3, 2));
        assertEquals(vols.get(0).get(1, 1, 1), d.firstVolume().get(1, 1, 1));
    }

    @Test
    void extendedHeaderIsSkippedAndKept() throws IOException {
        MrcData d = MrcReader.read(MrcFixtures.written("extended_header.mrc"));
        assertEquals(80, d.header().nsymbt());
        assertEquals("SERI", d.header().exttyp());
        byte[] ext = d.extendedHeader();
        assertEquals(80, ext.length);
        assertEquals(79, ext[79]);
        assertGrid(d.volume(), 2, 0);
    }

    @Test
    void axisOrder312IsReturnedXFastest() throws IOException {
        MrcData d = MrcReader.read(MrcFixtures.written("axes_312.mrc"));
        assertEquals(3, d.header().nx(), "the file's column count is the z size");
        assertEquals(3, d.header().mapc());
        assertGrid(d.volume(), 2, 0);
    }

    @Test
    void wrongMachineStampFallsBackToTheOrderThatMakesSense() throws IOException {
        MrcData le = MrcReader.read(MrcFixtures.written("mode1_le_stamped_be.mrc"));
        assertEquals(ByteOrder.LITTLE_ENDIAN, le.header().byteOrder());
        assertFalse(le.header().stampTrusted());
        assertGrid(le.volume(), 1, 0);

        MrcData be = MrcReader.read(MrcFixtures.written("mode2_be_stamp_zero.mrc"));
        assertEquals(ByteOrder.BIG_ENDIAN, be.header().byteOrder());
        assertGrid(be.volume(), 2, 0);
    }

    @Test
    void gzipIsTransparent() throws IOException {
        Volume plain = MrcReader.readVolume(MrcFixtures.written("mode2_le.mrc"));
        Volume gz = MrcReader.readVolume(MrcFixtures.written("mode2_le.mrc.gz"));
        assertArrayEquals(plain.data(), gz.data());
        assertEquals(plain.voxelSize(), gz.voxelSize());
    }
}
