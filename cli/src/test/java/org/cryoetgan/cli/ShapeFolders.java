package org.cryoetgan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.ShapeVolumes;
import org.cryoetgan.gan.mrc.MrcWriter;

/** Writes the synthetic sphere/slab volumes as MRC files in one sub-folder per class. */
final class ShapeFolders {
    private ShapeFolders() {
    }

    static Path write(Path root, int n, int perClass, double noise, long seed) throws IOException {
        int i = 0;
        for (Sample s : ShapeVolumes.set(n, perClass, noise, seed).samples()) {
            Path dir = Files.createDirectories(root.resolve(s.label()));
            MrcWriter.write(dir.resolve(String.format("%s-%03d.mrc", s.label(), i++)), s.volume());
        }
        return root;
    }
}
