package org.cryoetgan.gan.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cryoetgan.gan.data.VolumeFiles;
import org.cryoetgan.gan.data.VolumeSet;

/**
 * A benchmark data set: a folder with {@code D/} (clean density maps, domain D), {@code S-train/} (realistic
 * subtomograms the GAN sees without their labels) and {@code S-test/} (held-out realistic subtomograms), each
 * holding MRC files and a {@code labels.csv} (or class sub-folders).
 */
public record BenchmarkData(Path root, Path density, Path subtomogramsTrain, Path subtomogramsTest) {
    public static final String DENSITY = "D";
    public static final String S_TRAIN = "S-train";
    public static final String S_TEST = "S-test";

    /** The data set in {@code root}, checking that its three folders exist. */
    public static BenchmarkData at(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": no such benchmark data folder");
        }
        for (String f : List.of(DENSITY, S_TRAIN, S_TEST)) {
            if (!Files.isDirectory(root.resolve(f))) {
                throw new IOException(root + ": no " + f + "/ folder (a benchmark data set holds " + DENSITY + "/, "
                        + S_TRAIN + "/ and " + S_TEST + "/)");
            }
        }
        return new BenchmarkData(root, root.resolve(DENSITY), root.resolve(S_TRAIN), root.resolve(S_TEST));
    }

    /** The three sets, read and checked: one box size, labelled, S-test's classes all present in D. */
    public Loaded load() throws IOException {
        VolumeSet d = labelled(VolumeFiles.read("density maps (" + density + ")", List.of(density), null));
        VolumeSet train = labelled(VolumeFiles.read("subtomograms (" + subtomogramsTrain + ")",
                List.of(subtomogramsTrain), null));
        VolumeSet test = labelled(VolumeFiles.read("subtomograms (" + subtomogramsTest + ")",
                List.of(subtomogramsTest), null));
        for (VolumeSet s : List.of(train, test)) {
            if (s.box() != d.box()) {
                throw new IOException(s.domain() + " are " + s.box() + "³ but the density maps are " + d.box() + "³");
            }
        }
        for (String c : test.labels()) {
            if (!d.labels().contains(c)) {
                throw new IOException(subtomogramsTest + ": class " + c + " has no density map in " + density
                        + " (classes there: " + d.labels() + ")");
            }
        }
        return new Loaded(d, train, test);
    }

    private static VolumeSet labelled(VolumeSet s) throws IOException {
        if (s.labels().size() < 2) {
            throw new IOException(s.domain() + ": need labels of at least two classes (labels.csv or class folders),"
                    + " found " + s.labels());
        }
        long unlabelled = s.samples().stream().filter(x -> x.label() == null || x.label().isEmpty()).count();
        if (unlabelled > 0) {
            throw new IOException(s.domain() + ": " + unlabelled + " volumes have no label (e.g. "
                    + s.samples().stream().filter(x -> x.label() == null || x.label().isEmpty()).findFirst()
                    .orElseThrow().source() + ")");
        }
        return s;
    }

    /** The volumes of the three folders. */
    public record Loaded(VolumeSet density, VolumeSet train, VolumeSet test) {
    }
}
