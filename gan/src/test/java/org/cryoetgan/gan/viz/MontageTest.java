package org.cryoetgan.gan.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MontageTest {

    @TempDir
    Path dir;

    private static Volume cubeWithBrightCentre() {
        Volume v = new Volume(20, 20, 20);
        for (int z = 8; z < 12; z++) {
            for (int y = 8; y < 12; y++) {
                for (int x = 8; x < 12; x++) {
                    v.set(x, y, z, 10f);
                }
            }
        }
        return v;
    }

    @Test
    void rowsOfThreeCentralSlicesWithPercentileContrast() throws IOException {
        List<Montage.Entry> entries = List.of(new Montage.Entry("a", cubeWithBrightCentre()),
                new Montage.Entry("b", cubeWithBrightCentre()));
        Path png = dir.resolve("m.png");
        new Montage(1, 99, 100).write(png, entries);
        BufferedImage img = ImageIO.read(png.toFile());
        int scale = 5; // ceil(100 / 20)
        int panel = 20 * scale;
        assertEquals(22 + 2 * (panel + 6) + 6, img.getHeight());
        int labelWidth = img.getWidth() - 3 * (panel + 6) - 6;
        for (int c = 0; c < 3; c++) {
            int left = labelWidth + c * (panel + 6) + 6;
            int centre = img.getRGB(left + 10 * scale + 2, 22 + 10 * scale + 2) & 0xFF;
            int corner = img.getRGB(left + 2, 22 + 2) & 0xFF;
            assertEquals(255, centre, "bright centre in panel " + c);
            assertEquals(0, corner, "dark background in panel " + c);
        }
    }

    @Test
    void percentileWindowIgnoresOutliers() {
        float[] values = new float[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 1000f;
        }
        values[999] = 1e6f;
        Contrast c = Contrast.fromPercentiles(values, 1, 99);
        assertTrue(c.high() < 1.1, "the outlier does not set the window: " + c);
        assertEquals(0, c.grey(-5));
        assertEquals(255, c.grey(1e6));
    }
}
