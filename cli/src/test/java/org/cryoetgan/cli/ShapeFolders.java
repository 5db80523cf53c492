package org.cryoetgan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * The data options of a tiny training run on shapes: clean sphere/slab maps in {@code root}/D and noisy ones as
     * the "subtomograms" in {@code root}/S, two of each class and n³ voxels each.
     */
    static List<String> trainingData(Path root, int n) throws IOException {
        write(root.resolve("D"), n, 2, 0, 1);
        write(root.resolve("S"), n, 2, 0.5, 2);
        return List.of("--density", root.resolve("D").toString(), "--subtomograms", root.resolve("S").toString());
    }
}
