package org.cryoetgan.gan.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncertaintyRunTest {

    @Test
    void writesMeanStdAndAnOverlayFromTheNewestCheckpoint(@TempDir Path tmp) throws IOException {
        Path run = TinyRun.train(tmp.resolve("run"), TinyRun.config(0.5, 1));
        Path map = tmp.resolve("map.mrc");
        MrcWriter.write(map, TinyRun.maps().get(1).volume().withVoxelSize(Vec3.of(9.4)));
        UncertaintyRun.Outcome o = UncertaintyRun.run(run, map, 5, 1, tmp.resolve("out"));
        assertTrue(o.dropoutInRun());
        assertTrue(o.checkpoint().getFileName().toString().equals("step-000002.safetensors"), o.checkpoint().toString());
        Volume std = MrcReader.readVolume(tmp.resolve("out/std.mrc"));
        Volume mean = MrcReader.readVolume(tmp.resolve("out/mean.mrc"));
        assertEquals(9.4, std.voxelSize().x(), 1e-4, "the map's voxel size");
        assertEquals(TinyRun.BOX, mean.nx());
        assertTrue(o.meanStd() > 0 && o.maxStd() >= o.meanStd());
        for (float v : mean.data()) {
            assertTrue(v >= -1 && v <= 1, "the mean of tanh outputs lies in [-1, 1]");
        }
        BufferedImage png = ImageIO.read(tmp.resolve("out/uncertainty.png").toFile());
        assertTrue(png.getWidth() > 3 * 120 && png.getHeight() > 3 * 120);
    }

    @Test
    void aRunWithoutDropoutStillWorksAndSaysSo(@TempDir Path tmp) throws IOException {
        Path run = TinyRun.train(tmp.resolve("run"), TinyRun.config(0, 1));
        Path map = tmp.resolve("map.mrc");
        MrcWriter.write(map, TinyRun.maps().get(0).volume());
        UncertaintyRun.Outcome o = UncertaintyRun.run(run, map, 3, 1, tmp.resolve("out"));
        assertFalse(o.dropoutInRun());
        assertEquals(0, o.maps().dropoutLayers());
        assertTrue(o.maxStd() > 0, "the noise channel still varies");

        Path wrong = tmp.resolve("wrong.mrc");
        MrcWriter.write(wrong, Volume.cube(12, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UncertaintyRun.run(run, wrong, 3, 1, tmp.resolve("out2")));
        assertTrue(e.getMessage().contains("8³") && e.getMessage().contains("12x12x12"), e.getMessage());
        IOException none = assertThrows(IOException.class,
                () -> UncertaintyRun.run(tmp.resolve("out"), map, 3, 1, tmp.resolve("out3")));
        assertTrue(none.getMessage().contains("not a training run"), none.getMessage());
    }
}
