package org.cryoetgan.gan.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cryoetgan.gan.batch.Augmentation;
import org.cryoetgan.gan.batch.DensityBatch;
import org.cryoetgan.gan.batch.MapSource;
import org.cryoetgan.gan.batch.MapSources;
import org.cryoetgan.gan.demo.DemoModels;
import org.cryoetgan.gan.demo.DemoSubtomograms;
import org.cryoetgan.gan.mrc.MrcWriteOptions;
import org.cryoetgan.gan.structure.DensitySettings;

/**
 * The built-in demo's data, written as a {@link BenchmarkData} folder. {@code S-train/} and {@code S-test/} are the
 * bundled RELION-made subtomograms ({@link DemoSubtomograms}); {@code D/} holds clean density maps of the same
 * seven classes made from the bundled atomic models the way the realistic benchmark makes its D: the maps that
 * {@code density --demo all --box 28 --voxel 9.4 --resolution 20 --per-model N --seed S} writes, with the box,
 * voxel size and resolution taken from the bundle's recipe.
 */
public final class DemoData {
    /** The file that marks a folder as written here, so that a later demo run may replace it. */
    static final String MARKER = ".cryoetgan-demo-data";
    /** Volumes generated, and simulated, per map by the demo's evaluation (the collapse check needs two). */
    static final int EVALUATION_PER_MAP = 2;

    private DemoData() {
    }

    /**
     * Writes the demo's data into {@code root}, replacing a demo data folder there; refuses any other non-empty
     * folder.
     *
     * @param mapsPerClass density maps per class in D
     * @param seed         seed of the maps' random orientations
     */
    public static BenchmarkData write(Path root, int mapsPerClass, long seed) throws IOException {
        if (mapsPerClass < 1) {
            throw new IllegalArgumentException("--demo-per-class must be at least 1, got " + mapsPerClass);
        }
        DemoSubtomograms.Recipe recipe = DemoSubtomograms.recipe();
        if (!recipe.classes().equals(DemoModels.names().stream().sorted().toList())) {
            throw new IllegalStateException("the bundled subtomograms' classes " + recipe.classes()
                    + " are not the bundled models " + DemoModels.names());
        }
        prepare(root);
        Files.writeString(root.resolve(MARKER), "written by cryoetgan's demo (train without data); replaced by the"
                + " next demo run into this folder\n");
        DemoSubtomograms.copyTo(root);
        Path d = root.resolve(BenchmarkData.DENSITY);
        Files.createDirectories(d);
        List<MapSource> models = MapSources.allDemo(DensitySettings.of(recipe.voxelSize(), recipe.mapResolution(),
                recipe.box()));
        DensityBatch.run(models, mapsPerClass, new Augmentation(true, 0), seed, d, d.resolve("labels.csv"),
                MrcWriteOptions.defaults(), (done, total, item) -> { });
        return BenchmarkData.at(root);
    }

    /**
     * The demo's evaluation: the benchmark protocol on the trained run with {@value #EVALUATION_PER_MAP} volumes
     * per map and without CB3D (the invariant-feature yardstick, the collapse check and the montages).
     */
    public static BenchmarkSettings evaluationSettings() {
        BenchmarkSettings s = new BenchmarkSettings();
        s.perMap = EVALUATION_PER_MAP;
        s.cb3d = false;
        return s;
    }

    private static void prepare(Path root) throws IOException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IOException(root + ": exists and is not a folder (the demo writes its data there)");
        }
        if (Files.isRegularFile(root.resolve(MARKER))) {
            OutputFolder.deleteTree(root);
        } else if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.list(root)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(root + ": exists, is not empty and was not written by the demo (move it"
                            + " away or train into another --out)");
                }
            }
        }
        Files.createDirectories(root);
    }
}
