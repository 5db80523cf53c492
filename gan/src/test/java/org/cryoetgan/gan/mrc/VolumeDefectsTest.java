package org.cryoetgan.gan.mrc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeDefectsTest {

    @TempDir
    Path dir;

    private Path write(String name, float[] data, Vec3 voxel, Vec3 origin) throws Exception {
        Path p = dir.resolve(name);
        MrcWriter.write(p, new Volume(2, 2, 2, data, voxel, origin));
        return p;
    }

    private static float[] ramp() {
        return new float[] {1, 2, 3, 4, 5, 6, 7, 8};
    }

    @Test
    void aCleanVolumeHasNoDefectsAndReads() throws Exception {
        Path p = write("ok.mrc", ramp(), Vec3.of(9.4), Vec3.ZERO);
        assertEquals(List.of(), VolumeDefects.of(p, MrcReader.read(p)));
        assertEquals(8f, MrcReader.readVolume(p).data()[7]);
    }

    @Test
    void nanAndInfiniteVoxelsAreCountedAndRefusedNamingTheFile() throws Exception {
        float[] v = ramp();
        v[2] = Float.NaN;
        v[5] = Float.POSITIVE_INFINITY;
        v[6] = Float.NEGATIVE_INFINITY;
        Path p = write("nan.mrc", v, Vec3.of(9.4), Vec3.ZERO);
        assertEquals(List.of("1 NaN voxel", "2 infinite voxels"), VolumeDefects.of(MrcReader.read(p).volume()));
        MrcFormatException e = assertThrows(MrcFormatException.class, () -> MrcReader.readVolume(p));
        assertTrue(e.getMessage().startsWith(p + ": 1 NaN voxel; 2 infinite voxels"), e.getMessage());
    }

    @Test
    void aVoxelSizeThatIsNotPositiveOrAnOriginThatIsNotFiniteIsRefused() throws Exception {
        Path zero = write("zero.mrc", ramp(), Vec3.ZERO, Vec3.ZERO);
        MrcFormatException e = assertThrows(MrcFormatException.class, () -> MrcReader.readVolume(zero));
        assertTrue(e.getMessage().contains("voxel size 0.000 × 0.000 × 0.000 Å is not positive"), e.getMessage());
        Path nanOrigin = write("origin.mrc", ramp(), Vec3.of(5), new Vec3(Double.NaN, 0, 0));
        e = assertThrows(MrcFormatException.class, () -> MrcReader.readVolume(nanOrigin));
        assertTrue(e.getMessage().contains("origin NaN × 0.000 × 0.000 is not finite"), e.getMessage());
    }

    @Test
    void dataBeyondWhatTheHeaderDescribesIsFlagged() throws Exception {
        Path p = write("long.mrc", ramp(), Vec3.of(9.4), Vec3.ZERO);
        Files.write(p, new byte[12], StandardOpenOption.APPEND);
        List<String> d = VolumeDefects.of(p, MrcReader.read(p));
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("12 bytes after the data"), d.get(0));
        assertTrue(MrcSummary.of(p, MrcReader.read(p)).toText().contains("WARNING    12 bytes after"));
    }
}
