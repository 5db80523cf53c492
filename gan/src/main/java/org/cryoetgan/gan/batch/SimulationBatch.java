package org.cryoetgan.gan.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.cryoetgan.gan.data.LabelTable;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.mrc.MrcWriteOptions;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.sim.Ctf;
import org.cryoetgan.gan.sim.SimulationSettings;
import org.cryoetgan.gan.sim.TraditionalSimulator;
import org.cryoetgan.gan.sim.VolumeRotation;
import org.cryoetgan.gan.volume.Volume;

/**
 * Runs the traditional simulator over density maps: for each map, {@code perMap} subtomograms in random poses (the
 * map rotated and shifted by trilinear interpolation), each with a defocus drawn uniformly from
 * [defocusMin, defocusMax] µm when a CTF is set. Writes {@code <label>_<nnnn>.mrc} and a label table (CSV or STAR)
 * with file, class, source map, Euler angles, shift, defocus, SNR and mode.
 */
public final class SimulationBatch {

    /** Keeps this job's random poses independent of a density batch run with the same seed. */
    private static final long SALT = 0x5EED5EED5EEDL;

    private SimulationBatch() {
    }

    /** The density batch's columns (file, label, class, source, pose) plus the imaging parameters. */
    static final List<LabelTable.Column> COLUMNS = java.util.stream.Stream.concat(DensityBatch.COLUMNS.stream(),
            java.util.stream.Stream.of(
                    new LabelTable.Column("defocus_um", "rlnDefocusU"),
                    new LabelTable.Column("snr", "cryoetganSnr"),
                    new LabelTable.Column("mode", "cryoetganMode"))).toList();

    /** Defocus range in µm (negative = underfocus); equal ends for a fixed defocus. */
    public record DefocusRange(double min, double max) {
        double draw(Random rng) {
            return min + (max - min) * rng.nextDouble();
        }
    }

    /**
     * Runs the batch after reading every map ({@link MapSources#checkMaps}), holding {@code outDir}
     * {@linkplain OutputLock#exclusive alone}; the label table is written to {@code labels} one row as each
     * subtomogram is written, and returned.
     */
    public static LabelTable run(List<MapSources.LabelledFile> maps, int perMap, Augmentation aug, SimulationSettings base,
                                 DefocusRange defocus, long seed, Path outDir, Path labels, MrcWriteOptions format,
                                 BatchProgress progress) throws IOException {
        MapSources.checkMaps(maps, 0);
        int total = maps.size() * perMap;
        int done = 0;
        ClassNumbers classes = new ClassNumbers(maps.stream().map(MapSources.LabelledFile::label).toList());
        try (OutputLock lock = OutputLock.exclusive(outDir); LabelFile table = LabelFile.create(labels, COLUMNS)) {
            for (int m = 0; m < maps.size(); m++) {
                MapSources.LabelledFile f = maps.get(m);
                Volume map = MrcReader.readVolume(f.file());
                for (int i = 0; i < perMap; i++) {
                    Simulated sim = simulate(map, m, i, aug, base, defocus, seed);
                    Augmentation.Pose pose = sim.pose();
                    String name = String.format("%s_%04d.mrc", DensityBatch.safe(f.label()),
                            classes.nextSample(f.label()));
                    MrcWriter.write(outDir.resolve(name), sim.volume(), format);
                    double[] e = pose.rotation().toEuler();
                    table.add(name, f.label(), classes.of(f.label()), f.file().getFileName().toString(), e[0], e[1],
                            e[2], pose.shift().x(), pose.shift().y(), pose.shift().z(), sim.defocus(), base.snr(),
                            base.mode().name());
                    progress.update(++done, total, name);
                }
            }
            return table.table();
        }
    }

    /** One simulated subtomogram with its pose and defocus (NaN without a CTF). */
    public record Simulated(Volume volume, Augmentation.Pose pose, double defocus) {
    }

    /**
     * Sample {@code i} of map {@code m} of a batch, drawn exactly as {@link #run} draws it: the first sample of a
     * one-map batch is what {@code simulate --map one.mrc --out one-sim.mrc} writes.
     */
    public static Simulated simulate(Volume map, int m, int i, Augmentation aug, SimulationSettings base,
                                     DefocusRange defocus, long seed) {
        Random rng = Augmentation.rngFor(seed ^ SALT, m, i);
        Augmentation.Pose pose = aug.draw(rng);
        Volume posed = VolumeRotation.rotate(map, pose.rotation(), pose.shift());
        SimulationSettings s = base;
        Ctf ctf = base.ctf();
        double dz = Double.NaN;
        if (ctf != null) {
            dz = defocus.draw(rng);
            s = base.withCtf(new Ctf(ctf.voltageKv(), ctf.csMm(), dz, ctf.amplitudeContrast(), ctf.bFactor()));
        }
        return new Simulated(new TraditionalSimulator(s).simulate(posed, rng), pose, dz);
    }
}
