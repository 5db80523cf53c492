package org.cryoetgan.gan.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.cryoetgan.nn.io.AtomicFiles;

/** Writes images as PNG files atomically; a failure names the file (ImageIO's own file writer does not). */
public final class PngFiles {

    private PngFiles() {
    }

    /** Writes {@code img} to {@code png}, creating its folder. */
    public static void write(Path png, BufferedImage img) throws IOException {
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException(png + ": no PNG writer available");
            }
        });
    }
}
