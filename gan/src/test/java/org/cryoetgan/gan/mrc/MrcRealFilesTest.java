package org.cryoetgan.gan.mrc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.cryoetgan.gan.volume.Volume;
import org.cryoetgan.gan.volume.VolumeStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real EMDB and odd files: what this reader returns must match what mrcfile read (real/expected.tsv). */
class MrcRealFilesTest {

    static Stream<String> expectedRows() throws IOException {
        List<String> lines = Files.readAllLines(MrcFixtures.real("expected.tsv"));
        return lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedRows")
    void matchesMrcfile(String row) throws IOException {
        String[] f = row.split("\t");
        MrcData d = MrcReader.read(MrcFixtures.real(f[0]));
        Volume v = d.volume();
        assertEquals(Integer.parseInt(f[1]), v.nx(), "nx");
        assertEquals(Integer.parseInt(f[2]), v.ny(), "ny");
        assertEquals(Integer.parseInt(f[3]), v.nz(), "nz");
        assertEquals(Integer.parseInt(f[4]), d.header().mode(), "mode");
        for (int a = 0; a < 3; a++) {
            assertEquals(Double.parseDouble(f[5 + a]), v.voxelSize().get(a), 1e-5, "voxel size axis " + a);
            assertEquals(Double.parseDouble(f[8 + a]), v.origin().get(a), 1e-4, "origin axis " + a);
        }
        VolumeStats s = v.stats();
        assertEquals(Double.parseDouble(f[11]), s.min(), 1e-6, "min");
        assertEquals(Double.parseDouble(f[12]), s.max(), 1e-6, "max");
        assertEquals(Double.parseDouble(f[13]), s.mean(), 1e-6, "mean");
        assertEquals(Double.parseDouble(f[14]), s.rms(), 1e-6, "rms");
        int nx = v.nx();
        int ny = v.ny();
        int nz = v.nz();
        float[] samples = {v.get(0, 0, 0), v.get(nx - 1, 0, 0), v.get(0, ny - 1, 0), v.get(0, 0, nz - 1),
            v.get(nx / 2, ny / 3, nz / 4)};
        for (int i = 0; i < samples.length; i++) {
            assertEquals(Double.parseDouble(f[15 + i]), samples[i], 0.0, "sample " + i);
        }
    }

    @Test
    void emd3001ExtendedHeaderAndAxisOrderAreHandled() throws IOException {
        MrcData d = MrcReader.read(MrcFixtures.real("EMD-3001.map.gz"));
        assertEquals(160, d.header().nsymbt());
        assertEquals(160, d.extendedHeader().length);
        assertEquals(3, d.header().mapc());
        assertEquals(4, d.header().ispg());
    }

    @Test
    void zeroMachineStampIsReadAsLittleEndian() throws IOException {
        MrcData d = MrcReader.read(MrcFixtures.real("polnet_emd_5225_mask_nonstd_header.mrc.gz"));
        assertEquals(java.nio.ByteOrder.LITTLE_ENDIAN, d.header().byteOrder());
        assertFalse(d.header().stampTrusted());
    }
}
