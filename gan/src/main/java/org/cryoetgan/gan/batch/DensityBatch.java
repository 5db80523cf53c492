package org.cryoetgan.gan.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.cryoetgan.gan.data.LabelTable;
import org.cryoetgan.gan.mrc.MrcWriteOptions;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.volume.Volume;

/**
 * Writes {@code perSource} density maps for each source, each in a random pose, as
 * {@code <label>_<nnnn>.mrc} (numbered per label) in one folder, with a label table (CSV or STAR by its name) listing file, class
 * label, class number, source, RELION Euler angles and shift, one row as each map is written. Reproducible for a
 * given seed.
 */
public final class DensityBatch {

    private DensityBatch() {
    }

    /** Columns of the label table. */
    static final List<LabelTable.Column> COLUMNS = List.of(
            new LabelTable.Column("file", "rlnImageName"),
            new LabelTable.Column("label", "cryoetganLabel"),
            new LabelTable.Column("class", "rlnClassNumber"),
            new LabelTable.Column("source", "cryoetganSource"),
            new LabelTable.Column("rot", "rlnAngleRot"),
            new LabelTable.Column("tilt", "rlnAngleTilt"),
            new LabelTable.Column("psi", "rlnAnglePsi"),
            new LabelTable.Column("shift_x_A", "rlnOriginXAngst"),
            new LabelTable.Column("shift_y_A", "rlnOriginYAngst"),
            new LabelTable.Column("shift_z_A", "rlnOriginZAngst"));

    /**
     * Run the batch, holding {@code outDir} {@linkplain OutputLock#exclusive alone}; returns the label table, which
     * has also been written to {@code labels}, one row as each map is written.
     */
    public static LabelTable run(List<MapSource> sources, int perSource, Augmentation aug, long seed, Path outDir,
                                 Path labels, MrcWriteOptions format, BatchProgress progress) throws IOException {
        int total = sources.size() * perSource;
        int done = 0;
        ClassNumbers classes = new ClassNumbers(sources.stream().map(MapSource::label).toList());
        try (OutputLock lock = OutputLock.exclusive(outDir); LabelFile table = LabelFile.create(labels, COLUMNS)) {
            for (int s = 0; s < sources.size(); s++) {
                MapSource src = sources.get(s);
                for (int i = 0; i < perSource; i++) {
                    Random rng = Augmentation.rngFor(seed, s, i);
                    Augmentation.Pose pose = aug.draw(rng);
                    Volume v = src.make(pose.rotation(), pose.shift());
                    String name = String.format("%s_%04d.mrc", safe(src.label()), classes.nextSample(src.label()));
                    MrcWriter.write(outDir.resolve(name), v, format);
                    double[] e = pose.rotation().toEuler();
                    table.add(name, src.label(), classes.of(src.label()), src.origin(), e[0], e[1], e[2],
                            pose.shift().x(), pose.shift().y(), pose.shift().z());
                    progress.update(++done, total, name);
                }
            }
            return table.table();
        }
    }

    /** A label made safe for a file name. */
    static String safe(String label) {
        return label.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
