package org.cryoetgan.gan.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngFilesTest {

    @Test
    void writesAReadablePng(@TempDir Path dir) throws Exception {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(2, 1, 0x123456);
        Path png = dir.resolve("sub/a.png");
        PngFiles.write(png, img);
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(0x123456, back.getRGB(2, 1) & 0xFFFFFF);
    }

    @Test
    void aMontageThatCannotBeWrittenNamesItsFile(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("m.png"));
        Files.writeString(folder.resolve("x"), "x");
        IOException e = assertThrows(IOException.class, () -> new Montage().write(folder,
                List.of(new Montage.Entry("v", Volume.cube(4, 1)))));
        assertTrue(e.getMessage().startsWith(folder + ": cannot write"), e.getMessage());
    }
}
