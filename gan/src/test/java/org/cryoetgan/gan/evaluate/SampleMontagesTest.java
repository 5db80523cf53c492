package org.cryoetgan.gan.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cryoetgan.gan.data.ShapeVolumes;
import org.cryoetgan.gan.data.VolumeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleMontagesTest {

    @Test
    void onePngPerClassWithRowsForRealAndEachSet(@TempDir Path dir) throws Exception {
        VolumeSet real = ShapeVolumes.set(12, 4, 0.2, 1);
        VolumeSet gen = ShapeVolumes.set(12, 4, 0.6, 2);
        VolumeSet single = ShapeVolumes.set(12, 4, 0.6, 2);
        List<String> files = SampleMontages.write(dir, real, Evaluation.candidates(gen, single), 2);
        assertEquals(List.of("samples-sphere.png", "samples-slab.png"), files);
        BufferedImage three = ImageIO.read(dir.resolve(files.get(0)).toFile());
        List<String> one = SampleMontages.write(dir.resolve("one"), real, Evaluation.candidates(gen, null), 2);
        BufferedImage two = ImageIO.read(dir.resolve("one").resolve(one.get(0)).toFile());
        assertEquals(three.getWidth(), two.getWidth());
        // 6 rows against 4 rows of equal height: the heights differ by two rows
        int rowPitch = (three.getHeight() - two.getHeight()) / 2;
        assertEquals(two.getHeight() + 2 * rowPitch, three.getHeight());
        assertEquals(true, rowPitch > 100, "rows are at least 120 px panels");
    }
}
